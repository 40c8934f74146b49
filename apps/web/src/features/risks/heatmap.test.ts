import { describe, expect, it } from 'vitest';
import { cellCounts, cellKey, readableTextColor, totalCount } from './heatmap.js';

describe('heat-map cell aggregation', () => {
  it('counts scenarios per likelihood × impact cell', () => {
    const counts = cellCounts(
      [
        { likelihood: 1, impact: 1 },
        { likelihood: 3, impact: 2 },
        { likelihood: 3, impact: 2 },
        { likelihood: 5, impact: 5 },
      ],
      5,
      5,
    );
    expect(counts.get(cellKey(3, 2))).toBe(2);
    expect(counts.get(cellKey(1, 1))).toBe(1);
    expect(counts.get(cellKey(5, 5))).toBe(1);
    expect(counts.get(cellKey(2, 3))).toBeUndefined();
    expect(totalCount(counts)).toBe(4);
  });

  it('leaves out unrated scenarios and ratings outside the scale', () => {
    const counts = cellCounts(
      [
        { likelihood: null, impact: 2 },
        { likelihood: 2, impact: null },
        { likelihood: 4, impact: 1 },
        { likelihood: 0, impact: 1 },
        { likelihood: 1.5, impact: 1 },
        { likelihood: 3, impact: 3 },
      ],
      3,
      3,
    );
    expect([...counts.entries()]).toEqual([[cellKey(3, 3), 1]]);
  });
});

describe('cell text colour', () => {
  it('is white on dark and black on light backgrounds', () => {
    expect(readableTextColor('#c92a2a')).toBe('#ffffff');
    expect(readableTextColor('#000000')).toBe('#ffffff');
    expect(readableTextColor('#ffd43b')).toBe('#000000');
    expect(readableTextColor('#ffffff')).toBe('#000000');
  });
});
