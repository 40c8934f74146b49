import { openDatabase, pendingMigrations } from '@vigil/db';
import { sql } from 'kysely';
import { type Config, dataPaths } from '../config.js';
import { EXIT } from './util.js';

/** Configuration already parsed by the time this runs; this reports it and tests the database. */
export async function configCheck(config: Config): Promise<number> {
  const shown = {
    ...config,
    databaseUrl: config.databaseUrl
      ? config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@')
      : undefined,
    secretKey: config.secretKey ? '***' : undefined,
  };
  console.log('configuration is valid:');
  for (const [k, v] of Object.entries(shown))
    if (v !== undefined) console.log(`  ${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const database = openDatabase({ url: config.databaseUrl, sqlitePath: dataPaths(config).sqlite });
  try {
    await sql`select 1`.execute(database.db);
    const pending = await pendingMigrations(database.db, database.dialect);
    console.log(
      `database reachable (${database.dialect}: ${database.location}); ${pending.length ? `${pending.length} migration(s) pending — run vigil migrate` : 'schema current'}`,
    );
    return EXIT.ok;
  } catch (err) {
    console.error(`database not reachable (${database.location}): ${(err as Error).message}`);
    return EXIT.failed;
  } finally {
    await database.close();
  }
}
