import type { Permission, SessionState } from '@vigil/contracts';

/** Who is acting. A user acts through a session or an API token; the CLI and the system act for themselves. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      username: string;
      displayName: string;
      roles: string[];
      permissions: ReadonlySet<Permission>;
      sessionId: string | null;
      sessionState: SessionState | null;
      csrfToken: string | null;
      tokenId: string | null;
      timeZone: string | null;
    }
  | { kind: 'cli'; label: string }
  | { kind: 'system'; label: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** What every service call knows about the request that made it. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  userAgent?: string | null;
}

export const systemContext = (label = 'vigil'): RequestContext => ({
  actor: { kind: 'system', label },
  ip: null,
  requestId: null,
});

export const cliContext = (label: string): RequestContext => ({
  actor: { kind: 'cli', label },
  ip: null,
  requestId: null,
});

export function isUser(actor: Actor | null): actor is UserActor {
  return actor?.kind === 'user';
}

/** The acting user's id, or null for the CLI and the system. */
export const actorId = (ctx: RequestContext): string | null => (isUser(ctx.actor) ? ctx.actor.userId : null);

/** Whether the actor holds the permission (the CLI and the system act with every permission). */
export function has(ctx: RequestContext, p: Permission): boolean {
  return isUser(ctx.actor) ? ctx.actor.permissions.has(p) : ctx.actor !== null;
}
