import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useOrganisation } from './api.js';
import { OrgProfileForm } from './OrgProfileForm.js';
import { UnitTreeEditor } from './UnitTreeEditor.js';

export function OrgPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('org.manage');
  const org = useOrganisation();

  return (
    <>
      <PageHeading title={t('org.title')} />
      <Stack gap="lg" maw={960}>
        <Card withBorder padding="lg" component="section" aria-labelledby="org-profile">
          <Title order={2} size="h4" id="org-profile" mb="md">
            {t('org.profile')}
          </Title>
          <ErrorAlert error={org.error} />
          {org.isPending ? <LoadingScreen /> : null}
          {org.data ? <OrgProfileForm organisation={org.data} readOnly={!canManage} /> : null}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="org-units">
          <Title order={2} size="h4" id="org-units" mb="md">
            {t('org.units')}
          </Title>
          <UnitTreeEditor canManage={canManage} />
        </Card>
      </Stack>
    </>
  );
}
