import type { SessionState } from '@vigil/contracts';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ActiveSessionContext, pathForState, safeNext, useSession } from '../api/session.js';
import { LoadingScreen } from '../components/LoadingScreen.js';
import { SessionErrorScreen } from '../components/SessionErrorScreen.js';

function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/** Lets only fully signed-in sessions through; everyone else goes to the step they still need. */
export function RequireActiveSession() {
  const session = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  if (session.isPending) return <LoadingScreen />;
  if (session.isError)
    return <SessionErrorScreen error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={loginPath(here)} replace />;
  const pending = pathForState(session.data.state);
  if (pending) return <Navigate to={`${pending}?next=${encodeURIComponent(here)}`} replace />;
  return (
    <ActiveSessionContext value={session.data}>
      <Outlet />
    </ActiveSessionContext>
  );
}

interface RequireSessionStateProps {
  state: Exclude<SessionState, 'active'>;
  children: ReactNode;
}

/** For the sign-in steps (MFA, forced password change): only sessions at that step may stay. */
export function RequireSessionState({ state, children }: RequireSessionStateProps) {
  const session = useSession();
  const location = useLocation();
  const search = new URLSearchParams(location.search);

  if (session.isPending) return <LoadingScreen />;
  if (session.isError)
    return <SessionErrorScreen error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={loginPath(safeNext(search.get('next')))} replace />;
  if (session.data.state === state) return children;
  const pending = pathForState(session.data.state);
  return <Navigate to={pending ? `${pending}${location.search}` : safeNext(search.get('next'))} replace />;
}
