import type { UnitView } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { buildUnitTree, descendantIds, flattenUnitTree, unitPaths } from './unitTree.js';

const unit = (id: string, name: string, parentId: string | null = null): UnitView => ({
  id,
  name,
  parentId,
  code: null,
  headUserId: null,
  memberCount: 0,
});

describe('buildUnitTree', () => {
  it('nests units under their parents, sorted by name', () => {
    const tree = buildUnitTree([unit('c', 'IT', 'a'), unit('a', 'Head office'), unit('b', 'Finance', 'a')]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.unit.id).toBe('a');
    expect(tree[0]?.children.map((n) => n.unit.name)).toEqual(['Finance', 'IT']);
    expect(tree[0]?.children[0]?.depth).toBe(1);
  });

  it('treats units with a missing parent as roots', () => {
    const tree = buildUnitTree([unit('x', 'Orphan', 'gone')]);
    expect(tree.map((n) => n.unit.id)).toEqual(['x']);
  });

  it('shows every unit exactly once even when the data holds a cycle', () => {
    const units = [unit('a', 'A', 'b'), unit('b', 'B', 'a'), unit('s', 'Self', 's')];
    const flat = flattenUnitTree(buildUnitTree(units)).map((n) => n.unit.id);
    expect(flat.sort()).toEqual(['a', 'b', 's']);
  });
});

describe('unitPaths', () => {
  it('joins the names from the root down', () => {
    const paths = unitPaths([unit('a', 'HQ'), unit('b', 'IT', 'a'), unit('c', 'SOC', 'b')]);
    expect(paths.get('c')).toBe('HQ / IT / SOC');
  });
});

describe('descendantIds', () => {
  it('includes the unit and all units below it', () => {
    const units = [unit('a', 'A'), unit('b', 'B', 'a'), unit('c', 'C', 'b'), unit('d', 'D')];
    expect([...descendantIds(units, 'a')].sort()).toEqual(['a', 'b', 'c']);
  });
});
