import { SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useHeatmap } from '../api.js';
import { HeatMap } from '../components/HeatMap.js';
import { LevelBadge } from '../components/LevelBadge.js';
import { cellKey } from '../heatmap.js';
import { useBilingual } from '../labels.js';

type Residual = 'target' | 'actual';

/** Inherent vs residual heat maps of one assessment, and the counts per level. */
export function AssessmentHeatMaps({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const heatmap = useHeatmap(assessmentId);
  const [residual, setResidual] = useState<Residual>('target');
  if (heatmap.error) return <ErrorAlert error={heatmap.error} />;
  const data = heatmap.data;
  if (!data) return null;
  const axis = (levels: typeof data.likelihood) => levels.map((l) => ({ value: l.value, label: text(l) }));
  const levelOf = new Map(data.levels.map((l) => [l.key, l]));
  const cells = new Map(data.cells.map((c) => [cellKey(c.likelihood, c.impact), c]));
  const levelAt = (l: number, i: number) => {
    const cell = cells.get(cellKey(l, i));
    const level = cell ? levelOf.get(cell.level) : undefined;
    return cell ? { label: level ? text(level) : cell.level, color: cell.color } : null;
  };
  const counts = (basis: 'inherent' | Residual) =>
    new Map(data.cells.map((c) => [cellKey(c.likelihood, c.impact), c[basis]]));

  return (
    <Stack gap="md">
      {data.cells.length > 0 ? (
        <>
          <SegmentedControl
            aria-label={t('risks.heatmap.residualBasis')}
            value={residual}
            onChange={(v) => setResidual(v === 'actual' ? 'actual' : 'target')}
            data={[
              { value: 'target', label: t('risks.heatmap.target') },
              { value: 'actual', label: t('risks.heatmap.actual') },
            ]}
            w="fit-content"
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <HeatMap
              title={t('risks.heatmap.inherent')}
              likelihood={axis(data.likelihood)}
              impact={axis(data.impact)}
              levelAt={levelAt}
              counts={counts('inherent')}
            />
            <HeatMap
              title={residual === 'target' ? t('risks.heatmap.target') : t('risks.heatmap.actual')}
              likelihood={axis(data.likelihood)}
              impact={axis(data.impact)}
              levelAt={levelAt}
              counts={counts(residual)}
            />
          </SimpleGrid>
        </>
      ) : null}
      <Table.ScrollContainer minWidth={400}>
        <Table withTableBorder striped>
          <Table.Caption>{t('risks.heatmap.levelCounts', { count: data.total })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risks.fields.level')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.inherent')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.target')}</Table.Th>
              <Table.Th scope="col">{t('risks.fields.actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.levelCounts].reverse().map((row) => (
              <Table.Tr key={row.level}>
                <Table.Th scope="row">
                  <LevelBadge level={levelOf.get(row.level)} />
                </Table.Th>
                <Table.Td>{row.inherent}</Table.Td>
                <Table.Td>{row.target}</Table.Td>
                <Table.Td>{row.actual}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.otherVersion > 0 ? (
        <Text size="sm" c="dimmed">
          {t('risks.heatmap.otherVersion', { count: data.otherVersion })}
        </Text>
      ) : null}
    </Stack>
  );
}
