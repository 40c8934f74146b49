import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import type { Notice } from '../../platform/notify/notify.service.js';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, makeUser, type TestPlatform } from '../../test/harness.js';
import { reminderKind } from './obligation-rules.js';
import { insertTestFramework, TEST_FRAMEWORK } from './obligations.testkit.js';

describe('reminder days', () => {
  it.each([
    ['2026-07-05', '2026-06-21', 'due_14'],
    ['2026-07-05', '2026-06-22', null],
    ['2026-07-05', '2026-07-02', 'due_3'],
    ['2026-07-05', '2026-07-05', null],
    ['2026-07-05', '2026-07-06', 'overdue'],
    ['2026-07-05', '2026-07-07', null],
    ['2026-07-05', '2026-07-13', 'overdue'],
    ['2026-12-31', '2027-01-01', 'overdue'],
    ['2027-01-03', '2026-12-20', 'due_14'],
  ])('due %s, today %s → %s', (due, today, want) => {
    expect(reminderKind(due, today)).toBe(want);
  });
});

describe.each(testDialects())('obligation reminders on %s', (dialect) => {
  let p: TestPlatform;
  const sent: Notice[] = [];
  let ownerId: string;
  const ctx = cliContext('test');
  /** Moves the clock to an instant (forwards only). */
  const at = (iso: string) => p.clock.advanceSeconds((Date.parse(iso) - p.clock.now().getTime()) / 1000);

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    await insertTestFramework(p);
    ownerId = (await makeUser(p, { roles: ['asset_owner'] })).id;
    at('2026-06-05T01:00:00Z');
    await p.services.org.update(ctx, { responsibilityLevel: 'B' });
    await p.services.obligations.updateProfile(ctx, {
      frameworksInUse: [TEST_FRAMEWORK],
      defaultOwnerId: ownerId,
      // The first SOC form is due 5 July.
      anchorOn: '2026-06-05',
    });
    await p.services.obligations.generate(ctx);
    const queue = p.services.notify.queue.bind(p.services.notify);
    p.services.notify.queue = async (trx, notice) => {
      sent.push(notice);
      await queue(trx, notice);
    };
  });
  afterAll(async () => p?.close());

  it('is registered as a daily job', () => {
    expect(p.services.jobs.jobs.find((j) => j.name === 'obligations.reminders')?.pattern).toBe('0 8 * * *');
  });

  it('queues the 14-day reminder once, on the right Taipei day', async () => {
    // 2026-06-20T16:30Z is already 21 June in Taipei: the SOC form due 5 July is 14 days away.
    at('2026-06-20T15:30:00Z');
    expect(await p.services.obligations.runReminders()).toBe(0);
    at('2026-06-20T16:30:00Z');
    expect(await p.services.obligations.runReminders()).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'obligation.due_soon',
      to: [ownerId],
      subject: { 'zh-TW': '2026-07-05 到期：SOC 每月設備狀態表' },
    });
    expect(sent[0]?.dedupeKey).toMatch(/:due_14:2026-06-21$/);
    // The same day again: nothing new.
    at('2026-06-21T08:00:00Z');
    expect(await p.services.obligations.runReminders()).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('3 days before, then overdue on the first day and weekly', async () => {
    at('2026-07-02T00:00:00Z');
    expect(await p.services.obligations.runReminders()).toBe(1);
    expect(sent.at(-1)?.dedupeKey).toMatch(/:due_3:2026-07-02$/);
    at('2026-07-06T00:00:00Z');
    expect(await p.services.obligations.runReminders()).toBe(1);
    expect(sent.at(-1)).toMatchObject({
      kind: 'obligation.overdue',
      link: expect.stringMatching(/^\/obligations\/tasks\//),
    });
    at('2026-07-07T00:00:00Z');
    expect(await p.services.obligations.runReminders()).toBe(0);
    at('2026-07-13T00:00:00Z');
    expect(await p.services.obligations.runReminders()).toBe(1);
    expect(sent.at(-1)?.kind).toBe('obligation.overdue');
  });

  it('shows the overdue task on the home-card summary', async () => {
    const owner = { actor: { kind: 'system' as const, label: 't' }, ip: null, requestId: null };
    const s = await p.services.obligations.tasks.summary(owner);
    expect(s.overdue).toBe(1);
    expect(s.items[0]).toMatchObject({ ref: 'SOC', dueOn: '2026-07-05', overdue: true, daysLeft: -8 });
  });
});
