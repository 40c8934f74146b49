import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionKey, useSignOut } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { MfaEnrolment } from '../mfa/MfaEnrolment.js';

/** The security policy requires MFA for this account: enrolment is the only way forward. */
export function ForcedMfaEnrolPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const cancel = async () => {
    await signOut(false);
    navigate('/login', { replace: true });
  };

  return (
    <AuthLayout title={t('mfa.enrolTitle')} width={520}>
      <Alert color="blue" variant="light">
        {t('mfa.enrolRequired')}
      </Alert>
      <MfaEnrolment
        // The session moves on only after the recovery codes have been seen; the guard then routes.
        onDone={() => void queryClient.invalidateQueries({ queryKey: sessionKey })}
        onCancel={() => void cancel()}
      />
    </AuthLayout>
  );
}
