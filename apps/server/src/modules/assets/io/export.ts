// The inventory in the import layout (CSV or XLSX), so an exported file can be edited and imported back.
import type { AssetView, Locale } from '@vigil/contracts';
import { type CellValue, renderCsv, renderXlsx } from '@vigil/reports';
import { COLUMNS, header, type WriteContext } from './columns.js';

export function layoutHeader(lang: Locale): string[] {
  return COLUMNS.map((c) => header(c, lang));
}

export function layoutRows(assets: readonly AssetView[], x: WriteContext): CellValue[][] {
  return assets.map((a) => COLUMNS.map((c) => c.write(a, x)));
}

export const SHEET_NAME: Record<Locale, string> = { 'zh-TW': '資產清冊', en: 'Assets' };

/** The file bytes: CSV (UTF-8 with BOM, formulas neutralised) or XLSX (every text a string cell). */
export async function renderLayout(
  format: 'csv' | 'xlsx',
  assets: readonly AssetView[],
  x: WriteContext,
): Promise<Buffer> {
  const head = layoutHeader(x.lang);
  const rows = layoutRows(assets, x);
  if (format === 'csv') return renderCsv(head, rows);
  return renderXlsx([
    {
      name: SHEET_NAME[x.lang],
      columns: COLUMNS.map((c) => ({ header: header(c, x.lang), width: c.width ?? 12 })),
      rows,
    },
  ]);
}
