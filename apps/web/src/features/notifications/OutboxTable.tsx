import { Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type OutboxItem, type OutboxStatus, outboxItem, outboxStatus } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { outboxKey, outboxRetryPath, useOutbox } from './api.js';

const TONE: Record<OutboxStatus, StatusTone> = {
  queued: 'neutral',
  sent: 'success',
  failed: 'danger',
  skipped: 'neutral',
};
const REASONS = new Set(['no_address', 'mail_disabled', 'user_disabled']);

/** The latest messages with their delivery status and problem; failed and skipped ones can be retried. */
export function OutboxTable() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const outbox = useOutbox(status);
  const retry = useMutation({
    mutationFn: (id: string) => api.post(outboxRetryPath(id), outboxItem),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });

  const problem = (item: OutboxItem) => {
    if (item.lastError && REASONS.has(item.lastError))
      return t(`notifications.reasons.${item.lastError as 'no_address' | 'mail_disabled' | 'user_disabled'}`);
    const next =
      item.status === 'queued' && item.attempts > 0 && item.nextAttemptAt
        ? ` (${t('notifications.outbox.nextAttempt', { at: formatDateTime(item.nextAttemptAt) })})`
        : '';
    return `${item.lastError ?? ''}${next}`;
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notifications-outbox">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="notifications-outbox">
            {t('notifications.sections.outbox')}
          </Title>
          <Button variant="default" size="xs" onClick={() => void outbox.refetch()}>
            {t('notifications.outbox.refresh')}
          </Button>
        </Group>
        <SegmentedControl
          aria-label={t('notifications.outbox.filter')}
          value={status ?? 'all'}
          onChange={(v) => {
            const parsed = outboxStatus.safeParse(v);
            setStatus(parsed.success ? parsed.data : null);
          }}
          data={[
            { value: 'all', label: t('notifications.outbox.all') },
            ...outboxStatus.options.map((s) => ({ value: s, label: t(`notifications.statuses.${s}`) })),
          ]}
        />
        <ErrorAlert error={outbox.error ?? retry.error} />
        <DataTable
          caption={t('notifications.outbox.caption')}
          minWidth={900}
          withActions
          columns={[
            t('notifications.outbox.created'),
            t('notifications.outbox.recipient'),
            t('notifications.outbox.subject'),
            t('notifications.outbox.status'),
            t('notifications.outbox.attempts'),
            t('notifications.outbox.problem'),
          ]}
        >
          {(outbox.data?.items ?? []).map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{item.userName ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {item.email ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{item.subject}</Table.Td>
              <Table.Td>
                <StatusBadge tone={TONE[item.status]}>
                  {t(`notifications.statuses.${item.status}`)}
                </StatusBadge>
              </Table.Td>
              <Table.Td>{item.attempts}</Table.Td>
              <Table.Td>
                <Text size="xs">{problem(item)}</Text>
              </Table.Td>
              <Table.Td>
                {item.status === 'failed' || item.status === 'skipped' ? (
                  <Button
                    size="xs"
                    variant="default"
                    loading={retry.isPending && retry.variables === item.id}
                    aria-label={t('notifications.outbox.retryLabel', {
                      to: item.email ?? item.userName ?? '—',
                    })}
                    onClick={() => retry.mutate(item.id)}
                  >
                    {t('notifications.outbox.retry')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {outbox.data && outbox.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.outbox.empty')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
