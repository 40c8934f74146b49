import type { Readable } from 'node:stream';
import { documentVersion, idParams, MAX_DOCUMENT_FILE_BYTES, uploadFileQuery } from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import { fileTooLarge } from '../../platform/files/blob-store.js';
import type { Services } from '../../services.js';

/**
 * The upload stream. It sits in a private field so the request hooks that walk a parsed body (the NUL guard)
 * see an object without properties, not the request's internals.
 */
class UploadStream {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}

/** Upload and download of a version's file (DOCX, PDF or ODT; the type is judged by content, not by name). */
export function documentFileRoutes(app: App, s: Services): void {
  const tags = ['documents'];
  app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    // Any declared type: the blob store judges the content. The body is streamed to disk, and the size
    // limit is enforced as it arrives (a declared length over the limit is refused before reading).
    scope.addContentTypeParser('*', (req, payload, done) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_DOCUMENT_FILE_BYTES) {
        done(fileTooLarge(MAX_DOCUMENT_FILE_BYTES), undefined);
        return;
      }
      done(null, new UploadStream(payload));
    });
    scope.post(
      '/api/document-versions/:id/file',
      {
        config: { access: 'documents.manage' },
        schema: {
          tags,
          summary: 'Upload the file of a draft version (raw body: DOCX, PDF or ODT, at most 20 MiB)',
          params: idParams,
          querystring: uploadFileQuery,
          response: { 200: documentVersion },
        },
      },
      async (req) => {
        const body = req.body instanceof UploadStream ? req.body.stream : Buffer.alloc(0);
        return s.documents.versions.uploadFile(ctxOf(req), req.params.id, body, req.query.name);
      },
    );
  });

  app.get(
    '/api/document-versions/:id/file',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams } },
    async (req, reply) =>
      sendDownload(reply, await s.documents.versions.download(userCtxOf(req), req.params.id)),
  );
}
