// Benchmark: the asset inventory and the risk register at size, through the real built server, on
// SQLite and on PostgreSQL. A 10,000-row XLSX inventory goes through preview and apply (target < 15 s);
// then 50,000 risk scenarios are added (copies of a demo scenario spread over those assets, owners and
// levels, written straight to the database) and the list and filter endpoints are timed (target p95 < 100 ms).
//
//   node bench/inventory-risk.mjs [--out FILE] [--only sqlite|postgres] [--requests N] [--concurrency N]
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  cleanEnv,
  cleanupStack,
  freePort,
  gitInfo,
  log,
  machineInfo,
  makeTempDir,
  ROOT,
  requireBuiltServer,
  runCli,
  signIn,
  startServer,
  writeJson,
} from './lib/common.mjs';

const NAME = 'inventory-risk';
const fromDb = createRequire(path.join(ROOT, 'packages/db/package.json'));
const pg = fromDb('pg');
const Sqlite = fromDb('better-sqlite3');
const ExcelJS = createRequire(path.join(ROOT, 'apps/server/package.json'))('exceljs');

const { values: argv } = parseArgs({
  options: {
    out: { type: 'string' },
    only: { type: 'string' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
  },
});
const SETTINGS = {
  assets: 10_000,
  scenarios: 50_000,
  requestsPerEndpoint: Number(argv.requests),
  concurrency: Number(argv.concurrency),
  logLevel: 'warn',
};
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const cleanup = cleanupStack();
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const TYPES = ['資通系統', '硬體', '軟體', '資料', '服務', '網路設備'];

async function inventoryFile(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('資產清冊');
  ws.addRow([
    '資產名稱',
    '資產類別',
    '資產擁有者',
    '主機名稱',
    'IP 位址',
    '機密性',
    '完整性',
    '可用性',
    '標籤',
  ]);
  for (let i = 1; i <= SETTINGS.assets; i++) {
    const n = String(i).padStart(5, '0');
    ws.addRow([
      `效能測試資產 ${n}`,
      TYPES[i % TYPES.length],
      i % 3 === 0 ? 'wu.app' : 'lee.sys',
      `bench-${n}.example.gov.tw`,
      `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      (i % 3) + 1,
      ((i + 1) % 3) + 1,
      ((i + 2) % 3) + 1,
      i % 10 === 0 ? 'bench;tenth' : 'bench',
    ]);
  }
  await wb.xlsx.writeFile(file);
}

async function importInventory(base, auth, file) {
  const started = performance.now();
  const preview = await fetch(`${base}/api/assets/import/preview?fileName=bench.xlsx`, {
    method: 'POST',
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      cookie: auth.cookie,
      'x-csrf-token': auth.csrfToken,
    },
    body: fs.readFileSync(file),
  });
  const p = await preview.json();
  if (!preview.ok || p.errorCount > 0) throw new Error(`preview failed: ${JSON.stringify(p).slice(0, 500)}`);
  const previewSec = (performance.now() - started) / 1000;
  const applied = await fetch(`${base}/api/assets/import/${p.importId}/apply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrfToken },
    body: '{}',
  });
  const a = await applied.json();
  if (!applied.ok || a.created !== SETTINGS.assets) throw new Error(`apply failed: ${JSON.stringify(a)}`);
  return { previewSec, totalSec: (performance.now() - started) / 1000 };
}

/** Copies one demo scenario into `count` rows spread over assets, owners and levels, in one transaction. */
async function addScenarios(db, count) {
  const template = (await db.all('select * from risk_scenarios order by seq limit 1'))[0];
  if (!template) throw new Error('the demo has no risk scenario to copy');
  const levels = await db.all('select distinct current_level, current_rank from risk_scenarios');
  const owners = (await db.all("select id from users where username in ('lee.sys','wu.app','chen.se')")).map(
    (r) => r.id,
  );
  const assets = (await db.all("select id from assets where name like '效能測試資產%'")).map((r) => r.id);
  const maxSeq = Number((await db.all('select max(seq) as m from risk_scenarios'))[0].m);
  const columns = Object.keys(template);
  await db.begin();
  for (let i = 1; i <= count; i++) {
    const seq = maxSeq + i;
    const level = levels[i % levels.length];
    const row = {
      ...template,
      id: randomUUID(),
      seq,
      code: `R-${String(seq).padStart(6, '0')}`,
      owner_id: owners[i % owners.length],
      current_level: level.current_level,
      current_rank: level.current_rank,
      title: `效能測試情境 ${seq}`,
      search_text: `r-${seq} 效能測試情境 ${seq}`.toLowerCase(),
    };
    await db.insert(
      'risk_scenarios',
      columns,
      columns.map((c) => row[c]),
    );
    await db.insert(
      'risk_scenario_assets',
      ['scenario_id', 'asset_id', 'position'],
      [row.id, assets[i % assets.length], 0],
    );
  }
  await db.commit();
  return { assetIds: assets, ownerIds: owners, levels: levels.map((l) => l.current_level) };
}

function sqliteAccess(file) {
  const db = new Sqlite(file);
  db.pragma('busy_timeout = 30000');
  const cache = new Map();
  return {
    all: async (sql) => db.prepare(sql).all(),
    begin: async () => db.exec('begin'),
    commit: async () => db.exec('commit'),
    insert: async (table, cols, values) => {
      const key = `${table}:${cols.join()}`;
      let stmt = cache.get(key);
      if (!stmt) {
        stmt = db.prepare(
          `insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`,
        );
        cache.set(key, stmt);
      }
      stmt.run(...values);
    },
    close: async () => db.close(),
  };
}

function postgresAccess(url) {
  const client = new pg.Client({ connectionString: url });
  let connected = null;
  const ready = () => (connected ??= client.connect());
  return {
    all: async (sql) => {
      await ready();
      return (await client.query(sql)).rows;
    },
    begin: async () => {
      await ready();
      await client.query('begin');
    },
    commit: async () => client.query('commit'),
    insert: async (table, cols, values) =>
      client.query({
        name: `ins-${table}`,
        text: `insert into ${table} (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
        values,
      }),
    close: async () => client.end(),
  };
}

/** Times `requests` GETs of one path with a few in flight at once; answers p50/p95 in ms. */
async function timeEndpoint(base, cookie, p) {
  const durations = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < SETTINGS.requestsPerEndpoint) {
      next++;
      const t = performance.now();
      const res = await fetch(`${base}${p}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (!res.ok) failed++;
      durations.push(performance.now() - t);
    }
  };
  // Warm-up, then the measured run.
  for (let i = 0; i < 10; i++) await (await fetch(`${base}${p}`, { headers: { cookie } })).arrayBuffer();
  const started = performance.now();
  await Promise.all(Array.from({ length: SETTINGS.concurrency }, worker));
  const sec = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  const at = (q) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), rps: round(durations.length / sec, 0), failed };
}

