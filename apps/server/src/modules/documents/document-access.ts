import type { Permission } from '@vigil/contracts';
import type { RequestContext } from '../../platform/context.js';

export function has(ctx: RequestContext, p: Permission): boolean {
  return ctx.actor?.kind === 'user' ? ctx.actor.permissions.has(p) : ctx.actor !== null;
}

export const actorId = (ctx: RequestContext): string | null =>
  ctx.actor?.kind === 'user' ? ctx.actor.userId : null;

/** Whether the caller sees the whole register (everyone else sees only what was sent to them). */
export const readsRegister = (ctx: RequestContext): boolean =>
  has(ctx, 'documents.read') || has(ctx, 'documents.manage') || has(ctx, 'documents.approve');
