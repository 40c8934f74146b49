import { QueryClient } from '@tanstack/react-query';
import { isApiError, onApiError } from './client.js';
import { SESSION_PATH, sessionKey } from './session.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; only transient failures are retried.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
    },
  },
});

// One place reacts to a lost or restricted session: asking again for the session lets the route
// guards send the user to sign-in (401) or to the step the session still needs (session_state).
onApiError((error, request) => {
  // The session request answers 401 when signed out; reacting to it would ask again forever.
  if (request.path === SESSION_PATH) return;
  if (error.status !== 401 && error.code !== 'auth.session_state') return;
  // Only a session we believe in can be lost; a failed sign-in attempt changes nothing.
  if (!queryClient.getQueryData(sessionKey)) return;
  void queryClient.invalidateQueries({ queryKey: sessionKey });
});
