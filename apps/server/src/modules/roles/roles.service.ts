import { BUILTIN_ROLES, isPermission } from '@vigil/contracts';
import type { DB, RoleRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { isUser, type RequestContext, systemContext } from '../../platform/context.js';
import { findRole, listRoles } from './roles.repository.js';

export interface RoleInput {
  nameEn?: string | undefined;
  nameZh?: string | undefined;
  descriptionEn?: string | undefined;
  descriptionZh?: string | undefined;
  permissions?: string[] | undefined;
}

/**
 * Known permissions only, and — for a person — only permissions they hold themselves, so nobody can
 * build a role that lifts them (or anyone else) above their own rights.
 */
function checkPermissions(ctx: RequestContext, perms: string[]): string[] {
  const unknown = perms.filter((p) => !isPermission(p));
  if (unknown.length > 0)
    throw badRequest('role.unknown_permission', `unknown permission: ${unknown.join(', ')}`, {
      permissions: unknown,
    });
  if (isUser(ctx.actor)) {
    const held = ctx.actor.permissions;
    const notHeld = perms.filter((p) => isPermission(p) && !held.has(p));
    if (notHeld.length > 0) {
      throw new AppError(403, 'role.permission_not_held', 'a role can only grant permissions you hold', {
        permissions: notHeld,
      });
    }
  }
  return [...new Set(perms)].sort();
}

export class RoleService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list() {
    return listRoles(this.db);
  }

  /**
   * Built-in roles are defined in code so that a new module's permissions reach them on upgrade; this
   * writes any difference to the database (and the audit trail) at start-up.
   */
  async syncBuiltins(): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (const [id, def] of Object.entries(BUILTIN_ROLES)) {
        const permissions = JSON.stringify([...def.permissions].sort());
        const existing = await findRole(trx, id);
        const row = {
          name_en: def.en,
          name_zh: def.zh,
          description_en: def.descriptionEn,
          description_zh: def.descriptionZh,
          builtin: 1,
          permissions,
          updated_at: now,
        };
        if (!existing) {
          await trx
            .insertInto('roles')
            .values({ id, ...row, created_at: now })
            .execute();
        } else if (
          existing.permissions !== permissions ||
          existing.name_zh !== def.zh ||
          existing.name_en !== def.en
        ) {
          await trx.updateTable('roles').set(row).where('id', '=', id).execute();
        } else continue;
        await this.audit.record(trx, systemContext('vigil.upgrade'), {
          action: existing ? 'role.updated' : 'role.created',
          objectType: 'role',
          objectId: id,
          details: { builtin: true, permissions: JSON.parse(permissions) },
        });
      }
    });
  }

  async create(
    ctx: RequestContext,
    input: RoleInput & { id: string; nameEn: string; nameZh: string; permissions: string[] },
  ): Promise<RoleRow> {
    const now = this.clock.now().toISOString();
    const row: RoleRow = {
      id: input.id,
      name_en: input.nameEn,
      name_zh: input.nameZh,
      description_en: input.descriptionEn ?? '',
      description_zh: input.descriptionZh ?? '',
      builtin: 0,
      permissions: JSON.stringify(checkPermissions(ctx, input.permissions)),
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      if (await findRole(trx, row.id)) throw conflict('role.id_taken', 'a role with this id exists');
      await trx.insertInto('roles').values(row).execute();
      await this.audit.record(trx, ctx, {
        action: 'role.created',
        objectType: 'role',
        objectId: row.id,
        details: { permissions: JSON.parse(row.permissions) },
      });
    });
    return row;
  }

  async update(ctx: RequestContext, id: string, input: RoleInput): Promise<RoleRow> {
    return this.db.transaction().execute(async (trx) => {
      const before = await findRole(trx, id);
      if (!before) throw notFound('role');
      if (before.builtin)
        throw new AppError(
          409,
          'role.builtin_immutable',
          'built-in roles cannot be changed; create a custom role instead',
        );
      const after: RoleRow = {
        ...before,
        name_en: input.nameEn ?? before.name_en,
        name_zh: input.nameZh ?? before.name_zh,
        description_en: input.descriptionEn ?? before.description_en,
        description_zh: input.descriptionZh ?? before.description_zh,
        permissions: input.permissions
          ? JSON.stringify(checkPermissions(ctx, input.permissions))
          : before.permissions,
        updated_at: this.clock.now().toISOString(),
      };
      await trx.updateTable('roles').set(after).where('id', '=', id).execute();
      await this.audit.record(trx, ctx, {
        action: 'role.updated',
        objectType: 'role',
        objectId: id,
        details: {
          permissionsFrom: JSON.parse(before.permissions),
          permissionsTo: JSON.parse(after.permissions),
          ...(after.name_en !== before.name_en || after.name_zh !== before.name_zh
            ? {
                nameFrom: { en: before.name_en, zh: before.name_zh },
                nameTo: { en: after.name_en, zh: after.name_zh },
              }
            : {}),
          ...(after.description_en !== before.description_en || after.description_zh !== before.description_zh
            ? { descriptionChanged: true }
            : {}),
        },
      });
      return after;
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const role = await findRole(trx, id);
      if (!role) throw notFound('role');
      if (role.builtin) throw new AppError(409, 'role.builtin_immutable', 'built-in roles cannot be deleted');
      const used = await trx
        .selectFrom('user_roles')
        .select('user_id')
        .where('role_id', '=', id)
        .executeTakeFirst();
      if (used) throw conflict('role.in_use', 'remove this role from its users first');
      await trx.deleteFrom('roles').where('id', '=', id).execute();
      await this.audit.record(trx, ctx, { action: 'role.deleted', objectType: 'role', objectId: id });
    });
  }
}
