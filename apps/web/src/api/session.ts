import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ok, type SessionResponse, type SessionState, sessionResponse } from '@vigil/contracts';
import { createContext, useCallback, useContext } from 'react';
import { ApiError, api, setCsrfToken } from './client.js';

export const sessionKey = ['session'] as const;
export const SESSION_PATH = '/api/auth/session';

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get(SESSION_PATH, sessionResponse);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session (null when signed out); the source of truth for who the user is. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/**
 * The active session as the guard last let it through. Pages read it from context rather than from the
 * query, so while signing out (session → null) they never render without a user before they unmount.
 */
export const ActiveSessionContext = createContext<SessionResponse | null>(null);

/** The active session; only for components rendered behind the active-session guard. */
export function useActiveSession(): SessionResponse {
  const session = useContext(ActiveSessionContext);
  if (!session) throw new Error('useActiveSession used outside RequireActiveSession');
  return session;
}

export function usePermissions() {
  const session = useActiveSession();
  return useCallback((permission: string) => session.permissions.includes(permission), [session]);
}

/** Stores a session answered by sign-in, MFA or password change. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SessionResponse) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    async (everywhere: boolean) => {
      try {
        await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', ok);
      } finally {
        // Whatever the server said, nothing of this user's data stays in memory.
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(sessionKey, null);
      }
    },
    [queryClient],
  );
}

const statePaths: Record<Exclude<SessionState, 'active'>, string> = {
  mfa_challenge: '/login/mfa',
  mfa_enrol: '/login/mfa-enrol',
  password_change: '/login/change-password',
};

/** Where a session in this state has to go next. */
export function pathForState(state: SessionState): string | null {
  return state === 'active' ? null : statePaths[state];
}

/** Only same-site paths are followed after sign-in, so `?next=` cannot send users elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
