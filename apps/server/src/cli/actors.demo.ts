// The demo acts as its people where a step must be taken by a named person (a reviewer's decision, an
// approval, an acknowledgement): a request context for a demo user, with that user's real permissions.
import type { Permission } from '@vigil/contracts';
import type { RequestContext } from '../platform/context.js';
import type { Services } from '../services.js';

export interface DemoPerson {
  id: string;
  ctx: RequestContext;
}

/** The demo user `username` acting, or null when that account does not exist. */
export async function demoPerson(s: Services, username: string): Promise<DemoPerson | null> {
  const u = await s.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!u) return null;
  const grants = await s.access.grantsOf(u.id);
  return {
    id: u.id,
    ctx: {
      actor: {
        kind: 'user',
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        roles: grants.roles,
        permissions: new Set(grants.permissions as Permission[]),
        sessionId: null,
        sessionState: null,
        csrfToken: null,
        tokenId: null,
        timeZone: null,
      },
      ip: null,
      requestId: null,
    },
  };
}

/** Each named demo user that exists, by username. */
export async function demoPeople(
  s: Services,
  usernames: readonly string[],
): Promise<Map<string, DemoPerson>> {
  const out = new Map<string, DemoPerson>();
  for (const name of usernames) {
    const p = await demoPerson(s, name);
    if (p) out.set(name, p);
  }
  return out;
}

/** A calendar date `months` away from `day` (YYYY-MM-DD), the day clamped to the month's end. */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A calendar date `days` away from `day`. */
export function shiftDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
