// Benchmark: a signed-in user listing a full 50-row page of users (GET /api/users?limit=50) through the
// real built server, on SQLite and on PostgreSQL. Measures throughput, latency and memory.
//
//   node bench/http-list.mjs [--out FILE] [--only sqlite|postgres] [--duration S] [--connections N]
//
// PostgreSQL: a throw-away database vigil_bench_<random> is created through BENCH_PG_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards; unreachable → the case is skipped.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  cleanEnv,
  cleanupStack,
  cpuSeconds,
  freePort,
  gitInfo,
  log,
  machineInfo,
  makeTempDir,
  ROOT,
  requireBuiltServer,
  rssMiB,
  runCli,
  signIn,
  sleep,
  startServer,
  writeJson,
} from './lib/common.mjs';

const NAME = 'http-list';
// pg is a dependency of @vigil/db; resolve it from there rather than relying on hoisting.
const pg = createRequire(path.join(ROOT, 'packages/db/package.json'))('pg');

const { values: argv } = parseArgs({
  options: {
    out: { type: 'string' },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});

const SETTINGS = {
  path: '/api/users?limit=50',
  pageSize: 50,
  extraUsers: 55,
  connections: Number(argv.connections),
  durationSec: Number(argv.duration),
  warmupSec: 2,
  idleSec: 2,
  logLevel: 'warn',
};
const TARGETS = [
  { key: 'requestsPerSec', op: '>=', value: 5000, label: '≥ 5,000 req/s' },
  { key: 'latencyP99Ms', op: '<', value: 20, label: 'p99 < 20 ms' },
];
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const cleanup = cleanupStack();

/** Fills the user list past one page; two at a time because each creation hashes a password (argon2). */
async function addUsers(base, auth, count) {
  const create = async (i) => {
    const n = String(i).padStart(3, '0');
    const res = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrfToken },
      body: JSON.stringify({ username: `bench.user${n}`, displayName: `Bench User ${n}`, roles: ['viewer'] }),
    });
    if (res.status !== 201) throw new Error(`POST /api/users failed: ${res.status} ${await res.text()}`);
  };
  for (let i = 0; i < count; i += 2) await Promise.all([create(i), i + 1 < count ? create(i + 1) : null]);
}

function cannon(url, cookie, durationSec) {
  return autocannon({
    url,
    connections: SETTINGS.connections,
    duration: durationSec,
    headers: { cookie },
  });
}

function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function measure(label, env) {
  log(NAME, `${label}: loading demo data`);
  const demoOut = await runCli(['demo'], env);
  const password = /Every demo account uses the password: (\S+)/.exec(demoOut)?.[1];
  if (!password) throw new Error(`could not find the demo password in:\n${demoOut}`);

  const server = await startServer(env, await freePort());
  cleanup.add(() => server.stop());
  const auth = await signIn(server.base, 'lin.admin', password);
  log(NAME, `${label}: creating ${SETTINGS.extraUsers} more users`);
  await addUsers(server.base, auth, SETTINGS.extraUsers);

  const url = `${server.base}${SETTINGS.path}`;
  const probe = await fetch(url, { headers: { cookie: auth.cookie } });
  const probeText = await probe.text();
  if (!probe.ok) throw new Error(`GET ${SETTINGS.path} failed: ${probe.status} ${probeText}`);
  const page = JSON.parse(probeText);
  if (page.items.length !== SETTINGS.pageSize) {
    throw new Error(`expected a full page of ${SETTINGS.pageSize} users, got ${page.items.length}`);
  }

  log(NAME, `${label}: warm-up ${SETTINGS.warmupSec} s, idle ${SETTINGS.idleSec} s`);
  await cannon(url, auth.cookie, SETTINGS.warmupSec);
  await sleep(SETTINGS.idleSec * 1000);
  const rssIdle = rssMiB(server.pid);

  log(NAME, `${label}: ${SETTINGS.connections} connections for ${SETTINGS.durationSec} s`);
  const cpuBefore = cpuSeconds(server.pid);
  const started = performance.now();
  const r = await cannon(url, auth.cookie, SETTINGS.durationSec);
  const rssAfter = rssMiB(server.pid);
  const cpuAfter = cpuSeconds(server.pid);
  const elapsedSec = (performance.now() - started) / 1000;

  const metrics = {
    requestsPerSec: round(r.requests.average, 0),
    requestsTotal: r.requests.total,
    latencyP50Ms: round(r.latency.p50, 2),
    latencyP99Ms: round(r.latency.p99, 2),
    latencyMaxMs: round(r.latency.max, 2),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    // 100 % = one core busy: the server's main thread is the limit when this is near 100.
    serverCpuPercent:
      cpuBefore === null || cpuAfter === null ? null : round(((cpuAfter - cpuBefore) / elapsedSec) * 100, 0),
    rssIdleMiB: rssIdle,
    rssAfterLoadMiB: rssAfter,
    responseBytes: Buffer.byteLength(probeText),
    usersInDatabase: page.total,
  };
  // A run with failed requests proves nothing, so it meets no target.
  const valid = metrics.errors === 0 && metrics.non2xx === 0;
  const targets = TARGETS.map((t) => {
    const actual = metrics[t.key];
    const met = valid && (t.op === '>=' ? actual >= t.value : actual < t.value);
    return { label: t.label, met, actual };
  });
  log(
    NAME,
    `${label}: ${metrics.requestsPerSec} req/s, p50 ${metrics.latencyP50Ms} ms, p99 ${metrics.latencyP99Ms} ms, ` +
      `errors ${metrics.errors}, non-2xx ${metrics.non2xx}, server CPU ${metrics.serverCpuPercent} %, RSS ${rssIdle} → ${rssAfter} MiB`,
  );
  return { metrics, targets, valid };
}

