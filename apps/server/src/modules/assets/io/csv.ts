// Splitting CSV text into records the way Excel does: quoted fields may hold commas, quotes and line breaks.

/** A record and the row number Excel shows for it (a record with line breaks inside quotes is one row). */
export interface SheetRow {
  row: number;
  cells: (string | number | boolean | Date | null)[];
}

/**
 * The delimiter of the header line: a tab when Excel saved "Unicode text", a semicolon in locales that use
 * the decimal comma, else a comma.
 */
function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [',', '\t', ';'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  const best = candidates[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * Parses RFC 4180 CSV (CRLF, LF or CR line ends). Never throws: an unterminated quote runs to the end of
 * the file, as in Excel. Blank records are skipped (their row numbers are not reused). Stops once
 * `maxRows` records are kept (the caller reports the overflow).
 */
export function parseCsv(
  text: string,
  maxRows = Number.POSITIVE_INFINITY,
): { rows: SheetRow[]; truncated: boolean } {
  const delimiter = delimiterOf(text);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let rowNumber = 0;
  const n = text.length;
  // Blank records keep their row number but are not kept: a file of empty lines costs no memory.
  const endRecord = () => {
    cells.push(field);
    rowNumber++;
    if (cells.some((x) => x.trim() !== '')) rows.push({ row: rowNumber, cells });
    cells = [];
    field = '';
  };
  while (i < n) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Take the run up to the next quote in one slice: long quoted fields are common (descriptions).
      const next = text.indexOf('"', i);
      const stop = next < 0 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (rows.length >= maxRows) return { rows, truncated: /\S/.test(text.slice(i)) };
    } else {
      // Plain run up to the next delimiter, quote or line end.
      let stop = i + 1;
      while (stop < n) {
        const d = text[stop];
        if (d === delimiter || d === '\r' || d === '\n' || d === '"') break;
        stop++;
      }
      field += text.slice(i, stop);
      i = stop;
    }
  }
  if (field.length > 0 || cells.length > 0 || quoted) endRecord();
  return { rows, truncated: false };
}
