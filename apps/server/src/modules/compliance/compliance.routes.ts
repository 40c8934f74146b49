import {
  appliedControlList,
  appliedControlListQuery,
  appliedControlResponse,
  approveSoaRequest,
  complianceAssessmentDetail,
  complianceAssessmentList,
  complianceBaselineParams,
  complianceBaselineResponse,
  complianceGapList,
  complianceGapQuery,
  complianceSummary,
  createAppliedControlRequest,
  createComplianceAssessmentRequest,
  idParams,
  soaExportQuery,
  soaList,
  soaResponse,
  updateAppliedControlRequest,
  updateComplianceResultRequest,
  updateSoaEntriesRequest,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { evidenceRoutes } from './evidence.routes.js';
import { soaExport } from './soa-report.js';

/** Applied controls, evidence, compliance assessments, the SoA and the Schedule 10 baseline per system. */
export function complianceRoutes(app: App, s: Services): void {
  const tags = ['compliance'];
  const read = { access: 'compliance.read' } as const;
  const manage = { access: 'compliance.manage' } as const;
  const c = s.compliance;
  const control = { tags, params: idParams, response: { 200: appliedControlResponse } };
  const assessment = { tags, params: idParams, response: { 200: complianceAssessmentDetail } };
  const soa = { tags, params: idParams, response: { 200: soaResponse } };

  // ---- applied controls
  app.get(
    '/api/compliance/controls',
    {
      config: read,
      schema: { tags, querystring: appliedControlListQuery, response: { 200: appliedControlList } },
    },
    async (req) => ({ items: await c.controls.list(req.query) }),
  );
  app.post(
    '/api/compliance/controls',
    {
      config: manage,
      schema: { tags, body: createAppliedControlRequest, response: { 201: appliedControlResponse } },
    },
    async (req, reply) => reply.code(201).send(await c.controls.create(ctxOf(req), req.body)),
  );
  app.get('/api/compliance/controls/:id', { config: read, schema: control }, async (req) =>
    c.controls.get(req.params.id),
  );
  app.patch(
    '/api/compliance/controls/:id',
    { config: manage, schema: { ...control, body: updateAppliedControlRequest } },
    async (req) => c.controls.update(ctxOf(req), req.params.id, req.body),
  );

  evidenceRoutes(app, s);

  // ---- assessments
  app.get(
    '/api/compliance/assessments',
    { config: read, schema: { tags, response: { 200: complianceAssessmentList } } },
    async () => ({ items: await c.assessments.list() }),
  );
  app.post(
    '/api/compliance/assessments',
    {
      config: manage,
      schema: {
        tags,
        body: createComplianceAssessmentRequest,
        response: { 201: complianceAssessmentDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await c.assessments.create(ctxOf(req), req.body)),
  );
  app.get('/api/compliance/assessments/:id', { config: read, schema: assessment }, async (req) =>
    c.assessments.get(req.params.id),
  );
  app.post('/api/compliance/assessments/:id/complete', { config: manage, schema: assessment }, async (req) =>
    c.assessments.complete(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/compliance/results/:id',
    { config: manage, schema: { ...assessment, body: updateComplianceResultRequest } },
    async (req) => c.assessments.updateResult(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/compliance/gaps',
    { config: read, schema: { tags, querystring: complianceGapQuery, response: { 200: complianceGapList } } },
    async (req) => ({ items: await c.gaps(req.query) }),
  );
  app.get(
    '/api/compliance/summary',
    { config: read, schema: { tags, response: { 200: complianceSummary } } },
    async () => c.summary(),
  );
  app.get(
    '/api/compliance/baseline/:assetId',
    {
      config: read,
      schema: { tags, params: complianceBaselineParams, response: { 200: complianceBaselineResponse } },
    },
    async (req) => c.baseline(req.params.assetId),
  );

  // ---- Statement of Applicability
  app.get(
    '/api/compliance/soa',
    { config: read, schema: { tags, response: { 200: soaList } } },
    async () => ({ items: await c.soa.list() }),
  );
  app.post(
    '/api/compliance/soa',
    { config: manage, schema: { tags, response: { 201: soaResponse } } },
    async (req, reply) => reply.code(201).send(await c.soa.createDraft(ctxOf(req))),
  );
  app.get('/api/compliance/soa/:id', { config: read, schema: soa }, async (req) => c.soa.get(req.params.id));
  app.patch(
    '/api/compliance/soa/:id/entries',
    { config: manage, schema: { ...soa, body: updateSoaEntriesRequest } },
    async (req) => c.soa.updateEntries(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/compliance/soa/:id/approve',
    { config: { access: 'compliance.approve' }, schema: { ...soa, body: approveSoaRequest } },
    async (req) => c.soa.approve(ctxOf(req), req.params.id, req.body.note),
  );
  app.get(
    '/api/compliance/soa/:id/export',
    { config: read, schema: { tags, params: idParams, querystring: soaExportQuery } },
    async (req, reply) => sendDownload(reply, await soaExport(s, ctxOf(req), req.params.id, req.query)),
  );
}
