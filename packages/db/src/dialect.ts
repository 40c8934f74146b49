import { type Compilable, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Which dialect a Kysely instance speaks; migrations use it to pick column types. */
export function dialectOf<D>(db: Kysely<D>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column type for an instant: timestamptz on PostgreSQL, ISO 8601 text on SQLite. */
export function timestampType(db: Kysely<unknown>): 'timestamptz' | 'text' {
  return dialectOf(db) === 'postgres' ? 'timestamptz' : 'text';
}

/** Column type for a 64-bit counter. */
export function bigintType(db: Kysely<unknown>): 'bigint' | 'integer' {
  return dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
}

/** Whether a query failed on a unique or primary-key constraint (two writers raced for one name). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Compiles a query once and runs it with fresh parameters on each call, skipping Kysely's per-call
 * building and compiling. For the few queries that run on every request; the parameters must be given
 * in the order they appear in the compiled SQL.
 */
export function precompile<D, R>(
  db: Kysely<D>,
  query: Compilable<R>,
): (parameters: readonly unknown[]) => Promise<R[]> {
  const compiled = query.compile();
  return async (parameters) => (await db.executeQuery<R>({ ...compiled, parameters })).rows;
}

/** Comma-joined values of a column within a group (`group_concat` / `string_agg`); order is not defined. */
export function commaJoined<D>(db: Kysely<D>, column: string): RawBuilder<string | null> {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`string_agg(${sql.ref(column)}, ',')`
    : sql<string | null>`group_concat(${sql.ref(column)}, ',')`;
}
