import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface PageFormActionsProps {
  /** The failed submission, if any. */
  error: unknown;
  /** Whether the last submission succeeded; `savedMessage` is then announced. */
  saved: boolean;
  savedMessage: string;
  loading: boolean;
  /** Defaults to "Save". */
  submitLabel?: string;
  /** Further buttons after the submit button, such as revert or cancel. */
  children?: ReactNode;
}

/** The foot of a form on a page: its error or saved notice, then the submit button on the left. */
export function PageFormActions({
  error,
  saved,
  savedMessage,
  loading,
  submitLabel,
  children,
}: PageFormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      {saved ? (
        <Alert color="teal" variant="light" role="status">
          {savedMessage}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={loading}>
          {submitLabel ?? t('common.save')}
        </Button>
        {children}
      </Group>
    </>
  );
}
