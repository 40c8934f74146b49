export { type Database, type DatabaseOptions, isPostgresUrl, openDatabase, redactUrl } from './connection.js';
export { commaJoined, type Dialect, dialectOf, isUniqueViolation, precompile } from './dialect.js';
export { MigrationError, migrateToLatest, migrationsFor, pendingMigrations } from './migrate.js';
export type * from './schema.js';
