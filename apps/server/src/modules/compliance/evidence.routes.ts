import {
  createEvidenceRequest,
  evidenceList,
  evidenceListQuery,
  evidenceResponse,
  idParams,
  MAX_EVIDENCE_BYTES,
  updateEvidenceRequest,
  uploadEvidenceQuery,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { uploadedBytes, uploadScope } from '../../http/raw-upload.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Evidence routes, shared with the obligations calendar (which attaches evidence to its tasks). */
export function evidenceRoutes(app: App, s: Services): void {
  const tags = ['compliance'];
  const create = { access: ['compliance.manage', 'obligations.work', 'obligations.manage'] } as const;
  // obligations.work holders reach the read routes too; the service narrows them to their own evidence.
  const read = {
    access: [
      'compliance.read',
      'compliance.manage',
      'obligations.read',
      'obligations.work',
      'obligations.manage',
    ],
  } as const;
  const ev = s.compliance.evidence;

  // The file arrives as the raw body of any content type: the type is judged from the bytes.
  uploadScope(app, { as: 'buffer', maxBytes: MAX_EVIDENCE_BYTES }, (scope) => {
    scope.post(
      '/api/evidence/files',
      {
        config: create,
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          tags,
          summary: 'Upload an evidence file (raw body, at most 25 MiB)',
          querystring: uploadEvidenceQuery,
          response: { 201: evidenceResponse },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await ev.upload(ctxOf(req), uploadedBytes(req.body), req.query)),
    );
  });

  app.post(
    '/api/evidence',
    { config: create, schema: { tags, body: createEvidenceRequest, response: { 201: evidenceResponse } } },
    async (req, reply) => reply.code(201).send(await ev.create(ctxOf(req), req.body)),
  );
  app.get(
    '/api/evidence',
    { config: read, schema: { tags, querystring: evidenceListQuery, response: { 200: evidenceList } } },
    async (req) => ({ items: await ev.list(req.query, ctxOf(req)) }),
  );
  app.get(
    '/api/evidence/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: evidenceResponse } } },
    async (req) => ev.get(req.params.id, ctxOf(req)),
  );
  app.patch(
    '/api/evidence/:id',
    {
      config: { access: 'compliance.manage' },
      schema: { tags, params: idParams, body: updateEvidenceRequest, response: { 200: evidenceResponse } },
    },
    async (req) => ev.update(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/evidence/:id/content',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => sendDownload(reply, await ev.content(ctxOf(req), req.params.id)),
  );
}
