import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useNotificationSettings } from './api.js';
import { JobsTable } from './JobsTable.js';
import { OutboxTable } from './OutboxTable.js';
import { SmtpSettingsForm } from './SmtpSettingsForm.js';
import { TestMailForm } from './TestMailForm.js';

/** /admin/notifications: SMTP settings, test mail, the outbox, and the scheduled jobs. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const settings = useNotificationSettings();
  const seesJobs = can('settings.read') || can('settings.manage');

  return (
    <>
      <PageHeading title={t('notifications.title')} />
      <Stack gap="lg" maw={1100}>
        <Text>{t('notifications.intro')}</Text>
        <ErrorAlert error={settings.error} />
        {settings.isPending ? <LoadingScreen /> : null}
        {settings.data ? <SmtpSettingsForm settings={settings.data} /> : null}
        <TestMailForm />
        <OutboxTable />
        {seesJobs ? <JobsTable canRun={can('settings.manage')} /> : null}
      </Stack>
    </>
  );
}
