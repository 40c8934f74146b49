import type { Kysely } from 'kysely';
import { timestampType } from '../../dialect.js';

// Files kept by content hash in the blob store (the bytes live in the data directory, not here) and who
// refers to each, so content is removed only once nothing references it.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('file_references')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('ref_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('file_references_pk', ['sha256', 'ref_type', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('file_references_ref_idx')
    .on('file_references')
    .columns(['ref_type', 'ref_id'])
    .execute();
}
