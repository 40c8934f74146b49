import { describe, expect, it } from 'vitest';
import { monthGrid, monthRange, shiftMonth } from './calendar.js';

describe('month grid', () => {
  it('starts on Monday and covers the month', () => {
    // 1 January 2027 is a Friday.
    const grid = monthGrid('2027-01');
    expect(grid[0]?.[0]).toEqual({ date: '2026-12-28', inMonth: false });
    expect(grid[0]?.[4]).toEqual({ date: '2027-01-01', inMonth: true });
    expect(grid.at(-1)?.at(-1)?.date).toBe('2027-01-31');
    expect(grid.flat().filter((c) => c.inMonth)).toHaveLength(31);
  });

  it('February of a leap year and month arithmetic across years', () => {
    expect(
      monthGrid('2028-02')
        .flat()
        .filter((c) => c.inMonth),
    ).toHaveLength(29);
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-06', -18)).toBe('2024-12');
  });
});
