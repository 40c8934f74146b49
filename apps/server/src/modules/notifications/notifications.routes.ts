import {
  idParams,
  jobList,
  jobNameParams,
  jobRunList,
  jobRunView,
  notificationSettingsResponse,
  outboxItem,
  outboxList,
  outboxQuery,
  sendTestMailRequest,
  sendTestMailResponse,
  updateNotificationSettingsRequest,
} from '@vigil/contracts';
import { type App, ctxOf, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** Outgoing e-mail settings, test mail and the outbox; the job scheduler's admin view. */
export function notificationRoutes(app: App, s: Services): void {
  const tags = ['notifications'];
  const manage = { access: 'notifications.manage' } as const;
  const n = s.notificationSettings;

  app.get(
    '/api/notifications/settings',
    { config: manage, schema: { tags, response: { 200: notificationSettingsResponse } } },
    async () => n.settings(),
  );
  app.put(
    '/api/notifications/settings',
    {
      config: manage,
      schema: {
        tags,
        body: updateNotificationSettingsRequest,
        response: { 200: notificationSettingsResponse },
      },
    },
    async (req) => n.updateSettings(ctxOf(req), req.body),
  );
  app.post(
    '/api/notifications/test',
    { config: manage, schema: { tags, body: sendTestMailRequest, response: { 200: sendTestMailResponse } } },
    async (req) => ({ ok: true as const, ...(await n.sendTest(userCtxOf(req), req.body.to)) }),
  );
  app.get(
    '/api/notifications/outbox',
    { config: manage, schema: { tags, querystring: outboxQuery, response: { 200: outboxList } } },
    async (req) => ({ items: await n.outbox(req.query.status, req.query.limit) }),
  );
  app.post(
    '/api/notifications/outbox/:id/retry',
    { config: manage, schema: { tags, params: idParams, response: { 200: outboxItem } } },
    async (req) => n.retry(ctxOf(req), req.params.id),
  );

  const jobTags = ['jobs'];
  const readJobs = { access: ['settings.read', 'settings.manage'] } as const;
  app.get(
    '/api/jobs',
    { config: readJobs, schema: { tags: jobTags, response: { 200: jobList } } },
    async () => n.jobs.list(),
  );
  app.get(
    '/api/jobs/:name/runs',
    { config: readJobs, schema: { tags: jobTags, params: jobNameParams, response: { 200: jobRunList } } },
    async (req) => ({ items: await n.jobs.runs(req.params.name) }),
  );
  app.post(
    '/api/jobs/:name/run',
    {
      config: { access: 'settings.manage' },
      schema: { tags: jobTags, params: jobNameParams, response: { 200: jobRunView } },
    },
    async (req) => n.jobs.runNow(ctxOf(req), req.params.name),
  );
}
