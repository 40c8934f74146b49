import {
  createRoleRequest,
  ok,
  PERMISSIONS,
  permissionList,
  type RoleView,
  roleIdParams,
  roleList,
  roleResponse,
  updateRoleRequest,
} from '@vigil/contracts';
import type { RoleRow } from '@vigil/db';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

function presentRole(r: RoleRow, userCount: number): RoleView {
  return {
    id: r.id,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    descriptionEn: r.description_en,
    descriptionZh: r.description_zh,
    builtin: r.builtin === 1,
    permissions: JSON.parse(r.permissions) as string[],
    userCount,
  };
}

export function roleRoutes(app: App, s: Services): void {
  const tags = ['roles'];
  app.get(
    '/api/roles',
    { config: { access: 'roles.read' }, schema: { tags, response: { 200: roleList } } },
    async () => ({
      items: (await s.roles.list()).map((r) => presentRole(r, r.user_count)),
    }),
  );

  app.get(
    '/api/permissions',
    { config: { access: 'roles.read' }, schema: { tags, response: { 200: permissionList } } },
    async () => ({
      items: Object.entries(PERMISSIONS).map(([name, label]) => ({ name, en: label.en, zh: label.zh })),
    }),
  );

  app.post(
    '/api/roles',
    {
      config: { access: 'roles.manage' },
      schema: { tags, body: createRoleRequest, response: { 201: roleResponse } },
    },
    async (req, reply) => reply.code(201).send(presentRole(await s.roles.create(ctxOf(req), req.body), 0)),
  );

  app.patch(
    '/api/roles/:id',
    {
      config: { access: 'roles.manage' },
      schema: { tags, params: roleIdParams, body: updateRoleRequest, response: { 200: roleResponse } },
    },
    async (req) => {
      const role = await s.roles.update(ctxOf(req), req.params.id, req.body);
      const count = (await s.roles.list()).find((r) => r.id === role.id)?.user_count ?? 0;
      return presentRole(role, count);
    },
  );

  app.delete(
    '/api/roles/:id',
    { config: { access: 'roles.manage' }, schema: { tags, params: roleIdParams, response: { 200: ok } } },
    async (req) => {
      await s.roles.remove(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
