import { Anchor, Table, Text } from '@mantine/core';
import type { DocumentLevelView, DocumentListItem } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { levelName, STATUS_TONE } from './labels.js';

interface RegisterTableProps {
  items: DocumentListItem[];
  /** Documents matching the filters on every page. */
  total: number;
  levels: DocumentLevelView[];
  busy: boolean;
}

/** One page of the register: number, title (a link to the document), level, owner, state and review date. */
export function RegisterTable({ items, total, levels, busy }: RegisterTableProps) {
  const { t, i18n } = useTranslation();
  const level = (id: string) => levels.find((l) => l.id === id);
  return (
    <DataTable
      caption={t('documents.register.caption', { count: total })}
      columns={[
        t('documents.fields.number'),
        t('documents.fields.title'),
        t('documents.fields.level'),
        t('documents.fields.owner'),
        t('documents.fields.status'),
        t('documents.fields.nextReview'),
      ]}
      minWidth={800}
      aria-busy={busy}
    >
      {items.length === 0 ? (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Text size="sm" c="dimmed">
              {t('documents.register.noMatch')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
      {items.map((d) => (
        <Table.Tr key={d.id}>
          <Table.Td ff="monospace">{d.number}</Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/documents/${d.id}`}>
              {d.title}
            </Anchor>
          </Table.Td>
          <Table.Td>{levelName(level(d.levelId), i18n.language)}</Table.Td>
          <Table.Td>{d.owner?.displayName ?? '—'}</Table.Td>
          <Table.Td>
            {d.latestStatus ? (
              <StatusBadge tone={STATUS_TONE[d.latestStatus]}>
                {t(`documents.status.${d.latestStatus}`)} v{d.latestVersion}
              </StatusBadge>
            ) : (
              t('documents.status.none')
            )}
          </Table.Td>
          <Table.Td>
            {d.nextReviewOn ?? '—'}{' '}
            {d.reviewOverdue ? (
              <StatusBadge tone="danger">{t('documents.register.overdue')}</StatusBadge>
            ) : null}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
