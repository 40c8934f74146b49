import { migrateToLatest, openDatabase } from '@vigil/db';
import { type Config, dataPaths } from '../config.js';
import { ensureDataDir } from '../main.js';
import { EXIT } from './util.js';

export async function migrate(config: Config): Promise<number> {
  ensureDataDir(config);
  const database = openDatabase({ url: config.databaseUrl, sqlitePath: dataPaths(config).sqlite });
  try {
    const applied = await migrateToLatest(database.db, database.dialect);
    console.log(
      applied.length
        ? `applied: ${applied.join(', ')}`
        : `schema is current (${database.dialect}: ${database.location})`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
