import {
  createUserRequest,
  createUserResponse,
  idParams,
  listUsersQuery,
  ok,
  page,
  resetPasswordResponse,
  updateUserRequest,
  userSummary,
} from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { presentUser } from './users.presenter.js';

export function userRoutes(app: App, s: Services): void {
  const tags = ['users'];
  const read = { access: 'users.read' } as const;
  const manage = { access: 'users.manage' } as const;

  app.get(
    '/api/users',
    { config: read, schema: { tags, querystring: listUsersQuery, response: { 200: page(userSummary) } } },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      const result = await s.users.list(filter, limit, offset);
      const now = s.clock.now();
      return {
        items: result.items.map(({ user, roles }) => presentUser(user, roles, now)),
        total: result.total,
        limit,
        offset,
      };
    },
  );

  app.get(
    '/api/users/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: userSummary } } },
    async (req) => {
      const { user, roles } = await s.users.get(req.params.id);
      return presentUser(user, roles, s.clock.now());
    },
  );

  app.post(
    '/api/users',
    { config: manage, schema: { tags, body: createUserRequest, response: { 201: createUserResponse } } },
    async (req, reply) => {
      const created = await s.users.create(ctxOf(req), { ...req.body, mustChangePassword: true });
      return reply.code(201).send({
        user: presentUser(created.user, created.roles, s.clock.now()),
        temporaryPassword: created.temporaryPassword,
      });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: updateUserRequest, response: { 200: userSummary } },
    },
    async (req) => {
      const { user, roles } = await s.users.update(ctxOf(req), req.params.id, req.body);
      return presentUser(user, roles, s.clock.now());
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    { config: manage, schema: { tags, params: idParams, response: { 200: resetPasswordResponse } } },
    async (req) => {
      s.users.assertNotSelf(ctxOf(req), req.params.id, 'change your own password');
      return { temporaryPassword: await s.users.resetPassword(ctxOf(req), req.params.id) };
    },
  );

  app.post(
    '/api/users/:id/unlock',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await s.users.unlock(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/mfa/reset',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      s.users.assertNotSelf(ctxOf(req), req.params.id, 'change your own multi-factor authentication');
      await s.users.resetMfa(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
