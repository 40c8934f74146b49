import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { disposal } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RequirePermission } from '../../components/RequirePermission.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { documentsKey, useDisposals } from './api.js';
import { DisposalRequests } from './DisposalRequests.js';

/** Records past retention, disposal requests (documents.manage) and their approval by someone else (documents.approve). */
export function DisposalPage() {
  return (
    <RequirePermission permission={['documents.manage', 'documents.approve']}>
      <Disposals />
    </RequirePermission>
  );
}

function Disposals() {
  const { t } = useTranslation();
  const can = usePermissions();
  const fmt = useFormatDateTime();
  const queryClient = useQueryClient();
  const { candidates, requests } = useDisposals();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const request = useMutation({
    mutationFn: (versionId: string) =>
      api.post('/api/document-disposals', disposal, { versionId, reason: (reasons[versionId] ?? '').trim() }),
    onSuccess: async (_d, versionId) => {
      setReasons((r) => ({ ...r, [versionId]: '' }));
      await queryClient.invalidateQueries({ queryKey: documentsKey });
    },
  });
  const items = candidates.data?.items ?? [];
  return (
    <Stack>
      <PageHeading title={t('documents.disposal.title')} />
      <Text size="sm" c="dimmed">
        {t('documents.disposal.intro')}
      </Text>
      <ErrorAlert error={candidates.error} />
      <ErrorAlert error={request.error} />
      {candidates.data && items.length === 0 ? <Text c="dimmed">{t('documents.disposal.empty')}</Text> : null}
      {items.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.fields.number')}</Table.Th>
              <Table.Th>{t('documents.fields.version')}</Table.Th>
              <Table.Th>{t('documents.disposal.kind')}</Table.Th>
              <Table.Th>{t('documents.disposal.retainedSince')}</Table.Th>
              <Table.Th>{t('documents.fields.retention')}</Table.Th>
              <Table.Th>{t('documents.disposal.dueOn')}</Table.Th>
              <Table.Th>{t('documents.disposal.request')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => {
              const reason = reasons[c.versionId] ?? '';
              return (
                <Table.Tr key={c.versionId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/documents/versions/${c.versionId}`}>
                      {c.number} {c.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>v{c.version}</Table.Td>
                  <Table.Td>
                    {c.status === 'obsolete'
                      ? t('documents.disposal.kindObsolete')
                      : t('documents.disposal.kindRecord')}
                  </Table.Td>
                  <Table.Td>{fmt(c.retainedSince)}</Table.Td>
                  <Table.Td>{c.retentionYears}</Table.Td>
                  <Table.Td>{c.dueOn}</Table.Td>
                  <Table.Td>
                    {c.pendingDisposalId ? (
                      t('documents.disposal.pending')
                    ) : can('documents.manage') ? (
                      <Group gap="xs" wrap="nowrap">
                        <TextInput
                          size="xs"
                          aria-label={t('documents.disposal.reasonFor', {
                            number: c.number,
                            version: c.version,
                          })}
                          placeholder={t('documents.disposal.reason')}
                          value={reason}
                          onChange={(e) => setReasons({ ...reasons, [c.versionId]: e.currentTarget.value })}
                        />
                        <Button
                          size="xs"
                          disabled={reason.trim() === ''}
                          loading={request.isPending && request.variables === c.versionId}
                          onClick={() => request.mutate(c.versionId)}
                        >
                          {t('documents.disposal.request')}
                        </Button>
                      </Group>
                    ) : (
                      t('documents.disposal.needsManager')
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      <DisposalRequests requests={requests} />
    </Stack>
  );
}
