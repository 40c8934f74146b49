import { Anchor, Button, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { RISK_ASSESSMENT_STATUSES, type RiskAssessmentStatus } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { useAssessments } from '../api.js';
import { AssessmentFormModal } from './AssessmentFormModal.js';
import { AssessmentStatusBadge } from './AssessmentStatusBadge.js';

const PAGE_SIZE = 25;

/** Risk assessments (campaigns over a scope), newest first. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<RiskAssessmentStatus | null>(null);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useAssessments({
    q: debounced.trim() || undefined,
    status,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const columns = [
    t('risks.assessment.title'),
    t('common.status'),
    t('risks.assessment.methodology'),
    t('risks.assessment.scenarios'),
    t('risks.assessment.unacceptable'),
    t('risks.assessment.updatedAt'),
  ];

  return (
    <>
      <PageHeading title={t('risks.assessments.title')}>
        {can('risks.manage') ? (
          <Button onClick={() => setCreating(true)}>{t('risks.assessments.create')}</Button>
        ) : null}
      </PageHeading>
      <Group component="search" align="flex-end" gap="sm" mb="md" aria-label={t('risks.assessments.filters')}>
        <TextInput
          label={t('risks.assessments.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <Select
          label={t('common.status')}
          data={RISK_ASSESSMENT_STATUSES.map((s) => ({
            value: s,
            label: t(`risks.assessment.statuses.${s}`),
          }))}
          value={status}
          onChange={(s) => {
            setStatus(RISK_ASSESSMENT_STATUSES.find((x) => x === s) ?? null);
            setPage(1);
          }}
          placeholder={t('common.all')}
          clearable
          w={180}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        minWidth={800}
        caption={t('risks.assessments.caption', { count: total })}
        columns={columns}
        aria-busy={list.isFetching}
      >
        {list.data?.items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                {t('risks.assessments.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {list.data?.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/risks/assessments/${a.id}`}>
                {a.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <AssessmentStatusBadge status={a.status} />
            </Table.Td>
            <Table.Td>
              {t('risks.methodology.versionName', {
                version: a.methodology.version,
                name: a.methodology.name,
              })}
            </Table.Td>
            <Table.Td>{a.counts.scenarios}</Table.Td>
            <Table.Td>{a.counts.unacceptable}</Table.Td>
            <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
      {creating ? <AssessmentFormModal assessment={null} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
