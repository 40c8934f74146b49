import { Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalFormActions } from '../../../components/ModalFormActions.js';
import { risksKey } from '../api.js';

interface ReasonModalProps {
  title: string;
  submitLabel: string;
  /** Sends the request with the reason given. */
  send: (reason: string) => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
}

/** An action that needs a written reason (closing a risk, revoking an acceptance). */
export function ReasonModal({ title, submitLabel, send, onClose, danger }: ReasonModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    mutationFn: () => send(reason.trim()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: risksKey });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim() === '');
    if (reason.trim()) run.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('risks.closeDialog') }}
      opened
      onClose={onClose}
      title={title}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('risks.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ? t('common.required') : undefined}
            required
            autosize
            minRows={3}
            data-autofocus
          />
          <ModalFormActions
            error={run.error}
            onCancel={onClose}
            submitLabel={submitLabel}
            loading={run.isPending}
            danger={danger}
          />
        </Stack>
      </form>
    </Modal>
  );
}
