import type { RouteAccess, SessionState } from '@vigil/contracts';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RequestContext, UserActor } from '../platform/context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs, or `public` / `authenticated`. Every route must declare one. */
    access?: RouteAccess;
    /** Session states allowed besides `active` (e.g. the MFA challenge route accepts `mfa_challenge`). */
    sessionStates?: SessionState[];
  }
  interface FastifyRequest {
    actor: UserActor | null;
    authVia: 'session' | 'token' | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The service-call context of a request that passed the access check. */
export function ctxOf(req: {
  actor: UserActor | null;
  ip: string;
  id: string;
  headers: Record<string, unknown>;
}): RequestContext {
  const ua = req.headers['user-agent'];
  return { actor: req.actor, ip: req.ip, requestId: req.id, userAgent: typeof ua === 'string' ? ua : null };
}

/** Same, for routes whose access guarantees a signed-in user. */
export function userCtxOf(req: {
  actor: UserActor | null;
  ip: string;
  id: string;
  headers: Record<string, unknown>;
}): RequestContext & { actor: UserActor } {
  if (!req.actor) throw new Error('route declared authenticated access but has no actor');
  return { ...ctxOf(req), actor: req.actor };
}
