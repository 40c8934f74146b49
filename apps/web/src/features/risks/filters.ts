import {
  RISK_REGISTER_SORTS,
  RISK_SCENARIO_STATUSES,
  RISK_TREATMENT_OPTIONS,
  type RiskScenarioStatus,
  type RiskTreatmentOption,
} from '@vigil/contracts';
import { filtersToSearchParams, withFilterChange } from '../../lib/urlFilters.js';

export type RegisterSort = (typeof RISK_REGISTER_SORTS)[number];

/** The register's filters, sort and page: everything the URL query string keeps. */
export interface RegisterFilters {
  q: string;
  level: string | null;
  ownerId: string | null;
  unitId: string | null;
  assetId: string | null;
  status: RiskScenarioStatus | null;
  assessmentId: string | null;
  treatmentOption: RiskTreatmentOption | null;
  overdue: boolean;
  mine: boolean;
  sort: RegisterSort;
  order: 'asc' | 'desc';
  /** 1-based page number. */
  page: number;
}

export const DEFAULT_REGISTER_FILTERS: RegisterFilters = {
  q: '',
  level: null,
  ownerId: null,
  unitId: null,
  assetId: null,
  status: null,
  assessmentId: null,
  treatmentOption: null,
  overdue: false,
  mine: false,
  sort: 'code',
  order: 'asc',
  page: 1,
};

const MAX_PAGE = 100_000;
const ID = /^[0-9a-f-]{36}$/i;
const LEVEL = /^[a-z][a-z0-9_]{0,29}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

function matching(pattern: RegExp, value: string | null): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

/** Reads the filters from a query string; anything unknown or malformed falls back to its default. */
export function registerFiltersFromParams(params: URLSearchParams): RegisterFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    level: matching(LEVEL, params.get('level')),
    ownerId: matching(ID, params.get('ownerId')),
    unitId: matching(ID, params.get('unitId')),
    assetId: matching(ID, params.get('assetId')),
    status: oneOf(RISK_SCENARIO_STATUSES, params.get('status')),
    assessmentId: matching(ID, params.get('assessmentId')),
    treatmentOption: oneOf(RISK_TREATMENT_OPTIONS, params.get('treatmentOption')),
    overdue: params.get('overdue') === 'true',
    mine: params.get('mine') === 'true',
    sort: oneOf(RISK_REGISTER_SORTS, params.get('sort')) ?? DEFAULT_REGISTER_FILTERS.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
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

/** The filter part of the register request (shared by the list and the exports). */
export function registerFilterQuery(filters: RegisterFilters): Record<string, string | undefined> {
  return {
    q: filters.q.trim() || undefined,
    level: filters.level ?? undefined,
    ownerId: filters.ownerId ?? undefined,
    unitId: filters.unitId ?? undefined,
    assetId: filters.assetId ?? undefined,
    status: filters.status ?? undefined,
    assessmentId: filters.assessmentId ?? undefined,
    treatmentOption: filters.treatmentOption ?? undefined,
    overdue: filters.overdue ? 'true' : undefined,
    mine: filters.mine ? 'true' : undefined,
    sort: filters.sort,
    order: filters.order,
  };
}

/** GET /api/risks query for a page of the register. */
export function registerListQuery(
  filters: RegisterFilters,
  pageSize: number,
): Record<string, string | number | undefined> {
  return { ...registerFilterQuery(filters), limit: pageSize, offset: (filters.page - 1) * pageSize };
}

/** The download address of the register export (風險清單 / 風險處理計畫) with the same filters. */
export function registerExportHref(
  filters: RegisterFilters,
  format: 'xlsx' | 'pdf',
  lang: 'zh-TW' | 'en',
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...registerFilterQuery(filters), format, lang })) {
    if (value !== undefined) params.set(key, value);
  }
  return `/api/risks/export?${params.toString()}`;
}
