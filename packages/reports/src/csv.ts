// CSV for spreadsheets: UTF-8 with a BOM (Excel in Taiwan then reads Chinese correctly), CRLF, RFC 4180.
import { wellFormed } from './text.js';
import type { CellValue } from './types.js';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Prefixes an apostrophe to text a spreadsheet would take for a formula (first character = + - @ TAB or
 * CR), following OWASP's CSV-injection guidance. Apply it to strings only: -5 as a number is not a formula.
 */
export function neutraliseFormula(value: string): string {
  return value.length > 0 && FORMULA_START.has(value.charAt(0)) ? `'${value}` : value;
}

function field(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(wellFormed(String(value)));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Renders a header and rows as CSV bytes: BOM, CRLF line ends, quoting per RFC 4180, formulas neutralised. */
export function renderCsv(header: string[], rows: CellValue[][]): Buffer {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
