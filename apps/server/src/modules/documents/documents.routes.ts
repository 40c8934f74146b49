import {
  createDocumentRequest,
  createVersionRequest,
  decisionRequest,
  diffQuery,
  documentDetail,
  documentDiff,
  documentLevel,
  documentLevelList,
  documentLevelRequest,
  documentList,
  documentListQuery,
  documentSummary,
  documentVersion,
  idParams,
  nextNumberQuery,
  nextNumberResponse,
  publishVersionRequest,
  submitVersionRequest,
  updateDocumentLevelRequest,
  updateDocumentRequest,
  updateVersionRequest,
} from '@vigil/contracts';
import { z } from 'zod';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { documentFileRoutes } from './document-files.routes.js';
import { documentRecordRoutes } from './document-records.routes.js';

export const READ = { access: ['documents.read', 'documents.manage', 'documents.approve'] } as const;
export const MANAGE = { access: 'documents.manage' } as const;
const levelParams = z.strictObject({ id: z.string().min(1).max(30) });

/** ISMS document control: levels, register, versions and their workflow (files and records in their own files). */
export function documentRoutes(app: App, s: Services): void {
  const tags = ['documents'];
  const d = s.documents;
  const v = s.documents.versions;
  const w = s.documents.workflow;

  app.get(
    '/api/document-levels',
    { config: READ, schema: { tags, response: { 200: documentLevelList } } },
    async () => ({
      items: await d.levels.list(),
    }),
  );
  app.post(
    '/api/document-levels',
    { config: MANAGE, schema: { tags, body: documentLevelRequest, response: { 201: documentLevel } } },
    async (req, reply) => reply.code(201).send(await d.levels.create(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/document-levels/:id',
    {
      config: MANAGE,
      schema: {
        tags,
        params: levelParams,
        body: updateDocumentLevelRequest,
        response: { 200: documentLevel },
      },
    },
    async (req) => d.levels.update(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/documents',
    { config: READ, schema: { tags, querystring: documentListQuery, response: { 200: documentList } } },
    async (req) => d.list(req.query),
  );
  app.get(
    '/api/documents/next-number',
    { config: MANAGE, schema: { tags, querystring: nextNumberQuery, response: { 200: nextNumberResponse } } },
    async (req) => ({ number: await d.nextNumber(req.query.levelId) }),
  );
  app.get(
    '/api/documents/summary',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: documentSummary } } },
    async (req) => d.summary(userCtxOf(req)),
  );
  app.post(
    '/api/documents',
    { config: MANAGE, schema: { tags, body: createDocumentRequest, response: { 201: documentDetail } } },
    async (req, reply) => reply.code(201).send(await d.create(ctxOf(req), req.body)),
  );
  app.get(
    '/api/documents/:id',
    { config: READ, schema: { tags, params: idParams, response: { 200: documentDetail } } },
    async (req) => d.get(req.params.id),
  );
  app.patch(
    '/api/documents/:id',
    {
      config: MANAGE,
      schema: { tags, params: idParams, body: updateDocumentRequest, response: { 200: documentDetail } },
    },
    async (req) => d.update(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/documents/:id/diff',
    {
      config: READ,
      schema: { tags, params: idParams, querystring: diffQuery, response: { 200: documentDiff } },
    },
    async (req) => v.diff(req.params.id, req.query.from, req.query.to),
  );
  app.post(
    '/api/documents/:id/versions',
    {
      config: MANAGE,
      schema: { tags, params: idParams, body: createVersionRequest, response: { 201: documentVersion } },
    },
    async (req, reply) => reply.code(201).send(await v.create(ctxOf(req), req.params.id, req.body)),
  );

  // ---- one version and its workflow
  const version = { tags, params: idParams, response: { 200: documentVersion } };
  app.get(
    '/api/document-versions/:id',
    { config: { access: 'authenticated' }, schema: version },
    async (req) => v.get(userCtxOf(req), req.params.id),
  );
  app.patch(
    '/api/document-versions/:id',
    { config: MANAGE, schema: { ...version, body: updateVersionRequest } },
    async (req) => v.update(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/document-versions/:id/submit',
    { config: MANAGE, schema: { ...version, body: submitVersionRequest } },
    async (req) => w.submit(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/document-versions/:id/recall', { config: MANAGE, schema: version }, async (req) =>
    w.recall(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/document-versions/:id/review',
    { config: { access: 'authenticated' }, schema: { ...version, body: decisionRequest } },
    async (req) => w.decide(userCtxOf(req), req.params.id, 'reviewer', req.body),
  );
  app.post(
    '/api/document-versions/:id/approval',
    { config: { access: 'documents.approve' }, schema: { ...version, body: decisionRequest } },
    async (req) => w.decide(userCtxOf(req), req.params.id, 'approver', req.body),
  );
  app.post(
    '/api/document-versions/:id/publish',
    { config: MANAGE, schema: { ...version, body: publishVersionRequest.optional() } },
    async (req) => w.publish(ctxOf(req), req.params.id, req.body?.distribute ?? null),
  );
  app.post('/api/document-versions/:id/withdraw', { config: MANAGE, schema: version }, async (req) =>
    w.withdraw(ctxOf(req), req.params.id),
  );

  documentFileRoutes(app, s);
  documentRecordRoutes(app, s);
}
