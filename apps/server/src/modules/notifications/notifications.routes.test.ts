import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startTestSmtp, type TestSmtp } from '../../platform/notify/smtp.testkit.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  countRows,
  createTestPlatform,
  expectError,
  makeRole,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

const SECRET = 'S3cret-relay-password!';

describe.each(testDialects())('notification settings and outbox over HTTP on %s', (dialect) => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  let admin: Client;
  let adminId: string;
  const form = () => ({
    enabled: true,
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    username: '',
    verifyCertificate: true,
    fromAddress: 'vigil@example.gov.tw',
    fromName: 'Vigil 守望',
    publicUrl: 'https://vigil.example.gov.tw',
  });
  const setEmail = (id: string, email: string | null, locale: string | null = null) =>
    p.database.db.updateTable('users').set({ email, locale }).where('id', '=', id).execute();

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    smtp = await startTestSmtp();
    const a = await userClient(p, ['admin']);
    admin = a.client;
    adminId = a.user.id;
  });
  afterAll(async () => {
    await smtp?.close();
    await p?.close();
  });

  it('answers 401 without a session and 403 without notifications.manage, on every route', async () => {
    const anon = new Client(p.app);
    const viewer = (await userClient(p, ['viewer'])).client;
    const calls = [
      (c: Client) => c.get('/api/notifications/settings'),
      (c: Client) => c.put('/api/notifications/settings', form()),
      (c: Client) => c.post('/api/notifications/test', {}),
      (c: Client) => c.get('/api/notifications/outbox'),
      (c: Client) => c.post('/api/notifications/outbox/00000000-0000-4000-8000-000000000000/retry'),
      (c: Client) => c.post('/api/jobs/notifications.deliver/run'),
    ];
    for (const call of calls) {
      expectError(await call(anon), 401, 'auth.unauthenticated');
      expectError(await call(viewer), 403, 'auth.forbidden');
    }
    expectError(await anon.get('/api/jobs'), 401, 'auth.unauthenticated');
  });

  it('starts switched off with nothing set', async () => {
    const res = await admin.get('/api/notifications/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, host: '', passwordSet: false, port: 587 });
  });

  it('refuses malformed settings and turning mail on half-configured, changing nothing', async () => {
    const trail = await countRows(p, 'audit_entries');
    for (const bad of [
      { ...form(), port: 0 },
      { ...form(), port: 70000 },
      { ...form(), security: 'ssl' },
      { ...form(), host: 'smtp host' },
      { ...form(), fromAddress: 'not-an-address' },
      { ...form(), publicUrl: 'ftp://vigil.example' },
      { ...form(), publicUrl: 'https://vigil.example/?x=1' },
      { ...form(), extra: true },
      { enabled: true },
    ]) {
      expectError(await admin.put('/api/notifications/settings', bad), 400, 'validation.failed');
    }
    const res = await admin.put('/api/notifications/settings', { ...form(), host: '', publicUrl: '' });
    expectError(res, 400, 'notifications.incomplete');
    expect(res.json().error.details.fields).toEqual(['host', 'publicUrl']);
    expect((await admin.get('/api/notifications/settings')).json().enabled).toBe(false);
    expect(await countRows(p, 'audit_entries')).toBe(trail);
  });

  it('keeps the password encrypted, out of every response, the settings row and the audit trail', async () => {
    const res = await admin.put('/api/notifications/settings', {
      ...form(),
      username: 'relay',
      password: SECRET,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enabled: true, username: 'relay', passwordSet: true });
    expect(res.body).not.toContain(SECRET);
    expect((await admin.get('/api/notifications/settings')).body).not.toContain(SECRET);

    const row = await p.database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'smtp')
      .executeTakeFirstOrThrow();
    expect(row.value).not.toContain(SECRET);
    const secretId = (JSON.parse(row.value) as { passwordSecretId: string }).passwordSecretId;
    const stored = await p.database.db
      .selectFrom('secrets')
      .selectAll()
      .where('id', '=', secretId)
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('smtp.password');
    expect(stored.ciphertext).not.toContain(SECRET);
    expect(await p.services.secrets.get(secretId)).toBe(SECRET);

    const [entry] = await auditOf(p, 'smtp');
    expect(entry).toMatchObject({ action: 'notifications.settings_updated', actor_id: adminId });
    expect(JSON.stringify(entry?.details)).not.toContain(SECRET);
    expect(entry?.details).toMatchObject({
      password: 'set',
      changed: { enabled: { from: false, to: true } },
    });

    // Saving without a password keeps it; null removes it (and its secret).
    expect(
      (await admin.put('/api/notifications/settings', { ...form(), username: 'relay' })).json().passwordSet,
    ).toBe(true);
    const removed = await admin.put('/api/notifications/settings', { ...form(), password: null });
    expect(removed.json()).toMatchObject({ passwordSet: false, username: '' });
    expect(await p.services.secrets.get(secretId)).toBeNull();
    expect((await auditOf(p, 'smtp')).at(-1)?.details).toMatchObject({ password: 'removed' });
  });

  it('sends a test mail to the administrator in their language, or to a given address', async () => {
    await admin.put('/api/notifications/settings', form());
    expectError(await admin.post('/api/notifications/test', {}), 400, 'notifications.no_address');
    await setEmail(adminId, 'admin@example.gov.tw', 'en');
    const res = await admin.post('/api/notifications/test', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, to: 'admin@example.gov.tw' });
    expect(smtp.mails.at(-1)).toMatchObject({
      to: ['admin@example.gov.tw'],
      subject: '[Vigil] Test message',
    });
    await setEmail(adminId, 'admin@example.gov.tw', null);
    await admin.post('/api/notifications/test', { to: 'ciso@example.gov.tw' });
    expect(smtp.mails.at(-1)).toMatchObject({ to: ['ciso@example.gov.tw'], subject: '[Vigil] 測試信件' });
    expect(smtp.mails.at(-1)?.text).toContain('https://vigil.example.gov.tw');
    expectError(await admin.post('/api/notifications/test', { to: 'nope' }), 400, 'validation.failed');
  });

  it('says the relay refused the test mail, and records the failure', async () => {
    await admin.put('/api/notifications/settings', { ...form(), port: await closedPort() });
    const res = await admin.post('/api/notifications/test', { to: 'ciso@example.gov.tw' });
    expectError(res, 502, 'notifications.smtp_failed');
    expect((await auditOf(p, 'smtp')).at(-1)).toMatchObject({
      action: 'notifications.test_sent',
      outcome: 'failure',
    });
    await admin.put('/api/notifications/settings', form());
  });

  it('lists the outbox newest first, filters by status, and retries a skipped message once the address exists', async () => {
    const u = await makeUser(p);
    await p.database.db.transaction().execute((trx) =>
      p.services.notify.queue(trx, {
        kind: 'document.review_due',
        to: [u.id],
        subject: { en: 'Review due', 'zh-TW': '文件審查到期' },
        body: { en: 'Please review.', 'zh-TW': '請審查。' },
        link: '/documents/7',
      }),
    );
    const skipped = await admin.get('/api/notifications/outbox?status=skipped');
    expect(skipped.statusCode).toBe(200);
    const [item] = skipped.json().items;
    expect(item).toMatchObject({
      kind: 'document.review_due',
      userId: u.id,
      status: 'skipped',
      lastError: 'no_address',
      subject: '[Vigil] 文件審查到期',
      link: 'https://vigil.example.gov.tw/documents/7',
    });
    expect(item.userName).toMatch(/Test User/);
    expect(
      (await admin.get('/api/notifications/outbox?status=sent'))
        .json()
        .items.every((i: { status: string }) => i.status === 'sent'),
    ).toBe(true);
    expectError(await admin.get('/api/notifications/outbox?status=lost'), 400, 'validation.failed');
    expectError(await admin.get('/api/notifications/outbox?limit=201'), 400, 'validation.failed');

    expectError(
      await admin.post(`/api/notifications/outbox/${item.id}/retry`),
      400,
      'notifications.no_address',
    );
    await setEmail(u.id, 'reviewer@example.gov.tw');
    const retried = await admin.post(`/api/notifications/outbox/${item.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0, email: 'reviewer@example.gov.tw' });
    expectError(
      await admin.post(`/api/notifications/outbox/${item.id}/retry`),
      409,
      'notifications.not_retryable',
    );
    expect((await auditOf(p, item.id)).map((e) => e.action)).toEqual(['notification.retried']);

    const run = await admin.post('/api/jobs/notifications.deliver/run');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ name: 'notifications.deliver', outcome: 'succeeded' });
    expect(smtp.mails.at(-1)).toMatchObject({
      to: ['reviewer@example.gov.tw'],
      subject: '[Vigil] 文件審查到期',
    });
    const sent = (await admin.get('/api/notifications/outbox'))
      .json()
      .items.find((i: { id: string }) => i.id === item.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expectError(
      await admin.post('/api/notifications/outbox/00000000-0000-4000-8000-000000000000/retry'),
      404,
      'notifications.not_found',
    );
    expectError(await admin.post('/api/notifications/outbox/not-a-uuid/retry'), 400, 'validation.failed');
  });

  it('shows the jobs with their next and last run; running one needs settings.manage', async () => {
    const list = await admin.get('/api/jobs');
    expect(list.statusCode).toBe(200);
    const deliver = list.json().items.find((j: { name: string }) => j.name === 'notifications.deliver');
    expect(deliver).toMatchObject({ pattern: '* * * * *', lastRun: { outcome: 'succeeded' } });
    expect(list.json()).toMatchObject({ timeZone: 'Asia/Taipei', schedulerRunning: false });
    const runs = await admin.get('/api/jobs/notifications.deliver/runs');
    expect(runs.json().items.length).toBeGreaterThan(0);
    expectError(await admin.get('/api/jobs/no.such.job/runs'), 404, 'job.not_found');
    expectError(await admin.post('/api/jobs/no.such.job/run'), 404, 'job.not_found');
    expectError(await admin.post('/api/jobs/..%2Fetc/run'), 400, 'validation.failed');

    const mailAdmin = await makeRole(p, ['notifications.manage']);
    const m = await makeUser(p, { roles: [mailAdmin] });
    const client = await signIn(p, m.username, m.password);
    expect((await client.get('/api/notifications/settings')).statusCode).toBe(200);
    expectError(await client.post('/api/jobs/notifications.deliver/run'), 403, 'auth.forbidden');
    expect((await auditOf(p, 'notifications.deliver')).map((e) => e.action)).toEqual(['job.run_now']);
  });
});
