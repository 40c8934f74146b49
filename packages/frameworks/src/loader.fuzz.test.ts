import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFramework, loadMappings } from './loader.js';
import { MAX_LIST_ITEMS } from './source-file.js';

/** Whatever the input, the loader answers with a definition or a non-empty report, and never throws. */
function answers(text: string, file: string) {
  const r = loadFramework(text, file);
  if (r.ok) expect(r.value.nodes.length).toBeGreaterThan(0);
  else {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(p.file).toBe(file);
      expect(typeof p.message).toBe('string');
      expect(p.line === null || p.line >= 1).toBe(true);
    }
  }
  const m = loadMappings(text, file, () => false);
  expect(m.ok || m.problems.length > 0).toBe(true);
}

const nodeLike = fc.record(
  {
    ref: fc.oneof(fc.string(), fc.constantFrom('S1', 'R1', 'A.5.1')),
    parent: fc.oneof(fc.string(), fc.constantFrom('S1', 'R1')),
    kind: fc.oneof(fc.string(), fc.constantFrom('section', 'requirement')),
    title: fc.oneof(fc.anything(), fc.record({ en: fc.string(), 'zh-TW': fc.string() })),
    obligation: fc.anything(),
    applicability: fc.anything(),
  },
  { requiredKeys: [] },
);
const definitionLike = fc.record(
  {
    key: fc.oneof(fc.string(), fc.constant('demo-fw')),
    version: fc.anything(),
    name: fc.oneof(fc.anything(), fc.constant({ en: 'D', 'zh-TW': '示' })),
    nodes: fc.oneof(fc.anything(), fc.array(nodeLike, { maxLength: 8 })),
  },
  { requiredKeys: [] },
);

describe('loader fuzz', () => {
  it('arbitrary strings as YAML and JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        answers(s, 'x.yaml');
        answers(s, 'x.json');
      }),
      { numRuns: 400 },
    );
  });

  it('YAML-looking text', () => {
    const token = fc.constantFrom(
      'key:',
      'nodes:',
      '- ',
      '{',
      '}',
      '[',
      ']',
      ':',
      '&a',
      '*a',
      '!!binary',
      '\n',
      '  ',
      '"',
      "'",
      '#',
      '---',
      'ref: x',
      'kind: section',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => answers(parts.join(''), 'x.yaml')),
      { numRuns: 400 },
    );
  });

  it('arbitrary objects and framework-shaped objects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), definitionLike), (value) => {
        const json = JSON.stringify(value) ?? 'null';
        answers(json, 'x.json');
        answers(json, 'x.yaml');
      }),
      { numRuns: 400 },
    );
  });

  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const r = loadFramework(bomb.join('\n'), 'bomb.yaml');
    expect(r.ok).toBe(false);
  });

  // A list referenced many times is one object in memory but is walked (and stored) once per reference:
  // 10,000 levels × 60 aliases is 600,000 values from a 60 KB file.
  const amplified = (items: number, aliases: number, value = 'A') => {
    const nodes = [
      `  - ref: S\n    kind: section\n    title: { en: a, zh-TW: a }\n    applicability: { levels: &a [${Array(items).fill(value).join(',')}] }`,
    ];
    for (let i = 0; i < aliases; i++)
      nodes.push(
        `  - ref: R${i}\n    kind: requirement\n    parent: S\n    title: { en: a, zh-TW: a }\n    applicability: { levels: *a }`,
      );
    return `key: bomb\nversion: '1'\nname: { en: a, zh-TW: a }\nnodes:\n${nodes.join('\n')}\n`;
  };

  it('refuses a file whose aliases expand it past the value limit, before checking its shape', () => {
    for (const value of ['A', 'X']) {
      const r = loadFramework(amplified(10_000, 60, value), 'wide.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.message).toMatch(/more than 300000 values/);
    }
  });

  it('refuses an over-long list and deep nesting inside an accepted shape', () => {
    const r = loadFramework(amplified(MAX_LIST_ITEMS + 1, 0), 'long.yaml');
    expect(!r.ok && r.problems.map((x) => x.message)).toEqual([
      expect.stringMatching(/a list of more than 20000 items/),
    ]);
    const deep = `{"key":"deep","version":"1","name":{"en":"a","zh-TW":"a"},"nodes":${'['.repeat(100)}${']'.repeat(100)}}`;
    const d = loadFramework(deep, 'deep.json');
    expect(!d.ok && d.problems.map((x) => x.message)).toEqual([expect.stringMatching(/nested more than 32/)]);
  });

  it('deep nesting is answered', () => {
    answers(`${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'deep.yaml');
    answers(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, 'deep.json');
  });
});
