import { DOCUMENT_VERSION_STATUSES, type DocumentVersionStatus } from '@vigil/contracts';
import { filtersToSearchParams, withFilterChange } from '../../lib/urlFilters.js';

export type RegisterStatus = DocumentVersionStatus | 'none';
const STATUSES: readonly RegisterStatus[] = [...DOCUMENT_VERSION_STATUSES, 'none'];

/** The register's filters and page: everything its URL query string keeps. */
export interface RegisterFilters {
  q: string;
  levelId: string | null;
  status: RegisterStatus | null;
  ownerId: string | null;
  /** Only published documents past their review date. */
  overdue: boolean;
  /** 1-based page number. */
  page: number;
}

export const DEFAULT_REGISTER_FILTERS: RegisterFilters = {
  q: '',
  levelId: null,
  status: null,
  ownerId: null,
  overdue: false,
  page: 1,
};

const MAX_PAGE = 100_000;

/** Reads the filters from a query string; anything unknown or malformed falls back to its default. */
export function registerFiltersFromParams(params: URLSearchParams): RegisterFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const status = params.get('status');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    levelId: params.get('levelId')?.slice(0, 30) || null,
    status: STATUSES.find((s) => s === status) ?? null,
    ownerId: params.get('ownerId') || null,
    overdue: params.get('overdue') === 'true',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes the filters as a query string, leaving out every value at its default. */
export function registerFiltersToParams(filters: RegisterFilters): URLSearchParams {
  return filtersToSearchParams(filters, DEFAULT_REGISTER_FILTERS);
}

/** Applies a change from the filter bar; any change other than the page goes back to page 1. */
export function changeRegisterFilters(
  filters: RegisterFilters,
  change: Partial<RegisterFilters>,
): RegisterFilters {
  return withFilterChange(filters, change);
}

/** The request's query (GET /api/documents) for these filters and page size. */
export function registerQuery(
  filters: RegisterFilters,
  pageSize: number,
): Record<string, string | number | undefined> {
  return {
    q: filters.q.trim() || undefined,
    levelId: filters.levelId ?? undefined,
    status: filters.status ?? undefined,
    ownerId: filters.ownerId ?? undefined,
    overdue: filters.overdue ? 'true' : undefined,
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
  };
}
