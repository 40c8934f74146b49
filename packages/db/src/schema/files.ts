// Tables of files kept in the blob store.

type Timestamp = string;

/** One holder of one stored file (a document version, an evidence item…). */
export interface FileReferenceTable {
  sha256: string;
  /** The kind of holder, e.g. `document_version`, `evidence`. */
  ref_type: string;
  ref_id: string;
  size: number;
  content_type: string;
  created_at: Timestamp;
}

export type FilesTables = {
  file_references: FileReferenceTable;
};