async function measure(label, env, openDb) {
  log(NAME, `${label}: loading the demo`);
  const demo = await runCli(['demo'], env);
  const password = /Every demo account uses the password: (\S+)/.exec(demo)?.[1];
  const server = await startServer(env, await freePort());
  cleanup.add(() => server.stop());
  const auth = await signIn(server.base, 'lin.admin', password);
  const file = path.join(makeTempDir('vigil-bench-xlsx-'), 'inventory.xlsx');
  await inventoryFile(file);
  log(NAME, `${label}: importing ${SETTINGS.assets} assets from XLSX`);
  const imp = await importInventory(server.base, auth, file);
  log(NAME, `${label}: import ${round(imp.totalSec, 2)} s (preview ${round(imp.previewSec, 2)} s)`);

  log(NAME, `${label}: adding ${SETTINGS.scenarios} risk scenarios`);
  const db = openDb();
  const spread = await addScenarios(db, SETTINGS.scenarios);
  await db.close();

  const cases = [
    {
      label: `${label}: import 10,000-row XLSX (preview + apply)`,
      metrics: { seconds: round(imp.totalSec, 2) },
      targets: [{ label: '< 15 s', met: imp.totalSec < 15, actual: imp.totalSec }],
    },
  ];
  const endpoints = [
    ['assets, first page', '/api/assets?limit=50'],
    ['assets, type filter', '/api/assets?type=hardware&limit=50'],
    ['assets, search', `/api/assets?q=${encodeURIComponent('測試資產 0999')}&limit=50`],
    ['assets, tag + sort by value', '/api/assets?tag=tenth&sort=value&order=desc&limit=50'],
    ['assets, owner filter, page 100', `/api/assets?ownerId=${spread.ownerIds[0]}&offset=5000&limit=50`],
    ['risks, first page', '/api/risks?limit=50'],
    ['risks, level filter', `/api/risks?level=${spread.levels[0]}&limit=50`],
    ['risks, owner filter', `/api/risks?ownerId=${spread.ownerIds[1]}&limit=50`],
    ['risks, asset filter', `/api/risks?assetId=${spread.assetIds[42]}&limit=50`],
    ['risks, search', `/api/risks?q=${encodeURIComponent('效能測試情境 4')}&limit=50`],
  ];
  for (const [name, p] of endpoints) {
    const r = await timeEndpoint(server.base, auth.cookie, p);
    log(NAME, `${label}: ${name}: p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.rps} req/s, failed ${r.failed}`);
    cases.push({
      label: `${label}: ${name}`,
      valid: r.failed === 0,
      metrics: { latencyP50Ms: r.p50, latencyP95Ms: r.p95, requestsPerSec: r.rps },
      targets: [{ label: 'p95 < 100 ms', met: r.failed === 0 && r.p95 < 100, actual: r.p95 }],
    });
  }
  return cases;
}

