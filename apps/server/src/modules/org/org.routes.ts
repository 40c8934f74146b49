import {
  createUnitRequest,
  idParams,
  ok,
  organisationResponse,
  type UnitView,
  unitList,
  unitResponse,
  updateOrganisationRequest,
  updateUnitRequest,
} from '@vigil/contracts';
import type { OrganisationRow, UnitRow } from '@vigil/db';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { DEFAULT_TIME_ZONE } from './org.repository.js';

function presentOrg(o: OrganisationRow | null) {
  return {
    name: o?.name ?? '',
    responsibilityLevel: (o?.responsibility_level as 'A' | 'B' | 'C' | 'D' | 'E' | null) ?? null,
    timeZone: o?.time_zone ?? DEFAULT_TIME_ZONE,
    updatedAt: o?.updated_at ?? null,
  };
}

function presentUnit(u: UnitRow, memberCount: number): UnitView {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    code: u.code,
    headUserId: u.head_user_id,
    memberCount,
  };
}

export function orgRoutes(app: App, s: Services): void {
  const tags = ['organisation'];
  const read = { access: 'org.read' } as const;
  const manage = { access: 'org.manage' } as const;

  app.get('/api/org', { config: read, schema: { tags, response: { 200: organisationResponse } } }, async () =>
    presentOrg(await s.org.get()),
  );

  app.put(
    '/api/org',
    {
      config: manage,
      schema: { tags, body: updateOrganisationRequest, response: { 200: organisationResponse } },
    },
    async (req) => presentOrg(await s.org.update(ctxOf(req), req.body)),
  );

  app.get('/api/units', { config: read, schema: { tags, response: { 200: unitList } } }, async () => ({
    items: (await s.org.units()).map((u) => presentUnit(u, u.member_count)),
  }));

  app.post(
    '/api/units',
    { config: manage, schema: { tags, body: createUnitRequest, response: { 201: unitResponse } } },
    async (req, reply) => reply.code(201).send(presentUnit(await s.org.createUnit(ctxOf(req), req.body), 0)),
  );

  app.patch(
    '/api/units/:id',
    {
      config: manage,
      schema: { tags, params: idParams, body: updateUnitRequest, response: { 200: unitResponse } },
    },
    async (req) => {
      const unit = await s.org.updateUnit(ctxOf(req), req.params.id, req.body);
      const count = (await s.org.units()).find((u) => u.id === unit.id)?.member_count ?? 0;
      return presentUnit(unit, count);
    },
  );

  app.delete(
    '/api/units/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await s.org.deleteUnit(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
