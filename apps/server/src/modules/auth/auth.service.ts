import type { SessionState } from '@vigil/contracts';
import type { DB, UserRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { PasswordHasher } from '../../platform/auth/passwords.js';
import { RateLimiter } from '../../platform/auth/rate-limit.js';
import { hashRecoveryCode, matchTotp } from '../../platform/auth/totp.js';
import { addMinutes, type Clock } from '../../platform/clock.js';
import type { RequestContext, UserActor } from '../../platform/context.js';
import type { SecretStore } from '../../platform/crypto/secret.store.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import { grantsOfUser } from '../roles/roles.repository.js';
import { findUserById, findUserByUsername, updateUser } from '../users/users.repository.js';
import { nextSessionState } from './login-state.js';
import type { NewSession, SessionService } from './sessions.service.js';

const invalidCredentials = () =>
  new AppError(401, 'auth.invalid_credentials', 'the username or password is incorrect');
const rateLimited = () =>
  new AppError(429, 'auth.rate_limited', 'too many sign-in attempts; wait a few minutes');

/** Sign-in attempts allowed per window, per client address and per account name. */
export interface LoginLimits {
  perAddress: number;
  perAccount: number;
  windowMs: number;
}
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 30, perAccount: 10, windowMs: 5 * 60_000 };

export interface LoginResult {
  session: NewSession;
  state: SessionState;
  userId: string;
}

