// From uploaded bytes to a table of rows with a recognised header (file-level problems are AppErrors).
import { MAX_IMPORT_ROWS } from '@vigil/contracts';
import { AppError } from '../../../http/errors.js';
import { COLUMNS, header } from './columns.js';
import { parseCsv, type SheetRow } from './csv.js';
import { decodeCsv, type EncodingChoice } from './decode.js';
import { findHeader, type HeaderMap, matchHeader } from './mapping.js';
import { looksLikeZip, readXlsx } from './xlsx.js';

export interface ReadOptions {
  encoding: EncodingChoice;
  format: 'auto' | 'csv' | 'xlsx';
}

export interface ReadTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  sheet: string | null;
  header: HeaderMap;
  /** Data rows below the header, blank rows left out. */
  rows: SheetRow[];
}

const empty = () => new AppError(400, 'import.empty', 'the file holds no asset rows');

/** Kept rows: the header, a few title rows above it, and one more than the limit to notice an overflow. */
const ROW_BUDGET = MAX_IMPORT_ROWS + 32;

function tooMany(): AppError {
  return new AppError(
    400,
    'import.too_many_rows',
    `one import holds at most ${MAX_IMPORT_ROWS} rows; split the file`,
    {
      limit: MAX_IMPORT_ROWS,
    },
  );
}

function table(rows: SheetRow[]): { header: HeaderMap; rows: SheetRow[] } | null {
  if (rows.length === 0) return null;
  const at = findHeader(rows);
  const head = rows[at];
  if (!head) return null;
  return { header: matchHeader(head), rows: rows.slice(at + 1) };
}

/** Reads the file; the first worksheet that has the required columns is the one imported. */
export async function readImportFile(bytes: Buffer, opts: ReadOptions): Promise<ReadTable> {
  if (bytes.length === 0) throw empty();
  const format = opts.format === 'auto' ? (looksLikeZip(bytes) ? 'xlsx' : 'csv') : opts.format;
  let found: { header: HeaderMap; rows: SheetRow[] } | null = null;
  let sheet: string | null = null;
  let encoding: string | null = null;
  let truncated: boolean;
  if (format === 'csv') {
    const decoded = decodeCsv(bytes, opts.encoding);
    encoding = decoded.encoding;
    const parsed = parseCsv(decoded.text, ROW_BUDGET);
    truncated = parsed.truncated;
    found = table(parsed.rows);
  } else {
    const book = await readXlsx(bytes, ROW_BUDGET);
    truncated = book.truncated;
    const candidates = book.sheets.map((s) => ({ name: s.name, t: table(s.rows) }));
    const chosen =
      candidates.find((c) => c.t && c.t.header.missing.length === 0) ?? candidates.find((c) => c.t !== null);
    if (chosen) {
      found = chosen.t;
      sheet = chosen.name;
    }
  }
  if (!found) throw empty();
  if (found.header.missing.length > 0) {
    throw new AppError(400, 'import.missing_columns', 'the file lacks required columns', {
      missing: found.header.missing.map((c) => ({ key: c.key, en: header(c, 'en'), zh: header(c, 'zh-TW') })),
      expected: COLUMNS.filter((c) => !c.exportOnly).map((c) => header(c, 'zh-TW')),
    });
  }
  if (truncated || found.rows.length > MAX_IMPORT_ROWS) throw tooMany();
  if (found.rows.length === 0) throw empty();
  return { format, encoding, sheet, header: found.header, rows: found.rows };
}
