import type { DiffLine } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { sideBySide } from './sideBySide.js';

const same = (text: string, oldLine: number, newLine: number): DiffLine => ({
  kind: 'same',
  text,
  oldLine,
  newLine,
});
const removed = (text: string, oldLine: number): DiffLine => ({
  kind: 'removed',
  text,
  oldLine,
  newLine: null,
});
const added = (text: string, newLine: number): DiffLine => ({ kind: 'added', text, oldLine: null, newLine });

describe('side-by-side diff', () => {
  it('pairs a removed line with the added line that replaces it', () => {
    const rows = sideBySide([
      same('# 政策', 1, 1),
      removed('每年審查', 2),
      added('每半年審查', 2),
      same('完', 3, 3),
    ]);
    expect(rows).toEqual([
      { kind: 'same', left: { line: 1, text: '# 政策' }, right: { line: 1, text: '# 政策' } },
      { kind: 'changed', left: { line: 2, text: '每年審查' }, right: { line: 2, text: '每半年審查' } },
      { kind: 'same', left: { line: 3, text: '完' }, right: { line: 3, text: '完' } },
    ]);
  });

  it('leaves the other side empty when a run has more lines on one side', () => {
    const rows = sideBySide([removed('a', 1), removed('b', 2), added('c', 1), added('d', 2), added('e', 3)]);
    expect(rows.map((r) => [r.kind, r.left?.text ?? null, r.right?.text ?? null])).toEqual([
      ['changed', 'a', 'c'],
      ['changed', 'b', 'd'],
      ['added', null, 'e'],
    ]);
    expect(sideBySide([same('x', 1, 1), removed('gone', 2)]).at(-1)).toEqual({
      kind: 'removed',
      left: { line: 2, text: 'gone' },
      right: null,
    });
  });

  it('keeps every line of the unified diff exactly once', () => {
    const lines = [added('new', 1), same('k', 1, 2), removed('old', 2), same('z', 3, 3), added('tail', 4)];
    const rows = sideBySide(lines);
    const left = rows.flatMap((r) => (r.left && r.kind !== 'same' ? [r.left.text] : []));
    const right = rows.flatMap((r) => (r.right && r.kind !== 'same' ? [r.right.text] : []));
    expect(left).toEqual(['old']);
    expect(right).toEqual(['new', 'tail']);
    expect(rows.filter((r) => r.kind === 'same')).toHaveLength(2);
  });
});
