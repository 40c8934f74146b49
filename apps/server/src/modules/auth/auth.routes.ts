import {
  loginRequest,
  mfaChallengeRequest,
  ok,
  type SessionResponse,
  type SessionState,
  sessionResponse,
  setupRequest,
  setupStatusResponse,
} from '@vigil/contracts';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies.js';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { findUserById } from '../users/users.repository.js';

const ALL_STATES: SessionState[] = ['mfa_challenge', 'mfa_enrol', 'password_change'];

export async function sessionView(
  s: Services,
  userId: string,
  sessionId: string,
  state: SessionState,
  csrfToken: string,
): Promise<SessionResponse> {
  const [user, grants, org, expiresAt, policy] = await Promise.all([
    findUserById(s.db, userId),
    s.access.grantsOf(userId),
    s.org.get(),
    s.sessions.expiresAt(sessionId),
    s.settings.security(),
  ]);
  if (!user) throw new Error('session user vanished');
  // A session that has not finished signing in reveals nothing it may not use yet.
  const active = state === 'active';
  return {
    state,
    csrfToken,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      locale: (user.locale as 'zh-TW' | 'en' | null) ?? null,
      timeZone: user.time_zone ?? org?.time_zone ?? 'Asia/Taipei',
      mfaEnabled: !!user.mfa_enabled_at,
      mustChangePassword: user.must_change_password === 1,
    },
    permissions: active ? grants.permissions : [],
    roles: active ? grants.roles : [],
    roleNames: active ? await s.access.roleNames(grants.roles) : {},
    passwordPolicy: { minLength: policy.passwordMinLength, history: policy.passwordHistory },
    organisationName: org?.name ?? null,
    expiresAt: expiresAt ?? new Date().toISOString(),
  };
}

export function authRoutes(app: App, s: Services, opts: { secureCookies: boolean }): void {
  app.get(
    '/api/setup/status',
    { config: { access: 'public' }, schema: { tags: ['setup'], response: { 200: setupStatusResponse } } },
    async () => ({ needsSetup: await s.setup.needsSetup() }),
  );

  app.post(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags: ['setup'], body: setupRequest, response: { 201: ok } } },
    async (req, reply) => {
      await s.setup.complete(ctxOf(req), req.body);
      return reply.code(201).send({ ok: true });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], body: loginRequest, response: { 200: sessionResponse } },
    },
    async (req, reply) => {
      const result = await s.auth.login(ctxOf(req), req.body.username, req.body.password);
      setSessionCookie(reply, result.session.token, opts.secureCookies);
      return sessionView(s, result.userId, result.session.id, result.state, result.session.csrfToken);
    },
  );

  app.post(
    '/api/auth/mfa',
    {
      config: { access: 'authenticated', sessionStates: ['mfa_challenge'] },
      schema: { tags: ['auth'], body: mfaChallengeRequest, response: { 200: sessionResponse } },
    },
    async (req) => {
      const ctx = userCtxOf(req);
      if (ctx.actor.sessionState !== 'mfa_challenge') {
        return sessionView(
          s,
          ctx.actor.userId,
          ctx.actor.sessionId!,
          ctx.actor.sessionState ?? 'active',
          ctx.actor.csrfToken!,
        );
      }
      const state = await s.auth.completeMfa(ctx, req.body.code);
      return sessionView(s, ctx.actor.userId, ctx.actor.sessionId!, state, ctx.actor.csrfToken!);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated', sessionStates: ALL_STATES },
      schema: { tags: ['auth'], response: { 200: sessionResponse } },
    },
    async (req) => {
      const a = userCtxOf(req).actor;
      return sessionView(s, a.userId, a.sessionId!, a.sessionState ?? 'active', a.csrfToken!);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', sessionStates: ALL_STATES },
      schema: { tags: ['auth'], response: { 200: ok } },
    },
    async (req, reply) => {
      await s.auth.logout(userCtxOf(req));
      clearSessionCookie(reply, opts.secureCookies);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: ok } } },
    async (req, reply) => {
      await s.auth.logoutEverywhere(userCtxOf(req));
      clearSessionCookie(reply, opts.secureCookies);
      return { ok: true as const };
    },
  );
}
