import { Group, Pagination, Stack, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { useRegister } from '../api.js';
import { RiskTable } from '../components/RiskTable.js';
import {
  changeRegisterFilters,
  type RegisterFilters,
  registerFiltersFromParams,
  registerFiltersToParams,
  registerListQuery,
} from '../filters.js';
import { ExportLinks } from './ExportLinks.js';
import { RegisterFiltersBar } from './RegisterFiltersBar.js';
import { RiskTrend } from './RiskTrend.js';

const PAGE_SIZE = 25;

/** 風險清單: every risk (risks.read) or the caller's own (risk owners), filtered through the URL. */
export function RegisterPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const readAll = can('risks.read');
  const [params, setParams] = useSearchParams();
  const filters = registerFiltersFromParams(params);
  const [search, setSearch] = useState(filters.q);
  const register = useRegister(registerListQuery(filters, PAGE_SIZE));

  const apply = (next: RegisterFilters) => setParams(registerFiltersToParams(next), { replace: true });
  const change = (c: Partial<RegisterFilters>) => apply(changeRegisterFilters(filters, c));
  const applySearch = useDebouncedCallback((q: string) => change({ q }), 300);
  const total = register.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <PageHeading title={readAll ? t('risks.register.title') : t('risks.register.mine')}>
        <ExportLinks filters={filters} />
      </PageHeading>
      <RegisterFiltersBar
        search={search}
        onSearch={(q) => {
          setSearch(q);
          applySearch(q);
        }}
        filters={filters}
        onChange={change}
      />
      <ErrorAlert error={register.error} />
      <RiskTable
        caption={t('risks.register.caption', { count: total })}
        items={register.data?.items}
        busy={register.isFetching}
      />
      {pages > 1 ? (
        <Group justify="center">
          <Pagination
            total={pages}
            value={filters.page}
            onChange={(page) => change({ page })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
      {readAll ? (
        <section aria-labelledby="risk-trend-heading">
          <Title order={2} size="h4" id="risk-trend-heading" mb="sm">
            {t('risks.trend.title')}
          </Title>
          <RiskTrend />
        </section>
      ) : null}
    </Stack>
  );
}
