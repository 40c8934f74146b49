import { ActionIcon, Button, Group, Menu, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, resetPasswordResponse, type UserSummary, userSummary } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useActiveSession } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { SecretValue } from '../../components/SecretValue.js';
import { usersKey } from './api.js';

type Action = 'disable' | 'enable' | 'resetPassword' | 'unlock' | 'resetMfa';

interface UserActionsProps {
  user: UserSummary;
  onEdit: (user: UserSummary) => void;
}

const ACTION_COLOR: Record<Action, string | undefined> = {
  disable: 'red',
  enable: undefined,
  resetPassword: 'red',
  unlock: undefined,
  resetMfa: 'red',
};

/** The per-user menu: edit, disable/enable, reset password, unlock, reset MFA — each confirmed. */
export function UserActions({ user, onEdit }: UserActionsProps) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Action | null>(null);
  const isSelf = user.id === session.user.id;
  const path = `/api/users/${encodeURIComponent(user.id)}`;

  const run = useMutation({
    mutationFn: async (action: Action): Promise<string | null> => {
      switch (action) {
        case 'disable':
        case 'enable':
          await api.patch(path, userSummary, { disabled: action === 'disable' });
          return null;
        case 'resetPassword':
          return (await api.post(`${path}/reset-password`, resetPasswordResponse)).temporaryPassword;
        case 'unlock':
          await api.post(`${path}/unlock`, ok);
          return null;
        case 'resetMfa':
          await api.post(`${path}/mfa/reset`, ok);
          return null;
      }
    },
    onSuccess: async () => {
      setPending(null);
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });

  const close = () => {
    run.reset();
    setPending(null);
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" aria-label={t('users.actionsFor', { name: user.username })}>
            <span aria-hidden="true">⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onEdit(user)}>{t('common.edit')}</Menu.Item>
          {user.disabled ? (
            <Menu.Item onClick={() => setPending('enable')}>{t('users.actions.enable')}</Menu.Item>
          ) : (
            <Menu.Item color="red" disabled={isSelf} onClick={() => setPending('disable')}>
              {t('users.actions.disable')}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => setPending('resetPassword')}>
            {t('users.actions.resetPassword')}
          </Menu.Item>
          {user.locked ? (
            <Menu.Item onClick={() => setPending('unlock')}>{t('users.actions.unlock')}</Menu.Item>
          ) : null}
          {user.mfaEnabled ? (
            <Menu.Item onClick={() => setPending('resetMfa')}>{t('users.actions.resetMfa')}</Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {pending ? (
        <ConfirmModal
          opened
          title={t(`users.actions.${pending}`)}
          message={t(`users.confirm.${pending}`, { name: user.displayName, username: user.username })}
          confirmLabel={t(`users.actions.${pending}`)}
          onConfirm={() => run.mutate(pending)}
          onClose={close}
          loading={run.isPending}
          error={run.error}
          danger={ACTION_COLOR[pending] === 'red'}
        />
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
        opened={typeof run.data === 'string'}
        onClose={close}
        title={t('users.actions.resetPassword')}
        centered
      >
        <Stack>
          <SecretValue
            label={t('users.temporaryPassword')}
            value={run.data ?? ''}
            testId="temporary-password"
            warning={t('users.temporaryPasswordWarning')}
          />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
