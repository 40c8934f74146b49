import { describe, expect, it } from 'vitest';
import {
  changeRegisterFilters,
  DEFAULT_REGISTER_FILTERS,
  registerFiltersFromParams,
  registerFiltersToParams,
  registerQuery,
} from './registerFilters.js';

describe('register filters', () => {
  it('round-trips through the query string, defaults left out', () => {
    const filters = {
      ...DEFAULT_REGISTER_FILTERS,
      q: '存取',
      levelId: 'procedure',
      status: 'published' as const,
      overdue: true,
      page: 3,
    };
    const params = registerFiltersToParams(filters);
    expect(params.toString()).toBe(
      'q=%E5%AD%98%E5%8F%96&levelId=procedure&status=published&overdue=true&page=3',
    );
    expect(registerFiltersFromParams(params)).toEqual(filters);
    expect(registerFiltersToParams(DEFAULT_REGISTER_FILTERS).toString()).toBe('');
  });

  it('falls back to defaults for unknown or malformed values', () => {
    const f = registerFiltersFromParams(new URLSearchParams('status=lost&page=-2&overdue=yes'));
    expect(f).toEqual(DEFAULT_REGISTER_FILTERS);
    expect(registerFiltersFromParams(new URLSearchParams('page=abc')).page).toBe(1);
    expect(registerFiltersFromParams(new URLSearchParams('status=none')).status).toBe('none');
  });

  it('goes back to the first page when a filter changes, not when the page does', () => {
    const on3 = { ...DEFAULT_REGISTER_FILTERS, page: 3 };
    expect(changeRegisterFilters(on3, { levelId: 'policy' }).page).toBe(1);
    expect(changeRegisterFilters(on3, { page: 4 }).page).toBe(4);
  });

  it('asks the server for the page as limit and offset', () => {
    expect(registerQuery({ ...DEFAULT_REGISTER_FILTERS, q: '  ', page: 3 }, 50)).toEqual({
      q: undefined,
      levelId: undefined,
      status: undefined,
      ownerId: undefined,
      overdue: undefined,
      limit: 50,
      offset: 100,
    });
  });
});
