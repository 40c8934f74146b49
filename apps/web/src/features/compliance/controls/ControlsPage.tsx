import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  APPLIED_CONTROL_CATEGORIES,
  APPLIED_CONTROL_STATUSES,
  type AppliedControlView,
} from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { useControls } from '../api.js';
import { ControlFormModal } from './ControlFormModal.js';

/** The organisation's applied controls, filtered by status and category. */
export function ControlsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [editing, setEditing] = useState<AppliedControlView | 'new' | null>(null);
  const list = useControls({ q: debounced.trim() || undefined, status, category });
  const columns = [
    t('compliance.controls.code'),
    t('compliance.controls.name'),
    t('compliance.controls.category'),
    t('compliance.controls.status'),
    t('compliance.controls.owner'),
    t('compliance.controls.requirements'),
    t('compliance.controls.effectiveness'),
    t('compliance.controls.nextReviewOn'),
  ];
  return (
    <>
      <PageHeading title={t('compliance.controls.title')}>
        {can('compliance.manage') ? (
          <Button onClick={() => setEditing('new')}>{t('compliance.controls.create')}</Button>
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
          label={t('compliance.controls.status')}
          data={APPLIED_CONTROL_STATUSES.map((s) => ({
            value: s,
            label: t(`compliance.controlStatus.${s}`),
          }))}
          value={status}
          onChange={setStatus}
          placeholder={t('common.all')}
          clearable
          w={170}
        />
        <Select
          label={t('compliance.controls.category')}
          data={APPLIED_CONTROL_CATEGORIES.map((s) => ({ value: s, label: t(`compliance.category.${s}`) }))}
          value={category}
          onChange={setCategory}
          placeholder={t('common.all')}
          clearable
          w={170}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        minWidth={960}
        caption={t('compliance.controls.caption', { count: list.data?.items.length ?? 0 })}
        columns={columns}
        withActions={can('compliance.manage')}
        aria-busy={list.isFetching}
      >
        {list.data?.items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length + 1}>
              <Text size="sm" c="dimmed">
                {t('compliance.controls.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {list.data?.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.code}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {c.name}
              </Text>
              {c.effectivenessRatedBy ? (
                <Text size="xs" c="dimmed">
                  {t('compliance.controls.ratedBy', {
                    name: c.effectivenessRatedBy.displayName,
                    time: formatDateTime(c.effectivenessRatedAt),
                  })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{t(`compliance.category.${c.category}`)}</Table.Td>
            <Table.Td>{t(`compliance.controlStatus.${c.status}`)}</Table.Td>
            <Table.Td>{c.owner?.displayName ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {c.requirements.map((r) => (
                  <Badge
                    key={`${r.frameworkKey}:${r.ref}`}
                    variant="outline"
                    color="gray.9"
                    size="sm"
                    miw="max-content"
                  >
                    {r.ref}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{t(`compliance.effectiveness.${c.effectiveness}`)}</Table.Td>
            <Table.Td>
              {c.nextReviewOn ?? '—'}{' '}
              {c.reviewDue ? (
                <StatusBadge tone="danger" size="sm" miw="max-content">
                  {t('compliance.controls.reviewDue')}
                </StatusBadge>
              ) : null}
            </Table.Td>
            {can('compliance.manage') ? (
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(c)}
                  aria-label={t('compliance.editNamed', { name: c.code })}
                >
                  {t('compliance.edit')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
      {editing ? (
        <ControlFormModal control={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
