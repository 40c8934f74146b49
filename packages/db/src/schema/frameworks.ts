// Tables of compliance frameworks (versions, sections and requirements, cross-framework mappings).
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;

export interface FrameworkTable {
  id: string;
  /** Stable across versions, e.g. `iso27001-2022`. */
  key: string;
  name_en: string;
  name_zh: string;
  publisher: string | null;
  builtin: Flag;
  current_version_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FrameworkVersionTable {
  id: string;
  framework_id: string;
  version: string;
  name_en: string;
  name_zh: string;
  source: string | null;
  effective_date: string | null;
  /** SHA-256 of the canonical definition: re-importing the same content is a no-op. */
  content_hash: string;
  /** current | superseded */
  status: string;
  node_count: number;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface FrameworkNodeTable {
  id: string;
  version_id: string;
  ref: string;
  parent_ref: string | null;
  /** section | requirement */
  kind: string;
  position: number;
  title_en: string;
  title_zh: string;
  description_en: string;
  description_zh: string;
  /** JSON Applicability or null. */
  applicability: string | null;
  /** JSON Obligation or null. */
  obligation: string | null;
  /** JSON per-protection-level baseline wording or null. */
  baseline: string | null;
  /** 1 for ISO/IEC 27001 Annex A controls (Statement of Applicability rows). */
  soa: Flag;
}

export interface FrameworkMappingTable {
  id: string;
  from_framework: string;
  from_ref: string;
  to_framework: string;
  to_ref: string;
  relation: string;
  builtin: Flag;
  created_at: Timestamp;
}

export interface FrameworkTables {
  frameworks: FrameworkTable;
  framework_versions: FrameworkVersionTable;
  framework_nodes: FrameworkNodeTable;
  framework_mappings: FrameworkMappingTable;
}

export type FrameworkRow = Selectable<FrameworkTable>;
export type FrameworkVersionRow = Selectable<FrameworkVersionTable>;
export type FrameworkNodeRow = Selectable<FrameworkNodeTable>;
export type FrameworkMappingRow = Selectable<FrameworkMappingTable>;
