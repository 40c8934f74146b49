// Small helpers every part of the compliance module uses.
import type { ComplianceUserRef, Permission } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../http/errors.js';
import type { RequestContext } from '../../platform/context.js';

export const actorId = (ctx: RequestContext): string | null =>
  ctx.actor?.kind === 'user' ? ctx.actor.userId : null;

export function has(ctx: RequestContext, p: Permission): boolean {
  return ctx.actor?.kind === 'user' ? ctx.actor.permissions.has(p) : ctx.actor !== null;
}

/** Today's date (YYYY-MM-DD) in the organisation's time zone (Asia/Taipei unless set). */
export async function organisationToday(db: Kysely<DB>, now: Date): Promise<string> {
  const org = await db.selectFrom('organisation').select('time_zone').executeTakeFirst();
  return new Intl.DateTimeFormat('en-CA', { timeZone: org?.time_zone ?? 'Asia/Taipei' }).format(now);
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date moved by whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Display references of users by id (one query). */
export async function userRefs(
  db: Kysely<DB>,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, ComplianceUserRef>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
}

export const refOf = (users: Map<string, ComplianceUserRef>, id: string | null): ComplianceUserRef | null =>
  (id && users.get(id)) || null;

/** Refuses ids that name no row of `table` (400 `code`, listing the unknown ids). */
export async function assertIdsExist(
  db: Kysely<DB>,
  table: 'users' | 'assets' | 'risk_scenarios' | 'evidence' | 'applied_controls',
  ids: readonly string[] | undefined,
  code: string,
): Promise<void> {
  const list = [...new Set(ids ?? [])];
  if (list.length === 0) return;
  const found = new Set(
    (await db.selectFrom(table).select('id').where('id', 'in', list).execute()).map((r) => r.id),
  );
  const missing = list.filter((x) => !found.has(x));
  if (missing.length > 0)
    throw badRequest(code, `unknown ${table.replace('_', ' ')}: ${missing.join(', ')}`, { ids: missing });
}

export const unique = <T>(xs: readonly T[] | undefined): T[] => [...new Set(xs ?? [])];
