import { describe, expect, it } from 'vitest';
import { loadFramework, loadMappings } from './loader.js';

/** A small valid file; each case below breaks one line of it. */
const GOOD = `key: demo-fw
version: "1.0"
name: { en: Demo, zh-TW: 示範 }
nodes:
  - ref: S1
    kind: section
    title: { en: Section, zh-TW: 章節 }
  - ref: R1
    parent: S1
    kind: requirement
    title: { en: Requirement, zh-TW: 要求 }
    obligation:
      kind: internal_audit
      byLevel:
        A: { kind: every, months: 6 }
    applicability: { protectionLevels: [high] }
`;
const lines = GOOD.split('\n');
const replaceLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');

function problemsOf(text: string, file = 'demo.yaml') {
  const r = loadFramework(text, file);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('loadFramework', () => {
  it('reads a valid file', () => {
    const r = loadFramework(GOOD, 'demo.yaml');
    expect(r.ok && r.value.nodes.map((n) => n.ref)).toEqual(['S1', 'R1']);
  });

  it('reads the same definition from JSON', () => {
    const r = loadFramework(GOOD, 'demo.yaml');
    if (!r.ok) throw new Error('bad fixture');
    const json = loadFramework(JSON.stringify(r.value, null, 2), 'demo.json');
    expect(json).toEqual(r);
  });

  it.each([
    ['bad YAML syntax', replaceLine(7, '    title: { en: Section, zh-TW: 章節'), 8, /not valid YAML/],
    ['a missing zh-TW text', replaceLine(11, '    title: { en: Requirement }'), 11, /zh-TW text is missing/],
    ['an empty en text', replaceLine(11, '    title: { en: "", zh-TW: 要求 }'), 11, /en text is empty/],
    ['an unknown parent', replaceLine(9, '    parent: S9'), 9, /unknown parent S9/],
    [
      'a duplicate ref',
      replaceLine(8, '  - ref: S1'),
      8,
      /ref S1 is used twice \(first at nodes\[0\], line 5\)/,
    ],
    [
      'a requirement without a section',
      replaceLine(9, '    # no parent'),
      8,
      /requirement R1 has no section/,
    ],
    [
      'an unknown responsibility level',
      replaceLine(15, '        F: { kind: every, months: 6 }'),
      15,
      /unknown responsibility level "F"/,
    ],
    [
      'an unknown protection level',
      replaceLine(16, '    applicability: { protectionLevels: [low] }'),
      16,
      /unknown protection level "low"/,
    ],
    [
      'a schedule of 0 months',
      replaceLine(15, '        A: { kind: every, months: 0 }'),
      15,
      /months must be at least 1/,
    ],
    [
      'a schedule of an unknown kind',
      replaceLine(15, '        A: { kind: weekly }'),
      15,
      /kind: every, monthly, within or hours/,
    ],
    [
      'a monthly day that is not in every month',
      replaceLine(15, '        A: { kind: monthly, day: 31 }'),
      15,
      /day is 1–28/,
    ],
    ['a misspelt field', replaceLine(10, '    knd: requirement'), 10, /unknown field "knd"/],
    ['a duplicate key', replaceLine(10, '    parent: S1'), 10, /same key appears twice/],
  ])('reports %s with its line', (_name, text, line, message) => {
    const problems = problemsOf(text);
    const hit = problems.find((p) => message.test(p.message));
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit?.line).toBe(line);
    expect(hit?.file).toBe('demo.yaml');
  });

  it('names the path of the problem', () => {
    const [p] = problemsOf(replaceLine(11, '    title: { en: Requirement }'));
    expect(p?.path).toBe('nodes[1].title.zh-TW');
  });

  it('reports a cycle of parents once', () => {
    const text = `key: demo-fw
version: "1"
name: { en: D, zh-TW: 示 }
nodes:
  - { ref: S1, parent: S2, kind: section, title: { en: a, zh-TW: 甲 } }
  - { ref: S2, parent: S1, kind: section, title: { en: b, zh-TW: 乙 } }
  - { ref: R1, parent: S1, kind: requirement, title: { en: c, zh-TW: 丙 } }
`;
    const cycles = problemsOf(text).filter((p) => /cycle/.test(p.message));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.line).toBe(5);
    expect(cycles[0]?.message).toContain('S1 → S2 → S1');
  });

  it('reports a section carrying an obligation', () => {
    const text = GOOD.replace('    kind: section\n', '    kind: section\n    soa: true\n');
    expect(problemsOf(text).some((p) => p.line === 7 && /soa belongs on a requirement/.test(p.message))).toBe(
      true,
    );
  });

  it('reports bad JSON with its line and column', () => {
    const [p] = problemsOf('{\n  "key": "demo",\n  "version": "1",,\n}', 'demo.json');
    expect(p?.message).toMatch(/not valid JSON/);
    expect(p?.line).toBe(3);
  });

  describe('JSON files', () => {
    const good = loadFramework(GOOD, 'demo.yaml');
    if (!good.ok) throw new Error('bad fixture');
    const text = JSON.stringify(good.value, null, 2);
    /** The 1-based line and column where `needle` first appears in `json` at or after line `from`. */
    const at = (json: string, needle: string, from = 1) => {
      const ls = json.split('\n');
      const i = ls.findIndex((l, n) => n >= from - 1 && l.includes(needle));
      return { line: i + 1, column: (ls[i]?.indexOf(needle) ?? 0) + 1 };
    };
    const swap = (from: string, to: string) => text.replace(from, to);

    it('name the line and column of a schema problem, a duplicate ref and an unknown parent', () => {
      const noZh = swap('"zh-TW": "要求"', '"zh": "要求"');
      expect(
        problemsOf(noZh, 'demo.json').find((p) => /zh-TW text is missing/.test(p.message)),
      ).toMatchObject({
        file: 'demo.json',
        path: 'nodes[1].title.zh-TW',
        ...at(noZh, '{', at(noZh, '"title"', at(noZh, '"R1"').line).line),
      });
      const twice = swap('"ref": "R1"', '"ref": "S1"');
      const first = at(twice, '"ref": "S1"');
      const second = at(twice, '"ref": "S1"', first.line + 1);
      expect(problemsOf(twice, 'demo.json').find((p) => /used twice/.test(p.message))).toMatchObject({
        line: second.line,
        column: second.column + '"ref": '.length,
        message: `ref S1 is used twice (first at nodes[0], line ${first.line})`,
      });
      const orphan = swap('"parent": "S1"', '"parent": "S9"');
      expect(problemsOf(orphan, 'demo.json').find((p) => /unknown parent S9/.test(p.message))?.line).toBe(
        at(orphan, '"parent"').line,
      );
      const misspelt = swap('"kind": "requirement"', '"knd": "requirement"');
      expect(
        problemsOf(misspelt, 'demo.json').find((p) => /unknown field "knd"/.test(p.message)),
      ).toMatchObject(at(misspelt, '"knd"'));
    });

    it('report a key written twice in one object with its line, though JSON.parse would keep the last', () => {
      const doubled = swap('"parent": "S1",', '"parent": "S1",\n      "parent": "S1",');
      const [p] = problemsOf(doubled, 'demo.json');
      expect(p?.message).toMatch(/not valid JSON: the same key appears twice/);
      expect(p?.line).toBe(at(doubled, '"parent"').line + 1);
    });

    it('read keys and values holding quotes, colons and escapes', () => {
      const title = 'Requirement "quoted": {\\": 1} \\';
      const tricky = swap('"en": "Requirement"', `"en": ${JSON.stringify(title)}`);
      const r = loadFramework(tricky, 'demo.json');
      expect(r.ok && r.value.nodes[1]?.title.en).toBe(title);
      const [p] = problemsOf(
        tricky.replace('"kind": "section",', '"kind": "section", "kind": "section",'),
        'x.json',
      );
      expect(p?.message).toMatch(/same key appears twice/);
    });

    it('name the line of a mapping to a ref the framework does not hold', () => {
      const known = (fw: string, ref: string) => (fw === 'a-fw' ? ref === 'X1' : ref === 'Y1');
      const m = JSON.stringify(
        { from: 'a-fw', to: 'b-fw', links: [{ from: 'X1', to: ['Y1', 'Y9'] }] },
        null,
        2,
      );
      const r = loadMappings(m, 'm.json', known);
      expect(!r.ok && r.problems).toEqual([
        { file: 'm.json', path: 'links[0].to[1]', message: 'b-fw has no Y9', ...at(m, '"Y9"') },
      ]);
    });
  });
  it('reports an empty file and a file that is not a mapping', () => {
    expect(problemsOf('   \n')[0]?.message).toBe('the file is empty');
    expect(problemsOf('- just\n- a list\n')[0]?.message).toMatch(/expected object/);
  });
});