/** Sign-in with password and second factor, lockout, and the audit entries that go with them. */
export class AuthService {
  // Per address and per account, so neither a spray across accounts nor a focused guess gets far.
  private readonly byAddress: RateLimiter;
  private readonly byAccount: RateLimiter;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly sessions: SessionService,
    private readonly secrets: SecretStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.byAddress = new RateLimiter(limits.perAddress, limits.windowMs, clock);
    this.byAccount = new RateLimiter(limits.perAccount, limits.windowMs, clock);
  }

  async login(ctx: RequestContext, usernameInput: string, password: string): Promise<LoginResult> {
    const username = usernameInput.trim().toLowerCase().slice(0, 64);
    const addressOk = this.byAddress.take(ctx.ip ?? 'unknown');
    const accountOk = this.byAccount.take(username);
    if (!addressOk || !accountOk) {
      await this.audit.recordAlone(ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorLabel: username,
        details: { reason: 'rate_limited' },
      });
      throw rateLimited();
    }
    const user = await findUserByUsername(this.db, username);
    const now = this.clock.now();
    const fail = async (reason: string, u: UserRow | undefined) => {
      await this.audit.recordAlone(ctx, {
        action: 'auth.login',
        outcome: 'failure',
        actorLabel: username,
        objectType: u ? 'user' : null,
        objectId: u?.id ?? null,
        details: { reason },
      });
      return invalidCredentials();
    };
    if (!user) {
      await this.hasher.verifyDummy(password);
      throw await fail('unknown_user', undefined);
    }
    const passwordOk = await this.hasher.verify(user.password_hash, password);
    if (user.disabled_at) throw await fail('disabled', user);
    if (user.locked_until && new Date(user.locked_until) > now) throw await fail('locked', user);
    if (!passwordOk) {
      await this.recordFailure(ctx, user, 'wrong_password');
      throw invalidCredentials();
    }

    const policy = await this.settings.security();
    const { roles } = await grantsOfUser(this.db, user.id);
    const state = nextSessionState(user, roles, policy, now, false);
    const session = await this.db.transaction().execute(async (trx) => {
      const s = await this.sessions.create(
        trx,
        user.id,
        state,
        {
          ip: ctx.ip,
          userAgent: ctx.userAgent ?? null,
        },
        policy,
      );
      await updateUser(trx, user.id, {
        failed_login_count: 0,
        locked_until: null,
        ...(state === 'active' ? { last_login_at: now.toISOString() } : {}),
      });
      await this.audit.record(trx, this.asUser(ctx, user), {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        details: { next: state },
      });
      return s;
    });
    return { session, state, userId: user.id };
  }

  /** Counts a failed password or second factor; the threshold-th failure locks the account. */
  private async recordFailure(ctx: RequestContext, user: UserRow, reason: string): Promise<void> {
    const policy = await this.settings.security();
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const fresh = await findUserById(trx, user.id);
      const count = (fresh?.failed_login_count ?? 0) + 1;
      const lock = count >= policy.lockoutThreshold;
      const lockedUntil = lock ? addMinutes(now, policy.lockoutMinutes).toISOString() : null;
      await updateUser(trx, user.id, { failed_login_count: lock ? 0 : count, locked_until: lockedUntil });
      const action = reason === 'wrong_password' ? 'auth.login' : 'auth.mfa';
      await this.audit.record(trx, ctx, {
        action,
        outcome: 'failure',
        actorLabel: user.username,
        objectType: 'user',
        objectId: user.id,
        details: { reason, failedAttempts: count },
      });
      if (lock) {
        await this.audit.record(trx, ctx, {
          action: 'auth.lockout',
          outcome: 'failure',
          actorLabel: user.username,
          objectType: 'user',
          objectId: user.id,
          details: { lockedUntil, failedAttempts: count },
        });
      }
    });
  }

  /** Second step of sign-in: a TOTP code or an unused recovery code. */
  async completeMfa(ctx: RequestContext & { actor: UserActor }, code: string): Promise<SessionState> {
    const user = await findUserById(this.db, ctx.actor.userId);
    if (!user?.mfa_enabled_at || !user.mfa_secret_id || !ctx.actor.sessionId) {
      throw new AppError(401, 'auth.unauthenticated', 'sign in first');
    }
    if (!this.byAccount.take(`mfa:${user.id}`)) throw rateLimited();
    const now = this.clock.now();
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.sessions.end(ctx.actor.sessionId);
      throw new AppError(401, 'auth.invalid_credentials', 'the username or password is incorrect');
    }
    const method = await this.checkSecondFactor(user, code, now);
    if (!method) {
      await this.recordFailure(ctx, user, 'wrong_mfa_code');
      throw new AppError(401, 'auth.mfa_invalid', 'the authentication code is not valid');
    }
    const policy = await this.settings.security();
    const { roles } = await grantsOfUser(this.db, user.id);
    const state = nextSessionState(user, roles, policy, now, true);
    const sessionId = ctx.actor.sessionId;
    await this.db.transaction().execute(async (trx) => {
      if (method.kind === 'totp') await updateUser(trx, user.id, { mfa_last_step: method.step });
      else
        await trx
          .updateTable('recovery_codes')
          .set({ used_at: now.toISOString() })
          .where('id', '=', method.id)
          .execute();
      await updateUser(trx, user.id, {
        failed_login_count: 0,
        ...(state === 'active' ? { last_login_at: now.toISOString() } : {}),
      });
      await this.sessions.advance(trx, sessionId, state, policy);
      await this.audit.record(trx, ctx, {
        action: 'auth.mfa',
        objectType: 'user',
        objectId: user.id,
        details: { method: method.kind, next: state },
      });
    });
    return state;
  }

  private async checkSecondFactor(
    user: UserRow,
    code: string,
    now: Date,
  ): Promise<{ kind: 'totp'; step: number } | { kind: 'recovery_code'; id: string } | null> {
    const digits = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const secret = await this.secrets.get(user.mfa_secret_id!);
      const step = secret ? matchTotp(secret, digits, now) : null;
      if (step === null || (user.mfa_last_step !== null && step <= user.mfa_last_step)) return null;
      return { kind: 'totp', step };
    }
    const row = await this.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', user.id)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return row ? { kind: 'recovery_code', id: row.id } : null;
  }

  async logout(ctx: RequestContext & { actor: UserActor }): Promise<void> {
    if (!ctx.actor.sessionId) return;
    const sessionId = ctx.actor.sessionId;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
      await this.audit.record(trx, ctx, {
        action: 'auth.logout',
        objectType: 'user',
        objectId: ctx.actor.userId,
      });
    });
  }

  async logoutEverywhere(ctx: RequestContext & { actor: UserActor }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const ended = await this.sessions.endAllOf(trx, ctx.actor.userId);
      await this.audit.record(trx, ctx, {
        action: 'auth.logout_all',
        objectType: 'user',
        objectId: ctx.actor.userId,
        details: { sessionsEnded: ended },
      });
      return ended;
    });
  }

  private asUser(ctx: RequestContext, user: UserRow): RequestContext {
    return {
      ...ctx,
      actor: {
        kind: 'user',
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        roles: [],
        permissions: new Set(),
        sessionId: null,
        sessionState: null,
        csrfToken: null,
        tokenId: null,
        timeZone: user.time_zone,
      },
    };
  }
}
