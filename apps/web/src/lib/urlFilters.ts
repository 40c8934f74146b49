// List filters kept in the address bar, shared by every list page that pages and filters.

/** Writes the filters as a query string, leaving out every value at its default (or empty). */
export function filtersToSearchParams<F extends object>(filters: F, defaults: F): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults) as (keyof F)[]) {
    const value = filters[key];
    if (value === defaults[key] || value === null || value === '') continue;
    params.set(String(key), String(value));
  }
  return params;
}

/** Applies a change from a filter bar; any change other than the page goes back to page 1. */
export function withFilterChange<F extends { page: number }>(filters: F, change: Partial<F>): F {
  const next = { ...filters, ...change };
  if (!('page' in change)) next.page = 1;
  return next;
}
