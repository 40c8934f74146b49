import {
  ackExportQuery,
  acknowledgementProgress,
  disposal,
  disposalCandidateList,
  disposalDecisionRequest,
  disposalList,
  disposalRequest,
  distributeRequest,
  idParams,
  readingItem,
  readingList,
  remindResponse,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { acknowledgementRecord } from './document-reports.js';

/** Distribution, acknowledgement (and its record) and the disposal of records past retention. */
export function documentRecordRoutes(app: App, s: Services): void {
  const tags = ['documents'];
  const READ = { access: ['documents.read', 'documents.manage', 'documents.approve'] } as const;
  const MANAGE = { access: 'documents.manage' } as const;
  const RETENTION = { access: ['documents.manage', 'documents.approve'] } as const;
  const dist = s.documents.distribution;
  const ret = s.documents.retention;

  app.post(
    '/api/document-versions/:id/distribute',
    {
      config: MANAGE,
      schema: { tags, params: idParams, body: distributeRequest, response: { 200: acknowledgementProgress } },
    },
    async (req) => dist.distribute(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/document-versions/:id/acknowledgements',
    { config: READ, schema: { tags, params: idParams, response: { 200: acknowledgementProgress } } },
    async (req) => dist.progress(req.params.id),
  );
  app.post(
    '/api/document-versions/:id/remind',
    { config: MANAGE, schema: { tags, params: idParams, response: { 200: remindResponse } } },
    async (req) => dist.remind(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/document-versions/:id/acknowledgements/export',
    { config: READ, schema: { tags, params: idParams, querystring: ackExportQuery } },
    async (req, reply) =>
      sendDownload(
        reply,
        await acknowledgementRecord(s, ctxOf(req), req.params.id, req.query.format, req.query.lang),
      ),
  );

  app.get(
    '/api/my/documents-to-read',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: readingList } } },
    async (req) => ({ items: await dist.myReading(userCtxOf(req)) }),
  );
  app.post(
    '/api/my/documents-to-read/:id/acknowledge',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: idParams, response: { 200: readingItem } },
    },
    async (req) => dist.acknowledge(userCtxOf(req), req.params.id),
  );

  app.get(
    '/api/document-disposals/candidates',
    { config: RETENTION, schema: { tags, response: { 200: disposalCandidateList } } },
    async () => ({ items: await ret.candidates() }),
  );
  app.get(
    '/api/document-disposals',
    { config: RETENTION, schema: { tags, response: { 200: disposalList } } },
    async () => ({
      items: await ret.list(),
    }),
  );
  app.post(
    '/api/document-disposals',
    { config: MANAGE, schema: { tags, body: disposalRequest, response: { 201: disposal } } },
    async (req, reply) => reply.code(201).send(await ret.request(ctxOf(req), req.body)),
  );
  for (const [path, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const)
    app.post(
      `/api/document-disposals/:id/${path}`,
      {
        config: { access: 'documents.approve' },
        schema: { tags, params: idParams, body: disposalDecisionRequest, response: { 200: disposal } },
      },
      async (req) => ret.decide(ctxOf(req), req.params.id, approve, req.body.note),
    );
}
