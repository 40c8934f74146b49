import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError, notFound } from '../../http/errors.js';
import { looksLikeZip, sniffHead, sniffZip, TextDetector } from './sniff.js';
import { UnsafeArchive } from './zip-inspect.js';

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

const SHA256 = /^[0-9a-f]{64}$/;
const HEAD_BYTES = 16;

export const fileTooLarge = (maxBytes: number) =>
  new AppError(413, 'file.too_large', `the file is larger than the limit of ${maxBytes} bytes`, { maxBytes });

/**
 * Content-addressed file storage in the data directory (`<dir>/ab/cd/<sha256>`), outside any web root.
 * Content is written to a temporary file while it is hashed and measured, checked by its bytes, then renamed
 * into place (identical content is stored once). Stored files are read-only (0400).
 */
export class BlobStore {
  constructor(readonly dir: string) {}

  /** Stores a file; refusals (too large, wrong type, unsafe archive) leave nothing behind. */
  async put(source: Buffer | Readable, opts: PutOptions): Promise<StoredBlob> {
    const tmpDir = path.join(this.dir, '.tmp');
    await fsp.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const fh = await fsp.open(tmp, 'wx', 0o600);
    let kept = false;
    try {
      const hash = createHash('sha256');
      const text = new TextDetector();
      let size = 0;
      let head = Buffer.alloc(0);
      const stream = Buffer.isBuffer(source) ? Readable.from([source]) : source;
      for await (const raw of stream.iterator({ destroyOnReturn: false })) {
        const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as string);
        size += chunk.length;
        if (size > opts.maxBytes) throw fileTooLarge(opts.maxBytes);
        if (head.length < HEAD_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        hash.update(chunk);
        text.push(chunk);
        await fh.write(chunk);
      }
      await fh.close();
      const contentType = await this.sniff(tmp, head, text);
      if (opts.allowed && !opts.allowed.includes(contentType)) {
        throw new AppError(
          415,
          'file.type_not_allowed',
          `files of type ${contentType} are not accepted here`,
          {
            contentType,
            allowed: opts.allowed,
          },
        );
      }
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      if (fs.existsSync(target)) {
        await fsp.rm(tmp, { force: true });
      } else {
        await fsp.chmod(tmp, 0o400);
        await fsp.rename(tmp, target);
      }
      kept = true;
      return { sha256, size, contentType };
    } finally {
      if (!kept) {
        await fh.close().catch(() => undefined);
        await fsp.rm(tmp, { force: true });
      }
    }
  }

  private async sniff(file: string, head: Buffer, text: TextDetector) {
    const byHead = sniffHead(head);
    if (byHead === 'zip' && looksLikeZip(head)) {
      try {
        return sniffZip(await fsp.readFile(file));
      } catch (err) {
        if (!(err instanceof UnsafeArchive)) throw err;
        throw new AppError(
          400,
          'file.unsafe_archive',
          'the archive is malformed, too large when unpacked or has unsafe paths',
          {
            reason: err.reason,
            entry: err.entry ?? null,
          },
        );
      }
    }
    if (byHead) return byHead as SniffedType;
    return text.finish() ? 'text/plain' : 'application/octet-stream';
  }

  /** Where a blob lives; refuses anything that is not a SHA-256 so no name can reach outside the store. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw notFound('file');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    return fs.existsSync(this.pathOf(sha256));
  }

  /** The whole content, checked against its name (a mismatch is `file.corrupt`). */
  async read(sha256: string): Promise<Buffer> {
    const file = this.pathOf(sha256);
    let body: Buffer;
    try {
      body = await fsp.readFile(file);
    } catch {
      throw notFound('file');
    }
    if (createHash('sha256').update(body).digest('hex') !== sha256) throw corrupt(sha256);
    return body;
  }

  /** A stream of the content, for large files (not checked; `verify` does that). */
  open(sha256: string): Readable {
    const file = this.pathOf(sha256);
    if (!fs.existsSync(file)) throw notFound('file');
    return fs.createReadStream(file);
  }

  /** Re-reads a blob: true when its content still hashes to its name, false when altered; 404 when gone. */
  async verify(sha256: string): Promise<boolean> {
    const hash = createHash('sha256');
    for await (const chunk of this.open(sha256)) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  }

  /** Deletes a blob; callers check first that nothing references it. False when it was not there. */
  async remove(sha256: string): Promise<boolean> {
    if (!(await this.has(sha256))) return false;
    await fsp.rm(this.pathOf(sha256), { force: true });
    return true;
  }
}

function corrupt(sha256: string) {
  return new AppError(500, 'file.corrupt', 'the stored file no longer matches its checksum', { sha256 });
}
