// Spreadsheet rendering (exceljs): one worksheet per sheet spec, optional title row, bold frozen header with
// an autofilter, column widths and cell fills. Strings are always written as text, never as formulas.
import ExcelJS from 'exceljs';
import { cellStyle, cellValue, cleanText } from './text.js';
import type { Cell, ReportMeta, SheetSpec } from './types.js';

const HEADER_FILL = 'E6EAEF';
/** Excel's limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;
const MAX_SHEET_NAME = 31;
const WIDTH_SAMPLE_ROWS = 500;

/**
 * A name Excel accepts: no [ ] : * ? / \ or control characters, no leading or trailing apostrophe,
 * at most 31 characters, not "History" (reserved), unique within the workbook (case-insensitive).
 */
export function sheetName(raw: string, taken: Set<string>): string {
  let base = cleanText(raw)
    .replace(/[[\]:*?/\\\n\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = base === '' ? 'Sheet' : `${base}_`;
  const fit = (name: string, room: number) => {
    let out = '';
    for (const ch of name) {
      if (out.length + ch.length > room) break;
      out += ch;
    }
    return out.trim();
  };
  let name = fit(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${fit(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

function text(value: string): string {
  const clean = cleanText(value);
  if (clean.length <= MAX_CELL_CHARS) return clean;
  // Do not split a surrogate pair at the cut.
  const cut = /[\uD800-\uDBFF]/.test(clean.charAt(MAX_CELL_CHARS - 1)) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return clean.slice(0, cut);
}

/** Approximate display width: CJK and other wide characters count double. */
function displayWidth(value: string): number {
  let w = 0;
  for (const ch of value.split('\n')[0] ?? '')
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function autoWidth(header: string, rows: Cell[][], index: number): number {
  let w = displayWidth(header);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    const v = cellValue(row[index] ?? null);
    if (v !== null) w = Math.max(w, displayWidth(typeof v === 'number' ? String(v) : v));
  }
  return Math.min(Math.max(w + 2, 8), 60);
}

function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  const value = cellValue(cell);
  // A plain string is stored as a shared string: Excel shows "=1+1" as text and never evaluates it.
  target.value = typeof value === 'string' ? text(value) : value;
  if (cell === null || typeof cell !== 'object') return;
  const style = cellStyle(cell);
  if (style.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  if (style.color || style.bold) {
    target.font = {
      ...(style.color ? { color: { argb: `FF${style.color}` } } : {}),
      ...(style.bold ? { bold: true } : {}),
    };
  }
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, taken: Set<string>): void {
  const columnCount = Math.max(spec.columns.length, 1);
  const headerRow = spec.title ? 2 : 1;
  const ws = wb.addWorksheet(sheetName(spec.name, taken), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  spec.columns.forEach((col, i) => {
    const width =
      col.width && Number.isFinite(col.width) && col.width > 0
        ? col.width
        : autoWidth(text(col.header), spec.rows, i);
    ws.getColumn(i + 1).width = Math.min(width, 255);
  });
  if (spec.title) {
    const title = ws.getCell(1, 1);
    title.value = text(spec.title);
    title.font = { bold: true, size: 14 };
    if (columnCount > 1) ws.mergeCells(1, 1, 1, columnCount);
    ws.getRow(1).height = 22;
  }
  const header = ws.getRow(headerRow);
  spec.columns.forEach((col, i) => {
    const c = header.getCell(i + 1);
    c.value = text(col.header);
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_FILL}` } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF9AA4AF' } } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  spec.rows.forEach((row, r) => {
    const target = ws.getRow(headerRow + 1 + r);
    for (let i = 0; i < spec.columns.length; i++) writeCell(target.getCell(i + 1), row[i] ?? null);
  });
  if (spec.columns.length > 0) {
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + spec.rows.length, column: spec.columns.length },
    };
  }
}

/** Renders one worksheet per sheet spec; workbook properties come from the report's metadata. */
export async function renderXlsx(sheets: SheetSpec[], meta?: ReportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta ? cleanText(meta.generatedBy) : 'Vigil';
  wb.lastModifiedBy = 'Vigil';
  if (meta) {
    wb.title = cleanText(meta.title);
    if (meta.subtitle) wb.subject = cleanText(meta.subtitle);
    wb.company = cleanText(meta.organisation);
    const at = new Date(meta.generatedAt);
    if (!Number.isNaN(at.getTime())) {
      wb.created = at;
      wb.modified = at;
    }
  }
  const taken = new Set<string>();
  // A workbook needs at least one sheet to open.
  for (const spec of sheets.length > 0 ? sheets : [{ name: 'Sheet1', columns: [], rows: [] }])
    addSheet(wb, spec, taken);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
