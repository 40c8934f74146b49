import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type Profile, recoveryCodesResponse } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { sessionKey } from '../../api/session.js';
import { PasswordConfirmModal } from '../../components/PasswordConfirmModal.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { MfaEnrolment } from '../mfa/MfaEnrolment.js';
import { RecoveryCodes } from '../mfa/RecoveryCodes.js';
import { profileKey } from './api.js';

type Dialog = 'none' | 'enrol' | 'disable' | 'regenerate';

/** Turns the user's own MFA on or off and replaces recovery codes. */
export function MfaSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>('none');

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: profileKey }),
      queryClient.invalidateQueries({ queryKey: sessionKey }),
    ]);
  };

  const disable = useMutation({
    mutationFn: (password: string) => api.delete('/api/me/mfa', ok, { password }),
    onSuccess: async () => {
      setDialog('none');
      await refresh();
    },
  });
  const regenerate = useMutation({
    mutationFn: (password: string) =>
      api.post('/api/me/mfa/recovery-codes', recoveryCodesResponse, { password }),
    onSuccess: () => setDialog('none'),
  });

  if (dialog === 'enrol') {
    return (
      <MfaEnrolment
        onDone={() => {
          setDialog('none');
          void refresh();
        }}
        onCancel={() => setDialog('none')}
      />
    );
  }

  if (regenerate.data) {
    return <RecoveryCodes codes={regenerate.data.recoveryCodes} onDone={() => regenerate.reset()} />;
  }

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text size="sm">{t('mfa.status')}</Text>
        <StatusBadge tone={profile.mfaEnabled ? 'success' : 'neutral'}>
          {profile.mfaEnabled ? t('mfa.enabled') : t('mfa.disabled')}
        </StatusBadge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('mfa.explain')}
      </Text>
      <Group>
        {profile.mfaEnabled ? (
          <>
            <Button variant="default" onClick={() => setDialog('regenerate')}>
              {t('mfa.regenerate')}
            </Button>
            <Button variant="outline" color="red" onClick={() => setDialog('disable')}>
              {t('mfa.disable')}
            </Button>
          </>
        ) : (
          <Button onClick={() => setDialog('enrol')}>{t('mfa.enable')}</Button>
        )}
      </Group>
      <PasswordConfirmModal
        opened={dialog === 'disable'}
        title={t('mfa.disable')}
        message={t('mfa.disableConfirm')}
        confirmLabel={t('mfa.disable')}
        onConfirm={(password) => disable.mutate(password)}
        onClose={() => {
          disable.reset();
          setDialog('none');
        }}
        loading={disable.isPending}
        error={disable.error}
        danger
      />
      <PasswordConfirmModal
        opened={dialog === 'regenerate'}
        title={t('mfa.regenerate')}
        message={t('mfa.regenerateConfirm')}
        confirmLabel={t('mfa.regenerate')}
        onConfirm={(password) => regenerate.mutate(password)}
        onClose={() => {
          regenerate.reset();
          setDialog('none');
        }}
        loading={regenerate.isPending}
        error={regenerate.error}
      />
    </Stack>
  );
}
