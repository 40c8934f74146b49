import { type Kysely, sql } from 'kysely';

// The audit trail is append-only: the database itself refuses UPDATE and DELETE of entries.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`.execute(db);
}
