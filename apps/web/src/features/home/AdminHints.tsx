import { Alert, Anchor, Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActiveSession, usePermissions } from '../../api/session.js';
import { useOrganisation } from '../org/api.js';
import { useSettings } from '../settings/api.js';
import { useUsers } from '../users/api.js';

interface Hint {
  id: string;
  text: string;
  to: string;
  action: string;
}

// Only the count matters: the server counts active users without MFA, whatever their number.
const WITHOUT_MFA = {
  q: '',
  role: null,
  unitId: null,
  status: 'active',
  mfa: 'disabled',
  limit: 1,
  offset: 0,
} as const;

/** Things worth doing next: weak spots in the user's own account and, for admins, in the setup. */
export function AdminHints() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const can = usePermissions();
  const settings = useSettings(can('settings.read'));
  const org = useOrganisation(can('org.read'));
  const users = useUsers(WITHOUT_MFA, can('users.manage'));

  const hints: Hint[] = [];
  if (!session.user.mfaEnabled) {
    hints.push({
      id: 'own-mfa',
      text: t('home.hints.ownMfa'),
      to: '/profile',
      action: t('home.hints.openProfile'),
    });
  }
  if (settings.data?.security.mfaRequired === 'none') {
    hints.push({
      id: 'mfa-policy',
      text: t('home.hints.mfaNotRequired'),
      to: '/admin/settings',
      action: t('home.hints.openSettings'),
    });
  }
  // The user's own account already has its own hint above.
  const withoutMfa = Math.max(0, (users.data?.total ?? 0) - (session.user.mfaEnabled ? 0 : 1));
  if (withoutMfa > 0) {
    hints.push({
      id: 'users-mfa',
      text: t('home.hints.usersWithoutMfa', { count: withoutMfa }),
      to: '/admin/users?mfa=disabled',
      action: t('home.hints.openUsers'),
    });
  }
  if (org.data && org.data.responsibilityLevel === null) {
    hints.push({
      id: 'level',
      text: t('home.hints.noLevel'),
      to: '/admin/org',
      action: t('home.hints.openOrg'),
    });
  }

  let body: ReactNode;
  if (hints.length === 0) {
    body = <Text size="sm">{t('home.hints.none')}</Text>;
  } else {
    body = (
      <Stack gap="sm">
        {hints.map((hint) => (
          <Alert key={hint.id} color="yellow" variant="light">
            <Text size="sm">{hint.text}</Text>
            <Anchor component={Link} to={hint.to} size="sm">
              {hint.action}
            </Anchor>
          </Alert>
        ))}
      </Stack>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="hints-heading">
      <Text id="hints-heading" fw={700} size="lg" mb="sm">
        {t('home.hints.title')}
      </Text>
      {body}
    </Card>
  );
}
