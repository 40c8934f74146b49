import type { SessionState } from '@vigil/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../modules/auth/sessions.service.js';
import type { Services } from '../services.js';
import { sessionCookieName } from './cookies.js';
import { AppError, forbidden, unauthenticated } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every route: resolves who is calling (session cookie or bearer token), then enforces the
 * route's declared access, the session state, and CSRF for cookie-authenticated changes.
 */
export function accessHook(services: Services, opts: { secureCookies: boolean }) {
  const cookieName = sessionCookieName(opts.secureCookies);
  return async function access(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    req.actor = null;
    req.authVia = null;
    if (req.is404) return;
    const config = req.routeOptions.config;
    const access = config.access;
    if (!access) throw new AppError(500, 'route.undeclared_access', 'route has no declared access');

    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) checkOrigin(req);
    if (access === 'public') return;

    const authz = req.headers.authorization;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      req.actor = m?.[1] ? await services.tokens.resolve(m[1], req.ip, req.id) : null;
      if (!req.actor)
        throw new AppError(401, 'auth.invalid_token', 'the API token is not valid, expired or revoked');
      req.authVia = 'token';
      // Tokens act within their permissions; self-service (passwords, MFA, more tokens) needs a person.
      if (access === 'authenticated')
        throw new AppError(403, 'auth.token_not_allowed', 'API tokens cannot use this endpoint');
    } else {
      const token = req.cookies[cookieName];
      req.actor = token ? await services.sessions.resolve(token) : null;
      if (!req.actor) throw unauthenticated();
      req.authVia = 'session';
      const allowed: SessionState[] = ['active', ...(config.sessionStates ?? [])];
      if (!allowed.includes(req.actor.sessionState ?? 'active')) {
        throw new AppError(403, 'auth.session_state', 'finish signing in first', {
          state: req.actor.sessionState,
        });
      }
      if (unsafe) {
        const header = req.headers['x-csrf-token'];
        if (typeof header !== 'string' || !req.actor.csrfToken || !safeEqual(header, req.actor.csrfToken)) {
          throw new AppError(403, 'auth.csrf', 'missing or wrong X-CSRF-Token header');
        }
      }
    }
    if (access === 'authenticated') return;
    const actor = req.actor;
    const granted =
      typeof access === 'string'
        ? actor.permissions.has(access)
        : access.some((p) => actor.permissions.has(p));
    if (!granted) throw forbidden();
  };
}

/** A browser always sends Origin on cross-site writes; refuse any that names another site. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError(403, 'auth.origin', 'malformed Origin header');
  }
  if (host !== req.host) throw new AppError(403, 'auth.origin', 'cross-site request refused');
}
