import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';

/**
 * Who holds which stored file. A blob may be removed from the store only when no reference is left, so
 * every module that keeps a blob's hash records a reference here in the transaction that keeps it.
 */
export async function addFileReference(
  trx: Kysely<DB>,
  ref: { sha256: string; size: number; contentType: string; refType: string; refId: string; at: string },
): Promise<void> {
  await trx
    .insertInto('file_references')
    .values({
      sha256: ref.sha256,
      ref_type: ref.refType,
      ref_id: ref.refId,
      size: ref.size,
      content_type: ref.contentType,
      created_at: ref.at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Drops one reference; true when nothing refers to the blob any more (the caller may then remove it). */
export async function releaseFile(
  trx: Kysely<DB>,
  sha256: string,
  refType: string,
  refId: string,
): Promise<boolean> {
  await trx
    .deleteFrom('file_references')
    .where('sha256', '=', sha256)
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId)
    .execute();
  return !(await isReferenced(trx, sha256));
}

export async function isReferenced(db: Kysely<DB>, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('file_references')
    .select('sha256')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
