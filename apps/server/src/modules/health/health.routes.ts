import { healthResponse, readyResponse } from '@vigil/contracts';
import { pendingMigrations } from '@vigil/db';
import { sql } from 'kysely';
import type { App } from '../../http/types.js';
import type { Services } from '../../services.js';

export function healthRoutes(app: App, s: Services): void {
  const tags = ['health'];
  app.get(
    '/healthz',
    { config: { access: 'public' }, logLevel: 'warn', schema: { tags, response: { 200: healthResponse } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags, response: { 200: readyResponse, 503: readyResponse } },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(s.db);
        const pending = await pendingMigrations(s.db, s.dialect);
        const ready = pending.length === 0;
        return reply
          .code(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'not_ready', database: 'ok', pendingMigrations: pending });
      } catch {
        return reply.code(503).send({ status: 'not_ready', database: 'unreachable', pendingMigrations: [] });
      }
    },
  );
}
