import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { type DisposalView, disposal } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useActiveSession, usePermissions } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { documentsKey } from './api.js';

interface Decision {
  id: string;
  approve: boolean;
}

/** Disposal requests; a holder of documents.approve other than the requester approves (content removed) or keeps. */
export function DisposalRequests({ requests }: { requests: UseQueryResult<{ items: DisposalView[] }> }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const me = useActiveSession().user.id;
  const fmt = useFormatDateTime();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<DisposalView | null>(null);
  const decide = useMutation({
    mutationFn: ({ id, approve }: Decision) =>
      api.post(
        `/api/document-disposals/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`,
        disposal,
        { note: (notes[id] ?? '').trim() },
      ),
    onSuccess: async () => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: documentsKey });
    },
  });
  const items = requests.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('documents.disposal.requests')}</Title>
      <ErrorAlert error={requests.error} />
      {!confirming ? <ErrorAlert error={decide.error} /> : null}
      {requests.data && items.length === 0 ? (
        <Text c="dimmed">{t('documents.disposal.noRequests')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.fields.number')}</Table.Th>
              <Table.Th>{t('documents.disposal.reason')}</Table.Th>
              <Table.Th>{t('documents.disposal.requestedBy')}</Table.Th>
              <Table.Th>{t('documents.fields.status')}</Table.Th>
              <Table.Th>{t('documents.disposal.decidedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {d.number} {d.title} v{d.version}
                </Table.Td>
                <Table.Td>{d.reason}</Table.Td>
                <Table.Td>
                  {d.requestedBy?.displayName ?? '—'} {fmt(d.requestedAt)}
                </Table.Td>
                <Table.Td>{t(`documents.disposal.${d.status}`)}</Table.Td>
                <Table.Td>
                  {d.status !== 'pending' ? (
                    <>
                      {d.decidedBy?.displayName ?? '—'} {fmt(d.decidedAt)}
                      {d.decisionNote ? <Text size="sm">{d.decisionNote}</Text> : null}
                    </>
                  ) : !can('documents.approve') ? (
                    t('documents.disposal.awaitingApprover')
                  ) : d.requestedBy?.id === me ? (
                    t('documents.disposal.otherApprover')
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        size="xs"
                        aria-label={t('documents.disposal.noteFor', { number: d.number, version: d.version })}
                        placeholder={t('documents.disposal.note')}
                        value={notes[d.id] ?? ''}
                        onChange={(e) => setNotes({ ...notes, [d.id]: e.currentTarget.value })}
                      />
                      <Button size="xs" color="red" onClick={() => setConfirming(d)}>
                        {t('documents.disposal.approve')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={
                          decide.isPending && decide.variables?.id === d.id && !decide.variables.approve
                        }
                        onClick={() => decide.mutate({ id: d.id, approve: false })}
                      >
                        {t('documents.disposal.reject')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ConfirmModal
        opened={confirming !== null}
        title={t('documents.disposal.confirmTitle')}
        message={t('documents.disposal.confirmMessage', {
          number: confirming?.number ?? '',
          version: confirming?.version ?? '',
        })}
        confirmLabel={t('documents.disposal.approve')}
        danger
        loading={decide.isPending}
        error={decide.error}
        onConfirm={() => confirming && decide.mutate({ id: confirming.id, approve: true })}
        onClose={() => {
          setConfirming(null);
          decide.reset();
        }}
      />
    </Stack>
  );
}
