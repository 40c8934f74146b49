import { apiTokenList, createApiTokenRequest, createApiTokenResponse, idParams, ok } from '@vigil/contracts';
import { type App, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { presentToken } from './tokens.presenter.js';

export function tokenRoutes(app: App, s: Services): void {
  const tags = ['tokens'];
  app.get(
    '/api/me/tokens',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: apiTokenList } } },
    async (req) => ({
      items: (await s.tokens.list(userCtxOf(req).actor)).map(presentToken),
    }),
  );

  app.post(
    '/api/me/tokens',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: createApiTokenRequest, response: { 201: createApiTokenResponse } },
    },
    async (req, reply) => {
      const { token, row } = await s.tokens.create(userCtxOf(req), req.body);
      return reply.code(201).send({ token, apiToken: presentToken(row) });
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await s.tokens.revoke(userCtxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
