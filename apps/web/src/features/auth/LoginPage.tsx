import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type loginRequest, sessionResponse, setupStatusResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { pathForState, safeNext, useSession, useStoreSession } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PasswordField } from '../../components/PasswordField.js';
import { setLanguage } from '../../i18n/index.js';

function isSetupDoneState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'setupDone' in state && state.setupDone === true;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const storeSession = useStoreSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const setupDone = isSetupDoneState(location.state);
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const setupStatus = useQuery({
    queryKey: ['setup-status'],
    queryFn: () => api.get('/api/setup/status', setupStatusResponse),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const login = useMutation({
    mutationFn: (body: z.input<typeof loginRequest>) => api.post('/api/auth/login', sessionResponse, body),
    onSuccess: (result) => {
      if (result.user.locale) setLanguage(result.user.locale);
      storeSession(result);
      const pending = pathForState(result.state);
      navigate(pending ? `${pending}?next=${encodeURIComponent(next)}` : next, { replace: true });
    },
  });

  if (session.isPending) return <LoadingScreen />;
  if (session.data && !login.isPending) {
    const pending = pathForState(session.data.state);
    return <Navigate to={pending ? `${pending}?next=${encodeURIComponent(next)}` : next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!username.trim() || !password) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <AuthLayout title={t('login.title')}>
      {setupDone ? (
        <Alert color="teal" variant="light" role="status">
          {t('setup.done')}
        </Alert>
      ) : null}
      {setupStatus.data?.needsSetup ? (
        <Alert color="blue" variant="light" title={t('login.needsSetupTitle')}>
          {t('login.needsSetup')}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={submitted && !username.trim() ? t('common.required') : undefined}
            withAsterisk={false}
            required
          />
          <PasswordField
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={submitted && !password ? t('common.required') : undefined}
            withAsterisk={false}
            required
          />
          <ErrorAlert error={login.error} />
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      {setupStatus.data?.needsSetup ? (
        <Anchor component={Link} to="/setup" size="sm">
          {t('login.goToSetup')}
        </Anchor>
      ) : null}
    </AuthLayout>
  );
}
