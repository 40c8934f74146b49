// Queries of ISMS document control. No business rules here.
import type { DB, DocumentParticipantRow, DocumentRow, DocumentVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';

/** Active (not disabled) users among the ids, plus every active holder of the roles. */
export async function activeRecipients(
  db: Kysely<DB>,
  userIds: string[],
  roleIds: string[],
): Promise<string[]> {
  const found = new Set<string>();
  if (userIds.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', userIds)
      .where('disabled_at', 'is', null)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  if (roleIds.length > 0) {
    const rows = await db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id')
      .where('user_roles.role_id', 'in', roleIds)
      .where('users.disabled_at', 'is', null)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return [...found].sort();
}

export async function findDocument(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVersion(db: Kysely<DB>, id: string): Promise<DocumentVersionRow | undefined> {
  return db.selectFrom('document_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionsOf(db: Kysely<DB>, documentId: string): Promise<DocumentVersionRow[]> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('version', 'desc')
    .execute();
}

export async function participantsOf(db: Kysely<DB>, versionId: string): Promise<DocumentParticipantRow[]> {
  return db
    .selectFrom('document_version_participants')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('role', 'desc')
    .orderBy('position')
    .execute();
}

/** Numbers already used with a prefix, to suggest the next one. */
export async function numbersWithPrefix(db: Kysely<DB>, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .execute();
  return rows.map((r) => r.number);
}

export async function countPendingApprovals(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['review', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
