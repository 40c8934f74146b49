import type { Readable } from 'node:stream';
import { fileTooLarge } from '../platform/files/blob-store.js';
import { AppError } from './errors.js';
import type { App } from './types.js';

/**
 * An uploaded body. It sits in a private field, so the request hooks that walk a parsed body (the NUL
 * guard) see an object without properties instead of millions of array entries or a stream's internals.
 */
class RawBody {
  readonly #value: Buffer | Readable;
  constructor(value: Buffer | Readable) {
    this.#value = value;
  }
  get value(): Buffer | Readable {
    return this.#value;
  }
}

/** The content types a buffered upload accepts, and the 415 error for any other. */
export interface UploadTypes {
  /** Lower case, without parameters (`text/csv`, not `text/csv; charset=utf-8`). */
  accept: ReadonlySet<string>;
  code: string;
  message: string;
}

export type UploadScope =
  /** The whole body in memory, at most `maxBytes`; of the listed types, or of any type when none are. */
  | { as: 'buffer'; maxBytes: number; types?: UploadTypes }
  /**
   * The body handed on as it arrives, for the reader to measure (the blob store enforces the limit as it
   * writes); a declared length over `maxBytes` is refused before anything is read.
   */
  | { as: 'stream'; maxBytes: number };

/**
 * Registers routes that take a file as the raw body. They get a scope of their own with one parser for any
 * declared type, so the rest of the API keeps JSON and its smaller limit. Read the body with
 * `uploadedBytes` or `uploadedStream`.
 */
export function uploadScope(app: App, opts: UploadScope, routes: (scope: App) => void): void {
  app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    if (opts.as === 'stream') {
      scope.addContentTypeParser('*', (req, payload, done) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > opts.maxBytes) {
          done(fileTooLarge(opts.maxBytes), undefined);
          return;
        }
        done(null, new RawBody(payload));
      });
    } else {
      const types = opts.types;
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: opts.maxBytes }, (req, body, done) => {
        const type = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase();
        if (types && (!type || !types.accept.has(type))) {
          done(new AppError(415, types.code, types.message, { contentType: type ?? null }), undefined);
          return;
        }
        done(null, new RawBody(body as Buffer));
      });
    }
    routes(scope);
  });
}

/** The bytes of a buffered upload (empty when the request had no body). */
export function uploadedBytes(body: unknown): Buffer {
  return body instanceof RawBody && Buffer.isBuffer(body.value) ? body.value : Buffer.alloc(0);
}

/** The stream of a streamed upload (an empty buffer when the request had no body). */
export function uploadedStream(body: unknown): Readable | Buffer {
  return body instanceof RawBody ? body.value : Buffer.alloc(0);
}
