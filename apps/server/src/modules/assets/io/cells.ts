// Reading one spreadsheet cell as the value a column wants. Never throws: a bad cell is a row error.
import { normaliseWord, type TermIndex } from './vocabulary.js';

/** A cell as it comes out of a CSV (always text) or an XLSX worksheet. */
export type RawCell = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = <T>(code: string, message: string): CellResult<T> => ({ ok: false, code, message });

/** The exporter writes `'` before text a spreadsheet would run as a formula; exactly that one is taken off. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** The cell as trimmed text ('' when blank), with the exporter's formula guard removed. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = NEUTRALISED.test(cell) ? cell.slice(1) : cell;
  return text.trim();
}

export const isBlank = (cell: RawCell): boolean => cellText(cell) === '';

function isoDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

// 2026-03-05, 2026/3/5, 2026.3.5 (an optional time after it is ignored), and the ROC calendar 115/3/5.
const NUMERIC_DATE = /^(\d{2,4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
// 2026年3月5日, 民國115年3月5日
const WORDED_DATE = /^(民國)?(\d{2,4})年(\d{1,2})月(\d{1,2})日$/;
/** Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as YYYY-MM-DD: Excel date cells and serial numbers, ISO, slashed and ROC-calendar dates. */
export function parseDate(cell: RawCell): CellResult<string> {
  const problem = () => bad<string>('bad_date', 'not a date; write YYYY-MM-DD or YYYY/MM/DD');
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return problem();
    const text = validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return text ? ok(text) : problem();
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return problem();
    const d = new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000);
    const text = validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    return text ? ok(text) : problem();
  }
  const text = cellText(cell).normalize('NFKC').replace(/\s+/g, ' ');
  let y: number;
  let m: number;
  let d: number;
  let roc = false;
  const numeric = NUMERIC_DATE.exec(text);
  const worded = numeric ? null : WORDED_DATE.exec(text.replaceAll(' ', ''));
  if (numeric) {
    [y, m, d] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  } else if (worded) {
    roc = worded[1] !== undefined;
    [y, m, d] = [Number(worded[2]), Number(worded[3]), Number(worded[4])];
  } else {
    return problem();
  }
  // A two- or three-digit year is a year of the Republic (民國); 1912 is its first.
  if (roc || y < 1000) y += 1911;
  const date = validDate(y, m, d);
  return date ? ok(date) : problem();
}

/** A number; `integer` refuses fractions. Thousands separators are allowed. */
export function parseNumber(cell: RawCell, opts: { integer?: boolean } = {}): CellResult<number> {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const text = cellText(cell).normalize('NFKC').replaceAll(',', '');
    n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  }
  if (!Number.isFinite(n)) return bad('bad_number', 'not a number');
  if (opts.integer && !Number.isInteger(n)) return bad('bad_number', 'must be a whole number');
  return ok(n);
}

/** One of the enumerated values, given as its key or its label in either language. */
export function parseTerm<K extends string>(
  cell: RawCell,
  index: TermIndex<K>,
  allowed: readonly string[],
): CellResult<K> {
  const key = index.get(normaliseWord(cellText(cell)));
  if (key !== undefined) return ok(key);
  return bad('bad_enum', `not one of: ${allowed.join(', ')}`);
}

/** Items separated by semicolons (half- or full-width) or line breaks; empty items dropped. */
export function parseList(cell: RawCell): string[] {
  return cellText(cell)
    .split(/[;；\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
