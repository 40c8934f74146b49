import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { EVIDENCE_KINDS, EVIDENCE_STATUSES } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { useEvidenceList } from '../api.js';
import { EvidenceFormModal } from './EvidenceFormModal.js';
import { EvidenceStatusBadge } from './EvidenceStatusBadge.js';

/** Evidence files, links and records, with their validity; `?status=expiring` opens the flagged ones. */
export function EvidencePage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const [params, setParams] = useSearchParams();
  const status = EVIDENCE_STATUSES.find((s) => s === params.get('status')) ?? null;
  const [kind, setKind] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [adding, setAdding] = useState(false);
  const list = useEvidenceList({ status, kind, q: debounced.trim() || undefined });
  const columns = [
    t('compliance.evidence.titleField'),
    t('compliance.evidence.kind'),
    t('compliance.evidence.validUntil'),
    t('compliance.evidence.status'),
    t('compliance.evidence.createdBy'),
    t('compliance.evidence.createdAt'),
  ];
  return (
    <>
      <PageHeading title={t('compliance.evidence.title')}>
        {can('compliance.manage') || can('obligations.work') ? (
          <Button onClick={() => setAdding(true)}>{t('compliance.evidence.create')}</Button>
        ) : null}
      </PageHeading>
      <Group component="search" align="flex-end" gap="sm" mb="md" aria-label={t('compliance.filters')}>
        <TextInput
          label={t('compliance.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('compliance.evidence.status')}
          data={EVIDENCE_STATUSES.map((s) => ({ value: s, label: t(`compliance.evidence.statuses.${s}`) }))}
          value={status}
          onChange={(s) => setParams(s ? { status: s } : {})}
          placeholder={t('common.all')}
          clearable
          w={170}
        />
        <Select
          label={t('compliance.evidence.kind')}
          data={EVIDENCE_KINDS.map((s) => ({ value: s, label: t(`compliance.evidence.kinds.${s}`) }))}
          value={kind}
          onChange={setKind}
          placeholder={t('common.all')}
          clearable
          w={150}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        minWidth={800}
        caption={t('compliance.evidence.caption', { count: list.data?.items.length ?? 0 })}
        columns={columns}
        aria-busy={list.isFetching}
      >
        {list.data?.items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                {t('compliance.evidence.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {list.data?.items.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>
              <Anchor component={Link} to={`/compliance/evidence/${e.id}`}>
                {e.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`compliance.evidence.kinds.${e.kind}`)}</Table.Td>
            <Table.Td>{e.validUntil ?? '—'}</Table.Td>
            <Table.Td>
              <EvidenceStatusBadge status={e.status} />
            </Table.Td>
            <Table.Td>{e.createdBy?.displayName ?? '—'}</Table.Td>
            <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {adding ? <EvidenceFormModal onClose={() => setAdding(false)} /> : null}
    </>
  );
}
