import type { FrameworkNodeView } from '@vigil/contracts';

export interface TreeRow {
  node: FrameworkNodeView;
  depth: number;
}

const haystack = (n: FrameworkNodeView) =>
  [n.ref, n.title.en, n.title['zh-TW'], n.description?.en ?? '', n.description?.['zh-TW'] ?? '']
    .join('\n')
    .toLowerCase();

/**
 * The nodes in file order with their depth; with a search, only matching requirements and the sections
 * above them (a matching section shows all it holds).
 */
export function visibleTree(nodes: readonly FrameworkNodeView[], search: string): TreeRow[] {
  const byRef = new Map(nodes.map((n) => [n.ref, n]));
  const depthOf = (n: FrameworkNodeView): number => {
    let depth = 0;
    let parent = n.parentRef;
    while (parent && depth < 20) {
      depth++;
      parent = byRef.get(parent)?.parentRef ?? null;
    }
    return depth;
  };
  const needle = search.trim().toLowerCase();
  if (!needle) return nodes.map((node) => ({ node, depth: depthOf(node) }));
  const keep = new Set<string>();
  const ancestors = (n: FrameworkNodeView) => {
    let parent = n.parentRef;
    while (parent && !keep.has(parent)) {
      keep.add(parent);
      parent = byRef.get(parent)?.parentRef ?? null;
    }
  };
  const matchedSections = new Set<string>();
  for (const n of nodes) {
    const underMatch = n.parentRef !== null && matchedSections.has(n.parentRef);
    if (underMatch || haystack(n).includes(needle)) {
      keep.add(n.ref);
      if (n.kind === 'section') matchedSections.add(n.ref);
      ancestors(n);
    }
  }
  return nodes.filter((n) => keep.has(n.ref)).map((node) => ({ node, depth: depthOf(node) }));
}

type ScheduleKey =
  | 'frameworks.schedule.every'
  | 'frameworks.schedule.monthly'
  | 'frameworks.schedule.within'
  | 'frameworks.schedule.withinThen'
  | 'frameworks.schedule.hours';
export type ScheduleWords = (key: ScheduleKey, values: Record<string, string | number>) => string;

/** One schedule in words, e.g. "every 6 months"; `audience` is already translated. */
export function scheduleText(
  s: { kind: string; months?: number; day?: number; thenEvery?: number; hours?: number },
  words: ScheduleWords,
  audience = '',
): string {
  switch (s.kind) {
    case 'every':
      return words('frameworks.schedule.every', { count: s.months ?? 0 });
    case 'monthly':
      return words('frameworks.schedule.monthly', { day: s.day ?? 1 });
    case 'within':
      return s.thenEvery
        ? words('frameworks.schedule.withinThen', { count: s.months ?? 0, next: s.thenEvery })
        : words('frameworks.schedule.within', { count: s.months ?? 0 });
    case 'hours':
      return words('frameworks.schedule.hours', { hours: s.hours ?? 0, count: s.months ?? 12, audience });
    default:
      return s.kind;
  }
}
