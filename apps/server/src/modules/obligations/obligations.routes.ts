import {
  completeObligationTaskRequest,
  idParams,
  linkTaskEvidenceRequest,
  obligationGenerateResponse,
  obligationList,
  obligationListQuery,
  obligationProfileResponse,
  obligationResponse,
  obligationSummary,
  obligationTaskDetail,
  obligationTaskList,
  obligationTaskQuery,
  taskEvidenceParams,
  updateObligationProfileRequest,
  updateObligationRequest,
  updateObligationTaskRequest,
} from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** The obligations calendar: profile, generate/refresh, obligations and their tasks. */
export function obligationRoutes(app: App, s: Services): void {
  const tags = ['obligations'];
  const manage = { access: 'obligations.manage' } as const;
  const anyone = { access: ['obligations.read', 'obligations.work', 'obligations.manage'] } as const;
  const seeTasks = { access: ['obligations.read', 'obligations.work', 'obligations.manage'] } as const;
  const work = { access: ['obligations.work', 'obligations.manage'] } as const;
  const o = s.obligations;

  app.get(
    '/api/obligations/profile',
    { config: anyone, schema: { tags, response: { 200: obligationProfileResponse } } },
    async () => o.profile(),
  );
  app.patch(
    '/api/obligations/profile',
    {
      config: manage,
      schema: { tags, body: updateObligationProfileRequest, response: { 200: obligationProfileResponse } },
    },
    async (req) => o.updateProfile(ctxOf(req), req.body),
  );
  app.post(
    '/api/obligations/generate',
    { config: manage, schema: { tags, response: { 200: obligationGenerateResponse } } },
    async (req) => o.generate(ctxOf(req)),
  );
  app.get(
    '/api/obligations/summary',
    { config: seeTasks, schema: { tags, response: { 200: obligationSummary } } },
    async (req) => o.tasks.summary(ctxOf(req)),
  );
  app.get(
    '/api/obligations',
    {
      config: { access: ['obligations.read', 'obligations.manage'] },
      schema: { tags, querystring: obligationListQuery, response: { 200: obligationList } },
    },
    async (req) => ({ items: await o.list(req.query.includeRetired) }),
  );
  app.patch(
    '/api/obligations/:id',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: updateObligationRequest,
        response: { 200: obligationResponse },
      },
    },
    async (req) => o.setOwner(ctxOf(req), req.params.id, req.body.ownerId),
  );

  app.get(
    '/api/obligation-tasks',
    {
      config: seeTasks,
      schema: { tags, querystring: obligationTaskQuery, response: { 200: obligationTaskList } },
    },
    async (req) => o.tasks.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/obligation-tasks/:id',
    { config: seeTasks, schema: { tags, params: idParams, response: { 200: obligationTaskDetail } } },
    async (req) => o.tasks.get(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/obligation-tasks/:id',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: updateObligationTaskRequest,
        response: { 200: obligationTaskDetail },
      },
    },
    async (req) => o.tasks.update(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/obligation-tasks/:id/evidence',
    {
      config: work,
      schema: {
        tags,
        params: idParams,
        body: linkTaskEvidenceRequest,
        response: { 200: obligationTaskDetail },
      },
    },
    async (req) => o.tasks.linkEvidence(ctxOf(req), req.params.id, req.body.evidenceId),
  );
  app.delete(
    '/api/obligation-tasks/:id/evidence/:evidenceId',
    { config: work, schema: { tags, params: taskEvidenceParams, response: { 200: obligationTaskDetail } } },
    async (req) => o.tasks.unlinkEvidence(ctxOf(req), req.params.id, req.params.evidenceId),
  );
  app.post(
    '/api/obligation-tasks/:id/complete',
    {
      config: work,
      schema: {
        tags,
        params: idParams,
        body: completeObligationTaskRequest,
        response: { 200: obligationTaskDetail },
      },
    },
    async (req) => o.tasks.complete(ctxOf(req), req.params.id, req.body),
  );
}
