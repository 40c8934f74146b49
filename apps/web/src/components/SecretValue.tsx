import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface SecretValueProps {
  /** What the value is, e.g. "Temporary password". */
  label: string;
  value: string;
  testId: string;
  /** Shown above the value: why it must be stored now. */
  warning?: string;
}

/** A secret shown exactly once (temporary password, API token), with a copy button. */
export function SecretValue({ label, value, testId, warning }: SecretValueProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {warning ? (
        <Alert color="yellow" variant="light" title={t('common.shownOnce')}>
          {warning}
        </Alert>
      ) : null}
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block data-testid={testId} style={{ flex: 1, wordBreak: 'break-all', fontSize: '1rem' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={`${t('common.copy')}: ${label}`}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
