import { Button, Group, Pagination, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UserSummary } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../lib/useDateTime.js';
import { useRoleLabel } from '../roles/api.js';
import { type UserFilters, useUsers } from './api.js';
import { UserActions } from './UserActions.js';
import { isMfaState, UserFiltersBar } from './UserFiltersBar.js';
import { UserFormModal } from './UserFormModal.js';
import { UserStatusBadges } from './UserStatusBadges.js';
import { useUnitOptions } from './useUnitOptions.js';

const PAGE_SIZE = 25;

type Editing = { user: UserSummary | null } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const canManage = can('users.manage');
  const roleLabel = useRoleLabel();
  const { nameOf } = useUnitOptions();
  const formatDateTime = useFormatDateTime();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [params] = useSearchParams();
  const initialMfa = params.get('mfa');
  const [filters, setFilters] = useState<Omit<UserFilters, 'q'>>({
    role: null,
    unitId: null,
    status: null,
    mfa: isMfaState(initialMfa) ? initialMfa : null,
    limit: PAGE_SIZE,
    offset: 0,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const users = useUsers({ ...filters, q: debouncedSearch.trim() });

  const change = (next: Partial<UserFilters>) => setFilters({ ...filters, ...next, offset: 0 });
  const onSearch = (value: string) => {
    setSearch(value);
    setFilters({ ...filters, offset: 0 });
  };
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const currentPage = Math.floor(filters.offset / PAGE_SIZE) + 1;
  const columns = [
    t('login.username'),
    t('users.displayName'),
    t('users.unit'),
    t('users.roles'),
    t('common.status'),
    t('users.lastLogin'),
  ];

  return (
    <>
      <PageHeading title={t('users.title')}>
        {canManage ? <Button onClick={() => setEditing({ user: null })}>{t('users.create')}</Button> : null}
      </PageHeading>
      <UserFiltersBar
        search={search}
        onSearch={onSearch}
        filters={{ ...filters, q: search }}
        onChange={change}
      />
      <ErrorAlert error={users.error} />
      <DataTable
        minWidth={900}
        caption={t('users.caption', { count: total })}
        columns={columns}
        withActions={canManage}
        highlightOnHover
        aria-busy={users.isFetching}
      >
        {users.data?.items.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={columns.length + (canManage ? 1 : 0)}>
              <Text size="sm" c="dimmed">
                {t('users.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : null}
        {users.data?.items.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td ff="monospace">{user.username}</Table.Td>
            <Table.Td>
              <Text size="sm">{user.displayName}</Text>
              {user.email ? (
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{nameOf(user.unitId)}</Table.Td>
            <Table.Td>{user.roles.map(roleLabel).join(t('common.listSeparator'))}</Table.Td>
            <Table.Td>
              <UserStatusBadges user={user} />
            </Table.Td>
            <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
            {canManage ? (
              <Table.Td>
                <UserActions user={user} onEdit={(u) => setEditing({ user: u })} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={currentPage}
            onChange={(p) => setFilters({ ...filters, offset: (p - 1) * PAGE_SIZE })}
            getControlProps={(control) => ({
              'aria-label': t(`common.pagination.${control}`),
            })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
      {editing ? (
        <UserFormModal
          key={editing.user?.id ?? 'new'}
          user={editing.user}
          opened
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
