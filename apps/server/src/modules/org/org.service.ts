import { randomUUID } from 'node:crypto';
import type { DB, OrganisationRow, UnitRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { findUserById } from '../users/users.repository.js';
import {
  childCount,
  DEFAULT_TIME_ZONE,
  deleteUnit,
  findOrganisation,
  findUnit,
  insertUnit,
  listUnits,
  ORG_ID,
  unitByCode,
  updateUnit,
  upsertOrganisation,
} from './org.repository.js';

export interface UnitInput {
  name?: string | undefined;
  code?: string | null | undefined;
  parentId?: string | null | undefined;
  headUserId?: string | null | undefined;
}

/** The organisation profile and its tree of units — the context every module hangs its records on. */
export class OrgService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<OrganisationRow | null> {
    return (await findOrganisation(this.db)) ?? null;
  }

  async update(
    ctx: RequestContext,
    patch: {
      name?: string | undefined;
      responsibilityLevel?: string | null | undefined;
      timeZone?: string | undefined;
    },
  ): Promise<OrganisationRow> {
    const before = await this.get();
    const row: OrganisationRow = {
      id: ORG_ID,
      name: patch.name ?? before?.name ?? '',
      responsibility_level:
        patch.responsibilityLevel === undefined
          ? (before?.responsibility_level ?? null)
          : patch.responsibilityLevel,
      time_zone: patch.timeZone ?? before?.time_zone ?? DEFAULT_TIME_ZONE,
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await upsertOrganisation(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'org.updated',
        objectType: 'organisation',
        objectId: ORG_ID,
        details: {
          from: before
            ? {
                name: before.name,
                responsibilityLevel: before.responsibility_level,
                timeZone: before.time_zone,
              }
            : null,
          to: { name: row.name, responsibilityLevel: row.responsibility_level, timeZone: row.time_zone },
        },
      });
    });
    return row;
  }

  units() {
    return listUnits(this.db);
  }

  private async checkUnitRefs(trx: Kysely<DB>, id: string | null, input: UnitInput): Promise<void> {
    if (input.headUserId && !(await findUserById(trx, input.headUserId)))
      throw badRequest('user.unknown', 'unknown head of unit');
    if (input.code) {
      const other = await unitByCode(trx, input.code);
      if (other && other.id !== id) throw conflict('unit.code_taken', 'another unit already has this code');
    }
    if (input.parentId) {
      // Walk up from the new parent: reaching this unit would make a cycle.
      let cursor: string | null = input.parentId;
      for (let depth = 0; cursor; depth++) {
        if (cursor === id)
          throw badRequest('unit.cycle', 'a unit cannot sit under itself or its own sub-unit');
        const parent: UnitRow | undefined = await findUnit(trx, cursor);
        if (!parent) throw badRequest('unit.unknown', 'unknown parent unit');
        if (depth > 50) throw badRequest('unit.too_deep', 'units nest at most 50 levels');
        cursor = parent.parent_id;
      }
    }
  }

  async createUnit(ctx: RequestContext, input: UnitInput & { name: string }): Promise<UnitRow> {
    const now = this.clock.now().toISOString();
    const row: UnitRow = {
      id: randomUUID(),
      parent_id: input.parentId ?? null,
      name: input.name,
      code: input.code ?? null,
      head_user_id: input.headUserId ?? null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.checkUnitRefs(trx, null, input);
      await insertUnit(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'unit.created',
        objectType: 'unit',
        objectId: row.id,
        details: { name: row.name, code: row.code, parentId: row.parent_id, headUserId: row.head_user_id },
      });
    });
    return row;
  }

  async updateUnit(ctx: RequestContext, id: string, input: UnitInput): Promise<UnitRow> {
    return this.db.transaction().execute(async (trx) => {
      const before = await findUnit(trx, id);
      if (!before) throw notFound('unit');
      await this.checkUnitRefs(trx, id, input);
      const after: UnitRow = {
        ...before,
        name: input.name ?? before.name,
        code: input.code === undefined ? before.code : input.code,
        parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
        head_user_id: input.headUserId === undefined ? before.head_user_id : input.headUserId,
        updated_at: this.clock.now().toISOString(),
      };
      await updateUnit(trx, id, after);
      await this.audit.record(trx, ctx, {
        action: 'unit.updated',
        objectType: 'unit',
        objectId: id,
        details: { changed: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) },
      });
      return after;
    });
  }

  async deleteUnit(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const unit = await findUnit(trx, id);
      if (!unit) throw notFound('unit');
      if ((await childCount(trx, id)) > 0)
        throw conflict('unit.has_children', 'move or delete the sub-units first');
      await trx.updateTable('users').set({ unit_id: null }).where('unit_id', '=', id).execute();
      await deleteUnit(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'unit.deleted',
        objectType: 'unit',
        objectId: id,
        details: { name: unit.name },
      });
    });
  }
}
