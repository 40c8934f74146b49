import { has, type RequestContext } from '../../platform/context.js';

/** Whether the caller sees the whole register (everyone else sees only what was sent to them). */
export const readsRegister = (ctx: RequestContext): boolean =>
  has(ctx, 'documents.read') || has(ctx, 'documents.manage') || has(ctx, 'documents.approve');
