import type { SecuritySettings, SessionState } from '@vigil/contracts';
import type { UserRow } from '@vigil/db';

/** Whether the policy makes MFA mandatory for a user with these roles. */
export function mfaRequiredFor(roles: string[], policy: SecuritySettings): boolean {
  if (policy.mfaRequired === 'all') return true;
  if (policy.mfaRequired === 'roles') return roles.some((r) => policy.mfaRequiredRoles.includes(r));
  return false;
}

/**
 * Where a signed-in user goes next. Order matters: prove the second factor first, then replace a
 * temporary or expired password, then enrol MFA if the policy demands it.
 */
export function nextSessionState(
  user: UserRow,
  roles: string[],
  policy: SecuritySettings,
  now: Date,
  mfaPassed: boolean,
): SessionState {
  if (user.mfa_enabled_at && !mfaPassed) return 'mfa_challenge';
  const expired =
    policy.passwordMaxAgeDays > 0 &&
    now.getTime() - new Date(user.password_changed_at).getTime() > policy.passwordMaxAgeDays * 86_400_000;
  if (user.must_change_password === 1 || expired) return 'password_change';
  if (!user.mfa_enabled_at && mfaRequiredFor(roles, policy)) return 'mfa_enrol';
  return 'active';
}
