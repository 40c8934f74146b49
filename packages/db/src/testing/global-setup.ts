import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a reachable PostgreSQL server, or null when the PostgreSQL half is not run. */
    pgAdminUrl: string | null;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Finds the PostgreSQL server the storage tests run against. CI sets VIGIL_TEST_REQUIRE_PG=1 so a missing
 * server fails the run; a developer without one gets the SQLite half and a loud note.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.VIGIL_TEST_PG_URL ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('pgAdminUrl', url);
  } catch (err) {
    const reason = (err as Error).message;
    if (process.env.VIGIL_TEST_REQUIRE_PG === '1') {
      throw new Error(
        `PostgreSQL is required (VIGIL_TEST_REQUIRE_PG=1) but ${url} is not reachable: ${reason}`,
      );
    }
    project.provide('pgAdminUrl', null);
    console.warn(
      `\n*** PostgreSQL not reachable at ${url} (${reason}).\n*** Only the SQLite half of the storage tests runs; the PostgreSQL half was NOT run.\n*** Set VIGIL_TEST_PG_URL to run it.\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
