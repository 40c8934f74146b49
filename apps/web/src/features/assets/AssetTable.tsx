import { Anchor, Badge, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { AssetView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { AssetFilters, AssetSort } from './filters.js';
import { ProtectionBadge, useClassificationName } from './labels.js';
import { ScrollTable } from './ScrollTable.js';

interface AssetTableProps {
  items: AssetView[] | undefined;
  total: number;
  filters: AssetFilters;
  onSort: (sort: AssetSort) => void;
  busy: boolean;
}

type Column = { label: string; sort?: AssetSort };

function rating(value: number | null): string {
  return value === null ? '–' : String(value);
}

/** The inventory table; sortable columns have a button in their heading and say how they are sorted. */
export function AssetTable({ items, total, filters, onSort, busy }: AssetTableProps) {
  const { t } = useTranslation();
  const classificationName = useClassificationName();
  const columns: Column[] = [
    { label: t('assets.fields.code'), sort: 'code' },
    { label: t('assets.fields.name'), sort: 'name' },
    { label: t('assets.fields.type'), sort: 'type' },
    { label: t('assets.fields.owner') },
    { label: t('assets.fields.unit') },
    { label: t('assets.list.cia') },
    { label: t('assets.fields.value'), sort: 'value' },
    { label: t('assets.fields.classification') },
    { label: t('assets.fields.protectionLevel') },
    { label: t('assets.list.core') },
    { label: t('assets.fields.status'), sort: 'status' },
  ];

  return (
    <ScrollTable minWidth={1100} label={t('assets.title')}>
      <Table striped highlightOnHover aria-busy={busy}>
        <Table.Caption>{t('assets.list.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              const sorted = column.sort && filters.sort === column.sort;
              const ariaSort = sorted ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <Table.Th key={column.label} aria-sort={ariaSort}>
                  {column.sort ? (
                    <UnstyledButton
                      onClick={() => column.sort && onSort(column.sort)}
                      fw={700}
                      fz="sm"
                      aria-label={t('assets.list.sortBy', { column: column.label })}
                    >
                      {column.label}
                      <span aria-hidden="true">
                        {sorted ? (filters.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </UnstyledButton>
                  ) : (
                    column.label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items?.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  {t('assets.list.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {items?.map((asset) => (
            <Table.Tr key={asset.id}>
              <Table.Td ff="monospace">{asset.code}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/assets/${asset.id}`} size="sm">
                  {asset.name}
                </Anchor>
                {asset.archivedAt ? (
                  <Badge ml="xs" size="xs" variant="outline" color="gray.8">
                    {t('assets.archived')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`assets.types.${asset.type}`)}</Table.Td>
              <Table.Td>{asset.owner?.displayName ?? '—'}</Table.Td>
              <Table.Td>{asset.unit?.name ?? '—'}</Table.Td>
              <Table.Td>
                <span aria-hidden="true">
                  {rating(asset.confidentiality)}/{rating(asset.integrity)}/{rating(asset.availability)}
                </span>
                <VisuallyHidden>
                  {t('assets.list.ciaLong', {
                    c: rating(asset.confidentiality),
                    i: rating(asset.integrity),
                    a: rating(asset.availability),
                  })}
                </VisuallyHidden>
              </Table.Td>
              <Table.Td>{asset.value ?? '—'}</Table.Td>
              <Table.Td>{classificationName(asset.classification)}</Table.Td>
              <Table.Td>
                <ProtectionBadge level={asset.protectionLevel} />
              </Table.Td>
              <Table.Td>
                {asset.coreSystem ? <StatusBadge tone="danger">{t('assets.list.coreYes')}</StatusBadge> : '—'}
              </Table.Td>
              <Table.Td>{t(`assets.statuses.${asset.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
