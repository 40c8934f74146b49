import { ActionIcon, Anchor, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ObligationTaskView } from '@vigil/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useTasks } from './api.js';
import { monthGrid, monthRange, shiftMonth } from './calendar.js';
import { useTitle } from './useSchedule.js';

/** A month grid with the tasks on their due dates; previous and next month. */
export function MonthCalendar({ today }: { today: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = useTitle();
  const [month, setMonth] = useState(today.slice(0, 7));
  const range = monthRange(month);
  const tasks = useTasks({ dueFrom: range.from, dueTo: range.to, limit: 1000 });
  const byDay = useMemo(() => {
    const out = new Map<string, ObligationTaskView[]>();
    for (const task of tasks.data?.items ?? []) {
      if (task.status === 'cancelled') continue;
      out.set(task.dueOn, [...(out.get(task.dueOn) ?? []), task]);
    }
    return out;
  }, [tasks.data]);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => setMonth(shiftMonth(month, -1))}
          aria-label={t('obligations.calendar.previous')}
        >
          ‹
        </ActionIcon>
        <Title order={2} size="h4" aria-live="polite">
          {monthName}
        </Title>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => setMonth(shiftMonth(month, 1))}
          aria-label={t('obligations.calendar.next')}
        >
          ›
        </ActionIcon>
      </Group>
      <ErrorAlert error={tasks.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder withColumnBorders layout="fixed" aria-busy={tasks.isFetching}>
          <Table.Caption>
            <VisuallyHidden>{t('obligations.calendar.caption', { month: monthName })}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {weekdays.map((d) => (
                <Table.Th key={d}>{d}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {monthGrid(month).map((week) => (
              <Table.Tr key={week[0]?.date}>
                {week.map((cell) => {
                  const list = byDay.get(cell.date) ?? [];
                  return (
                    <Table.Td
                      key={cell.date}
                      valign="top"
                      h={96}
                      bg={cell.date === today ? 'var(--mantine-color-blue-light)' : undefined}
                      aria-current={cell.date === today ? 'date' : undefined}
                    >
                      <Text
                        size="xs"
                        c={cell.inMonth ? undefined : 'dimmed'}
                        fw={cell.date === today ? 700 : 400}
                      >
                        {Number(cell.date.slice(8))}
                      </Text>
                      <Stack gap={2}>
                        {list.map((task) => (
                          <Anchor
                            key={task.id}
                            component={Link}
                            to={`/obligations/tasks/${task.id}`}
                            size="xs"
                            c={task.overdue ? 'red.8' : task.status === 'done' ? 'green.8' : undefined}
                            td={task.status === 'done' ? 'line-through' : undefined}
                          >
                            {title(task)}
                            {task.overdue ? (
                              <VisuallyHidden> ({t('obligations.status.overdue')})</VisuallyHidden>
                            ) : null}
                            {task.status === 'done' ? (
                              <VisuallyHidden> ({t('obligations.status.done')})</VisuallyHidden>
                            ) : null}
                          </Anchor>
                        ))}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
