import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Placeholder until the slice lands. */
export function complianceRoutes(_app: App, _s: Services): void {}
