import { type Kysely, sql } from 'kysely';

// The audit trail is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE of entries.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION vigil_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION vigil_audit_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION vigil_audit_append_only()`.execute(db);
}
