import { Alert, Button, CopyButton, Group, List, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
}

/** Recovery codes are shown exactly once; the user must store them before moving on. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('mfa.recoveryStoreNowTitle')} role="alert">
        {t('mfa.recoveryStoreNow')}
      </Alert>
      <Paper withBorder p="md">
        <List
          data-testid="recovery-codes"
          aria-label={t('mfa.recoveryCodes')}
          listStyleType="none"
          ff="monospace"
          spacing={4}
          style={{ columns: 2 }}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group justify="space-between">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('common.copied') : t('mfa.copyRecoveryCodes')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('mfa.recoveryStored')}</Button>
      </Group>
    </Stack>
  );
}
