// Asset imports waiting for their apply (see migrations/common/20261123000050_asset_imports.ts).
import type { Selectable } from 'kysely';

type Timestamp = string;

export interface AssetImportTable {
  id: string;
  /** Only this user may apply the import. */
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** SHA-256 (hex) of the uploaded file. */
  sha256: string;
  file_name: string | null;
  /** 'csv' | 'xlsx' */
  format: string;
  encoding: string | null;
  sheet: string | null;
  row_count: number;
  error_count: number;
  /** JSON: column key → header text as written in the file. */
  headers: string;
  /** JSON array of { row, fields } (empty when the preview found errors). */
  rows: string;
  /** 'pending' | 'applying' | 'applied' */
  status: string;
  applied_at: Timestamp | null;
}

export type AssetIoTables = {
  asset_imports: AssetImportTable;
};

export type AssetImportRow = Selectable<AssetImportTable>;
