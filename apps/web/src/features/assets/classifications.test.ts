import { describe, expect, it } from 'vitest';
import { moveClassification } from './classifications.js';

describe('moveClassification', () => {
  it('swaps with the neighbour and leaves the ends in place', () => {
    expect(moveClassification(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveClassification(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveClassification(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveClassification(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
