import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { obligationTaskDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { useUserOptions } from '../org/useUserOptions.js';
import { Field } from '../risks/components/Field.js';
import { obligationsKey, taskPath, useTask } from './api.js';
import { TaskBadge } from './TaskBadge.js';
import { TaskEvidence } from './TaskEvidence.js';
import { useScheduleText, useTitle } from './useSchedule.js';

/** One task: what is due, by whom, its evidence, completing it; managers assign owner and due date. */
export function TaskPage() {
  const { t } = useTranslation();
  const { taskId } = useParams();
  const task = useTask(taskId);
  const title = useTitle();
  const schedule = useScheduleText();
  const language = useLanguage();
  const formatDateTime = useFormatDateTime();
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const done = () => queryClient.invalidateQueries({ queryKey: obligationsKey });
  const complete = useMutation({
    mutationFn: () =>
      api.post(
        `${taskPath(taskId ?? '')}/complete`,
        obligationTaskDetail,
        note.trim() ? { note: note.trim() } : {},
      ),
    onSuccess: done,
  });
  const assign = useMutation({
    mutationFn: (body: { ownerId?: string | null; dueOn?: string }) =>
      api.patch(taskPath(taskId ?? ''), obligationTaskDetail, body),
    onSuccess: done,
  });

  if (task.isPending) return <LoadingScreen />;
  if (!task.data) return <ErrorAlert error={task.error} />;
  const x = task.data;
  const description = language === 'zh-TW' ? x.descriptionZh : x.descriptionEn;

  return (
    <>
      <Anchor component={Link} to="/obligations" size="sm">
        {t('obligations.task.back')}
      </Anchor>
      <PageHeading title={title(x)}>
        <TaskBadge task={x} />
      </PageHeading>
      <Stack gap="md">
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('obligations.list.due')}>
              {x.dueOn}
              {x.status === 'open'
                ? ` (${x.overdue ? t('obligations.task.daysOverdue', { count: -x.daysLeft }) : t('obligations.task.daysLeft', { count: x.daysLeft })})`
                : ''}
            </Field>
            <Field label={t('obligations.list.owner')}>{x.owner?.displayName ?? '—'}</Field>
            <Field label={t('obligations.task.schedule')}>{schedule(x.schedule)}</Field>
            <Field label={t('obligations.task.source')}>
              {x.frameworkKey} · {x.ref} · {t('obligations.profile.level', { level: x.level })}
            </Field>
            {x.hours !== null ? (
              <Field label={t('obligations.task.hours')}>
                {t('obligations.task.hoursValue', { count: x.hours })}
              </Field>
            ) : null}
            {x.completedAt ? (
              <Field label={t('obligations.task.completed')}>
                {formatDateTime(x.completedAt)} · {x.completedBy?.displayName ?? '—'}
                {x.completionNote ? `\n${x.completionNote}` : ''}
              </Field>
            ) : null}
            {x.cancelledAt ? (
              <Field label={t('obligations.task.cancelled')}>
                {formatDateTime(x.cancelledAt)} · {t('obligations.task.noLongerApplies')}
              </Field>
            ) : null}
          </SimpleGrid>
          {description ? (
            <Text size="sm" mt="sm">
              {description}
            </Text>
          ) : null}
        </Card>

        {x.can.assign ? (
          <Card withBorder component="section" aria-label={t('obligations.task.assign')}>
            <Group align="flex-end" gap="sm">
              {users.allowed ? (
                <Select
                  label={t('obligations.list.owner')}
                  data={users.options}
                  value={x.owner?.id ?? null}
                  searchable
                  clearable
                  onChange={(v) => assign.mutate({ ownerId: v })}
                  w={280}
                />
              ) : null}
              <TextInput
                type="date"
                label={t('obligations.list.due')}
                defaultValue={x.dueOn}
                onBlur={(e) => {
                  const v = e.currentTarget.value;
                  if (v && v !== x.dueOn) assign.mutate({ dueOn: v });
                }}
                w={200}
              />
            </Group>
            <ErrorAlert error={assign.error} />
          </Card>
        ) : null}

        <Card withBorder>
          <TaskEvidence task={x} />
        </Card>

        {x.can.complete ? (
          <Card withBorder component="section" aria-label={t('obligations.task.complete')}>
            <Stack gap="sm">
              <Textarea
                label={t('obligations.task.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              {x.evidenceCount === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('obligations.task.needsEvidence')}
                </Text>
              ) : null}
              <Group>
                <Button
                  color="teal.9"
                  loading={complete.isPending}
                  disabled={x.evidenceCount === 0}
                  onClick={() => complete.mutate()}
                >
                  {t('obligations.task.complete')}
                </Button>
              </Group>
              <ErrorAlert error={complete.error} />
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
