import { type DB, precompile, type SessionRow } from '@vigil/db';
import type { Kysely } from 'kysely';

export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function sessionExpiry(db: Kysely<DB>, id: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('expires_at').where('id', '=', id).executeTakeFirst();
  return row?.expires_at ?? null;
}

function sessionWithGrantsQuery(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .leftJoin('roles', 'roles.id', 'user_roles.role_id')
    .select([
      'sessions.state',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.time_zone',
      'users.disabled_at',
      'roles.id as role_id',
      'roles.permissions as role_permissions',
    ])
    .where('sessions.id', '=', id);
}

export type SessionGrantRow = Awaited<
  ReturnType<ReturnType<typeof sessionWithGrantsQuery>['execute']>
>[number];

/**
 * A session, its user and the user's roles in one round trip: one row per role (a single row with null
 * role columns when the user holds none). This runs on every request, so it is compiled once.
 */
export function sessionWithGrantsFinder(db: Kysely<DB>): (id: string) => Promise<SessionGrantRow[]> {
  const run = precompile(db, sessionWithGrantsQuery(db, ''));
  return (id) => run([id]);
}

export async function touchSession(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function setSessionState(
  db: Kysely<DB>,
  id: string,
  state: string,
  expiresAt: string,
): Promise<void> {
  await db.updateTable('sessions').set({ state, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, optionally keeping one; returns how many ended. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, keepId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
