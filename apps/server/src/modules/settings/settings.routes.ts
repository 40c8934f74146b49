import { settingsResponse, updateSettingsRequest } from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

export function settingsRoutes(app: App, s: Services): void {
  const tags = ['settings'];
  app.get(
    '/api/settings',
    { config: { access: 'settings.read' }, schema: { tags, response: { 200: settingsResponse } } },
    async () => ({
      security: await s.settings.security(),
    }),
  );

  app.put(
    '/api/settings',
    {
      config: { access: 'settings.manage' },
      schema: { tags, body: updateSettingsRequest, response: { 200: settingsResponse } },
    },
    async (req) => ({ security: await s.settings.updateSecurity(ctxOf(req), req.body.security) }),
  );
}
