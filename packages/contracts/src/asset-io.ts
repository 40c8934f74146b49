// Asset import (CSV/XLSX preview and apply) and export contracts.
import { z } from 'zod';
import { assetFields, assetListQuery } from './assets.js';
import { id, locale } from './common.js';

/** Rows one import may hold (the header not counted). */
export const MAX_IMPORT_ROWS = 50_000;
/** Largest import file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How long a preview may wait for its apply. */
export const IMPORT_PREVIEW_MINUTES = 30;
/** Parsed rows a preview answer shows. */
export const PREVIEW_ROWS_SHOWN = 100;
/** Errors a preview answer lists (errorCount has them all). */
export const PREVIEW_ERRORS_SHOWN = 1000;

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'big5'] as const;
export const IMPORT_FORMATS = ['auto', 'csv', 'xlsx'] as const;

/** Query of `POST /api/assets/import/preview`; the file itself is the raw request body. */
export const assetImportPreviewQuery = z.strictObject({
  fileName: z.string().trim().max(255).optional(),
  /** CSV only: `auto` reads a byte-order mark, then tries UTF-8, then Big5 (CP950). */
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  /** `auto`: a ZIP file is XLSX, anything else CSV. */
  format: z.enum(IMPORT_FORMATS).default('auto'),
});
export type AssetImportPreviewQuery = z.infer<typeof assetImportPreviewQuery>;

/** A problem with one cell or row; `row` is the row number the user sees in Excel (header = 1). */
export const importIssue = z.object({
  /** Null for problems with the file as a whole. */
  row: z.number().int().nullable(),
  /** The column's header as written in the file; null when the problem is the row as a whole. */
  column: z.string().nullable(),
  /** Stable id: required, bad_enum, bad_date, bad_number, bad_boolean, unknown_owner, unknown_unit, … */
  code: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** One parsed row as the preview shows it: the fields it would write, people and units by name. */
export const importPreviewRow = z.object({
  row: z.number().int(),
  action: z.enum(['create', 'update']),
  fields: assetFields.partial(),
  owner: z.string().nullable(),
  custodian: z.string().nullable(),
  unit: z.string().nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRow>;

export const assetImportPreviewResponse = z.object({
  importId: z.string(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  /** The encoding the CSV was read in (utf-8, utf-16le, utf-16be, big5); null for XLSX. */
  encoding: z.string().nullable(),
  /** The worksheet read (XLSX); null for CSV. */
  sheet: z.string().nullable(),
  /** Data rows (blank rows not counted). */
  rowCount: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  /** Apply is possible only when there are none. */
  errors: z.array(importIssue),
  /** Reported, but they do not stop the apply (e.g. a column Vigil does not know, which is ignored). */
  warnings: z.array(importIssue),
  /** The first rows, parsed. */
  rows: z.array(importPreviewRow),
  /** All errors found; `errors` lists at most the first 1,000. */
  errorCount: z.number().int(),
  expiresAt: z.string(),
});
export type AssetImportPreview = z.infer<typeof assetImportPreviewResponse>;

export const assetImportParams = z.strictObject({ id });

export const assetImportApplyResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
});
export type AssetImportApplyResult = z.infer<typeof assetImportApplyResponse>;

/** Filters of the inventory list, plus the file format and the language of the headers. */
export const assetExportQuery = assetListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: locale.default('zh-TW'),
});
export type AssetExportQuery = z.infer<typeof assetExportQuery>;

/** The 資產清冊 record. */
export const assetRegisterQuery = z.strictObject({
  format: z.enum(['xlsx', 'pdf']).default('pdf'),
  lang: locale.default('zh-TW'),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type AssetRegisterQuery = z.infer<typeof assetRegisterQuery>;

/** An empty file in the import layout, to fill in. */
export const assetImportTemplateQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: locale.default('zh-TW'),
});
export type AssetImportTemplateQuery = z.infer<typeof assetImportTemplateQuery>;
