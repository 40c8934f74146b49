// Benchmark: the ISMS modules (issue 4) through the real built server, on SQLite and on PostgreSQL — the
// framework version tree and a 5,000-node import, an ISO/IEC 27001 assessment page with results, the SoA
// exports, the obligations calendar generate/refresh and its views, a document register of 1,000 documents
// and the acknowledgement progress of a version distributed to 1,000 people.
//
//   node bench/isms.mjs [--out FILE] [--only sqlite|postgres] [--requests N] [--concurrency N]
//                       [--users N] [--documents N]
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  cleanupStack,
  freePort,
  gitInfo,
  log,
  machineInfo,
  requireBuiltServer,
  runCli,
  signIn,
  startServer,
  writeJson,
} from './lib/common.mjs';
import { calendarCases } from './lib/isms-calendar.mjs';
import { documentCases } from './lib/isms-documents.mjs';
import { libraryCases } from './lib/isms-library.mjs';
import { apiClient, round, timeRequests } from './lib/measure.mjs';
import { eachDialect } from './lib/scratch-db.mjs';

const NAME = 'isms';
const { values: argv } = parseArgs({
  options: {
    out: { type: 'string' },
    only: { type: 'string' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    users: { type: 'string', default: '1000' },
    documents: { type: 'string', default: '1000' },
  },
});
const SETTINGS = {
  requestsPerEndpoint: Number(argv.requests),
  /** Exports and other heavy answers get fewer requests. */
  requestsPerExport: Math.max(5, Math.round(Number(argv.requests) / 10)),
  concurrency: Number(argv.concurrency),
  users: Number(argv.users),
  documents: Number(argv.documents),
  calendarRefreshes: 20,
  logLevel: 'warn',
};
const cleanup = cleanupStack();

/** Collects the cases of one database; every phase records through it. */
function recorder(prefix, server, auth) {
  const cases = [];
  const push = (label, metrics, valid = true, extra = {}) => {
    // No targets here, so the page would not flag a run with errors: the label says so instead.
    const shown = valid ? label : `${label} — had errors, figures not valid`;
    cases.push({ label: `${prefix}: ${shown}`, skipped: null, valid, metrics, targets: [], ...extra });
  };
  return {
    cases,
    /** One timed step (a write, a generate): its time in ms and what it produced. */
    step(label, ms, items = null, extra = {}) {
      log(NAME, `${prefix}: ${label}: ${round(ms, 1)} ms${items === null ? '' : `, ${items} items`}`);
      push(label, { ms: round(ms, 1), items }, true, extra);
    },
    /** A sample of timed steps (each write once): p50/p95 of them. */
    sample(label, times, items = null) {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      log(
        NAME,
        `${prefix}: ${label}: p50 ${round(at(0.5), 1)} ms, p95 ${round(at(0.95), 1)} ms (${times.length})`,
      );
      push(label, { latencyP50Ms: round(at(0.5), 2), latencyP95Ms: round(at(0.95), 2), items });
    },
    /** Repeated GETs (or any request) with a few in flight. */
    async requests(label, path, { heavy = false, items = null, method = 'GET', body, ok } = {}) {
      const api = apiClient(server.base, auth);
      const r = await timeRequests(() => api.send(method, path, body), {
        requests: heavy ? SETTINGS.requestsPerExport : SETTINGS.requestsPerEndpoint,
        concurrency: heavy ? Math.min(2, SETTINGS.concurrency) : SETTINGS.concurrency,
        warmup: heavy ? 2 : 5,
        ok,
      });
      log(
        NAME,
        `${prefix}: ${label}: p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.rps} req/s, ${r.responseKiB} KiB, failed ${r.failed}` +
          (r.firstError ? ` (${r.firstError})` : ''),
      );
      push(
        label,
        {
          latencyP50Ms: r.p50,
          latencyP95Ms: r.p95,
          requestsPerSec: r.rps,
          responseKiB: r.responseKiB,
          items,
        },
        r.failed === 0,
      );
    },
  };
}

async function measure(prefix, env, openDb) {
  log(NAME, `${prefix}: loading the demo`);
  const demo = await runCli(['demo'], env);
  const password = /Every demo account uses the password: (\S+)/.exec(demo)?.[1];
  if (!password) throw new Error(`vigil demo printed no password:\n${demo}`);
  const server = await startServer(env, await freePort());
  cleanup.add(() => server.stop());
  const auth = await signIn(server.base, 'lin.admin', password);
  const rec = recorder(prefix, server, auth);
  const ctx = {
    api: apiClient(server.base, auth),
    base: server.base,
    password,
    rec,
    openDb,
    settings: SETTINGS,
    log: (m) => log(NAME, `${prefix}: ${m}`),
  };
  await libraryCases(ctx);
  await calendarCases(ctx);
  await documentCases(ctx);
  return rec.cases;
}

async function main() {
  requireBuiltServer();
  const ranAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0];
  const cases = await eachDialect(NAME, cleanup, argv.only, SETTINGS.logLevel, measure);
  const result = {
    benchmark: NAME,
    title: 'ISMS modules over HTTP: frameworks, compliance, obligations calendar, documents',
    description:
      'The built server with the demo organisation on a fresh store per database. Reads are requested ' +
      `${SETTINGS.requestsPerEndpoint} times (exports ${SETTINGS.requestsPerExport} times) with ` +
      `${SETTINGS.concurrency} in flight (2 for exports) after a few warm-up requests; one-off writes are timed once, ` +
      'repeated writes give p50/p95 of each. Data added: a 5,000-node framework imported through the API, an ' +
      `ISO/IEC 27001 assessment with every result set, ${SETTINGS.documents.toLocaleString('en-US')} documents ` +
      `(created through the API, versions added in the database) and ${SETTINGS.users.toLocaleString('en-US')} users ` +
      '(database copies of a demo user) who receive the policy, half of them having acknowledged it. The load ' +
      'generator runs on the same machine.',
    ranAt,
    machine: machineInfo(),
    loadAverage1mBefore: round(loadBefore, 2),
    /** Other work on the machine during the run shows here (the run itself keeps about one core busy). */
    loadAverage1mAfter: round(os.loadavg()[0], 2),
    git: gitInfo(),
    settings: SETTINGS,
    columns: [
      { key: 'ms', label: 'Time (ms)', format: 'ms' },
      { key: 'latencyP50Ms', label: 'p50 (ms)', format: 'ms' },
      { key: 'latencyP95Ms', label: 'p95 (ms)', format: 'ms' },
      { key: 'requestsPerSec', label: 'Requests/s', format: 'int' },
      { key: 'responseKiB', label: 'Response (KiB)', format: 'mib' },
      { key: 'items', label: 'Items', format: 'int' },
    ],
    targets: [],
    cases,
  };
  if (argv.out) writeJson(argv.out, result);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => cleanup.runAll(),
  async (err) => {
    console.error(err);
    await cleanup.runAll();
    process.exit(1);
  },
);
