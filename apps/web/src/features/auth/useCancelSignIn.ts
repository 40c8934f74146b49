import { useNavigate } from 'react-router';
import { useSignOut } from '../../api/session.js';

/** Abandons a sign-in that is half done (MFA, forced enrolment or password change): back to the start. */
export function useCancelSignIn(): () => void {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const cancel = async () => {
    await signOut(false);
    navigate('/login', { replace: true });
  };
  return () => void cancel();
}
