import type { Kysely } from 'kysely';

// H-documents (ISMS document control). Placeholder: the tables of this slice are written here before it lands.
export async function up(_db: Kysely<any>): Promise<void> {}