async function sqliteCases() {
  const mark = cleanup.mark();
  const dataDir = makeTempDir('vigil-bench-');
  cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  try {
    const env = cleanEnv({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: SETTINGS.logLevel });
    return await measure('SQLite', env, () => sqliteAccess(path.join(dataDir, 'vigil.sqlite')));
  } finally {
    await cleanup.unwind(mark);
  }
}

async function postgresCases() {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const note = `PostgreSQL not reachable at ${PG_ADMIN_URL} (${err.message})`;
    log(NAME, `PostgreSQL: skipped — ${note}`);
    return [{ label: 'PostgreSQL', skipped: note }];
  }
  const mark = cleanup.mark();
  cleanup.add(() => admin.end());
  const dbName = `vigil_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${dbName}`);
    cleanup.add(() => admin.query(`drop database if exists ${dbName} with (force)`));
    const dbUrl = new URL(PG_ADMIN_URL);
    dbUrl.pathname = `/${dbName}`;
    const dataDir = makeTempDir('vigil-bench-');
    cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = cleanEnv({
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DATABASE_URL: dbUrl.toString(),
      VIGIL_LOG_LEVEL: SETTINGS.logLevel,
    });
    return await measure('PostgreSQL', env, () => postgresAccess(dbUrl.toString()));
  } finally {
    await cleanup.unwind(mark);
  }
}

async function main() {
  requireBuiltServer();
  const ranAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0];
  const cases = [];
  if (!argv.only || argv.only === 'sqlite') cases.push(...(await sqliteCases()));
  if (!argv.only || argv.only === 'postgres') cases.push(...(await postgresCases()));
  const result = {
    benchmark: NAME,
    title: 'Asset inventory and risk register at 10,000 assets and 50,000 risk scenarios',
    description:
      `A 10,000-row XLSX inventory is previewed and applied through the import API; then 50,000 risk scenarios ` +
      `are added to the database and each list/filter endpoint is requested ${SETTINGS.requestsPerEndpoint} times ` +
      `with ${SETTINGS.concurrency} requests in flight (after 10 warm-up requests) by the demo administrator; ` +
      'the load generator runs on the same machine.',
    ranAt,
    machine: machineInfo(),
    loadAverage1mBefore: round(loadBefore, 2),
    git: gitInfo(),
    settings: SETTINGS,
    columns: [
      { key: 'seconds', label: 'Time (s)', format: 'ms' },
      { key: 'latencyP50Ms', label: 'p50 (ms)', format: 'ms' },
      { key: 'latencyP95Ms', label: 'p95 (ms)', format: 'ms' },
      { key: 'requestsPerSec', label: 'Requests/s', format: 'int' },
    ],
    targets: ['< 15 s for the import', 'p95 < 100 ms for each list'],
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
