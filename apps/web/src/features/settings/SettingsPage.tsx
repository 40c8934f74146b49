import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSettings } from './api.js';
import { SecuritySettingsForm } from './SecuritySettingsForm.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const settings = useSettings();
  const canManage = can('settings.manage');

  return (
    <>
      <PageHeading title={t('settings.title')} />
      {canManage ? null : (
        <Alert variant="light" color="gray" mb="md">
          {t('settings.readOnly')}
        </Alert>
      )}
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <LoadingScreen /> : null}
      {settings.data ? (
        <SecuritySettingsForm security={settings.data.security} readOnly={!canManage} />
      ) : null}
    </>
  );
}
