import { Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFormActions } from './ModalFormActions.js';
import { PasswordField } from './PasswordField.js';

interface PasswordConfirmModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: (password: string) => void;
  onClose: () => void;
  loading?: boolean;
  error?: unknown;
  danger?: boolean;
}

/** Re-asks for the user's password before a sensitive change to their own account. */
export function PasswordConfirmModal(props: PasswordConfirmModalProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const close = () => {
    setPassword('');
    setSubmitted(false);
    props.onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (password) props.onConfirm(password);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
      opened={props.opened}
      onClose={close}
      title={props.title}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.message}</Text>
          <PasswordField
            label={t('password.current')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={submitted && !password ? t('common.required') : undefined}
            data-autofocus
            required
          />
          <ModalFormActions
            error={props.error}
            onCancel={close}
            submitLabel={props.confirmLabel}
            loading={props.loading ?? false}
            danger={props.danger}
          />
        </Stack>
      </form>
    </Modal>
  );
}
