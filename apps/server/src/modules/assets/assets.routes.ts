import {
  assetHistoryResponse,
  assetList,
  assetListQuery,
  assetRelationParams,
  assetRelationResponse,
  assetRelationsResponse,
  assetResponse,
  assetValuationSettingsResponse,
  createAssetRelationRequest,
  createAssetRequest,
  deleteAssetResponse,
  idParams,
  ok,
  updateAssetRequest,
  updateAssetValuationSettingsRequest,
} from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { assetCampaignRoutes } from './asset-campaigns.routes.js';

/** Asset inventory: CRUD, valuation settings, relations, history, confirmation campaigns. */
export function assetRoutes(app: App, s: Services): void {
  const tags = ['assets'];
  // Owners (assets.confirm) reach the read routes too; the service narrows them to their own assets.
  const read = { access: ['assets.read', 'assets.confirm'] } as const;
  const manage = { access: 'assets.manage' } as const;

  app.get(
    '/api/assets/valuation-settings',
    {
      config: { access: ['assets.read', 'assets.confirm', 'assets.manage'] },
      schema: { tags, response: { 200: assetValuationSettingsResponse } },
    },
    async () => s.assets.valuation(),
  );

  app.put(
    '/api/assets/valuation-settings',
    {
      config: manage,
      schema: {
        tags,
        body: updateAssetValuationSettingsRequest,
        response: { 200: assetValuationSettingsResponse },
      },
    },
    async (req) => s.assets.updateValuation(ctxOf(req), req.body),
  );

  app.get(
    '/api/assets',
    { config: read, schema: { tags, querystring: assetListQuery, response: { 200: assetList } } },
    async (req) => s.assets.list(ctxOf(req), req.query),
  );

  app.post(
    '/api/assets',
    { config: manage, schema: { tags, body: createAssetRequest, response: { 201: assetResponse } } },
    async (req, reply) => reply.code(201).send(await s.assets.create(ctxOf(req), req.body)),
  );

  app.get(
    '/api/assets/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: assetResponse } } },
    async (req) => s.assets.get(ctxOf(req), req.params.id),
  );

  app.patch(
    '/api/assets/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: updateAssetRequest, response: { 200: assetResponse } },
    },
    async (req) => s.assets.update(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/assets/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: deleteAssetResponse } } },
    async (req) => s.assets.remove(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/assets/:id/restore',
    { config: manage, schema: { tags, params: idParams, response: { 200: assetResponse } } },
    async (req) => s.assets.restore(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/assets/:id/history',
    { config: read, schema: { tags, params: idParams, response: { 200: assetHistoryResponse } } },
    async (req) => s.assets.history(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/assets/:id/relations',
    { config: read, schema: { tags, params: idParams, response: { 200: assetRelationsResponse } } },
    async (req) => {
      await s.assets.get(ctxOf(req), req.params.id);
      return s.assets.relations.of(req.params.id);
    },
  );

  app.post(
    '/api/assets/:id/relations',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: createAssetRelationRequest,
        response: { 201: assetRelationResponse },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await s.assets.relations.add(ctxOf(req), req.params.id, req.body.toAssetId, req.body.kind)),
  );

  app.delete(
    '/api/assets/:id/relations/:relationId',
    { config: manage, schema: { tags, params: assetRelationParams, response: { 200: ok } } },
    async (req) => {
      await s.assets.relations.remove(ctxOf(req), req.params.id, req.params.relationId);
      return { ok: true as const };
    },
  );

  assetCampaignRoutes(app, s);
}
