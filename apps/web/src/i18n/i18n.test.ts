import { describe, expect, it } from 'vitest';
import { translationEn, translationZhTW } from './resources.js';

/** Every leaf of a resource tree as `dotted.key → value`. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    leaves.set(prefix, tree);
    return leaves;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [leaf, leafValue] of flatten(value, prefix ? `${prefix}.${key}` : key)) {
      leaves.set(leaf, leafValue);
    }
  }
  return leaves;
}

function placeholders(value: unknown): string[] {
  return [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const resources = { en: flatten(translationEn), 'zh-TW': flatten(translationZhTW) };

describe('translations', () => {
  it('have the same keys in en and zh-TW', () => {
    const enKeys = [...resources.en.keys()].sort();
    const zhKeys = [...resources['zh-TW'].keys()].sort();
    expect(zhKeys.filter((k) => !resources.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !resources['zh-TW'].has(k))).toEqual([]);
  });

  it.each(Object.entries(resources))('has no empty or non-text values in %s', (_language, leaves) => {
    const bad = [...leaves].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...resources.en].filter(
      ([key, value]) => placeholders(value).join() !== placeholders(resources['zh-TW'].get(key)).join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
