import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { TreatmentItemView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable.js';
import { StatusBadge } from '../../../components/StatusBadge.js';

interface TreatmentItemsTableProps {
  caption: string;
  items: readonly TreatmentItemView[] | undefined;
  /** Shows the risk each item belongs to (the plan across risks). */
  withRisk?: boolean;
  /** Whether the caller may edit this item (null: no edit button). */
  canEdit?: (item: TreatmentItemView) => boolean;
  onEdit?: (item: TreatmentItemView) => void;
  busy?: boolean;
}

/** Treatment plan items; overdue items are flagged in words. */
export function TreatmentItemsTable({
  caption,
  items,
  withRisk,
  canEdit,
  onEdit,
  busy,
}: TreatmentItemsTableProps) {
  const { t } = useTranslation();
  const withActions = Boolean(onEdit);
  const columns = [
    ...(withRisk ? [t('risks.treatment.risk')] : []),
    t('risks.treatment.itemTitle'),
    t('risks.treatment.controls'),
    t('risks.treatment.owner'),
    t('risks.treatment.dueOn'),
    t('common.status'),
  ];
  return (
    <DataTable minWidth={800} caption={caption} columns={columns} withActions={withActions} aria-busy={busy}>
      {items?.length === 0 ? (
        <Table.Tr>
          <Table.Td colSpan={columns.length + (withActions ? 1 : 0)}>
            <Text size="sm" c="dimmed">
              {t('risks.treatment.none')}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
      {items?.map((item) => (
        <Table.Tr key={item.id}>
          {withRisk ? (
            <Table.Td>
              <Anchor component={Link} to={`/risks/scenarios/${item.scenario.id}`} ff="monospace">
                {item.scenario.code}
              </Anchor>{' '}
              <Text span size="sm">
                {item.scenario.title}
              </Text>
            </Table.Td>
          ) : null}
          <Table.Td>{item.title}</Table.Td>
          <Table.Td>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.controls || '—'}
            </Text>
          </Table.Td>
          <Table.Td>{item.owner?.displayName ?? '—'}</Table.Td>
          <Table.Td>{item.dueOn ?? '—'}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <StatusBadge tone={item.status === 'done' ? 'success' : 'neutral'}>
                {t(`risks.treatment.statuses.${item.status}`)}
              </StatusBadge>
              {item.overdue ? <StatusBadge tone="danger">{t('risks.overdue')}</StatusBadge> : null}
            </Group>
          </Table.Td>
          {withActions ? (
            <Table.Td>
              {canEdit?.(item) ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onEdit?.(item)}
                  aria-label={t('risks.treatment.editNamed', { title: item.title })}
                >
                  {t('common.edit')}
                </Button>
              ) : null}
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
