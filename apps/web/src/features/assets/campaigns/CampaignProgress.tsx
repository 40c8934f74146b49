import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { CampaignProgress } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/StatusBadge.js';

/** Share of items done (confirmed or corrected), in whole per cent. */
export function donePercent(progress: CampaignProgress): number {
  if (progress.total === 0) return 0;
  return Math.round(((progress.confirmed + progress.corrected) / progress.total) * 100);
}

export function CampaignStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  return status === 'open' ? (
    <StatusBadge tone="success">{t('assets.campaigns.statuses.open')}</StatusBadge>
  ) : (
    <Badge variant="outline" color="gray.8">
      {t('assets.campaigns.statuses.closed')}
    </Badge>
  );
}

/** A progress bar with the counts written out beside it (the bar only repeats them). */
export function ProgressSummary({ progress, label }: { progress: CampaignProgress; label: string }) {
  const { t } = useTranslation();
  const percent = donePercent(progress);
  return (
    <Stack gap={4}>
      <Progress.Root size="md">
        <Progress.Section
          value={percent}
          color="teal.8"
          aria-label={t('assets.campaigns.progressOf', { name: label })}
          aria-valuetext={t('assets.campaigns.percentDone', { percent })}
        />
      </Progress.Root>
      <Group gap="xs" wrap="wrap">
        <Text size="xs">
          {t('assets.campaigns.counts', {
            percent,
            total: progress.total,
            confirmed: progress.confirmed,
            corrected: progress.corrected,
            pending: progress.pending,
          })}
        </Text>
        {progress.overdue > 0 ? (
          <StatusBadge tone="danger" size="xs">
            {t('assets.campaigns.overdueCount', { count: progress.overdue })}
          </StatusBadge>
        ) : null}
      </Group>
    </Stack>
  );
}
