import type { UserSummary } from '@vigil/contracts';
import type { UserListRow } from './users.repository.js';

export function presentUser(u: UserListRow, roles: string[], now: Date): UserSummary {
  const locked = !!u.locked_until && new Date(u.locked_until) > now;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    unitId: u.unit_id,
    roles,
    disabled: !!u.disabled_at,
    locked,
    lockedUntil: locked ? u.locked_until : null,
    mfaEnabled: !!u.mfa_enabled_at,
    mustChangePassword: u.must_change_password === 1,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}
