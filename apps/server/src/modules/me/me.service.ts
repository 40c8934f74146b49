import { randomUUID } from 'node:crypto';
import type { Locale, SessionState } from '@vigil/contracts';
import type { DB, UserRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { PasswordHasher } from '../../platform/auth/passwords.js';
import {
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUrl,
} from '../../platform/auth/totp.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext, UserActor } from '../../platform/context.js';
import type { SecretStore } from '../../platform/crypto/secret.store.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import { mfaRequiredFor, nextSessionState } from '../auth/login-state.js';
import type { SessionService } from '../auth/sessions.service.js';
import { grantsOfUser } from '../roles/roles.repository.js';
import { findUserById, updateUser } from '../users/users.repository.js';
import type { UserService } from '../users/users.service.js';

type SelfContext = RequestContext & { actor: UserActor };

const MFA_PURPOSE = 'mfa.totp';

/** What a signed-in person does to their own account: profile, password, second factor. */
export class MeService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly sessions: SessionService,
    private readonly secrets: SecretStore,
    private readonly users: UserService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async profile(actor: UserActor): Promise<UserRow> {
    const user = await findUserById(this.db, actor.userId);
    if (!user) throw notFound('user');
    return user;
  }

  async updateProfile(
    ctx: SelfContext,
    patch: {
      displayName?: string | undefined;
      email?: string | null | undefined;
      locale?: Locale | null | undefined;
      timeZone?: string | null | undefined;
    },
  ): Promise<UserRow> {
    const user = await this.profile(ctx.actor);
    const changed: Record<string, unknown> = {};
    if (patch.displayName !== undefined && patch.displayName !== user.display_name)
      changed.display_name = patch.displayName;
    if (patch.email !== undefined && patch.email !== user.email) changed.email = patch.email;
    if (patch.locale !== undefined && patch.locale !== user.locale) changed.locale = patch.locale;
    if (patch.timeZone !== undefined && patch.timeZone !== user.time_zone) changed.time_zone = patch.timeZone;
    if (Object.keys(changed).length === 0) return user;
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { ...changed, updated_at: this.clock.now().toISOString() });
      await this.audit.record(trx, ctx, {
        action: 'profile.updated',
        objectType: 'user',
        objectId: user.id,
        details: { changed: Object.keys(changed) },
      });
    });
    return this.profile(ctx.actor);
  }

  private async confirmPassword(
    ctx: SelfContext,
    user: UserRow,
    password: string,
    action: string,
  ): Promise<void> {
    if (!(await this.hasher.verify(user.password_hash, password))) {
      await this.audit.recordAlone(ctx, {
        action,
        outcome: 'failure',
        objectType: 'user',
        objectId: user.id,
        details: { reason: 'wrong_password' },
      });
      throw new AppError(400, 'password.wrong_current', 'the current password is not correct');
    }
  }

  /** Changes the password, ends every other session, and moves a forced-change session on. */
  async changePassword(
    ctx: SelfContext,
    currentPassword: string,
    newPassword: string,
  ): Promise<SessionState> {
    const user = await this.profile(ctx.actor);
    await this.confirmPassword(ctx, user, currentPassword, 'auth.password_changed');
    const policy = await this.settings.security();
    const hash = await this.users.hashNewPassword(user, newPassword, policy);
    const { roles } = await grantsOfUser(this.db, user.id);
    const state = nextSessionState(
      { ...user, must_change_password: 0, password_changed_at: this.clock.now().toISOString() },
      roles,
      policy,
      this.clock.now(),
      true,
    );
    await this.db.transaction().execute(async (trx) => {
      await this.users.storeOwnPassword(trx, user.id, hash);
      const ended = await this.sessions.endAllOf(trx, user.id, ctx.actor.sessionId ?? undefined);
      if (ctx.actor.sessionId && ctx.actor.sessionState !== state)
        await this.sessions.advance(trx, ctx.actor.sessionId, state, policy);
      await this.audit.record(trx, ctx, {
        action: 'auth.password_changed',
        objectType: 'user',
        objectId: user.id,
        details: { otherSessionsEnded: ended },
      });
    });
    return state;
  }

  /** Starts enrolment: a new secret, kept encrypted, that counts only once a code from it is confirmed. */
  async startMfaEnrolment(
    ctx: SelfContext,
  ): Promise<{ secret: string; otpauthUrl: string; qrCodeDataUrl: string }> {
    const user = await this.profile(ctx.actor);
    if (user.mfa_enabled_at)
      throw new AppError(
        409,
        'mfa.already_enabled',
        'multi-factor authentication is already on; turn it off first',
      );
    const secret = newTotpSecret();
    await this.db.transaction().execute(async (trx) => {
      if (user.mfa_secret_id) await this.secrets.remove(trx, user.mfa_secret_id);
      const secretId = await this.secrets.put(trx, MFA_PURPOSE, secret);
      await updateUser(trx, user.id, { mfa_secret_id: secretId, mfa_last_step: null });
    });
    const url = otpauthUrl(secret, user.username);
    return { secret, otpauthUrl: url, qrCodeDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240 }) };
  }

  async confirmMfaEnrolment(
    ctx: SelfContext,
    code: string,
  ): Promise<{ recoveryCodes: string[]; state: SessionState }> {
    const user = await this.profile(ctx.actor);
    if (user.mfa_enabled_at)
      throw new AppError(409, 'mfa.already_enabled', 'multi-factor authentication is already on');
    const secret = user.mfa_secret_id ? await this.secrets.get(user.mfa_secret_id) : null;
    if (!secret) throw new AppError(409, 'mfa.not_started', 'start enrolment first');
    const now = this.clock.now();
    const step = matchTotp(secret, code, now);
    if (step === null) {
      await this.audit.recordAlone(ctx, {
        action: 'mfa.enabled',
        outcome: 'failure',
        objectType: 'user',
        objectId: user.id,
        details: { reason: 'wrong_code' },
      });
      throw new AppError(400, 'auth.mfa_invalid', 'the authentication code is not valid');
    }
    const codes = newRecoveryCodes();
    const policy = await this.settings.security();
    const { roles } = await grantsOfUser(this.db, user.id);
    const state = nextSessionState({ ...user, mfa_enabled_at: now.toISOString() }, roles, policy, now, true);
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, {
        mfa_enabled_at: now.toISOString(),
        mfa_last_step: step,
        updated_at: now.toISOString(),
      });
      await this.replaceRecoveryCodes(trx, user.id, codes);
      if (ctx.actor.sessionId && ctx.actor.sessionState !== state)
        await this.sessions.advance(trx, ctx.actor.sessionId, state, policy);
      if (state === 'active' && ctx.actor.sessionState !== 'active')
        await updateUser(trx, user.id, { last_login_at: now.toISOString() });
      await this.audit.record(trx, ctx, {
        action: 'mfa.enabled',
        objectType: 'user',
        objectId: user.id,
        details: { method: 'totp' },
      });
    });
    return { recoveryCodes: codes, state };
  }

  async disableMfa(ctx: SelfContext, password: string): Promise<void> {
    const user = await this.profile(ctx.actor);
    await this.confirmPassword(ctx, user, password, 'mfa.disabled');
    const policy = await this.settings.security();
    const { roles } = await grantsOfUser(this.db, user.id);
    if (mfaRequiredFor(roles, policy))
      throw new AppError(
        409,
        'mfa.required',
        'the security policy requires multi-factor authentication for your account',
      );
    await this.db.transaction().execute(async (trx) => {
      await this.users.clearMfa(trx, user);
      await this.audit.record(trx, ctx, { action: 'mfa.disabled', objectType: 'user', objectId: user.id });
    });
  }

  async regenerateRecoveryCodes(ctx: SelfContext, password: string): Promise<string[]> {
    const user = await this.profile(ctx.actor);
    await this.confirmPassword(ctx, user, password, 'mfa.recovery_codes_regenerated');
    if (!user.mfa_enabled_at)
      throw new AppError(409, 'mfa.not_enabled', 'multi-factor authentication is not on');
    const codes = newRecoveryCodes();
    await this.db.transaction().execute(async (trx) => {
      await this.replaceRecoveryCodes(trx, user.id, codes);
      await this.audit.record(trx, ctx, {
        action: 'mfa.recovery_codes_regenerated',
        objectType: 'user',
        objectId: user.id,
      });
    });
    return codes;
  }

  private async replaceRecoveryCodes(trx: Kysely<DB>, userId: string, codes: string[]): Promise<void> {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((c) => ({
          id: randomUUID(),
          user_id: userId,
          code_hash: hashRecoveryCode(c),
          used_at: null,
        })),
      )
      .execute();
  }
}
