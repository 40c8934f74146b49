import type { Kysely } from 'kysely';

// H-documents (blob metadata). Placeholder: the tables of this slice are written here before it lands.
export async function up(_db: Kysely<any>): Promise<void> {}
