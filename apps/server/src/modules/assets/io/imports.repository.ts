import type { AssetImportRow, AssetImportTable, DB } from '@vigil/db';
import type { Insertable, Kysely } from 'kysely';

export async function insertImport(db: Kysely<DB>, row: Insertable<AssetImportTable>): Promise<void> {
  await db.insertInto('asset_imports').values(row).execute();
}

export async function findImport(db: Kysely<DB>, id: string): Promise<AssetImportRow | undefined> {
  return db.selectFrom('asset_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves an import from one status to another; false when it was not in `from` (someone else got there). */
export async function moveImport(
  db: Kysely<DB>,
  id: string,
  from: string,
  to: string,
  appliedAt: string | null = null,
): Promise<boolean> {
  const res = await db
    .updateTable('asset_imports')
    .set({ status: to, applied_at: appliedAt })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Removes previews past their expiry (applied ones too: the audit trail keeps what they did). */
export async function deleteExpiredImports(db: Kysely<DB>, now: string): Promise<void> {
  await db.deleteFrom('asset_imports').where('expires_at', '<', now).execute();
}