describe('loadMappings', () => {
  const known = (fw: string, ref: string) =>
    (fw === 'a-fw' && ['X1', 'X2'].includes(ref)) || (fw === 'b-fw' && ['Y1', 'Y2'].includes(ref));

  it('expands links into one mapping per pair', () => {
    const r = loadMappings(
      'from: a-fw\nto: b-fw\nlinks:\n  - { from: X1, to: [Y1, Y2] }\n  - { from: X2, to: Y1, relation: equal }\n',
      'm.yaml',
      known,
    );
    expect(r.ok && r.value).toEqual([
      { from: { framework: 'a-fw', ref: 'X1' }, to: { framework: 'b-fw', ref: 'Y1' }, relation: 'related' },
      { from: { framework: 'a-fw', ref: 'X1' }, to: { framework: 'b-fw', ref: 'Y2' }, relation: 'related' },
      { from: { framework: 'a-fw', ref: 'X2' }, to: { framework: 'b-fw', ref: 'Y1' }, relation: 'equal' },
    ]);
  });

  it('reports a ref the framework does not hold, with its line', () => {
    const r = loadMappings(
      'from: a-fw\nto: b-fw\nlinks:\n  - { from: X1, to: Y1 }\n  - { from: X1, to: [Y2, Y9] }\n',
      'm.yaml',
      known,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { file: 'm.yaml', line: 5, column: 26, path: 'links[1].to[1]', message: 'b-fw has no Y9' },
    ]);
  });

  it('reports a pair linked twice', () => {
    const r = loadMappings(
      'from: a-fw\nto: b-fw\nlinks:\n  - { from: X1, to: Y1 }\n  - { from: X1, to: Y1 }\n',
      'm.yaml',
    );
    expect(!r.ok && r.problems[0]?.line).toBe(5);
  });
});
