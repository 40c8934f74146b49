import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SECURITY_SETTINGS, ok, setupRequest, setupStatusResponse } from '@vigil/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, isApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PasswordField } from '../../components/PasswordField.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../lib/validation.js';

type SetupBody = z.input<typeof setupRequest>;

/** First run: creates the first administrator with the one-time token the server printed. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const tokenFromLink = params.get('token') ?? '';
  const [form, setForm] = useState({
    token: tokenFromLink,
    username: '',
    displayName: '',
    email: '',
    password: '',
    confirmation: '',
    organisationName: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const status = useQuery({
    queryKey: ['setup-status'],
    queryFn: () => api.get('/api/setup/status', setupStatusResponse),
  });

  const setup = useMutation({
    mutationFn: (body: SetupBody) => api.post('/api/setup', ok, body),
    onSuccess: async () => {
      queryClient.setQueryData(['setup-status'], { needsSetup: false });
      await navigate('/login', { replace: true, state: { setupDone: true } });
    },
  });

  if (status.isPending) return <LoadingScreen />;

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
    error: errors[name],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SetupBody = {
      token: form.token.trim(),
      username: form.username,
      displayName: form.displayName,
      password: form.password,
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      ...(form.organisationName.trim() ? { organisationName: form.organisationName } : {}),
    };
    const next = fieldErrors(setupRequest, body, t);
    if (form.confirmation !== form.password) next.confirmation = t('password.mismatch');
    setErrors(next);
    if (!hasErrors(next)) setup.mutate(body);
  };

  if (status.data && !status.data.needsSetup) {
    return (
      <AuthLayout title={t('setup.title')} notice={t('setup.alreadyDone')}>
        <Anchor component={Link} to="/login">
          {t('setup.goToSignIn')}
        </Anchor>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('setup.title')} width={520}>
      <Text size="sm">{t('setup.intro')}</Text>
      <ErrorAlert error={status.error} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {tokenFromLink && !isApiError(setup.error, 'setup.invalid_token') ? null : (
            <TextInput
              label={t('setup.token')}
              description={t('setup.tokenHint')}
              required
              {...field('token')}
            />
          )}
          <TextInput
            label={t('setup.organisationName')}
            autoComplete="organization"
            {...field('organisationName')}
          />
          <TextInput
            label={t('login.username')}
            description={t('users.usernameHint')}
            autoComplete="username"
            required
            {...field('username')}
          />
          <TextInput label={t('users.displayName')} autoComplete="name" required {...field('displayName')} />
          <TextInput label={t('users.email')} type="email" autoComplete="email" {...field('email')} />
          <PasswordField
            label={t('login.password')}
            description={`${t('password.policyHint', {
              count: DEFAULT_SECURITY_SETTINGS.passwordMinLength,
              history: DEFAULT_SECURITY_SETTINGS.passwordHistory,
            })} ${t('password.newHint')}`}
            autoComplete="new-password"
            required
            {...field('password')}
          />
          <PasswordField
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            {...field('confirmation')}
          />
          <ErrorAlert error={setup.error} />
          <Button type="submit" loading={setup.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
