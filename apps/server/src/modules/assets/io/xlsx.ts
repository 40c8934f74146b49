// Reading the worksheets of an XLSX file as rows of plain cell values.
import ExcelJS from 'exceljs';
import { AppError } from '../../../http/errors.js';
import { inspectZip, UnsafeArchive } from '../../../platform/files/zip-inspect.js';
import type { RawCell } from './cells.js';
import type { SheetRow } from './csv.js';

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A cell's value as text, number, boolean or date: formulas give their saved result, rich text its text. */
function plain(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    if ('result' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    // An error cell (#N/A, #REF!) holds no value.
    if ('error' in value) return null;
  }
  return null;
}

const badFile = () =>
  new AppError(
    400,
    'import.bad_file',
    'the file is not a readable XLSX workbook (damaged, encrypted or another format)',
  );

/** Every worksheet's non-blank rows, numbered as Excel shows them. Stops a sheet after `maxRows` rows. */
export async function readXlsx(
  bytes: Buffer,
  maxRows: number,
): Promise<{ sheets: Sheet[]; truncated: boolean }> {
  // The workbook is a ZIP: its real expansion is checked before ExcelJS unpacks it (decompression bombs).
  try {
    inspectZip(bytes, () => false);
  } catch (err) {
    if (!(err instanceof UnsafeArchive)) throw err;
    if (err.reason === 'malformed') throw badFile();
    throw new AppError(
      400,
      'file.unsafe_archive',
      'the archive is malformed, too large when unpacked or has unsafe paths',
      { reason: err.reason, entry: err.entry ?? null },
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badFile();
  }
  let truncated = false;
  const sheets: Sheet[] = [];
  try {
    for (const ws of workbook.worksheets) {
      const rows: SheetRow[] = [];
      ws.eachRow({ includeEmpty: false }, (row, number) => {
        if (rows.length >= maxRows) {
          truncated = true;
          return;
        }
        const values = row.values;
        if (!Array.isArray(values)) return;
        const cells: RawCell[] = [];
        // row.values is 1-based (index 0 is empty) and sparse.
        for (let i = 1; i < values.length; i++) cells.push(plain(values[i] as ExcelJS.CellValue));
        if (cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')))
          rows.push({ row: number, cells });
      });
      sheets.push({ name: ws.name, rows });
    }
  } catch {
    throw badFile();
  }
  return { sheets, truncated };
}

/** An XLSX file is a ZIP archive: it starts with the local-file-header signature PK\x03\x04. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
