import { Button, Group, Pagination, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { AuditFiltersForm } from './AuditFiltersForm.js';
import { AuditTable } from './AuditTable.js';
import { AuditVerify } from './AuditVerify.js';
import {
  AUDIT_PAGE_SIZE,
  type AuditFilters,
  auditExportUrl,
  filtersFromParams,
  useAuditPage,
} from './api.js';

/** The audit trail: filters and page live in the URL so a view can be reloaded or shared. */
export function AuditPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const audit = useAuditPage(filters, (page - 1) * AUDIT_PAGE_SIZE);
  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));

  const apply = (next: AuditFilters) => setParams(new URLSearchParams(Object.entries(next)));
  const goTo = (nextPage: number) => {
    const next = new URLSearchParams(params);
    if (nextPage === 1) next.delete('page');
    else next.set('page', String(nextPage));
    setParams(next);
  };

  return (
    <>
      <PageHeading title={t('audit.title')}>
        {can('audit.export') ? (
          <Button component="a" href={auditExportUrl(filters)} download variant="default">
            {t('audit.export')}
          </Button>
        ) : null}
      </PageHeading>
      <Stack gap="md">
        {can('audit.verify') ? <AuditVerify /> : null}
        <AuditFiltersForm key={params.toString()} filters={filters} onApply={apply} />
        <ErrorAlert error={audit.error} />
        {audit.data ? <AuditTable entries={audit.data.items} total={total} /> : null}
        {pages > 1 ? (
          <Group justify="center">
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={goTo}
              getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
            />
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
