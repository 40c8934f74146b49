import { Anchor, Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../api/session.js';
import { DataTable } from '../../../components/DataTable.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useFormatDateTime } from '../../../lib/useDateTime.js';
import { useAssessments } from '../api.js';
import { AssessmentFormModal } from './AssessmentFormModal.js';
import { ScoreBadge } from './ScoreBadge.js';

/** Compliance assessments, newest first. */
export function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const can = usePermissions();
  const formatDateTime = useFormatDateTime();
  const [creating, setCreating] = useState(false);
  const list = useAssessments();
  const columns = [
    t('compliance.assessments.titleField'),
    t('compliance.assessments.framework'),
    t('compliance.assessments.scope'),
    t('compliance.assessments.status'),
    t('compliance.assessments.score'),
    t('compliance.assessments.openGaps'),
    t('compliance.assessments.createdAt'),
  ];
  return (
    <>
      <PageHeading title={t('compliance.assessments.title')}>
        {can('compliance.manage') ? (
          <Button onClick={() => setCreating(true)}>{t('compliance.assessments.create')}</Button>
        ) : null}
      </PageHeading>
      <ErrorAlert error={list.error} />
      <DataTable
        minWidth={860}
        caption={t('compliance.assessments.caption', { count: list.data?.items.length ?? 0 })}
        columns={columns}
        aria-busy={list.isFetching}
      >
        {list.data?.items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                {t('compliance.assessments.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {list.data?.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/compliance/assessments/${a.id}`}>
                {a.title}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {zh ? a.framework.nameZh : a.framework.nameEn} {a.version.version}
            </Table.Td>
            <Table.Td>
              {a.asset
                ? `${a.asset.code} ${a.asset.name}${a.protectionLevel ? ` · ${t(`compliance.levels.${a.protectionLevel}`)}` : ''}`
                : t('compliance.assessments.scopes.organisation')}
            </Table.Td>
            <Table.Td>
              <StatusBadge tone={a.status === 'completed' ? 'success' : 'neutral'} miw="max-content">
                {t(`compliance.assessments.statuses.${a.status}`)}
              </StatusBadge>
            </Table.Td>
            <Table.Td>
              <ScoreBadge score={a.score} />
            </Table.Td>
            <Table.Td>{a.openGaps}</Table.Td>
            <Table.Td>{formatDateTime(a.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {creating ? <AssessmentFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
