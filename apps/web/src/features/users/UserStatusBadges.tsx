import { Badge, Group } from '@mantine/core';
import type { UserSummary } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge.js';

/** Disabled, locked, MFA and must-change-password at a glance. */
export function UserStatusBadges({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {user.disabled ? (
        <Badge color="gray" variant="filled">
          {t('users.status.disabled')}
        </Badge>
      ) : (
        <StatusBadge tone="success">{t('users.status.active')}</StatusBadge>
      )}
      {user.locked ? <StatusBadge tone="danger">{t('users.status.locked')}</StatusBadge> : null}
      <Badge color={user.mfaEnabled ? 'indigo.9' : 'red.9'} variant="outline">
        {user.mfaEnabled ? t('users.status.mfa') : t('users.status.noMfa')}
      </Badge>
      {user.mustChangePassword ? (
        <Badge color="gray.8" variant="outline">
          {t('users.status.mustChangePassword')}
        </Badge>
      ) : null}
    </Group>
  );
}
