import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cellKey, readableTextColor, totalCount } from '../heatmap.js';

export interface HeatMapAxisLevel {
  value: number;
  label: string;
}

export interface HeatMapLevel {
  label: string;
  color: string;
}

interface HeatMapProps {
  /** Names the table (caption). */
  title: string;
  /** Likelihood levels, lowest first; drawn with the highest at the top. */
  likelihood: readonly HeatMapAxisLevel[];
  /** Impact levels, lowest first; drawn left to right. */
  impact: readonly HeatMapAxisLevel[];
  /** The methodology's level for a cell. */
  levelAt: (likelihood: number, impact: number) => HeatMapLevel | null;
  /** Scenarios per cell (keys from `cellKey`); omit to draw the matrix alone. */
  counts?: ReadonlyMap<string, number>;
}

/**
 * A likelihood × impact grid as a real table: row and column headings name the scale levels, and every
 * cell says its level and count in words, so the colour is never the only signal.
 */
export function HeatMap({ title, likelihood, impact, levelAt, counts }: HeatMapProps) {
  const { t } = useTranslation();
  const rows = [...likelihood].sort((a, b) => b.value - a.value);
  const columns = [...impact].sort((a, b) => a.value - b.value);
  return (
    <Table withTableBorder withColumnBorders layout="fixed" verticalSpacing={6} fz="xs">
      <Table.Caption>
        {counts ? t('risks.heatmap.caption', { title, count: totalCount(counts) }) : title}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('risks.heatmap.corner')}</Table.Th>
          {columns.map((col) => (
            <Table.Th scope="col" key={col.value}>
              {col.value}. {col.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.value}>
            <Table.Th scope="row">
              {row.value}. {row.label}
            </Table.Th>
            {columns.map((col) => {
              const level = levelAt(row.value, col.value);
              const count = counts?.get(cellKey(row.value, col.value)) ?? 0;
              const background = level?.color ?? '#ffffff';
              return (
                <Table.Td
                  key={col.value}
                  style={{ background, color: readableTextColor(background), textAlign: 'center' }}
                >
                  {counts ? (
                    <Text component="span" fw={700} fz="sm" display="block">
                      {count}
                    </Text>
                  ) : null}
                  <Text component="span" fz="xs" display="block">
                    {level?.label ?? '—'}
                  </Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
