// Throw-away stores for the server benchmarks — a temporary data directory for SQLite, a `vigil_bench_<random>`
// database on PostgreSQL (dropped afterwards) — and plain SQL access to them for bulk test data that would
// take too long through the API (copies of template rows).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cleanEnv, log, makeTempDir, ROOT } from './common.mjs';

const fromDb = createRequire(path.join(ROOT, 'packages/db/package.json'));
const pg = fromDb('pg');
const Sqlite = fromDb('better-sqlite3');

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function sqliteAccess(file) {
  const db = new Sqlite(file);
  db.pragma('busy_timeout = 30000');
  const cache = new Map();
  const prepared = (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  // SQLite has no booleans or timestamps: values go in as they came out.
  return {
    all: async (sql, params = []) => prepared(sql).all(...params),
    run: async (sql, params = []) => prepared(sql).run(...params),
    begin: async () => db.exec('begin'),
    commit: async () => db.exec('commit'),
    placeholders: (n) => Array.from({ length: n }, () => '?').join(','),
    close: async () => db.close(),
  };
}

function postgresAccess(url) {
  const client = new pg.Client({ connectionString: url });
  let connected = null;
  const ready = () => (connected ??= client.connect());
  return {
    all: async (sql, params = []) => {
      await ready();
      return (await client.query(sql, params)).rows;
    },
    run: async (sql, params = []) => {
      await ready();
      return client.query(sql, params);
    },
    begin: async () => {
      await ready();
      await client.query('begin');
    },
    commit: async () => client.query('commit'),
    placeholders: (n, from = 0) => Array.from({ length: n }, (_, i) => `$${from + i + 1}`).join(','),
    close: async () => {
      if (connected) await client.end();
    },
  };
}

/** Inserts `row` (column → value) into `table`. */
export function insertRow(db, table, row) {
  const cols = Object.keys(row);
  return db.run(
    `insert into ${table} (${cols.join(',')}) values (${db.placeholders(cols.length)})`,
    cols.map((c) => row[c]),
  );
}

/**
 * Runs `measure(label, env, openDb)` against a fresh SQLite store, then against a fresh PostgreSQL database.
 * `only` limits it to 'sqlite' or 'postgres'. Answers the cases of both; an unreachable PostgreSQL is a
 * skipped case, not a failure.
 */
export async function eachDialect(name, cleanup, only, logLevel, measure) {
  const cases = [];
  if (!only || only === 'sqlite') {
    const mark = cleanup.mark();
    const dataDir = makeTempDir('vigil-bench-');
    cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    try {
      const env = cleanEnv({ VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: logLevel });
      cases.push(...(await measure('SQLite', env, () => sqliteAccess(path.join(dataDir, 'vigil.sqlite')))));
    } finally {
      await cleanup.unwind(mark);
    }
  }
  if (!only || only === 'postgres') cases.push(...(await postgresCases(name, cleanup, logLevel, measure)));
  return cases;
}

async function postgresCases(name, cleanup, logLevel, measure) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const note = `PostgreSQL not reachable at ${PG_ADMIN_URL} (${err.message})`;
    log(name, `PostgreSQL: skipped — ${note}`);
    return [{ label: 'PostgreSQL', skipped: note }];
  }
  const mark = cleanup.mark();
  cleanup.add(() => admin.end());
  const dbName = `vigil_bench_${randomBytes(4).toString('hex')}`;
  try {
    const version = (await admin.query('show server_version')).rows[0]?.server_version ?? '';
    await admin.query(`create database ${dbName}`);
    cleanup.add(() => admin.query(`drop database if exists ${dbName} with (force)`));
    const dbUrl = new URL(PG_ADMIN_URL);
    dbUrl.pathname = `/${dbName}`;
    const dataDir = makeTempDir('vigil-bench-');
    cleanup.add(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = cleanEnv({
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DATABASE_URL: dbUrl.toString(),
      VIGIL_LOG_LEVEL: logLevel,
    });
    const cases = await measure(`PostgreSQL ${version.split(' ')[0]}`, env, () =>
      postgresAccess(dbUrl.toString()),
    );
    return cases;
  } finally {
    await cleanup.unwind(mark);
  }
}
