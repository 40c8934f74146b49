import { Anchor, Badge, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  REGULATION_KIND_LABELS,
  REGULATION_KINDS,
  REGULATION_STATUS_LABELS,
  type RegulationView,
} from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { useBilingual } from '../risks/labels.js';
import { exportHref, useRegulations } from './api.js';
import { RegulationDetailPage } from './RegulationDetailPage.js';
import { RegulationFormModal } from './RegulationFormModal.js';

/** The regulations register (適用法規清單), under /regulations. */
export function RegulationsPage() {
  return (
    <Routes>
      <Route index element={<RegisterList />} />
      <Route path=":regulationId" element={<RegulationDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function useRegulationName() {
  const language = useLanguage();
  return (r: Pick<RegulationView, 'nameEn' | 'nameZh'>) => (language === 'zh-TW' ? r.nameZh : r.nameEn);
}

function RegisterList() {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('compliance.manage');
  const language = useLanguage();
  const text = useBilingual();
  const name = useRegulationName();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<string | null>(null);
  const [dueOnly, setDueOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useRegulations({
    q: debounced.trim() || undefined,
    kind,
    reviewDue: dueOnly ? 'true' : undefined,
  });
  const items = list.data?.items ?? [];
  const columns = [
    t('regulations.fields.name'),
    t('regulations.fields.kind'),
    t('regulations.fields.authority'),
    t('regulations.fields.applicable'),
    t('regulations.fields.owner'),
    t('regulations.fields.nextReview'),
    t('common.status'),
  ];

  return (
    <>
      <PageHeading title={t('regulations.title')}>
        {(['xlsx', 'pdf', 'docx'] as const).map((f) => (
          <Button key={f} component="a" href={exportHref(f, language)} download variant="default">
            {t(`regulations.export.${f}`)}
          </Button>
        ))}
        {canManage ? <Button onClick={() => setAdding(true)}>{t('regulations.form.add')}</Button> : null}
      </PageHeading>
      <Group component="search" align="flex-end" gap="sm" mb="md" aria-label={t('regulations.filters')}>
        <TextInput
          label={t('regulations.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('regulations.fields.kind')}
          data={REGULATION_KINDS.map((k) => ({ value: k, label: text(REGULATION_KIND_LABELS[k]) }))}
          value={kind}
          onChange={setKind}
          clearable
          w={180}
        />
        <Checkbox
          label={t('regulations.reviewDueOnly')}
          checked={dueOnly}
          onChange={(e) => setDueOnly(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        minWidth={900}
        caption={t('regulations.caption', { count: items.length })}
        columns={columns}
        aria-busy={list.isFetching}
      >
        {list.data && items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                {t('common.nothingFound')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/regulations/${r.id}`} size="sm">
                {name(r)}
              </Anchor>
            </Table.Td>
            <Table.Td>{text(REGULATION_KIND_LABELS[r.kind])}</Table.Td>
            <Table.Td>{r.authority || '—'}</Table.Td>
            <Table.Td>{r.applicable ? t('regulations.yes') : t('regulations.no')}</Table.Td>
            <Table.Td>{r.owner?.displayName ?? '—'}</Table.Td>
            <Table.Td>
              {r.reviewDue ? (
                <Badge color="red.9" variant="outline" miw="max-content">
                  {r.nextReviewOn ?? t('regulations.neverReviewed')}
                </Badge>
              ) : (
                r.nextReviewOn
              )}
            </Table.Td>
            <Table.Td>{text(REGULATION_STATUS_LABELS[r.status])}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {adding ? <RegulationFormModal entry={null} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
