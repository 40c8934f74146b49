import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ChangePasswordForm } from '../profile/ChangePasswordForm.js';

/** A temporary or expired password must be replaced before anything else. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const cancel = async () => {
    await signOut(false);
    navigate('/login', { replace: true });
  };

  return (
    <AuthLayout title={t('password.forcedTitle')} width={480}>
      <Alert color="blue" variant="light">
        {t('password.forcedHelp')}
      </Alert>
      <ChangePasswordForm onCancel={() => void cancel()} />
    </AuthLayout>
  );
}
