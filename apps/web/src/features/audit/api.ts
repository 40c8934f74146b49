import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditPage } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';

export const AUDIT_FILTER_KEYS = [
  'actor',
  'action',
  'objectType',
  'objectId',
  'outcome',
  'from',
  'to',
] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
/** Filters as kept in the page URL; `from`/`to` are ISO instants. */
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

export const AUDIT_PAGE_SIZE = 50;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function useAuditPage(filters: AuditFilters, offset: number) {
  return useQuery({
    queryKey: ['audit', filters, offset],
    queryFn: () =>
      api.get(withQuery('/api/audit', { ...filters, limit: AUDIT_PAGE_SIZE, offset }), auditPage),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export is a plain GET with the session cookie, so a link with the same filters works. */
export function auditExportUrl(filters: AuditFilters): string {
  return withQuery('/api/audit/export.csv', filters);
}
