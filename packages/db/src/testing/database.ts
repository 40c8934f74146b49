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

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL database dropped afterwards. */
export async function createTestDatabase(
  dialect: Dialect,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let drop: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    if (!adminUrl) throw new Error('PostgreSQL not available in this run');
    const name = `vigil_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = openDatabase({ url: url.toString(), poolSize: 5 });
    drop = async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
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
