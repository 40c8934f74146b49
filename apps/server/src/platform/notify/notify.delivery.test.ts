import type { UpdateNotificationSettingsRequest } from '@vigil/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, makeUser, type TestPlatform } from '../../test/harness.js';
import { cliContext } from '../context.js';
import { JobScheduler } from '../jobs/scheduler.js';
import { RETRY_DELAYS_MINUTES } from './backoff.js';
import { type Notice, NotificationService } from './notify.service.js';
import { closedPort, startTestSmtp, type TestSmtp } from './smtp.testkit.js';

const notice = (to: string[], extra: Partial<Notice> = {}): Notice => ({
  kind: 'obligation.overdue',
  to,
  subject: { en: 'Vulnerability scan is overdue', 'zh-TW': '弱點掃描已逾期' },
  body: { en: 'The quarterly scan was due on 2026-05-31.', 'zh-TW': '本季弱點掃描應於 2026-05-31 完成。' },
  link: '/obligations/tasks/42',
  ...extra,
});

describe.each(testDialects())('mail delivery on %s', (dialect) => {
  let p: TestPlatform;
  let smtp: TestSmtp;
  const login = { username: 'vigil-relay', password: 'relay-Pa55word!' };

  const configure = (patch: Partial<UpdateNotificationSettingsRequest> = {}) =>
    p.services.notificationSettings.updateSettings(cliContext('test'), {
      enabled: true,
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: login.username,
      password: login.password,
      verifyCertificate: true,
      fromAddress: 'vigil@example.gov.tw',
      fromName: 'Vigil',
      publicUrl: 'https://vigil.example.gov.tw/',
      ...patch,
    });
  const person = async (email: string | null, locale: 'en' | 'zh-TW' | null = null) => {
    const u = await makeUser(p);
    await p.database.db.updateTable('users').set({ email, locale }).where('id', '=', u.id).execute();
    return u.id;
  };
  const queue = (n: Notice) => p.database.db.transaction().execute((trx) => p.services.notify.queue(trx, n));
  const rows = (userId: string) =>
    p.database.db.selectFrom('notification_outbox').selectAll().where('user_id', '=', userId).execute();

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    smtp = await startTestSmtp(login);
  });
  afterAll(async () => {
    await smtp?.close();
    await p?.close();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    await configure();
  });
  afterEach(async () => {
    // Nothing left due for the next test.
    await p.database.db.updateTable('notification_outbox').set({ status: 'sent' }).execute();
  });

  it('delivers in each recipient’s language with an absolute link, logging in with the stored password', async () => {
    const zh = await person('chen@example.gov.tw'); // no locale chosen: Traditional Chinese
    const en = await person('lee@example.gov.tw', 'en');
    await queue(notice([zh, en]));
    expect(await p.services.notify.deliverDue()).toMatchObject({ sent: 2, failed: 0 });

    const toZh = smtp.mails.find((m) => m.to.includes('chen@example.gov.tw'));
    const toEn = smtp.mails.find((m) => m.to.includes('lee@example.gov.tw'));
    expect(toZh?.subject).toBe('[Vigil] 弱點掃描已逾期');
    expect(toZh?.text).toContain('本季弱點掃描應於 2026-05-31 完成。');
    expect(toZh?.text).toContain('在 Vigil 開啟: https://vigil.example.gov.tw/obligations/tasks/42');
    expect(toEn?.subject).toBe('[Vigil] Vulnerability scan is overdue');
    expect(toEn?.text).toContain('Open in Vigil: https://vigil.example.gov.tw/obligations/tasks/42');
    expect(toEn?.text).not.toContain('弱點');
    expect(toEn?.from).toBe('vigil@example.gov.tw');
    expect(smtp.logins.at(-1)).toEqual(login);
    const [row] = await rows(en);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, locale: 'en', last_error: null });
    expect(row?.sent_at).toBe(p.clock.now().toISOString());
  });

  it('sends a notice with the same dedupe key to a user once, even when queued again', async () => {
    const a = await person('a@example.gov.tw');
    const b = await person('b@example.gov.tw');
    await queue(notice([a], { dedupeKey: 'scan-42:2026-06-01' }));
    await queue(notice([a, b], { dedupeKey: 'scan-42:2026-06-01' }));
    await queue(notice([a], { dedupeKey: 'scan-42:2026-06-02' }));
    await p.services.notify.deliverDue();
    expect(smtp.mails.filter((m) => m.to.includes('a@example.gov.tw'))).toHaveLength(2);
    expect(smtp.mails.filter((m) => m.to.includes('b@example.gov.tw'))).toHaveLength(1);
    expect(await rows(a)).toHaveLength(2);
  });

  it('keeps nothing when the caller’s transaction rolls back', async () => {
    const a = await person('rollback@example.gov.tw');
    await expect(
      p.database.db.transaction().execute(async (trx) => {
        await p.services.notify.queue(trx, notice([a]));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows(a)).toHaveLength(0);
  });

  it('skips a recipient without an address, a disabled account, and everyone while mail is off', async () => {
    const none = await person(null);
    const gone = await person('gone@example.gov.tw');
    await p.database.db
      .updateTable('users')
      .set({ disabled_at: p.clock.now().toISOString() })
      .where('id', '=', gone)
      .execute();
    await queue(notice([none, gone]));
    await configure({ enabled: false });
    const later = await person('later@example.gov.tw');
    await queue(notice([later]));
    expect(await p.services.notify.deliverDue()).toMatchObject({ sent: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect((await rows(none))[0]).toMatchObject({ status: 'skipped', last_error: 'no_address', email: null });
    expect((await rows(gone))[0]).toMatchObject({ status: 'skipped', last_error: 'user_disabled' });
    expect((await rows(later))[0]).toMatchObject({ status: 'skipped', last_error: 'mail_disabled' });
  });

  it('turns queued mail into skipped when mail is switched off before delivery', async () => {
    const a = await person('queued@example.gov.tw');
    await queue(notice([a]));
    await configure({ enabled: false });
    expect(await p.services.notify.deliverDue()).toMatchObject({ skipped: 1, sent: 0 });
    expect((await rows(a))[0]).toMatchObject({ status: 'skipped', last_error: 'mail_disabled' });
  });

  it('retries an unreachable relay after 1, 5, 30, 120 and 480 minutes, then gives up', async () => {
    await configure({ port: await closedPort() });
    const a = await person('down@example.gov.tw');
    await queue(notice([a]));
    const notify = p.services.notify;
    expect(await notify.deliverDue()).toMatchObject({ retrying: 1 });
    for (const [i, delay] of RETRY_DELAYS_MINUTES.entries()) {
      const [row] = await rows(a);
      expect(row).toMatchObject({ status: 'queued', attempts: i + 1 });
      expect(row?.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
      expect(Date.parse(row?.next_attempt_at ?? '') - p.clock.now().getTime()).toBe(delay * 60_000);
      p.clock.advanceMinutes(delay - 1);
      expect(await notify.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 }); // not due yet
      p.clock.advanceMinutes(1);
      await notify.deliverDue();
    }
    const [row] = await rows(a);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: RETRY_DELAYS_MINUTES.length + 1,
      next_attempt_at: null,
    });
    // Back up: a failed message stays failed until someone retries it.
    await configure();
    p.clock.advanceMinutes(60 * 24);
    await notify.deliverDue();
    expect(smtp.mails).toHaveLength(0);
  });

  it('lets two workers share the queue without sending anything twice', async () => {
    const second = new NotificationService({
      db: p.database.db,
      clock: p.clock,
      secrets: p.services.secrets,
      jobs: new JobScheduler({ db: p.database.db, clock: p.clock }),
    });
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`w${i}@example.gov.tw`)));
    await queue(notice(people));
    const [r1, r2] = await Promise.all([p.services.notify.deliverDue(), second.deliverDue()]);
    expect((r1?.sent ?? 0) + (r2?.sent ?? 0)).toBe(8);
    expect(smtp.mails).toHaveLength(8);
    expect(new Set(smtp.mails.flatMap((m) => m.to)).size).toBe(8);
  });

  it('links to the configured public URL when the mail settings name none', async () => {
    await configure({ enabled: false, publicUrl: '' });
    const configured = new NotificationService({
      db: p.database.db,
      clock: p.clock,
      secrets: p.services.secrets,
      jobs: new JobScheduler({ db: p.database.db, clock: p.clock }),
      defaultPublicUrl: 'https://vigil.internal:8443/',
    });
    const a = await person('fallback@example.gov.tw');
    await p.database.db.transaction().execute((trx) => configured.queue(trx, notice([a])));
    expect((await rows(a))[0]?.link).toBe('https://vigil.internal:8443/obligations/tasks/42');
  });

  it('is sent shortly after queueing while the scheduler runs, without waiting for the minute job', async () => {
    const jobs = new JobScheduler({ db: p.database.db, clock: p.clock });
    const live = new NotificationService({
      db: p.database.db,
      clock: p.clock,
      secrets: p.services.secrets,
      jobs,
      nudgeMs: 20,
    });
    const a = await person('nudge@example.gov.tw');
    await p.database.db.transaction().execute((trx) => live.queue(trx, notice([a])));
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails).toHaveLength(0); // scheduler not started: nothing is sent behind the test's back
    jobs.start(() => {});
    try {
      const b = await person('nudge2@example.gov.tw');
      await p.database.db.transaction().execute((trx) => live.queue(trx, notice([b])));
      await expect.poll(() => smtp.mails.length, { timeout: 3000 }).toBe(2);
    } finally {
      jobs.stop();
    }
  });

  it('is delivered by the registered job, which records its run', async () => {
    const a = await person('job@example.gov.tw');
    await queue(notice([a]));
    const result = await p.services.jobs.runNow('notifications.deliver');
    expect(result.status).toBe('ran');
    expect(smtp.mails.map((m) => m.to)).toEqual([['job@example.gov.tw']]);
  });
});
