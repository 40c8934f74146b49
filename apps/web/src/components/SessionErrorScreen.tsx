import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface SessionErrorScreenProps {
  error: unknown;
  onRetry: () => void;
}

/** Shown when the session could not be read at all (server down, network gone). */
export function SessionErrorScreen({ error, onRetry }: SessionErrorScreenProps) {
  const { t } = useTranslation();
  return (
    <Center h="60vh" p="md">
      <Stack maw={480} w="100%">
        <ErrorAlert error={error} title={t('common.sessionErrorTitle')} />
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}
