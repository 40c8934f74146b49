import type { DB, RoleRow } from '@vigil/db';
import type { Kysely } from 'kysely';

export async function listRoles(db: Kysely<DB>): Promise<(RoleRow & { user_count: number })[]> {
  const rows = await db
    .selectFrom('roles')
    .leftJoin('user_roles', 'user_roles.role_id', 'roles.id')
    .selectAll('roles')
    .select((eb) => eb.fn.count<number>('user_roles.user_id').as('user_count'))
    .groupBy('roles.id')
    .orderBy('roles.builtin', 'desc')
    .orderBy('roles.id')
    .execute();
  return rows.map((r) => ({ ...r, user_count: Number(r.user_count) }));
}

export async function findRole(db: Kysely<DB>, id: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function existingRoleIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('roles').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Role ids and the union of their permissions for one user. */
export async function grantsOfUser(
  db: Kysely<DB>,
  userId: string,
): Promise<{ roles: string[]; permissions: string[] }> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['roles.id', 'roles.permissions'])
    .where('user_roles.user_id', '=', userId)
    .execute();
  const permissions = new Set<string>();
  for (const r of rows) for (const p of JSON.parse(r.permissions) as string[]) permissions.add(p);
  return { roles: rows.map((r) => r.id).sort(), permissions: [...permissions].sort() };
}

export async function roleNamesOf(
  db: Kysely<DB>,
  ids: string[],
): Promise<Record<string, { en: string; zh: string }>> {
  if (ids.length === 0) return {};
  const rows = await db
    .selectFrom('roles')
    .select(['id', 'name_en', 'name_zh'])
    .where('id', 'in', ids)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, { en: r.name_en, zh: r.name_zh }]));
}
