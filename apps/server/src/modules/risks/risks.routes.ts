import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Risk management: methodology, catalogues, assessments, register, treatment, acceptance, reports. */
export function riskRoutes(_app: App, _s: Services): void {}
