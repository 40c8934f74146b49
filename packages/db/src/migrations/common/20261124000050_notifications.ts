import type { Kysely } from 'kysely';

// H-platform (mail outbox, job runs). Placeholder: the tables of this slice are written here before it lands.
export async function up(_db: Kysely<any>): Promise<void> {}
