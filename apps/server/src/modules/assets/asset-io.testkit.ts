// Test helpers for the asset import/export tests: files built the way Excel writes them, and the upload call.
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/** The test harness's client (kept structural so this file needs nothing from the test folder). */
interface Requester {
  request(opts: InjectOptions & { method: 'POST'; url: string }): Promise<LightMyRequestResponse>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type CellInput = string | number | boolean | Date | null;

/** CSV text: fields quoted when they need it, CRLF line ends (as Excel writes). */
export function csvText(rows: CellInput[][]): string {
  const field = (v: CellInput) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet per entry (cells as given: dates become date cells). */
export async function xlsxOf(sheets: { name: string; rows: CellInput[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) {
      const row = ws.addRow(r);
      r.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy/m/d';
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cells of the first worksheet of an XLSX file, as exceljs reads them. */
export async function readXlsxCells(bytes: Buffer, sheet = 0): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

/** POSTs a file to the preview endpoint as the raw body. */
export function upload(
  client: Requester,
  body: Buffer | string,
  opts: { type?: string; query?: Record<string, string> } = {},
) {
  const qs = new URLSearchParams(opts.query ?? {}).toString();
  return client.request({
    method: 'POST',
    url: `/api/assets/import/preview${qs ? `?${qs}` : ''}`,
    payload: typeof body === 'string' ? Buffer.from(body) : body,
    headers: { 'content-type': opts.type ?? 'text/csv' },
  });
}
