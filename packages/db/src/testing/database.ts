import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../connection.js';
import type { Dialect } from '../dialect.js';
import { migrateToLatest } from '../migrate.js';

/** The dialects this run covers: SQLite always, PostgreSQL when a server is reachable. */
export function testDialects(): Dialect[] {
  return inject('pgAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase extends Database {
  /** Drops the throw-away PostgreSQL database (or just closes SQLite). */
  dispose(): Promise<void>;
}

/** An empty PostgreSQL database of its own for one test file; `drop` removes it (closing any connections). */
export async function createScratchPostgres(
  prefix = 'vigil_t',
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL not available in this run');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let drop: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') {
    const scratch = await createScratchPostgres();
    database = openDatabase({ url: scratch.url, poolSize: 5 });
    drop = scratch.drop;
  } else {
    database = openDatabase({ sqlitePath: ':memory:' });
  }
  if (opts.migrate !== false) await migrateToLatest(database.db, database.dialect);
  return {
    ...database,
    async dispose() {
      await database.close();
      if (drop) await drop();
    },
  };
}
