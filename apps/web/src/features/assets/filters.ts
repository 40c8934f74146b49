import {
  ASSET_SORTS,
  ASSET_STATUSES,
  ASSET_TYPES,
  type AssetStatus,
  type AssetType,
  PROTECTION_LEVELS,
  type ProtectionLevel,
} from '@vigil/contracts';
import { filtersToSearchParams, withFilterChange } from '../../lib/urlFilters.js';

export type AssetSort = (typeof ASSET_SORTS)[number];
export type TriState = 'true' | 'false' | null;

/** The inventory list's filters, sort and page: everything the URL query string keeps. */
export interface AssetFilters {
  q: string;
  type: AssetType | null;
  status: AssetStatus | null;
  unitId: string | null;
  ownerId: string | null;
  classification: string | null;
  protectionLevel: ProtectionLevel | null;
  coreSystem: TriState;
  personalData: TriState;
  tag: string;
  mine: boolean;
  includeArchived: boolean;
  sort: AssetSort;
  order: 'asc' | 'desc';
  /** 1-based page number. */
  page: number;
}

export const DEFAULT_FILTERS: AssetFilters = {
  q: '',
  type: null,
  status: null,
  unitId: null,
  ownerId: null,
  classification: null,
  protectionLevel: null,
  coreSystem: null,
  personalData: null,
  tag: '',
  mine: false,
  includeArchived: false,
  sort: 'code',
  order: 'asc',
  page: 1,
};

const MAX_PAGE = 100_000;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

function triState(value: string | null): TriState {
  return value === 'true' || value === 'false' ? value : null;
}

function text(value: string | null, max: number): string {
  return (value ?? '').slice(0, max);
}

/** Reads the filters from a query string; anything unknown or malformed falls back to its default. */
export function filtersFromParams(params: URLSearchParams): AssetFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: text(params.get('q'), 200),
    type: oneOf(ASSET_TYPES, params.get('type')),
    status: oneOf(ASSET_STATUSES, params.get('status')),
    unitId: params.get('unitId') || null,
    ownerId: params.get('ownerId') || null,
    classification: params.get('classification') || null,
    protectionLevel: oneOf(PROTECTION_LEVELS, params.get('protectionLevel')),
    coreSystem: triState(params.get('coreSystem')),
    personalData: triState(params.get('personalData')),
    tag: text(params.get('tag'), 50),
    mine: params.get('mine') === 'true',
    includeArchived: params.get('includeArchived') === 'true',
    sort: oneOf(ASSET_SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes the filters as a query string, leaving out every value at its default. */
export function filtersToParams(filters: AssetFilters): URLSearchParams {
  return filtersToSearchParams(filters, DEFAULT_FILTERS);
}

/** Applies a change from the filter bar; any change other than the page goes back to page 1. */
export function changeFilters(filters: AssetFilters, change: Partial<AssetFilters>): AssetFilters {
  return withFilterChange(filters, change);
}

/** Clicking a column heading sorts by it; clicking the sorted column again reverses the order. */
export function toggleSort(filters: AssetFilters, sort: AssetSort): AssetFilters {
  const order = filters.sort === sort && filters.order === 'asc' ? 'desc' : 'asc';
  return { ...filters, sort, order, page: 1 };
}

/** The list request's query (GET /api/assets) for these filters and page size. */
export function filtersToQuery(
  filters: AssetFilters,
  pageSize: number,
): Record<string, string | number | undefined> {
  const trimmed = (s: string) => s.trim() || undefined;
  return {
    q: trimmed(filters.q),
    type: filters.type ?? undefined,
    status: filters.status ?? undefined,
    unitId: filters.unitId ?? undefined,
    ownerId: filters.ownerId ?? undefined,
    classification: filters.classification ?? undefined,
    protectionLevel: filters.protectionLevel ?? undefined,
    coreSystem: filters.coreSystem ?? undefined,
    personalData: filters.personalData ?? undefined,
    tag: trimmed(filters.tag),
    mine: filters.mine ? 'true' : undefined,
    includeArchived: filters.includeArchived ? 'true' : undefined,
    sort: filters.sort,
    order: filters.order,
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
  };
}
