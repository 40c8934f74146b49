import { Button, Checkbox, Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { DOCUMENT_VERSION_STATUSES } from '@vigil/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLevels, usePeople, useRegister } from './api.js';
import { CreateDocumentModal } from './CreateDocumentModal.js';
import { levelName } from './labels.js';
import { RegisterTable } from './RegisterTable.js';
import {
  changeRegisterFilters,
  type RegisterFilters,
  type RegisterStatus,
  registerFiltersFromParams,
  registerFiltersToParams,
} from './registerFilters.js';

const PAGE_SIZE = 50;

/** The document register, a page at a time, with search and filters by level, status, owner and overdue review; all kept in the URL. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => registerFiltersFromParams(params), [params]);
  const [search, setSearch] = useState(filters.q);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const levels = useLevels();
  const people = usePeople(can('users.read'));
  const list = useRegister(filters, PAGE_SIZE);

  const change = (next: Partial<RegisterFilters>) =>
    setParams(registerFiltersToParams(changeRegisterFilters(filters, next)), { replace: true });
  // Typing waits for a pause before it becomes a filter.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives this.
  useEffect(() => {
    if (debouncedSearch !== filters.q) change({ q: debouncedSearch });
  }, [debouncedSearch]);

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // No document at all (rather than none matching): say so instead of showing an empty table.
  const unfiltered = !search && registerFiltersToParams({ ...filters, page: 1 }).toString() === '';
  return (
    <Stack>
      <PageHeading title={t('documents.register.title')}>
        {can('documents.manage') ? (
          <Group>
            <Button variant="default" component={Link} to="/documents/levels">
              {t('documents.register.manageLevels')}
            </Button>
            <Button onClick={() => setCreating(true)}>{t('documents.register.new')}</Button>
          </Group>
        ) : null}
      </PageHeading>
      <Group align="flex-end">
        <TextInput
          label={t('documents.register.search')}
          placeholder={t('documents.register.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={200}
        />
        <Select
          label={t('documents.register.filterLevel')}
          clearable
          placeholder={t('documents.register.any')}
          data={(levels.data?.items ?? []).map((l) => ({ value: l.id, label: levelName(l, i18n.language) }))}
          value={filters.levelId}
          onChange={(v) => change({ levelId: v })}
        />
        <Select
          label={t('documents.register.filterStatus')}
          clearable
          placeholder={t('documents.register.any')}
          data={[...DOCUMENT_VERSION_STATUSES, 'none' as const].map((s) => ({
            value: s,
            label: t(`documents.status.${s}`),
          }))}
          value={filters.status}
          onChange={(v) => change({ status: v as RegisterStatus | null })}
        />
        <Select
          label={t('documents.register.filterOwner')}
          clearable
          searchable
          placeholder={t('documents.register.any')}
          data={(people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filters.ownerId}
          onChange={(v) => change({ ownerId: v })}
        />
        <Checkbox
          label={t('documents.register.filterOverdue')}
          checked={filters.overdue}
          onChange={(e) => change({ overdue: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.data && total === 0 && unfiltered ? (
        <Text c="dimmed">{t('documents.register.empty')}</Text>
      ) : null}
      {list.data && !(total === 0 && unfiltered) ? (
        <RegisterTable
          items={list.data.items}
          total={total}
          levels={levels.data?.items ?? []}
          busy={list.isFetching}
        />
      ) : null}
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={Math.min(filters.page, pages)}
            onChange={(p) => change({ page: p })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
      <CreateDocumentModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
