// Small helpers every part of the compliance module uses.
import type { ComplianceUserRef } from '@vigil/contracts';
import type { DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../http/errors.js';
import type { UserRefRow } from '../users/users.repository.js';

/** The API's reference (id and name) of the user `id`, or null. */
export function refOf(users: Map<string, UserRefRow>, id: string | null): ComplianceUserRef | null {
  const u = id ? users.get(id) : undefined;
  return u ? { id: u.id, displayName: u.displayName } : null;
}

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
