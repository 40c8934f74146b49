// Tables of ISMS document control (levels, documents, versions, review, distribution, retention).
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;

export interface DocumentLevelTable {
  /** Stable key, e.g. `policy`, `procedure`, `instruction`, `record`. */
  id: string;
  /** 1 = 一階 … 4 = 四階; the register sorts by it. */
  rank: number;
  /** Number prefix of new documents (`P` → ISMS-P-001). Unique. */
  prefix: string;
  name_en: string;
  name_zh: string;
  /** 1 when documents of this level are records (forms filled in): their published versions are retained too. */
  is_record: Flag;
  /** Years a record or an obsolete version is kept; null keeps it until someone sets a period. */
  retention_years: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentTable {
  id: string;
  number: string;
  title: string;
  level_id: string;
  owner_id: string | null;
  /** public | internal | confidential | secret. */
  classification: string;
  /** JSON array of { framework, ref }. */
  requirements: string;
  review_interval_months: number;
  /** YYYY-MM-DD in the organisation's time zone; set from the interval when a version is published. */
  next_review_on: string | null;
  /** Overrides the level's retention; null takes the level's. */
  retention_years: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentVersionTable {
  id: string;
  document_id: string;
  /** 1, 2, … per document. */
  version: number;
  /** draft | review | approved | published | obsolete. Only drafts change. */
  status: string;
  /** markdown | file. */
  format: string;
  /** Markdown text (empty for files and once disposed). */
  body: string;
  file_sha256: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  change_summary: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  published_at: Timestamp | null;
  published_by: string | null;
  obsolete_at: Timestamp | null;
  /** Set when an approved disposal removed the content; the row stays as the record that it existed. */
  disposed_at: Timestamp | null;
}

export interface DocumentVersionParticipantTable {
  version_id: string;
  user_id: string;
  /** reviewer | approver. */
  role: string;
  position: number;
  /** null (pending) | approve | reject. */
  decision: string | null;
  comment: string;
  decided_at: Timestamp | null;
}

export interface DocumentDistributionTable {
  id: string;
  version_id: string;
  /** JSON arrays of the users and roles chosen (roles expanded into acknowledgements when distributed). */
  user_ids: string;
  role_ids: string;
  recipient_count: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface DocumentAcknowledgementTable {
  version_id: string;
  user_id: string;
  distribution_id: string;
  assigned_at: Timestamp;
  acknowledged_at: Timestamp | null;
  reminded_at: Timestamp | null;
}

export interface DocumentDisposalTable {
  id: string;
  version_id: string;
  /** pending | approved | rejected. */
  status: string;
  reason: string;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string;
}

export type DocumentLevelRow = Selectable<DocumentLevelTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type DocumentVersionRow = Selectable<DocumentVersionTable>;
export type DocumentParticipantRow = Selectable<DocumentVersionParticipantTable>;
export type DocumentDisposalRow = Selectable<DocumentDisposalTable>;

export type DocumentsTables = {
  document_levels: DocumentLevelTable;
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_version_participants: DocumentVersionParticipantTable;
  document_distributions: DocumentDistributionTable;
  document_acknowledgements: DocumentAcknowledgementTable;
  document_disposals: DocumentDisposalTable;
};
