import type { UnitView } from '@vigil/contracts';

export interface UnitNode {
  unit: UnitView;
  children: UnitNode[];
  depth: number;
}

function byName(a: UnitView, b: UnitView): number {
  return a.name.localeCompare(b.name);
}

/**
 * Turns the flat unit list into a tree. Units whose parent is missing become roots, and a unit is
 * placed once even if the data holds a cycle, so a bad row can never hang the page.
 */
export function buildUnitTree(units: readonly UnitView[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string | null, UnitView[]>();
  for (const unit of units) {
    const parent =
      unit.parentId && ids.has(unit.parentId) && unit.parentId !== unit.id ? unit.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(unit);
    childrenOf.set(parent, list);
  }
  const placed = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .slice()
      .sort(byName)
      .filter((unit) => {
        if (placed.has(unit.id)) return false;
        placed.add(unit.id);
        return true;
      })
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  const roots = build(null, 0);
  // Units caught in a cycle never hang off a root; show them at the top level instead of hiding them.
  for (const unit of units.slice().sort(byName)) {
    if (!placed.has(unit.id)) {
      placed.add(unit.id);
      roots.push({ unit, depth: 0, children: build(unit.id, 1) });
    }
  }
  return roots;
}

/** Depth-first order of the tree, for selects and tables. */
export function flattenUnitTree(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnitTree(node.children)]);
}

/** Each unit's full path ("Head office / IT / Security"), keyed by id. */
export function unitPaths(units: readonly UnitView[]): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (nodes: readonly UnitNode[], prefix: string) => {
    for (const node of nodes) {
      const path = prefix ? `${prefix} / ${node.unit.name}` : node.unit.name;
      paths.set(node.unit.id, path);
      walk(node.children, path);
    }
  };
  walk(buildUnitTree(units), '');
  return paths;
}

/** The ids of a unit and everything below it: a unit cannot be moved under any of them. */
export function descendantIds(units: readonly UnitView[], id: string): Set<string> {
  const result = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}
