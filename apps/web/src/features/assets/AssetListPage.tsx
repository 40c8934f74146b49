import { Alert, Anchor, Button, Group, Menu, Pagination, Switch } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api/client.js';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { AssetFiltersBar } from './AssetFiltersBar.js';
import { AssetTable } from './AssetTable.js';
import { useAssetList, useMyCampaignItems } from './api.js';
import {
  type AssetFilters,
  changeFilters,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  toggleSort,
} from './filters.js';
import { useExportLanguage } from './labels.js';

const PAGE_SIZE = 50;

export function AssetListPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const wholeInventory = can('assets.read');
  const canManage = can('assets.manage');
  const lang = useExportLanguage();
  const pending = useMyCampaignItems(can('assets.confirm')).data?.items.length ?? 0;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [search, setSearch] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [debouncedTag] = useDebouncedValue(tag, 300);

  const apply = (next: AssetFilters) => setParams(filtersToParams(next), { replace: true });
  const change = (next: Partial<AssetFilters>) => apply(changeFilters(filters, next));

  // Typing waits for a pause before it becomes a filter (and a history-free URL change).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives this.
  useEffect(() => {
    if (debouncedSearch !== filters.q || debouncedTag !== filters.tag) {
      change({ q: debouncedSearch, tag: debouncedTag });
    }
  }, [debouncedSearch, debouncedTag]);

  // Someone without assets.read only ever sees their own assets; the server enforces it too.
  const effective = wholeInventory ? filters : { ...filters, mine: true };
  const assets = useAssetList(effective, PAGE_SIZE);
  const total = assets.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const exportQuery = { ...filtersToQuery(effective, PAGE_SIZE), limit: undefined, offset: undefined, lang };
  const exportHref = (format: 'csv' | 'xlsx') => withQuery('/api/assets/export', { ...exportQuery, format });
  const registerHref = (format: 'xlsx' | 'pdf') =>
    withQuery('/api/assets/register', {
      format,
      lang,
      includeArchived: filters.includeArchived ? 'true' : undefined,
    });

  return (
    <>
      <PageHeading title={t('assets.title')}>
        {canManage ? (
          <Button component={Link} to="/assets/new">
            {t('assets.actions.new')}
          </Button>
        ) : null}
        {canManage ? (
          <Button component={Link} to="/assets/import" variant="default">
            {t('assets.actions.import')}
          </Button>
        ) : null}
        {wholeInventory ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default">{t('assets.actions.export')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('assets.export.inventory')}</Menu.Label>
              <Menu.Item component="a" href={exportHref('csv')} download>
                {t('assets.export.csv')}
              </Menu.Item>
              <Menu.Item component="a" href={exportHref('xlsx')} download>
                {t('assets.export.xlsx')}
              </Menu.Item>
              <Menu.Label>{t('assets.export.register')}</Menu.Label>
              <Menu.Item component="a" href={registerHref('xlsx')} download>
                {t('assets.export.registerXlsx')}
              </Menu.Item>
              <Menu.Item component="a" href={registerHref('pdf')} download>
                {t('assets.export.registerPdf')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
        {wholeInventory || can('assets.campaigns') || can('assets.confirm') ? (
          <Button component={Link} to="/assets/campaigns" variant="default">
            {t('assets.actions.campaigns')}
          </Button>
        ) : null}
        {canManage ? (
          <Button component={Link} to="/assets/settings" variant="default">
            {t('assets.actions.settings')}
          </Button>
        ) : null}
      </PageHeading>
      {pending > 0 ? (
        <Alert variant="light" color="gray" mb="md" role="status">
          {t('assets.list.pendingConfirmations', { count: pending })}{' '}
          <Anchor component={Link} to="/assets/campaigns" size="sm">
            {t('assets.list.openConfirmations')}
          </Anchor>
        </Alert>
      ) : null}
      {wholeInventory ? (
        <Switch
          label={t('assets.filters.mine')}
          checked={filters.mine}
          onChange={(e) => change({ mine: e.currentTarget.checked })}
          mb="md"
        />
      ) : (
        <Alert variant="light" color="gray" mb="md">
          {t('assets.list.ownOnly')}
        </Alert>
      )}
      <AssetFiltersBar
        search={search}
        onSearch={setSearch}
        tag={tag}
        onTag={setTag}
        filters={filters}
        onChange={change}
        wholeInventory={wholeInventory}
      />
      <ErrorAlert error={assets.error} />
      <AssetTable
        items={assets.data?.items}
        total={total}
        filters={filters}
        onSort={(sort) => apply(toggleSort(filters, sort))}
        busy={assets.isFetching}
      />
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={Math.min(filters.page, pages)}
            onChange={(p) => change({ page: p })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
          />
        </Group>
      ) : null}
    </>
  );
}
