import {
  createRegulationRequest,
  idParams,
  ok,
  regulationExportQuery,
  regulationList,
  regulationListQuery,
  regulationResponse,
  reviewRegulationRequest,
  updateRegulationRequest,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { regulationsExport } from './regulation-reports.js';

/** The regulations register (適用法規清單). */
export function regulationRoutes(app: App, s: Services): void {
  const tags = ['regulations'];
  const read = { access: 'compliance.read' } as const;
  const manage = { access: 'compliance.manage' } as const;
  const r = s.regulations;
  const entry = { tags, params: idParams, response: { 200: regulationResponse } };

  app.get(
    '/api/regulations',
    { config: read, schema: { tags, querystring: regulationListQuery, response: { 200: regulationList } } },
    async (req) => ({ items: await r.list(req.query) }),
  );
  app.get(
    '/api/regulations/export',
    { config: read, schema: { tags, querystring: regulationExportQuery } },
    async (req, reply) => sendDownload(reply, await regulationsExport(s, ctxOf(req), req.query)),
  );
  app.get('/api/regulations/:id', { config: read, schema: entry }, async (req) => r.get(req.params.id));
  app.post(
    '/api/regulations',
    {
      config: manage,
      schema: { tags, body: createRegulationRequest, response: { 201: regulationResponse } },
    },
    async (req, reply) => reply.code(201).send(await r.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/regulations/:id',
    { config: manage, schema: { ...entry, body: updateRegulationRequest } },
    async (req) => r.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/regulations/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await r.remove(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/regulations/:id/review',
    { config: manage, schema: { ...entry, body: reviewRegulationRequest } },
    async (req) => r.review(ctxOf(req), req.params.id, req.body),
  );
}
