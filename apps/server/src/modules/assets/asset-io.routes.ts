import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Asset import (CSV/XLSX preview and apply) and export (CSV/XLSX, the 資產清冊 record). */
export function assetIoRoutes(_app: App, _s: Services): void {}
