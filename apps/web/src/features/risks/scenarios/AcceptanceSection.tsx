import { Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { acceptRiskRequest, type RiskScenarioDetail, riskScenarioDetail } from '@vigil/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.js';
import { usePermissions } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { type FieldErrors, fieldErrors, hasErrors } from '../../../lib/validation.js';
import { risksKey, scenarioPath } from '../api.js';
import { LevelBadge } from '../components/LevelBadge.js';
import { Notice } from '../components/Notice.js';
import { ReasonModal } from '../components/ReasonModal.js';
import { useBilingual } from '../labels.js';

/** Who may accept this risk under the methodology's criteria, the accept form, and the acceptance history. */
export function AcceptanceSection({ risk }: { risk: RiskScenarioDetail }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const text = useBilingual();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [revoking, setRevoking] = useState(false);
  const { acceptability } = risk;
  const level = text(risk.currentLevel);

  const accept = useMutation({
    mutationFn: () => api.post(`${scenarioPath(risk.id)}/accept`, riskScenarioDetail, { reason, expiresOn }),
    onSuccess: async () => {
      setReason('');
      setExpiresOn('');
      await queryClient.invalidateQueries({ queryKey: risksKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = fieldErrors(acceptRiskRequest, { reason, expiresOn }, t);
    setErrors(next);
    if (!hasErrors(next)) accept.mutate();
  };

  const who = !acceptability.acceptable
    ? t('risks.acceptance.notAcceptable', { level })
    : acceptability.tier === 'owner'
      ? t('risks.acceptance.byOwner', { level })
      : t(acceptability.approver?.kind === 'user' ? 'risks.acceptance.byUser' : 'risks.acceptance.byRole', {
          level,
          name: acceptability.approver?.name ?? '—',
        });
  const mayTry = (can('risks.treat') || can('risks.approve')) && !risk.acceptance && risk.status !== 'closed';

  return (
    <Stack gap="sm">
      <Notice tone={acceptability.acceptable ? 'info' : 'warning'} title={t('risks.acceptance.criteria')}>
        {who}
      </Notice>
      {risk.acceptance ? (
        <Paper withBorder p="sm">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {t('risks.acceptance.current', {
                by: risk.acceptance.acceptedBy?.displayName ?? '—',
                until: risk.acceptance.expiresOn,
              })}
            </Text>
            {can('risks.manage') || can('risks.approve') ? (
              <Button size="xs" color="red.9" variant="outline" onClick={() => setRevoking(true)}>
                {t('risks.acceptance.revoke')}
              </Button>
            ) : null}
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {risk.acceptance.reason}
          </Text>
        </Paper>
      ) : null}
      {mayTry ? (
        <form onSubmit={submit} noValidate aria-labelledby="accept-heading">
          <Stack gap="sm">
            <Title order={3} size="h5" id="accept-heading">
              {t('risks.acceptance.formTitle')}
            </Title>
            {acceptability.acceptable && !acceptability.canAccept ? (
              <Notice tone="warning">{t('risks.acceptance.notYou')}</Notice>
            ) : null}
            <Textarea
              label={t('risks.acceptance.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              required
              autosize
              minRows={2}
            />
            <TextInput
              type="date"
              label={t('risks.acceptance.expiresOn')}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
              error={errors.expiresOn}
              required
              w={220}
            />
            <ErrorAlert error={accept.error} title={t('risks.acceptance.refused')} />
            <Group>
              <Button type="submit" loading={accept.isPending}>
                {t('risks.acceptance.accept')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <Table.ScrollContainer minWidth={700}>
        <Table striped withTableBorder>
          <Table.Caption>{t('risks.acceptance.history', { count: risk.acceptances.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.acceptance.acceptedAt')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.level')}</Table.Th>
              <Table.Th scope="col">{t('risks.acceptance.tier')}</Table.Th>
              <Table.Th scope="col">{t('risks.acceptance.reason')}</Table.Th>
              <Table.Th scope="col">{t('risks.acceptance.expiresOn')}</Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risk.acceptances.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.acceptedBy?.displayName ?? '—'} · {formatDateTime(a.acceptedAt)}
                </Table.Td>
                <Table.Td>
                  <LevelBadge level={a.level} />
                </Table.Td>
                <Table.Td>{t(`risks.acceptance.tiers.${a.tier}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</Table.Td>
                <Table.Td>{a.expiresOn}</Table.Td>
                <Table.Td>
                  <StatusBadge tone={a.status === 'active' ? 'success' : 'neutral'}>
                    {t(`risks.acceptance.statuses.${a.status}`)}
                  </StatusBadge>
                  {a.endReason ? (
                    <Text size="xs" c="dimmed">
                      {a.endedBy?.displayName ?? ''} {a.endReason}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {revoking ? (
        <ReasonModal
          title={t('risks.acceptance.revokeTitle')}
          submitLabel={t('risks.acceptance.revoke')}
          send={(r) =>
            api.post(`${scenarioPath(risk.id)}/revoke-acceptance`, riskScenarioDetail, { reason: r })
          }
          onClose={() => setRevoking(false)}
          danger
        />
      ) : null}
    </Stack>
  );
}
