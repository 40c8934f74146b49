import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Placeholder until the slice lands. */
export function frameworkRoutes(_app: App, _s: Services): void {}
