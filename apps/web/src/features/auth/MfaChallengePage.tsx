import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type mfaChallengeRequest, sessionResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { pathForState, safeNext, useStoreSession } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCancelSignIn } from './useCancelSignIn.js';

/** Second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function MfaChallengePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const storeSession = useStoreSession();
  const cancelSignIn = useCancelSignIn();
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const trimmed = code.replace(/\s+/g, '');
  const tooShort = trimmed.length < 6;

  const verify = useMutation({
    mutationFn: (body: z.input<typeof mfaChallengeRequest>) =>
      api.post('/api/auth/mfa', sessionResponse, body),
    onSuccess: (result) => {
      storeSession(result);
      const pending = pathForState(result.state);
      const next = safeNext(params.get('next'));
      navigate(pending ? `${pending}?next=${encodeURIComponent(next)}` : next, { replace: true });
    },
    onError: () => {
      setCode('');
      setSubmitted(false);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort) return;
    verify.mutate({ code: trimmed });
  };

  return (
    <AuthLayout title={t('mfa.challengeTitle')}>
      <Text size="sm">{t('mfa.challengeHelp')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.codeHint')}
            name="code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={submitted && tooShort ? t('mfa.codeTooShort') : undefined}
            maxLength={32}
            withAsterisk={false}
            required
          />
          <ErrorAlert error={verify.error} />
          <Button type="submit" loading={verify.isPending}>
            {t('mfa.verify')}
          </Button>
          <Button variant="subtle" onClick={cancelSignIn}>
            {t('mfa.cancelSignIn')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
