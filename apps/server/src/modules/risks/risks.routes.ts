import {
  acceptRiskRequest,
  approveRiskMethodologyRequest,
  closeRiskRequest,
  createRiskAssessmentRequest,
  createRiskMethodologyRequest,
  createRiskScenarioRequest,
  createRiskThreatRequest,
  createRiskVulnerabilityRequest,
  createTreatmentItemRequest,
  idParams,
  ok,
  reassessRiskRequest,
  rerateRiskRequest,
  revokeRiskAcceptanceRequest,
  riskAssessmentList,
  riskAssessmentListQuery,
  riskAssessmentReportQuery,
  riskAssessmentResponse,
  riskCatalogueQuery,
  riskExportQuery,
  riskHeatmapResponse,
  riskMethodologyList,
  riskMethodologyResponse,
  riskRatingInput,
  riskRatingResult,
  riskRegisterList,
  riskRegisterQuery,
  riskScenarioDetail,
  riskScenarioResponse,
  riskThreatList,
  riskThreatResponse,
  riskTrendResponse,
  riskVulnerabilityList,
  riskVulnerabilityResponse,
  treatmentItemList,
  treatmentItemListQuery,
  treatmentItemResponse,
  updateRiskAssessmentRequest,
  updateRiskMethodologyRequest,
  updateRiskScenarioRequest,
  updateRiskThreatRequest,
  updateRiskVulnerabilityRequest,
  updateTreatmentItemRequest,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { assessmentReport, registerExport } from './risk-reports.js';

/** Risk management: methodology, catalogues, assessments, register, treatment, acceptance, reports. */
export function riskRoutes(app: App, s: Services): void {
  const tags = ['risks'];
  const read = { access: 'risks.read' } as const;
  const manage = { access: 'risks.manage' } as const;
  const methodologyRead = {
    access: ['risks.read', 'risks.treat', 'risks.methodology', 'risks.approve'],
  } as const;
  const readOrTreat = { access: ['risks.read', 'risks.treat'] } as const;
  const manageOrTreat = { access: ['risks.manage', 'risks.treat'] } as const;
  const r = s.risks;
  const sc = s.risks.scenarios;

  // ---- methodology
  app.get(
    '/api/risk-methodologies',
    { config: methodologyRead, schema: { tags, response: { 200: riskMethodologyList } } },
    async () => ({ items: await r.listMethodologies() }),
  );
  app.get(
    '/api/risk-methodologies/current',
    { config: methodologyRead, schema: { tags, response: { 200: riskMethodologyResponse } } },
    async () => r.getMethodology('current'),
  );
  app.get(
    '/api/risk-methodologies/:id',
    {
      config: methodologyRead,
      schema: { tags, params: idParams, response: { 200: riskMethodologyResponse } },
    },
    async (req) => r.getMethodology(req.params.id),
  );
  app.post(
    '/api/risk-methodologies',
    {
      config: { access: 'risks.methodology' },
      schema: { tags, body: createRiskMethodologyRequest, response: { 201: riskMethodologyResponse } },
    },
    async (req, reply) => reply.code(201).send(await r.createMethodology(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/risk-methodologies/:id',
    {
      config: { access: 'risks.methodology' },
      schema: {
        tags,
        params: idParams,
        body: updateRiskMethodologyRequest,
        response: { 200: riskMethodologyResponse },
      },
    },
    async (req) => r.updateMethodology(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/risk-methodologies/:id',
    { config: { access: 'risks.methodology' }, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await r.deleteMethodology(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/risk-methodologies/:id/approve',
    {
      config: { access: 'risks.approve' },
      schema: {
        tags,
        params: idParams,
        body: approveRiskMethodologyRequest,
        response: { 200: riskMethodologyResponse },
      },
    },
    async (req) => r.approveMethodology(ctxOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/risk-methodologies/:id/evaluate',
    {
      config: { access: ['risks.read', 'risks.treat', 'risks.methodology'] },
      schema: { tags, params: idParams, body: riskRatingInput, response: { 200: riskRatingResult } },
    },
    async (req) => r.evaluate(req.params.id, req.body),
  );

  // ---- catalogues
  for (const [path, table, list, one, create, update] of [
    [
      'risk-threats',
      'risk_threats',
      riskThreatList,
      riskThreatResponse,
      createRiskThreatRequest,
      updateRiskThreatRequest,
    ],
    [
      'risk-vulnerabilities',
      'risk_vulnerabilities',
      riskVulnerabilityList,
      riskVulnerabilityResponse,
      createRiskVulnerabilityRequest,
      updateRiskVulnerabilityRequest,
    ],
  ] as const) {
    app.get(
      `/api/${path}`,
      { config: readOrTreat, schema: { tags, querystring: riskCatalogueQuery, response: { 200: list } } },
      async (req) => ({ items: await r.catalogue.list(table as 'risk_vulnerabilities', req.query) }),
    );
    app.post(
      `/api/${path}`,
      { config: manage, schema: { tags, body: create, response: { 201: one } } },
      async (req, reply) =>
        reply.code(201).send(await r.catalogue.create(ctxOf(req), table, req.body as never)),
    );
    app.patch(
      `/api/${path}/:id`,
      { config: manage, schema: { tags, params: idParams, body: update, response: { 200: one } } },
      async (req) => r.catalogue.update(ctxOf(req), table, req.params.id, req.body as never),
    );
    app.delete(
      `/api/${path}/:id`,
      { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
      async (req) => {
        await r.catalogue.remove(ctxOf(req), table, req.params.id);
        return { ok: true as const };
      },
    );
  }

  // ---- assessments
  app.get(
    '/api/risk-assessments',
    {
      config: read,
      schema: { tags, querystring: riskAssessmentListQuery, response: { 200: riskAssessmentList } },
    },
    async (req) => r.listAssessments(req.query),
  );
  app.post(
    '/api/risk-assessments',
    {
      config: manage,
      schema: { tags, body: createRiskAssessmentRequest, response: { 201: riskAssessmentResponse } },
    },
    async (req, reply) => reply.code(201).send(await r.createAssessment(ctxOf(req), req.body)),
  );
  app.get(
    '/api/risk-assessments/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: riskAssessmentResponse } } },
    async (req) => r.getAssessment(req.params.id),
  );
  app.patch(
    '/api/risk-assessments/:id',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: updateRiskAssessmentRequest,
        response: { 200: riskAssessmentResponse },
      },
    },
    async (req) => r.updateAssessment(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/risk-assessments/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await r.deleteAssessment(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  for (const [verb, to] of [
    ['start', 'in_progress'],
    ['complete', 'completed'],
  ] as const)
    app.post(
      `/api/risk-assessments/:id/${verb}`,
      { config: manage, schema: { tags, params: idParams, response: { 200: riskAssessmentResponse } } },
      async (req) => r.setAssessmentStatus(ctxOf(req), req.params.id, to),
    );
  app.get(
    '/api/risk-assessments/:id/heatmap',
    { config: read, schema: { tags, params: idParams, response: { 200: riskHeatmapResponse } } },
    async (req) => r.views.heatmap(req.params.id),
  );
  app.get(
    '/api/risk-assessments/:id/report',
    { config: read, schema: { tags, params: idParams, querystring: riskAssessmentReportQuery } },
    async (req, reply) =>
      sendDownload(reply, await assessmentReport(s, ctxOf(req), req.params.id, req.query)),
  );
  app.post(
    '/api/risk-assessments/:id/scenarios',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: createRiskScenarioRequest,
        response: { 201: riskScenarioResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await sc.create(ctxOf(req), req.params.id, req.body)),
  );

  // ---- register and scenarios
  const scenario = { tags, params: idParams, response: { 200: riskScenarioDetail } };
  app.get(
    '/api/risks',
    {
      config: readOrTreat,
      schema: { tags, querystring: riskRegisterQuery, response: { 200: riskRegisterList } },
    },
    async (req) => sc.register(ctxOf(req), req.query),
  );
  app.get(
    '/api/risks/export',
    { config: readOrTreat, schema: { tags, querystring: riskExportQuery } },
    async (req, reply) => sendDownload(reply, await registerExport(s, ctxOf(req), req.query)),
  );
  app.get(
    '/api/risks/trend',
    { config: read, schema: { tags, response: { 200: riskTrendResponse } } },
    async () => r.views.trend(),
  );
  app.get('/api/risks/:id', { config: readOrTreat, schema: scenario }, async (req) =>
    sc.detail(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/risks/:id',
    { config: manage, schema: { ...scenario, body: updateRiskScenarioRequest } },
    async (req) => sc.update(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/risks/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await sc.remove(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/risks/:id/reassess',
    { config: manage, schema: { ...scenario, body: reassessRiskRequest } },
    async (req) => sc.reassess(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/risks/:id/rerate',
    { config: manageOrTreat, schema: { ...scenario, body: rerateRiskRequest } },
    async (req) => sc.rerate(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/risks/:id/accept',
    {
      config: { access: ['risks.treat', 'risks.approve'] },
      schema: { ...scenario, body: acceptRiskRequest },
    },
    async (req) => sc.accept(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/risks/:id/revoke-acceptance',
    {
      config: { access: ['risks.manage', 'risks.approve'] },
      schema: { ...scenario, body: revokeRiskAcceptanceRequest },
    },
    async (req) => sc.revokeAcceptance(ctxOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/risks/:id/close',
    { config: manage, schema: { ...scenario, body: closeRiskRequest } },
    async (req) => sc.close(ctxOf(req), req.params.id, req.body.reason),
  );
  app.post('/api/risks/:id/reopen', { config: manage, schema: scenario }, async (req) =>
    sc.reopen(ctxOf(req), req.params.id),
  );

  // ---- treatment items
  app.post(
    '/api/risks/:id/treatment-items',
    {
      config: manageOrTreat,
      schema: {
        tags,
        params: idParams,
        body: createTreatmentItemRequest,
        response: { 201: treatmentItemResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await sc.createItem(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/risk-treatment-items/:id',
    {
      config: manageOrTreat,
      schema: {
        tags,
        params: idParams,
        body: updateTreatmentItemRequest,
        response: { 200: treatmentItemResponse },
      },
    },
    async (req) => sc.updateItem(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/risk-treatment-items/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await sc.deleteItem(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/risk-treatment-items',
    {
      config: readOrTreat,
      schema: { tags, querystring: treatmentItemListQuery, response: { 200: treatmentItemList } },
    },
    async (req) => sc.listItems(ctxOf(req), req.query),
  );
}
