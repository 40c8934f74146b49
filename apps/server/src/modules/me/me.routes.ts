import {
  changePasswordRequest,
  mfaConfirmRequest,
  mfaEnrolResponse,
  ok,
  type Profile,
  passwordConfirmRequest,
  profileResponse,
  recoveryCodesResponse,
  sessionResponse,
  updateProfileRequest,
} from '@vigil/contracts';
import type { UserRow } from '@vigil/db';
import { type App, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { sessionView } from '../auth/auth.routes.js';

function presentProfile(u: UserRow, roles: string[]): Profile {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    locale: (u.locale as Profile['locale']) ?? null,
    timeZone: u.time_zone,
    unitId: u.unit_id,
    roles,
    mfaEnabled: !!u.mfa_enabled_at,
    passwordChangedAt: u.password_changed_at,
    lastLoginAt: u.last_login_at,
  };
}

export function meRoutes(app: App, s: Services): void {
  const tags = ['me'];
  app.get(
    '/api/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: profileResponse } } },
    async (req) => {
      const ctx = userCtxOf(req);
      return presentProfile(await s.me.profile(ctx.actor), ctx.actor.roles);
    },
  );

  app.patch(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: updateProfileRequest, response: { 200: profileResponse } },
    },
    async (req) => {
      const ctx = userCtxOf(req);
      return presentProfile(await s.me.updateProfile(ctx, req.body), ctx.actor.roles);
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'authenticated', sessionStates: ['password_change'] },
      schema: { tags, body: changePasswordRequest, response: { 200: sessionResponse } },
    },
    async (req) => {
      const ctx = userCtxOf(req);
      const state = await s.me.changePassword(ctx, req.body.currentPassword, req.body.newPassword);
      return sessionView(s, ctx.actor.userId, ctx.actor.sessionId!, state, ctx.actor.csrfToken!);
    },
  );

  app.post(
    '/api/me/mfa/enrol',
    {
      config: { access: 'authenticated', sessionStates: ['mfa_enrol'] },
      schema: { tags, response: { 200: mfaEnrolResponse } },
    },
    async (req) => s.me.startMfaEnrolment(userCtxOf(req)),
  );

  app.post(
    '/api/me/mfa/confirm',
    {
      config: { access: 'authenticated', sessionStates: ['mfa_enrol'] },
      schema: { tags, body: mfaConfirmRequest, response: { 200: recoveryCodesResponse } },
    },
    async (req) => {
      const { recoveryCodes } = await s.me.confirmMfaEnrolment(userCtxOf(req), req.body.code);
      return { recoveryCodes };
    },
  );

  app.delete(
    '/api/me/mfa',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: passwordConfirmRequest, response: { 200: ok } },
    },
    async (req) => {
      await s.me.disableMfa(userCtxOf(req), req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: passwordConfirmRequest, response: { 200: recoveryCodesResponse } },
    },
    async (req) => ({ recoveryCodes: await s.me.regenerateRecoveryCodes(userCtxOf(req), req.body.password) }),
  );
}
