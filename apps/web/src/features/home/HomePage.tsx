import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveSession } from '../../api/session.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { ComplianceCard } from '../compliance/ComplianceCard.js';
import { DocumentsCard } from '../documents/DocumentsCard.js';
import { ObligationsCard } from '../obligations/ObligationsCard.js';
import { useRoleLabel } from '../roles/api.js';
import { AdminHints } from './AdminHints.js';

export function HomePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const roleLabel = useRoleLabel();
  const formatDateTime = useFormatDateTime();

  return (
    <>
      <PageHeading title={t('home.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="welcome-heading">
          <Stack gap="sm">
            <Text id="welcome-heading" fw={700} size="lg">
              {t('home.welcome', { name: session.user.displayName })}
            </Text>
            {session.organisationName ? <Text c="dimmed">{session.organisationName}</Text> : null}
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('home.yourRoles')}
              </Text>
              <Group gap="xs">
                {session.roles.length === 0 ? <Text size="sm">{t('home.noRoles')}</Text> : null}
                {session.roles.map((role) => (
                  <Badge key={role} variant="light">
                    {roleLabel(role)}
                  </Badge>
                ))}
              </Group>
            </div>
            <Text size="sm" c="dimmed">
              {t('home.sessionExpires', { time: formatDateTime(session.expiresAt) })}
            </Text>
          </Stack>
        </Card>
        <AdminHints />
        <ObligationsCard />
        <DocumentsCard />
        <ComplianceCard />
      </SimpleGrid>
    </>
  );
}
