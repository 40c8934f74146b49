import { randomUUID } from 'node:crypto';
import type { SecuritySettings } from '@vigil/contracts';
import type { DB, UserRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import {
  checkPasswordPolicy,
  type PasswordHasher,
  temporaryPassword,
} from '../../platform/auth/passwords.js';
import type { Clock } from '../../platform/clock.js';
import { isUser, type RequestContext } from '../../platform/context.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import { deleteUserSessions } from '../auth/sessions.repository.js';
import { existingRoleIds } from '../roles/roles.repository.js';
import {
  addPasswordHistory,
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  lockAdminRole,
  passwordHistory,
  rolesOfUsers,
  setUserRoles,
  type UserListFilter,
  updateUser,
} from './users.repository.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  unitId?: string | null | undefined;
  roles: string[];
  password?: string | undefined;
  /** An administrator-set or generated password must be changed at first sign-in. */
  mustChangePassword: boolean;
}

export interface UserPatch {
  displayName?: string | undefined;
  email?: string | null | undefined;
  unitId?: string | null | undefined;
  roles?: string[] | undefined;
  disabled?: boolean | undefined;
}

export class UserService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async list(filter: Omit<UserListFilter, 'now'>, limit: number, offset: number) {
    return listUsers(this.db, { ...filter, now: this.clock.now().toISOString() }, limit, offset);
  }

  async get(id: string): Promise<{ user: UserRow; roles: string[] }> {
    const user = await findUserById(this.db, id);
    if (!user) throw notFound('user');
    const roles = (await rolesOfUsers(this.db, [id])).get(id) ?? [];
    return { user, roles };
  }

  private async checkRefs(
    trx: Kysely<DB>,
    roles: string[] | undefined,
    unitId: string | null | undefined,
  ): Promise<void> {
    if (roles) {
      const known = await existingRoleIds(trx, roles);
      const unknown = roles.filter((r) => !known.has(r));
      if (unknown.length > 0)
        throw badRequest('role.unknown', `unknown role: ${unknown.join(', ')}`, { roles: unknown });
    }
    if (unitId) {
      const unit = await trx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
      if (!unit) throw badRequest('unit.unknown', 'unknown unit');
    }
  }

  /** Creates a user; returns the generated temporary password when none was given. */
  async create(
    ctx: RequestContext,
    input: NewUserInput,
  ): Promise<{ user: UserRow; roles: string[]; temporaryPassword: string | null }> {
    const username = input.username.trim().toLowerCase();
    const policy = await this.settings.security();
    const generated = input.password === undefined ? temporaryPassword() : null;
    const password = input.password ?? generated!;
    if (!generated)
      await checkPasswordPolicy(password, policy, { username, hasher: this.hasher, history: [] });
    const hash = await this.hasher.hash(password);
    const roles = [...new Set(input.roles)].sort();
    const now = this.clock.now().toISOString();
    const user: UserRow = {
      id: randomUUID(),
      username,
      display_name: input.displayName,
      email: input.email ?? null,
      locale: null,
      time_zone: null,
      unit_id: input.unitId ?? null,
      password_hash: hash,
      password_changed_at: now,
      must_change_password: input.mustChangePassword || generated ? 1 : 0,
      disabled_at: null,
      failed_login_count: 0,
      locked_until: null,
      last_login_at: null,
      mfa_secret_id: null,
      mfa_enabled_at: null,
      mfa_last_step: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      if (await findUserByUsername(trx, username))
        throw conflict('user.username_taken', 'that username is already in use');
      await this.checkRefs(trx, roles, user.unit_id);
      await insertUser(trx, user);
      await setUserRoles(trx, user.id, roles);
      await addPasswordHistory(trx, user.id, hash, now);
      await this.audit.record(trx, ctx, {
        action: 'user.created',
        objectType: 'user',
        objectId: user.id,
        details: { username, roles, unitId: user.unit_id, displayName: user.display_name },
      });
    });
    return { user, roles, temporaryPassword: generated };
  }

  async update(
    ctx: RequestContext,
    id: string,
    patch: UserPatch,
  ): Promise<{ user: UserRow; roles: string[] }> {
    await this.db.transaction().execute(async (trx) => {
      const user = await findUserById(trx, id);
      if (!user) throw notFound('user');
      const before = (await rolesOfUsers(trx, [id])).get(id) ?? [];
      await this.checkRefs(trx, patch.roles, patch.unitId);
      const roles = patch.roles ? [...new Set(patch.roles)].sort() : before;
      const losesAdmin = before.includes('admin') && (!roles.includes('admin') || patch.disabled === true);
      if (losesAdmin && !user.disabled_at) {
        await lockAdminRole(trx);
        if ((await countActiveAdmins(trx, id)) === 0)
          throw conflict('user.last_admin', 'this is the last active administrator');
      }
      if (patch.disabled === true && isUser(ctx.actor) && ctx.actor.userId === id) {
        throw conflict('user.self_disable', 'you cannot disable your own account');
      }
      const now = this.clock.now().toISOString();
      const fields: Record<string, unknown> = {};
      if (patch.displayName !== undefined && patch.displayName !== user.display_name)
        fields.displayName = patch.displayName;
      if (patch.email !== undefined && patch.email !== user.email) fields.email = patch.email;
      if (patch.unitId !== undefined && patch.unitId !== user.unit_id) fields.unitId = patch.unitId;
      await updateUser(trx, id, {
        display_name: patch.displayName ?? user.display_name,
        email: patch.email === undefined ? user.email : patch.email,
        unit_id: patch.unitId === undefined ? user.unit_id : patch.unitId,
        disabled_at:
          patch.disabled === undefined ? user.disabled_at : patch.disabled ? (user.disabled_at ?? now) : null,
        updated_at: now,
      });
      const ref = { objectType: 'user', objectId: id };
      if (Object.keys(fields).length > 0) {
        await this.audit.record(trx, ctx, {
          action: 'user.updated',
          ...ref,
          details: { username: user.username, changed: fields },
        });
      }
      if (patch.roles && roles.join() !== before.join()) {
        await setUserRoles(trx, id, roles);
        await this.audit.record(trx, ctx, {
          action: 'user.roles_changed',
          ...ref,
          details: { username: user.username, from: before, to: roles },
        });
      }
      if (patch.disabled === true && !user.disabled_at) {
        await deleteUserSessions(trx, id);
        await this.audit.record(trx, ctx, {
          action: 'user.disabled',
          ...ref,
          details: { username: user.username },
        });
      }
      if (patch.disabled === false && user.disabled_at) {
        await this.audit.record(trx, ctx, {
          action: 'user.enabled',
          ...ref,
          details: { username: user.username },
        });
      }
    });
    return this.get(id);
  }

  /** Replaces the password with a generated one that must be changed at next sign-in; ends the user's sessions. */
  async resetPassword(ctx: RequestContext, id: string): Promise<string> {
    const password = temporaryPassword();
    const hash = await this.hasher.hash(password);
    await this.db.transaction().execute(async (trx) => {
      const user = await findUserById(trx, id);
      if (!user) throw notFound('user');
      const now = this.clock.now().toISOString();
      await updateUser(trx, id, {
        password_hash: hash,
        password_changed_at: now,
        must_change_password: 1,
        updated_at: now,
      });
      await addPasswordHistory(trx, id, hash, now);
      await deleteUserSessions(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'user.password_reset',
        objectType: 'user',
        objectId: id,
        details: { username: user.username },
      });
    });
    return password;
  }

  async unlock(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const user = await findUserById(trx, id);
      if (!user) throw notFound('user');
      await updateUser(trx, id, {
        failed_login_count: 0,
        locked_until: null,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        action: 'user.unlocked',
        objectType: 'user',
        objectId: id,
        details: { username: user.username, wasLockedUntil: user.locked_until },
      });
    });
  }

  async resetMfa(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const user = await findUserById(trx, id);
      if (!user) throw notFound('user');
      await this.clearMfa(trx, user);
      await deleteUserSessions(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'user.mfa_reset',
        objectType: 'user',
        objectId: id,
        details: { username: user.username },
      });
    });
  }

  async clearMfa(trx: Kysely<DB>, user: UserRow): Promise<void> {
    if (user.mfa_secret_id) await trx.deleteFrom('secrets').where('id', '=', user.mfa_secret_id).execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await updateUser(trx, user.id, {
      mfa_secret_id: null,
      mfa_enabled_at: null,
      mfa_last_step: null,
      updated_at: this.clock.now().toISOString(),
    });
  }

  /**
   * Checks a new password against the policy and the user's history and returns its hash. Runs outside
   * any transaction: Argon2 is slow on purpose and must not hold the database while it works.
   */
  async hashNewPassword(user: UserRow, password: string, policy: SecuritySettings): Promise<string> {
    const history = await passwordHistory(this.db, user.id, policy.passwordHistory);
    await checkPasswordPolicy(password, policy, { username: user.username, hasher: this.hasher, history });
    return this.hasher.hash(password);
  }

  async storeOwnPassword(trx: Kysely<DB>, userId: string, hash: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await updateUser(trx, userId, {
      password_hash: hash,
      password_changed_at: now,
      must_change_password: 0,
      updated_at: now,
    });
    await addPasswordHistory(trx, userId, hash, now);
  }

  assertNotSelf(ctx: RequestContext, id: string, what: string): void {
    if (isUser(ctx.actor) && ctx.actor.userId === id)
      throw new AppError(409, 'user.self_action', `use your profile to ${what}`);
  }
}
