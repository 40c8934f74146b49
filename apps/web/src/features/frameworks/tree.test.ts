import type { FrameworkNodeView } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { scheduleText, visibleTree } from './tree.js';

const node = (
  ref: string,
  parentRef: string | null,
  kind: 'section' | 'requirement',
  en: string,
): FrameworkNodeView => ({
  ref,
  parentRef,
  kind,
  position: 0,
  title: { en, 'zh-TW': `${en}（中）` },
  description: null,
  applicability: null,
  obligation: null,
  baseline: null,
  soa: false,
  mappings: [],
});
const NODES = [
  node('GV', null, 'section', 'Govern'),
  node('GV.OC', 'GV', 'section', 'Context'),
  node('GV.OC-01', 'GV.OC', 'requirement', 'Mission understood'),
  node('PR', null, 'section', 'Protect'),
  node('PR.DS', 'PR', 'section', 'Data security'),
  node('PR.DS-11', 'PR.DS', 'requirement', 'Backups tested'),
];

describe('visibleTree', () => {
  it('gives every node its depth', () => {
    expect(visibleTree(NODES, '').map((r) => `${r.node.ref}:${r.depth}`)).toEqual([
      'GV:0',
      'GV.OC:1',
      'GV.OC-01:2',
      'PR:0',
      'PR.DS:1',
      'PR.DS-11:2',
    ]);
  });

  it('keeps matching requirements and the sections above them', () => {
    expect(visibleTree(NODES, 'backup').map((r) => r.node.ref)).toEqual(['PR', 'PR.DS', 'PR.DS-11']);
    expect(visibleTree(NODES, 'gv.oc-01').map((r) => r.node.ref)).toEqual(['GV', 'GV.OC', 'GV.OC-01']);
  });

  it('a matching section shows what it holds', () => {
    expect(visibleTree(NODES, 'Govern').map((r) => r.node.ref)).toEqual(['GV', 'GV.OC', 'GV.OC-01']);
  });
});

describe('scheduleText', () => {
  const words = (key: string, v: Record<string, string | number>) =>
    `${key.split('.').at(-1)}:${JSON.stringify(v)}`;
  it('words each kind', () => {
    expect(scheduleText({ kind: 'every', months: 6 }, words)).toBe('every:{"count":6}');
    expect(scheduleText({ kind: 'monthly', day: 5 }, words)).toBe('monthly:{"day":5}');
    expect(scheduleText({ kind: 'within', months: 12, thenEvery: 12 }, words)).toBe(
      'withinThen:{"count":12,"next":12}',
    );
    expect(scheduleText({ kind: 'hours', hours: 12 }, words, 'staff')).toBe(
      'hours:{"hours":12,"count":12,"audience":"staff"}',
    );
  });
});
