import { describe, expect, it } from 'vitest';
import {
  changeFilters,
  DEFAULT_FILTERS,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  toggleSort,
} from './filters.js';

describe('asset list filters in the query string', () => {
  it('reads an empty query string as the defaults and writes the defaults as nothing', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      q: '主機 web',
      type: 'information_system' as const,
      status: 'retired' as const,
      unitId: 'u1',
      ownerId: 'o1',
      classification: 'secret',
      protectionLevel: 'high' as const,
      coreSystem: 'true' as const,
      personalData: 'false' as const,
      tag: 'erp',
      mine: true,
      includeArchived: true,
      sort: 'value' as const,
      order: 'desc' as const,
      page: 3,
    };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
  });

  it('ignores unknown enum values and bad page numbers instead of failing', () => {
    const filters = filtersFromParams(
      new URLSearchParams('type=spaceship&status=&protectionLevel=extreme&sort=owner&page=-2&coreSystem=yes'),
    );
    expect(filters.type).toBeNull();
    expect(filters.status).toBeNull();
    expect(filters.protectionLevel).toBeNull();
    expect(filters.sort).toBe('code');
    expect(filters.page).toBe(1);
    expect(filters.coreSystem).toBeNull();
    expect(filtersFromParams(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('goes back to page 1 when a filter changes, but not when the page changes', () => {
    const onPage4 = { ...DEFAULT_FILTERS, page: 4 };
    expect(changeFilters(onPage4, { type: 'hardware' }).page).toBe(1);
    expect(changeFilters(onPage4, { page: 5 }).page).toBe(5);
  });

  it('toggles the order when the same column is sorted again', () => {
    const byName = toggleSort(DEFAULT_FILTERS, 'name');
    expect([byName.sort, byName.order]).toEqual(['name', 'asc']);
    const reversed = toggleSort(byName, 'name');
    expect([reversed.sort, reversed.order]).toEqual(['name', 'desc']);
    expect(toggleSort(reversed, 'code').order).toBe('asc');
  });

  it('builds the API query with paging and without empty values', () => {
    const query = filtersToQuery({ ...DEFAULT_FILTERS, q: '  ', tag: ' db ', mine: true, page: 3 }, 25);
    expect(query).toMatchObject({ q: undefined, tag: 'db', mine: 'true', limit: 25, offset: 50 });
    expect(query.includeArchived).toBeUndefined();
  });
});
