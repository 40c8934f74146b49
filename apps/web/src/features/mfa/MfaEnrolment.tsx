import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type mfaConfirmRequest, mfaEnrolResponse, recoveryCodesResponse } from '@vigil/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RecoveryCodes } from './RecoveryCodes.js';

interface MfaEnrolmentProps {
  /** Called once the user has stored the recovery codes; the caller refreshes the session. */
  onDone: () => void;
  onCancel?: () => void;
}

/** The current step's error, its button and, where the caller offers one, a way out. */
function StepActions({
  error,
  onCancel,
  children,
}: {
  error: unknown;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group>
        {children}
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Group>
    </>
  );
}

/** Sets up an authenticator app: QR code and typed secret, a first code, then recovery codes. */
export function MfaEnrolment({ onDone, onCancel }: MfaEnrolmentProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const trimmed = code.replace(/\s+/g, '');
  const codeValid = /^\d{6}$/.test(trimmed);

  const enrol = useMutation({ mutationFn: () => api.post('/api/me/mfa/enrol', mfaEnrolResponse) });
  const confirm = useMutation({
    mutationFn: (body: z.input<typeof mfaConfirmRequest>) =>
      api.post('/api/me/mfa/confirm', recoveryCodesResponse, body),
    onError: () => {
      setCode('');
      setSubmitted(false);
    },
  });

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />;

  if (!enrol.data) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('mfa.enrolIntro')}</Text>
        <StepActions error={enrol.error} onCancel={onCancel}>
          <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
            {t('mfa.enrolStart')}
          </Button>
        </StepActions>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!codeValid) return;
    confirm.mutate({ code: trimmed });
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('mfa.scanQr')}</Text>
      <Image src={enrol.data.qrCodeDataUrl} alt={t('mfa.qrAlt')} w={200} h={200} fit="contain" />
      <div>
        <Text size="sm" id="mfa-secret-label">
          {t('mfa.secretLabel')}
        </Text>
        <Code
          block
          data-testid="mfa-secret"
          aria-labelledby="mfa-secret-label"
          fz="md"
          style={{ wordBreak: 'break-all', letterSpacing: '0.1em' }}
        >
          {enrol.data.secret}
        </Code>
      </div>
      <Alert variant="light" color="gray">
        {t('mfa.secretHint')}
      </Alert>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.enrolCodeHint')}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={submitted && !codeValid ? t('mfa.codeSixDigits') : undefined}
            maxLength={7}
            withAsterisk={false}
            required
          />
          <StepActions error={confirm.error} onCancel={onCancel}>
            <Button type="submit" loading={confirm.isPending}>
              {t('mfa.enrolConfirm')}
            </Button>
          </StepActions>
        </Stack>
      </form>
    </Stack>
  );
}
