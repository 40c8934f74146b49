import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import type { DB } from './schema.js';

// PostgreSQL hands back Date objects and int8 strings; the rest of Vigil works with ISO strings and
// numbers in both dialects, so convert at the driver.
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
pg.types.setTypeParser(TIMESTAMPTZ_OID, timestamptzToIso);
pg.types.setTypeParser(TIMESTAMP_OID, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * Sessions run with TimeZone=UTC, so PostgreSQL writes `2026-01-02 03:04:05.678+00`; reshaping that text
 * is much cheaper than a Date round trip on every timestamp of every row. Anything else takes the slow path.
 */
export function timestamptzToIso(value: string): string {
  const m = UTC_TIMESTAMP.exec(value);
  if (!m) return new Date(value).toISOString();
  const ms = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  return `${m[1]}T${m[2]}.${ms}Z`;
}

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; absent for the embedded SQLite database. */
  url?: string | undefined;
  /** File of the embedded database (ignored for PostgreSQL). `:memory:` is allowed for tests. */
  sqlitePath?: string | undefined;
  poolSize?: number | undefined;
}

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the data lives, without credentials, for logs and `config check`. */
  location: string;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens the database named by the options: PostgreSQL when a URL is given, SQLite otherwise. */
export function openDatabase(options: DatabaseOptions): Database {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: '-c TimeZone=UTC',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the
    // pool replaces it and the next query reports any lasting problem.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(options.url), close: () => db.destroy() };
  }
  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, so keep the
 * most recently used statements (SQLite re-prepares a cached statement itself if the schema changes).
 * Reads fetch rows as arrays and build the objects in JavaScript, which is about twice as fast as
 * better-sqlite3 building them natively — it matters for 50-row pages.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = fastRows(sqlite, sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

function fastRows(sqlite: SQLite.Database, sql: string): SqliteStatement {
  const stmt = sqlite.prepare(sql);
  if (!stmt.reader) return stmt as unknown as SqliteStatement;
  const raw = sqlite.prepare(sql).raw(true);
  const names = stmt.columns().map((c) => c.name);
  const toObject = (values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  };
  return {
    reader: true,
    // A statement still being iterated cannot run again; a fresh one serves the overlapping call.
    all: (parameters) =>
      (raw.busy ? sqlite.prepare(sql).raw(true) : raw)
        .all(...parameters)
        .map((v) => toObject(v as unknown[])),
    run: (parameters) => stmt.run(...parameters),
    iterate: (parameters) => stmt.iterate(...parameters) as IterableIterator<unknown>,
  };
}
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
