import { documentVersion, idParams, MAX_DOCUMENT_FILE_BYTES, uploadFileQuery } from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { uploadedStream, uploadScope } from '../../http/raw-upload.js';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Upload and download of a version's file (DOCX, PDF or ODT; the type is judged by content, not by name). */
export function documentFileRoutes(app: App, s: Services): void {
  const tags = ['documents'];
  // Any declared type: the blob store judges the content. The body is streamed to disk, and the size
  // limit is enforced as it arrives (a declared length over the limit is refused before reading).
  uploadScope(app, { as: 'stream', maxBytes: MAX_DOCUMENT_FILE_BYTES }, (scope) => {
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
      async (req) =>
        s.documents.versions.uploadFile(ctxOf(req), req.params.id, uploadedStream(req.body), req.query.name),
    );
  });

  app.get(
    '/api/document-versions/:id/file',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams } },
    async (req, reply) =>
      sendDownload(reply, await s.documents.versions.download(userCtxOf(req), req.params.id)),
  );
}
