import { SegmentedControl, Stack, Table } from '@mantine/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type TrendOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface TrendLevel {
  id: string;
  label: string;
  color: string;
}

export interface TrendPoint {
  id: string;
  /** The assessment's title (x-axis label). */
  label: string;
  /** Scenarios per level id. */
  inherent: Readonly<Record<string, number>>;
  residual: Readonly<Record<string, number>>;
}

interface TrendChartProps {
  title: string;
  levels: readonly TrendLevel[];
  points: readonly TrendPoint[];
}

/**
 * Scenarios per level over assessments, inherent and residual stacked side by side. The chart is drawn
 * for sighted users; the same figures are available as a table (the default for screen readers).
 */
export function TrendChart({ title, levels, points }: TrendChartProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const element = useRef<HTMLDivElement>(null);
  const inherentName = t('risks.trend.inherent');
  const residualName = t('risks.trend.residual');

  useEffect(() => {
    if (view !== 'chart' || !element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    const series: BarSeriesOption[] = [];
    for (const [stack, name, key] of [
      ['inherent', inherentName, 'inherent'],
      ['residual', residualName, 'residual'],
    ] as const) {
      for (const level of levels) {
        series.push({
          type: 'bar',
          stack,
          barMaxWidth: 48,
          name: `${level.label} (${name})`,
          itemStyle: { color: level.color, opacity: key === 'inherent' ? 1 : 0.6 },
          data: points.map((p) => p[key][level.id] ?? 0),
        });
      }
    }
    const option: TrendOption = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [view, levels, points, inherentName, residualName]);

  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('risks.trend.view')}
        value={view}
        onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: t('risks.trend.chart') },
          { value: 'table', label: t('risks.trend.table') },
        ]}
        w="fit-content"
      />
      {view === 'chart' ? (
        <div ref={element} role="img" aria-label={title} style={{ width: '100%', height: 320 }} />
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table striped withTableBorder>
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('risks.trend.assessment')}</Table.Th>
                <Table.Th scope="col">{t('risks.trend.basis')}</Table.Th>
                {levels.map((level) => (
                  <Table.Th scope="col" key={level.id}>
                    {level.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.flatMap((p) =>
                (['inherent', 'residual'] as const).map((key) => (
                  <Table.Tr key={`${p.id}-${key}`}>
                    <Table.Th scope="row">{p.label}</Table.Th>
                    <Table.Td>{key === 'inherent' ? inherentName : residualName}</Table.Td>
                    {levels.map((level) => (
                      <Table.Td key={level.id}>{p[key][level.id] ?? 0}</Table.Td>
                    ))}
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
