import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import type { DB } from './schema.js';

// PostgreSQL hands back Date objects and int8 strings; the rest of Vigil works with ISO strings and
// numbers in both dialects, so convert at the driver.
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v) => new Date(v).toISOString());
pg.types.setTypeParser(TIMESTAMP_OID, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

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
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
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
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      // A statement still being iterated cannot run again; hand out a fresh one for this call.
      if (stmt?.busy) return sqlite.prepare(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
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
