import {
  assetCampaignItem,
  assetCampaignItemList,
  assetCampaignItemParams,
  assetCampaignItemsQuery,
  assetCampaignList,
  assetCampaignListQuery,
  assetCampaignResponse,
  confirmCampaignItemRequest,
  createAssetCampaignRequest,
  idParams,
  myCampaignItemList,
} from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Inventory confirmation campaigns: opened and closed by assets.campaigns, confirmed by each owner. */
export function assetCampaignRoutes(app: App, s: Services): void {
  const tags = ['assets'];
  const read = { access: ['assets.read', 'assets.campaigns'] } as const;
  const run = { access: 'assets.campaigns' } as const;
  const confirm = { access: 'assets.confirm' } as const;

  app.get(
    '/api/assets/campaigns',
    {
      config: read,
      schema: { tags, querystring: assetCampaignListQuery, response: { 200: assetCampaignList } },
    },
    async (req) => s.assets.campaigns.list(req.query),
  );

  app.post(
    '/api/assets/campaigns',
    {
      config: run,
      schema: { tags, body: createAssetCampaignRequest, response: { 201: assetCampaignResponse } },
    },
    async (req, reply) => reply.code(201).send(await s.assets.campaigns.create(ctxOf(req), req.body)),
  );

  app.get(
    '/api/assets/campaigns/mine',
    { config: confirm, schema: { tags, response: { 200: myCampaignItemList } } },
    async (req) => s.assets.campaigns.mine(ctxOf(req)),
  );

  app.get(
    '/api/assets/campaigns/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: assetCampaignResponse } } },
    async (req) => s.assets.campaigns.get(req.params.id),
  );

  app.get(
    '/api/assets/campaigns/:id/items',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        querystring: assetCampaignItemsQuery,
        response: { 200: assetCampaignItemList },
      },
    },
    async (req) => s.assets.campaigns.items(req.params.id, req.query),
  );

  app.post(
    '/api/assets/campaigns/:id/items/:itemId/confirm',
    {
      config: confirm,
      schema: {
        tags,
        params: assetCampaignItemParams,
        body: confirmCampaignItemRequest,
        response: { 200: assetCampaignItem },
      },
    },
    async (req) => s.assets.campaigns.confirm(ctxOf(req), req.params.id, req.params.itemId, req.body),
  );

  app.post(
    '/api/assets/campaigns/:id/close',
    { config: run, schema: { tags, params: idParams, response: { 200: assetCampaignResponse } } },
    async (req) => s.assets.campaigns.close(ctxOf(req), req.params.id),
  );
}
