import { Anchor, Checkbox, Group, Pagination, Select, Table, Text } from '@mantine/core';
import { OBLIGATION_TASK_STATUSES, type ObligationTaskStatus } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUserOptions } from '../org/useUserOptions.js';
import { useObligations, useTasks } from './api.js';
import { TaskBadge } from './TaskBadge.js';
import { useTitle } from './useSchedule.js';

const PAGE_SIZE = 50;

/** The tasks as a list: filters by status, owner, kind and overdue. */
export function TaskList() {
  const { t } = useTranslation();
  const can = usePermissions();
  const readAll = can('obligations.read') || can('obligations.manage');
  const users = useUserOptions();
  const title = useTitle();
  const obligations = useObligations(readAll);
  const [status, setStatus] = useState<ObligationTaskStatus | null>('open');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const tasks = useTasks({
    status,
    ownerId,
    kind,
    overdue: overdue ? 'true' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const kinds = [...new Map((obligations.data?.items ?? []).map((o) => [o.kind, title(o)])).entries()].map(
    ([value, label]) => ({ value, label }),
  );
  const items = tasks.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((tasks.data?.total ?? 0) / PAGE_SIZE));
  const reset = () => setPage(1);
  const columns = [
    t('obligations.list.due'),
    t('obligations.list.task'),
    t('obligations.list.owner'),
    t('obligations.list.evidence'),
    t('common.status'),
  ];

  return (
    <>
      <Group component="search" align="flex-end" gap="sm" mb="md" aria-label={t('obligations.list.filters')}>
        <Select
          label={t('common.status')}
          data={OBLIGATION_TASK_STATUSES.map((s) => ({ value: s, label: t(`obligations.status.${s}`) }))}
          value={status}
          clearable
          onChange={(v) => {
            setStatus(v as ObligationTaskStatus | null);
            reset();
          }}
          w={160}
        />
        {readAll && users.allowed ? (
          <Select
            label={t('obligations.list.owner')}
            data={users.options}
            value={ownerId}
            clearable
            searchable
            onChange={(v) => {
              setOwnerId(v);
              reset();
            }}
            w={240}
          />
        ) : null}
        {readAll ? (
          <Select
            label={t('obligations.list.kind')}
            data={kinds}
            value={kind}
            clearable
            searchable
            onChange={(v) => {
              setKind(v);
              reset();
            }}
            w={260}
          />
        ) : null}
        <Checkbox
          label={t('obligations.list.overdueOnly')}
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.currentTarget.checked);
            reset();
          }}
          mb={8}
        />
      </Group>
      <ErrorAlert error={tasks.error} />
      <DataTable
        minWidth={720}
        caption={t('obligations.list.caption', { count: tasks.data?.total ?? 0 })}
        columns={columns}
        aria-busy={tasks.isFetching}
      >
        {tasks.data && items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                {t('common.nothingFound')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {items.map((task) => (
          <Table.Tr key={task.id}>
            <Table.Td ff="monospace">{task.dueOn}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/obligations/tasks/${task.id}`} size="sm">
                {title(task)}
              </Anchor>
            </Table.Td>
            <Table.Td>{task.owner?.displayName ?? '—'}</Table.Td>
            <Table.Td>{task.evidenceCount}</Table.Td>
            <Table.Td>
              <TaskBadge task={task} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <Pagination
          mt="md"
          total={pages}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
        />
      ) : null}
    </>
  );
}
