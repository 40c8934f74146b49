import { commaJoined, type DB, type NewUser, precompile, type UserRow, type UserUpdate } from '@vigil/db';
import { type Kysely, sql } from 'kysely';

export interface UserListFilter {
  q?: string | undefined;
  role?: string | undefined;
  unitId?: string | undefined;
  status?: 'active' | 'disabled' | 'locked' | undefined;
  mfa?: 'enabled' | 'disabled' | undefined;
  now: string;
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How other records name a user: a reference, not the account. */
export interface UserRefRow {
  id: string;
  displayName: string;
  username: string;
}

/** Display references of users by id (one query; unknown and empty ids are skipped). */
export async function usersByIds(
  db: Kysely<DB>,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, UserRefRow>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'username'])
    .where('id', 'in', list)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, username: r.username }]));
}

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Kysely<DB>, id: string, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function rolesOfUsers(db: Kysely<DB>, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role_id'])
    .where('user_id', 'in', userIds)
    .orderBy('role_id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push(r.role_id);
    map.set(r.user_id, list);
  }
  return map;
}

export async function setUserRoles(db: Kysely<DB>, userId: string, roleIds: string[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleIds.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
  }
}

function listQuery(db: Kysely<DB>, f: UserListFilter) {
  let q = db.selectFrom('users');
  if (f.q) {
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(username) like ${pattern} escape '\\'`,
        sql<boolean>`lower(display_name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(coalesce(email, '')) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role_id', '=', role),
    );
  }
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.status === 'disabled') q = q.where('disabled_at', 'is not', null);
  if (f.status === 'active') q = q.where('disabled_at', 'is', null);
  if (f.status === 'locked') q = q.where('locked_until', '>', f.now);
  if (f.mfa === 'enabled') q = q.where('mfa_enabled_at', 'is not', null);
  if (f.mfa === 'disabled') q = q.where('mfa_enabled_at', 'is', null);
  return q;
}

/** The columns a user list shows; secrets and counters stay in the database. */
const LIST_COLUMNS = [
  'id',
  'username',
  'display_name',
  'email',
  'unit_id',
  'disabled_at',
  'locked_until',
  'mfa_enabled_at',
  'must_change_password',
  'last_login_at',
  'created_at',
] as const;
export type UserListRow = Pick<UserRow, (typeof LIST_COLUMNS)[number]>;

function pageQuery(db: Kysely<DB>, f: UserListFilter, limit: number, offset: number) {
  return listQuery(db, f)
    .select(LIST_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select(commaJoined(db, 'user_roles.role_id').as('ids'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('role_ids'),
    )
    .orderBy('username')
    .limit(limit)
    .offset(offset);
}

function countQuery(db: Kysely<DB>, f: UserListFilter) {
  return listQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n'));
}

type PageRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

// The unfiltered list is by far the most frequent; compile it once per database.
const unfilteredQueries = new WeakMap<
  Kysely<DB>,
  {
    page: (p: readonly unknown[]) => Promise<PageRow[]>;
    count: (p: readonly unknown[]) => Promise<{ n: number }[]>;
  }
>();

function unfiltered(db: Kysely<DB>) {
  let q = unfilteredQueries.get(db);
  if (!q) {
    q = {
      page: precompile(db, pageQuery(db, { now: '' }, 0, 0)),
      count: precompile(db, countQuery(db, { now: '' })),
    };
    unfilteredQueries.set(db, q);
  }
  return q;
}

const isUnfiltered = (f: UserListFilter) => !f.q && !f.role && !f.unitId && !f.status && !f.mfa;

/** A page of users with their role ids (aggregated in the same query), and the total. */
export async function listUsers(db: Kysely<DB>, f: UserListFilter, limit: number, offset: number) {
  const plain = isUnfiltered(f) ? unfiltered(db) : null;
  const [rows, count] = await Promise.all([
    plain ? plain.page([limit, offset]) : pageQuery(db, f, limit, offset).execute(),
    plain ? plain.count([]).then((r) => r[0]!) : countQuery(db, f).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map(({ role_ids, ...user }) => ({
    user: user as UserListRow,
    roles: role_ids ? role_ids.split(',').sort() : [],
  }));
  return { items, total: Number(count.n) };
}

/**
 * Serialises changes that could remove the last administrator: a no-op update takes a row lock on
 * PostgreSQL, so a concurrent demotion waits and then counts what the first one committed. (SQLite
 * writes are serial already.)
 */
export async function lockAdminRole(db: Kysely<DB>): Promise<void> {
  await db
    .updateTable('roles')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', 'admin')
    .execute();
}

export async function countActiveAdmins(db: Kysely<DB>, excludingUserId?: string): Promise<number> {
  let q = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .where('user_roles.role_id', '=', 'admin')
    .where('users.disabled_at', 'is', null);
  if (excludingUserId) q = q.where('users.id', '!=', excludingUserId);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function passwordHistory(db: Kysely<DB>, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(
  db: Kysely<DB>,
  userId: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: hash, created_at: at })
    .execute();
}
