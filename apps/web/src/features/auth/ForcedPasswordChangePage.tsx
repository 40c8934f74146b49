import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ChangePasswordForm } from '../profile/ChangePasswordForm.js';
import { useCancelSignIn } from './useCancelSignIn.js';

/** A temporary or expired password must be replaced before anything else. */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation();
  const cancelSignIn = useCancelSignIn();

  return (
    <AuthLayout title={t('password.forcedTitle')} notice={t('password.forcedHelp')} width={480}>
      <ChangePasswordForm onCancel={cancelSignIn} />
    </AuthLayout>
  );
}
