import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeRegisterFilters,
  DEFAULT_REGISTER_FILTERS,
  type RegisterFilters,
  registerExportHref,
  registerFiltersFromParams,
  registerFiltersToParams,
  registerListQuery,
} from './filters.js';

const UNIT = '0b9b4a4e-3f43-4a53-9a38-1f2d8c1e0a11';
const OWNER = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

describe('register filters ↔ query string', () => {
  it('leaves defaults out of the URL', () => {
    expect(registerFiltersToParams(DEFAULT_REGISTER_FILTERS).toString()).toBe('');
  });

  it('reads back what it writes', () => {
    const filters: RegisterFilters = {
      ...DEFAULT_REGISTER_FILTERS,
      q: '勒索 軟體',
      level: 'high',
      ownerId: OWNER,
      unitId: UNIT,
      status: 'treating',
      treatmentOption: 'mitigate',
      overdue: true,
      sort: 'level',
      order: 'desc',
      page: 3,
    };
    const params = registerFiltersToParams(filters);
    expect(params.get('level')).toBe('high');
    expect(params.get('overdue')).toBe('true');
    expect(registerFiltersFromParams(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('ignores malformed values instead of sending them to the server', () => {
    const filters = registerFiltersFromParams(
      new URLSearchParams('level=DROP TABLE&status=lost&ownerId=me&page=-2&sort=evil&overdue=yes'),
    );
    expect(filters).toEqual(DEFAULT_REGISTER_FILTERS);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const filters = registerFiltersFromParams(new URLSearchParams(s));
        expect(filters.page).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('goes back to page 1 when a filter changes, not when the page does', () => {
    const on3 = { ...DEFAULT_REGISTER_FILTERS, page: 3 };
    expect(changeRegisterFilters(on3, { level: 'low' }).page).toBe(1);
    expect(changeRegisterFilters(on3, { page: 4 }).page).toBe(4);
  });
});

describe('register requests', () => {
  it('pages by offset and sends only the set filters', () => {
    const query = registerListQuery({ ...DEFAULT_REGISTER_FILTERS, level: 'high', page: 2 }, 25);
    expect(query).toMatchObject({ level: 'high', limit: 25, offset: 25, sort: 'code', order: 'asc' });
    expect(query.ownerId).toBeUndefined();
  });

  it('exports with the same filters, the format and the language', () => {
    const href = registerExportHref({ ...DEFAULT_REGISTER_FILTERS, mine: true }, 'pdf', 'zh-TW');
    const url = new URL(href, 'https://vigil.example');
    expect(url.pathname).toBe('/api/risks/export');
    expect(url.searchParams.get('mine')).toBe('true');
    expect(url.searchParams.get('format')).toBe('pdf');
    expect(url.searchParams.get('lang')).toBe('zh-TW');
  });
});
