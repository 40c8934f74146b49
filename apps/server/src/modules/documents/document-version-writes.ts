// Writes shared by a version's content (edits, files) and its workflow: find it, update it only if unchanged.
import type { DB, DocumentVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { conflict, notFound } from '../../http/errors.js';
import type { Clock } from '../../platform/clock.js';
import { findVersion } from './documents.repository.js';

/** The reference type under which a version's uploaded file is held in the blob store. */
export const VERSION_FILE_REF = 'document_version';

export async function mustFindVersion(db: Kysely<DB>, id: string): Promise<DocumentVersionRow> {
  const v = await findVersion(db, id);
  if (!v) throw notFound('document version');
  return v;
}

/** Updates a version only if it is still in the status it was read in (two requests at once: one wins). */
export async function guardedUpdate(
  trx: Kysely<DB>,
  clock: Clock,
  v: DocumentVersionRow,
  set: Partial<DocumentVersionRow>,
): Promise<void> {
  const res = await trx
    .updateTable('document_versions')
    .set({ ...set, updated_at: clock.now().toISOString() })
    .where('id', '=', v.id)
    .where('status', '=', v.status)
    .where('updated_at', '=', v.updated_at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict('document.changed_meanwhile', 'the version changed meanwhile; reload it');
}
