import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.js';
import { StatusBadge } from '../../../components/StatusBadge.js';
import { useGaps } from '../api.js';
import { ResultStatusBadge } from './ResultStatusBadge.js';

/** The partial and non-compliant requirements of one assessment, with who fixes them by when. */
export function GapList({ assessmentId }: { assessmentId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language) === 'zh-TW';
  const gaps = useGaps(assessmentId);
  const items = gaps.data?.items ?? [];
  return (
    <section aria-labelledby="gaps-heading">
      <Title order={2} size="h4" id="gaps-heading" mb="xs">
        {t('compliance.assessments.gaps')}
      </Title>
      {gaps.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('compliance.assessments.gapsNone')}
        </Text>
      ) : (
        <DataTable
          minWidth={640}
          caption={t('compliance.assessments.gapsCaption', { count: items.length })}
          columns={[
            t('compliance.result.ref'),
            t('compliance.result.requirement'),
            t('compliance.result.status'),
            t('compliance.result.gapOwner'),
            t('compliance.result.gapDue'),
          ]}
          aria-busy={gaps.isFetching}
        >
          {items.map((g) => (
            <Table.Tr key={g.resultId}>
              <Table.Td>{g.ref}</Table.Td>
              <Table.Td>{zh ? g.titleZh : g.titleEn}</Table.Td>
              <Table.Td>
                <ResultStatusBadge status={g.status} />
              </Table.Td>
              <Table.Td>{g.owner?.displayName ?? t('compliance.assessments.noOwner')}</Table.Td>
              <Table.Td>
                {g.dueOn ?? '—'}{' '}
                {g.overdue ? (
                  <StatusBadge tone="danger" size="sm" miw="max-content">
                    {t('compliance.assessments.overdue')}
                  </StatusBadge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
