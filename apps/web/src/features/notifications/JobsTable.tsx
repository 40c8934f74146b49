import { Alert, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { jobRunView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { jobRunPath, jobsKey, outboxKey, useJobs } from './api.js';

/** Registered jobs with their next and last run; "run now" for those who may change settings. */
export function JobsTable({ canRun }: { canRun: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const queryClient = useQueryClient();
  const jobs = useJobs(true);
  const run = useMutation({
    mutationFn: (name: string) => api.post(jobRunPath(name), jobRunView),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: jobsKey });
      await queryClient.invalidateQueries({ queryKey: outboxKey });
    },
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="notifications-jobs">
      <Stack>
        <Title order={2} size="h4" id="notifications-jobs">
          {t('notifications.sections.jobs')}
        </Title>
        {jobs.data && !jobs.data.schedulerRunning ? (
          <Alert variant="light" color="gray">
            {t('notifications.jobs.notRunning')}
          </Alert>
        ) : null}
        <ErrorAlert error={jobs.error ?? run.error} />
        {run.data ? (
          <Alert variant="light" color={run.data.outcome === 'failed' ? 'red' : 'teal'} role="status">
            {t('notifications.jobs.ran', {
              name: run.data.name,
              outcome: t(`notifications.jobs.outcomes.${run.data.outcome}`),
            })}
          </Alert>
        ) : null}
        <DataTable
          caption={t('notifications.jobs.caption', { zone: jobs.data?.timeZone ?? '' })}
          minWidth={760}
          withActions={canRun}
          columns={[
            t('notifications.jobs.name'),
            t('notifications.jobs.pattern'),
            t('notifications.jobs.next'),
            t('notifications.jobs.last'),
            t('notifications.jobs.outcome'),
          ]}
        >
          {(jobs.data?.items ?? []).map((job) => (
            <Table.Tr key={job.name}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {job.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {job.pattern}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(job.nextRunAt)}</Table.Td>
              <Table.Td>
                {job.lastRun ? formatDateTime(job.lastRun.startedAt) : t('notifications.jobs.never')}
              </Table.Td>
              <Table.Td>
                {job.lastRun ? (
                  <StatusBadge
                    tone={
                      job.lastRun.outcome === 'failed'
                        ? 'danger'
                        : job.lastRun.outcome === 'succeeded'
                          ? 'success'
                          : 'neutral'
                    }
                  >
                    {t(`notifications.jobs.outcomes.${job.lastRun.outcome}`)}
                  </StatusBadge>
                ) : null}
                {job.lastRun?.error ? (
                  <Text size="xs" c="red.9">
                    {job.lastRun.error}
                  </Text>
                ) : null}
              </Table.Td>
              {canRun ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    loading={run.isPending && run.variables === job.name}
                    aria-label={t('notifications.jobs.runNowLabel', { name: job.name })}
                    onClick={() => run.mutate(job.name)}
                  >
                    {t('notifications.jobs.runNow')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Card>
  );
}
