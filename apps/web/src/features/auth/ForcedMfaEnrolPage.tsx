import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sessionKey } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { MfaEnrolment } from '../mfa/MfaEnrolment.js';
import { useCancelSignIn } from './useCancelSignIn.js';

/** The security policy requires MFA for this account: enrolment is the only way forward. */
export function ForcedMfaEnrolPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancelSignIn = useCancelSignIn();

  return (
    <AuthLayout title={t('mfa.enrolTitle')} notice={t('mfa.enrolRequired')} width={520}>
      <MfaEnrolment
        // The session moves on only after the recovery codes have been seen; the guard then routes.
        onDone={() => void queryClient.invalidateQueries({ queryKey: sessionKey })}
        onCancel={cancelSignIn}
      />
    </AuthLayout>
  );
}
