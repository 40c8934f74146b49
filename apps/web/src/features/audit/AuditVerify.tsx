import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type AuditVerifyResult, auditVerifyResponse } from '@vigil/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

function problemText(t: TFunction, problem: NonNullable<AuditVerifyResult['problem']>): string {
  return t(`audit.verify.problem.${problem.kind}`, { seq: problem.seq });
}

/** Re-computes the hash chain on the server and says whether any entry was altered, removed or inserted. */
export function AuditVerify() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api.post('/api/audit/verify', auditVerifyResponse) });
  const result = verify.data;

  return (
    <Stack gap="sm">
      <div>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('audit.verify.button')}
        </Button>
      </div>
      <ErrorAlert error={verify.error} />
      {result ? (
        <Alert
          data-testid="audit-verify-result"
          data-ok={result.ok}
          color={result.ok ? 'teal' : 'red'}
          variant="light"
          role={result.ok ? 'status' : 'alert'}
          title={result.ok ? t('audit.verify.ok') : t('audit.verify.broken')}
        >
          <Text size="sm">{t('audit.verify.checked', { count: result.checked, head: result.headSeq })}</Text>
          {result.problem ? (
            <>
              <Text size="sm" fw={500}>
                {problemText(t, result.problem)}
              </Text>
              <Text size="xs" c="dimmed">
                {result.problem.message}
              </Text>
            </>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
