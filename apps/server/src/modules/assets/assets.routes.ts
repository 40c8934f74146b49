import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Asset inventory: CRUD, valuation settings, relations, history, confirmation campaigns. */
export function assetRoutes(_app: App, _s: Services): void {}
