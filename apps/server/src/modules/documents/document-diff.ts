import type { DiffLine } from '@vigil/contracts';
import { diffLines } from 'diff';

/** A line diff of two Markdown texts, with the line numbers on each side. */
export function lineDiff(
  before: string,
  after: string,
): { lines: DiffLine[]; added: number; removed: number } {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(normalise(before), normalise(after))) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    for (const text of texts) {
      if (part.added) {
        lines.push({ kind: 'added', text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (part.removed) {
        lines.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null });
        removed++;
      } else {
        lines.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }
  return { lines, added, removed };
}

/** CRLF and a missing final newline do not count as changes. */
function normalise(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  return t === '' || t.endsWith('\n') ? t : `${t}\n`;
}
