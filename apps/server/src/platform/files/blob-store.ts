import type { Readable } from 'node:stream';

/** What a stored file is, judged by its content (never by its name). */
export type SniffedType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.oasis.opendocument.text'
  | 'application/zip'
  | 'image/png'
  | 'image/jpeg'
  | 'text/plain'
  | 'application/octet-stream';

export interface StoredBlob {
  sha256: string;
  size: number;
  contentType: SniffedType;
}

export interface PutOptions {
  /** Larger content is refused (413 `file.too_large`) and nothing is kept. */
  maxBytes: number;
  /** Content of any other type is refused (415 `file.type_not_allowed`) and nothing is kept. */
  allowed?: readonly SniffedType[];
}

/**
 * Content-addressed file storage in the data directory (`<dir>/ab/cd/<sha256>`), outside any web root.
 * Placeholder interface until the documents slice lands.
 */
export class BlobStore {
  constructor(readonly dir: string) {}
  async put(_source: Buffer | Readable, _opts: PutOptions): Promise<StoredBlob> {
    throw new Error('not implemented');
  }
  async read(_sha256: string): Promise<Buffer> {
    throw new Error('not implemented');
  }
}
