import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { errorMessage, validationProblems } from '../i18n/errors.js';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

/** A failed request, worded for people, with the field problems and request id when there are any. */
export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = validationProblems(error);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      <Text size="sm">{errorMessage(t, error)}</Text>
      {problems.length > 0 ? (
        <List size="sm" mt="xs">
          {problems.map((p) => (
            <List.Item key={`${p.path}:${p.message}`}>
              {p.path ? `${p.path}: ${p.message}` : p.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {requestId ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('common.requestId', { id: requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
