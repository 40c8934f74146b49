import type { DiffLine } from '@vigil/contracts';

export interface DiffCell {
  line: number;
  text: string;
}

/** One row of a side-by-side diff: the old line on the left, the new on the right (null: nothing there). */
export interface SideBySideRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left: DiffCell | null;
  right: DiffCell | null;
}

/**
 * Lays a unified line diff out in two columns: unchanged lines side by side, and each run of removed lines
 * paired with the added lines that follow it, so a changed line reads across one row.
 */
export function sideBySide(lines: readonly DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as DiffLine;
    if (l.kind === 'same') {
      rows.push({
        kind: 'same',
        left: { line: l.oldLine ?? 0, text: l.text },
        right: { line: l.newLine ?? 0, text: l.text },
      });
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < lines.length && lines[i]?.kind === 'removed') removed.push(lines[i++] as DiffLine);
    while (i < lines.length && lines[i]?.kind === 'added') added.push(lines[i++] as DiffLine);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const r = removed[k];
      const a = added[k];
      rows.push({
        kind: r && a ? 'changed' : r ? 'removed' : 'added',
        left: r ? { line: r.oldLine ?? 0, text: r.text } : null,
        right: a ? { line: a.newLine ?? 0, text: a.text } : null,
      });
    }
  }
  return rows;
}
