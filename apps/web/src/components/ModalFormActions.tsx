import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface ModalFormActionsProps {
  /** The failed submission, if any; shown above the buttons. */
  error: unknown;
  onCancel: () => void;
  submitLabel: string;
  loading: boolean;
  /** Red submit button for forms that remove or lock something. */
  danger?: boolean;
}

/** The foot of a form in a dialog: its error, then Cancel and the submit button on the right. */
export function ModalFormActions({ error, onCancel, submitLabel, loading, danger }: ModalFormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
