import { Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type changePasswordRequest, ok, sessionResponse } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client.js';
import { sessionKey, useSession, useStoreSession } from '../../api/session.js';
import { PageFormActions } from '../../components/PageFormActions.js';
import { PasswordField } from '../../components/PasswordField.js';

// Forced changes answer with the now-active session; voluntary ones with { ok: true }.
const changePasswordResponse = sessionResponse.or(ok);

interface ChangePasswordFormProps {
  onCancel?: () => void;
}

/** Changes the user's own password; other sessions of the user end, this one stays. */
export function ChangePasswordForm({ onCancel }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const policy = useSession().data?.passwordPolicy;
  const hint = policy
    ? `${t('password.policyHint', { count: policy.minLength, history: policy.history })} ${t('password.newHint')}`
    : t('password.newHint');

  const change = useMutation({
    mutationFn: (body: z.input<typeof changePasswordRequest>) =>
      api.post('/api/me/password', changePasswordResponse, body),
    onSuccess: async (result) => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setSubmitted(false);
      if ('state' in result) storeSession(result);
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });

  const mismatch = confirmation !== newPassword;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!currentPassword || !newPassword || mismatch) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          error={submitted && !currentPassword ? t('common.required') : undefined}
          required
        />
        <PasswordField
          label={t('password.new')}
          description={hint}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          error={submitted && !newPassword ? t('common.required') : undefined}
          required
        />
        <PasswordField
          label={t('password.confirm')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={submitted && mismatch ? t('password.mismatch') : undefined}
          required
        />
        <PageFormActions
          error={change.error}
          saved={change.isSuccess}
          savedMessage={t('password.changed')}
          submitLabel={t('password.submit')}
          loading={change.isPending}
        >
          {onCancel ? (
            <Button variant="subtle" onClick={onCancel}>
              {t('password.cancelSignOut')}
            </Button>
          ) : null}
        </PageFormActions>
      </Stack>
    </form>
  );
}
