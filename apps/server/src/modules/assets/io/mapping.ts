// From a sheet's rows to asset requests: find the header, read each cell through its column, collect problems.
import {
  type CreateAssetRequest,
  createAssetRequest,
  IDENTIFIER_KINDS,
  type UpdateAssetRequest,
  updateAssetRequest,
} from '@vigil/contracts';
import { cellText, type RawCell } from './cells.js';
import { COLUMNS, type Column, columnOfField, type Draft, header, type ReadContext } from './columns.js';
import type { SheetRow } from './csv.js';
import { normaliseWord } from './vocabulary.js';

/** A problem found while reading; `column` is the column's key (the header is looked up for the answer). */
export interface RowIssue {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

const HEADER_INDEX = new Map<string, Column>();
for (const c of COLUMNS) {
  for (const name of [c.key, c.en, c.zh, ...(c.aliases ?? [])]) HEADER_INDEX.set(normaliseWord(name), c);
}

export interface HeaderMap {
  /** The row number of the header. */
  row: number;
  /** Per cell position, the column it holds (null: unknown or a repeated column). */
  columns: (Column | null)[];
  /** Column key → header text as written in the file. */
  headers: Map<string, string>;
  warnings: RowIssue[];
  errors: RowIssue[];
  missing: Column[];
}

const recognised = (cells: RawCell[]) =>
  cells.filter((c) => HEADER_INDEX.has(normaliseWord(cellText(c)))).length;

/**
 * The header row: the first of the first rows that names at least two known columns (titles above the table
 * are skipped), else the first row.
 */
export function findHeader(rows: readonly SheetRow[]): number {
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i++) if (recognised(rows[i]?.cells ?? []) >= 2) return i;
  return 0;
}

export function matchHeader(row: SheetRow): HeaderMap {
  const columns: (Column | null)[] = [];
  const headers = new Map<string, string>();
  const warnings: RowIssue[] = [];
  const errors: RowIssue[] = [];
  row.cells.forEach((cell, i) => {
    const text = cellText(cell);
    const column = text ? HEADER_INDEX.get(normaliseWord(text)) : undefined;
    if (!column) {
      columns[i] = null;
      if (text)
        warnings.push({
          row: row.row,
          column: text,
          code: 'unknown_column',
          message: 'unknown column; it is ignored',
        });
      return;
    }
    if (headers.has(column.key)) {
      columns[i] = null;
      errors.push({
        row: row.row,
        column: text,
        code: 'duplicate_column',
        message: `the file has this column twice (also as "${headers.get(column.key)}")`,
      });
      return;
    }
    columns[i] = column;
    headers.set(column.key, text);
  });
  const missing = COLUMNS.filter((c) => c.required && !headers.has(c.key));
  return { row: row.row, columns, headers, warnings, errors, missing };
}

export interface MappedRow {
  row: number;
  /** The request the row makes; null when name or type could not be read. */
  fields: CreateAssetRequest | null;
  /** What could be read, for the preview table. */
  shown: UpdateAssetRequest;
  issues: RowIssue[];
}

const DIMENSIONS = ['confidentiality', 'integrity', 'availability', 'legal'] as const;

/** The column an error about a request field points at; `identifiers` errors find the identifier's kind. */
export function columnKeyOf(path: readonly PropertyKey[], fields: Record<string, unknown>): string | null {
  const [first, second] = path;
  if (first === 'identifiers') {
    const list = fields.identifiers as { kind?: string }[] | undefined;
    const kind =
      typeof second === 'number' ? list?.[second]?.kind : typeof second === 'string' ? second : undefined;
    return (kind && columnOfField(`identifiers.${kind}`)?.key) || null;
  }
  if (first === 'protectionAnswers' && typeof second === 'string')
    return columnOfField(`protectionAnswers.${second}`)?.key ?? null;
  return typeof first === 'string' ? (columnOfField(first)?.key ?? null) : null;
}

function hasNul(cell: RawCell): boolean {
  return typeof cell === 'string' && cell.includes('\u0000');
}

/** Reads one data row. */
export function mapRow(row: SheetRow, map: HeaderMap, x: ReadContext): MappedRow {
  const draft: Draft = { fields: {}, identifiers: null, protection: null };
  const issues: RowIssue[] = [];
  const issue = (column: string | null, code: string, message: string): void => {
    issues.push({ row: row.row, column, code, message });
  };
  for (const [i, column] of map.columns.entries()) {
    if (!column || column.exportOnly || !column.read) continue;
    const cell = row.cells[i] ?? null;
    if (hasNul(cell)) {
      issue(column.key, 'invalid_text', 'the cell holds a NUL character');
    } else if (cellText(cell) === '') {
      if (column.required) issue(column.key, 'required', 'required');
      else column.blank?.(draft);
    } else {
      const result = column.read(cell, draft, x);
      if (!result.ok) issue(column.key, result.code, result.message);
    }
  }

  if (draft.identifiers) {
    draft.fields.identifiers = IDENTIFIER_KINDS.flatMap((kind) =>
      (draft.identifiers?.get(kind) ?? []).map((value) => ({ kind, value })),
    );
  }
  if (draft.protection) {
    const answers = DIMENSIONS.map((d) => draft.protection?.[d] ?? null);
    const given = answers.filter((a) => a !== null).length;
    const failed = DIMENSIONS.some((d) =>
      issues.some((i) => i.column === columnOfField(`protectionAnswers.${d}`)?.key),
    );
    if (given === 0 && !failed) draft.fields.protectionAnswers = null;
    else if (given === DIMENSIONS.length) draft.fields.protectionAnswers = draft.protection;
    else if (!failed) {
      for (const d of DIMENSIONS) {
        if (draft.protection[d]) continue;
        const key = columnOfField(`protectionAnswers.${d}`)?.key ?? null;
        issue(key, 'incomplete_answers', 'answer all four Schedule 9 questions, or none');
      }
    }
  }

  // The contract decides lengths and ranges; a field it refuses is reported and left out, so the rest of
  // the row can still be checked against the inventory.
  let parsed = createAssetRequest.safeParse(draft.fields);
  if (!parsed.success) {
    // A cell already refused above is left out of the fields; the contract would only say so again.
    const refused = new Set(issues.map((i) => i.column));
    for (const zi of parsed.error.issues) {
      const key = columnKeyOf(zi.path, draft.fields);
      const origin = (zi as { origin?: string }).origin;
      const code = zi.code === 'too_big' ? (origin === 'array' ? 'too_many' : 'too_long') : 'invalid_value';
      if (!refused.has(key)) issue(key, code, zi.message);
      const top = zi.path[0];
      if (typeof top === 'string') delete draft.fields[top];
    }
    parsed = createAssetRequest.safeParse(draft.fields);
  }
  if (parsed.success) return { row: row.row, fields: parsed.data, shown: parsed.data, issues };
  const partial = updateAssetRequest.safeParse(draft.fields);
  return { row: row.row, fields: null, shown: partial.success ? partial.data : {}, issues };
}

/** The header a column has in the file, or its zh-TW/en header when the file lacks it. */
export function headerIn(map: HeaderMap, key: string | null): string | null {
  if (key === null) return null;
  const written = map.headers.get(key);
  if (written) return written;
  const column = COLUMNS.find((c) => c.key === key);
  return column ? `${header(column, 'zh-TW')} / ${header(column, 'en')}` : key;
}