async function sqliteCase() {
  const mark = cleanup.mark();
  const dataDir = makeTempDir('vigil-bench-');
  cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const env = cleanEnv({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: SETTINGS.logLevel });
    return { name: 'sqlite', label: 'SQLite', skipped: null, ...(await measure('SQLite', env)) };
  } finally {
    await cleanup.unwind(mark);
  }
}

async function postgresCase() {
  const label = 'PostgreSQL';
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const note = `PostgreSQL not reachable at ${PG_ADMIN_URL} (${err.message}); set BENCH_PG_URL to an admin URL to include it`;
    log(NAME, `${label}: skipped — ${note}`);
    return { name: 'postgres', label, skipped: note };
  }
  const mark = cleanup.mark();
  cleanup.add(() => admin.end());
  const dbName = `vigil_bench_${randomBytes(4).toString('hex')}`;
  try {
    const { rows } = await admin.query('show server_version');
    await admin.query(`create database ${dbName}`);
    cleanup.add(async () => {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      log(NAME, `${label}: dropped ${dbName}`);
    });
    const dbUrl = new URL(PG_ADMIN_URL);
    dbUrl.pathname = `/${dbName}`;
    const dataDir = makeTempDir('vigil-bench-');
    cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = cleanEnv({
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DATABASE_URL: dbUrl.toString(),
      VIGIL_LOG_LEVEL: SETTINGS.logLevel,
    });
    const result = await measure(label, env);
    return { name: 'postgres', label, skipped: null, serverVersion: rows[0].server_version, ...result };
  } finally {
    await cleanup.unwind(mark);
  }
}

async function main() {
  requireBuiltServer();
  const ranAt = new Date().toISOString();
  // Other work on the machine skews the figures; the load average lets a reader judge them.
  const loadBefore = os.loadavg()[0];
  const cases = [];
  if (!argv.only || argv.only === 'sqlite') cases.push(await sqliteCase());
  if (!argv.only || argv.only === 'postgres') cases.push(await postgresCase());
  const result = {
    benchmark: NAME,
    title: 'List a 50-row page of users over HTTP',
    description:
      'A signed-in administrator requests GET /api/users?limit=50 (demo data plus 55 users, so the page is full) ' +
      `from the built server: ${SETTINGS.connections} keep-alive connections for ${SETTINGS.durationSec} s after a ` +
      `${SETTINGS.warmupSec} s warm-up; load generator (autocannon) on the same machine.`,
    ranAt,
    machine: machineInfo(),
    loadAverage1mBefore: round(loadBefore, 2),
    git: gitInfo(),
    settings: SETTINGS,
    columns: [
      { key: 'requestsPerSec', label: 'Requests/s (avg)', format: 'int' },
      { key: 'latencyP50Ms', label: 'p50 (ms)', format: 'ms' },
      { key: 'latencyP99Ms', label: 'p99 (ms)', format: 'ms' },
      { key: 'errors', label: 'Errors', format: 'int' },
      { key: 'non2xx', label: 'Non-2xx', format: 'int' },
      { key: 'serverCpuPercent', label: 'Server CPU (%)', format: 'int' },
      { key: 'rssIdleMiB', label: 'RSS idle (MiB)', format: 'mib' },
      { key: 'rssAfterLoadMiB', label: 'RSS after load (MiB)', format: 'mib' },
    ],
    targets: TARGETS.map((t) => t.label),
    cases,
  };
  if (argv.out) writeJson(argv.out, result);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().then(
  () => cleanup.runAll(),
  async (err) => {
    console.error(`[bench:${NAME}] failed: ${err.stack ?? err.message}`);
    await cleanup.runAll();
    process.exitCode = 1;
  },
);
