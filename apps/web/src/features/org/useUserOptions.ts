import { useMemo } from 'react';
import { usePermissions } from '../../api/session.js';
import { useUsers } from '../users/api.js';

const ALL_USERS = { q: '', role: null, unitId: null, status: null, limit: 500, offset: 0 } as const;

/** Users as select options, for choosing a unit head; empty when the actor may not read users. */
export function useUserOptions() {
  const can = usePermissions();
  const allowed = can('users.read');
  const users = useUsers(ALL_USERS, allowed);
  return useMemo(() => {
    const items = users.data?.items ?? [];
    const options = items.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
    const names = new Map(items.map((u) => [u.id, u.displayName]));
    return { allowed, options, nameOf: (id: string | null) => (id ? (names.get(id) ?? null) : null) };
  }, [users.data, allowed]);
}
