import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';
import type { Dialect } from './dialect.js';
import { commonMigrations, postgresMigrations, sqliteMigrations } from './migrations/index.js';
import type { DB } from './schema.js';

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const own = dialect === 'postgres' ? postgresMigrations : sqliteMigrations;
  const merged: Record<string, Migration> = {};
  for (const name of [...Object.keys(commonMigrations), ...Object.keys(own)].sort()) {
    const m = commonMigrations[name] ?? own[name];
    if (m) merged[name] = m;
  }
  return merged;
}

function migrator(db: Kysely<DB>, dialect: Dialect): Migrator {
  const migrations = migrationsFor(dialect);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'vigil_migrations',
    migrationLockTableName: 'vigil_migrations_lock',
  });
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
  ) {
    super(message);
  }
}

/** Applies every pending migration; throws MigrationError naming the one that failed. */
export async function migrateToLatest(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const { error, results = [] } = await migrator(db, dialect).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed: ${reason}`, results);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const all = await migrator(db, dialect).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
