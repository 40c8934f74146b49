import { describe, expect, it } from 'vitest';
import { buildZip } from './zip.testkit.js';
import { inspectZip, UnsafeArchive, unsafeEntryName } from './zip-inspect.js';

const limits = { maxTotalBytes: 10_000, maxEntries: 3, maxRatio: 10, ratioFloorBytes: 1000 };

function reason(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof UnsafeArchive ? err.reason : `other: ${String(err)}`;
  }
}

describe('zip inspection', () => {
  it('keeps the parts asked for and measures the rest', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'alpha' },
      { name: 'b/', data: '', method: 0 },
      { name: 'b/c.txt', data: 'gamma', method: 0 },
    ]);
    const { entries, kept } = inspectZip(zip, (n) => n === 'b/c.txt', limits);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b/', 'b/c.txt']);
    expect(kept.get('b/c.txt')?.toString()).toBe('gamma');
    expect(kept.has('a.txt')).toBe(false);
  });

  it.each([
    [
      'too many entries',
      buildZip([1, 2, 3, 4].map((i) => ({ name: `${i}`, data: 'x' }))),
      'too_many_entries',
    ],
    [
      'too large in total',
      buildZip([
        { name: 'a', data: Buffer.alloc(6000, 1), method: 0 },
        { name: 'b', data: Buffer.alloc(6000, 2), method: 0 },
      ]),
      'too_large',
    ],
    ['too compressible', buildZip([{ name: 'a', data: Buffer.alloc(5000, 0) }]), 'ratio'],
    [
      'lying about its size',
      buildZip([{ name: 'a', data: Buffer.alloc(5000, 3), claimedSize: 4 }]),
      'too_large',
    ],
    ['lying upwards', buildZip([{ name: 'a', data: 'short', claimedSize: 50 }]), 'size_mismatch'],
    ['not an archive at all', Buffer.from('PK\u0003\u0004 nothing else'), 'malformed'],
  ])('refuses an archive %s', (_label, zip, expected) => {
    expect(reason(() => inspectZip(zip, () => false, limits))).toBe(expected);
  });

  it.each([
    ['word/document.xml', false],
    ['[Content_Types].xml', false],
    ['a..b/c', false],
    ['../x', true],
    ['x/../../y', true],
    ['/abs', true],
    ['D:/x', true],
    ['a\\b', true],
    ['a\u0000', true],
    ['', true],
  ])('entry name %j unsafe: %s', (name, unsafe) => {
    expect(unsafeEntryName(name)).toBe(unsafe);
  });
});
