import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useTrend } from '../api.js';
import { TrendChart, type TrendLevel, type TrendPoint } from '../components/TrendChart.js';
import { useBilingual } from '../labels.js';

/** Scenarios per level over completed assessments (each with its own methodology's levels). */
export function RiskTrend() {
  const { t } = useTranslation();
  const text = useBilingual();
  const trend = useTrend(true);
  const { levels, points } = useMemo(() => {
    const byKey = new Map<string, TrendLevel & { rank: number }>();
    const items = trend.data?.items ?? [];
    for (const item of items) {
      for (const level of item.levels) {
        if (!byKey.has(level.key))
          byKey.set(level.key, { id: level.key, label: text(level), color: level.color, rank: level.rank });
      }
    }
    const points: TrendPoint[] = items.map((item) => ({
      id: item.assessment.id,
      label: item.assessment.title,
      inherent: Object.fromEntries(item.levels.map((l) => [l.key, l.inherent])),
      residual: Object.fromEntries(item.levels.map((l) => [l.key, l.residual])),
    }));
    return { levels: [...byKey.values()].sort((a, b) => a.rank - b.rank), points };
  }, [trend.data, text]);

  if (trend.error) return <ErrorAlert error={trend.error} />;
  if (trend.data && points.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('risks.trend.none')}
      </Text>
    );
  return <TrendChart title={t('risks.trend.title')} levels={levels} points={points} />;
}
