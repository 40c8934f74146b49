import { createTestDatabase, type TestDatabase } from '@vigil/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { dueTimeAt, JobScheduler } from './scheduler.js';

/** The harness's MovableClock without importing the whole platform. */
class TestClock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}

/** A promise the test resolves by hand, to hold a job in the middle of its run. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { opened, open };
}

describe('due times', () => {
  it('reads patterns in the organisation’s time zone, across the year boundary', () => {
    // 07:00 in Taipei is 23:00 UTC the day before.
    expect(dueTimeAt('0 7 * * *', 'Asia/Taipei', new Date('2026-01-01T00:30:00Z'))?.toISOString()).toBe(
      '2025-12-31T23:00:00.000Z',
    );
    expect(dueTimeAt('0 7 * * *', 'Asia/Taipei', new Date('2025-12-31T23:00:00Z'))?.toISOString()).toBe(
      '2025-12-31T23:00:00.000Z',
    );
    expect(dueTimeAt('0 7 * * *', 'Asia/Taipei', new Date('2025-12-31T22:59:59Z'))?.toISOString()).toBe(
      '2025-12-30T23:00:00.000Z',
    );
    expect(dueTimeAt('0 0 1 1 *', 'UTC', new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
});

describe.each(testDialects())('job scheduler on %s', (dialect) => {
  let database: TestDatabase;
  const clock = new TestClock(Date.parse('2026-06-01T00:00:00Z'));
  const scheduler = (holder: string, leaseMs?: number) =>
    new JobScheduler({ db: database.db, clock, holder, ...(leaseMs ? { leaseMs } : {}) });
  const runs = (name: string) =>
    database.db.selectFrom('job_runs').selectAll().where('name', '=', name).orderBy('started_at').execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.dispose());

  it('runs a job once per due time, however often that due time is asked for', async () => {
    const a = scheduler('a');
    const b = scheduler('b');
    let count = 0;
    for (const s of [a, b])
      s.register({ name: 'count.once', pattern: '0 7 * * *', run: async () => void count++ });
    const due = new Date('2026-06-01T23:00:00Z');
    expect((await a.runDue('count.once', due)).status).toBe('ran');
    expect(await a.runDue('count.once', due)).toEqual({ status: 'done' });
    expect(await b.runDue('count.once', due)).toEqual({ status: 'done' });
    expect(count).toBe(1);
    expect((await b.runDue('count.once', new Date('2026-06-02T23:00:00Z'))).status).toBe('ran');
    expect(count).toBe(2);
    const recorded = await runs('count.once');
    expect(recorded.map((r) => [r.due_at, r.outcome, r.holder])).toEqual([
      ['2026-06-01T23:00:00.000Z', 'succeeded', 'a'],
      ['2026-06-02T23:00:00.000Z', 'succeeded', 'b'],
    ]);
  });

  it('never starts a job while it is still running, in this process or another', async () => {
    const a = scheduler('a2');
    const b = scheduler('b2');
    const g = gate();
    let started = 0;
    const job = {
      name: 'slow',
      pattern: '*/5 * * * *',
      run: async () => {
        started++;
        await g.opened;
      },
    };
    a.register(job);
    b.register(job);
    const first = a.runNow('slow');
    await expect.poll(() => started).toBe(1);
    expect(await a.runNow('slow')).toEqual({ status: 'busy' });
    expect(await b.runNow('slow')).toEqual({ status: 'busy' });
    expect(await b.runDue('slow', clock.now())).toEqual({ status: 'busy' });
    g.open();
    expect((await first).status).toBe('ran');
    expect(started).toBe(1);
    expect((await b.runNow('slow')).status).toBe('ran');
    expect(started).toBe(2);
  });

  it('lets another process take over when the holder stops renewing its lease, closing the stale run', async () => {
    const a = scheduler('a3', 60_000);
    const b = scheduler('b3', 60_000);
    const g = gate();
    a.register({ name: 'stuck', pattern: '* * * * *', run: () => g.opened });
    b.register({ name: 'stuck', pattern: '* * * * *', run: async () => {} });
    const hung = a.runNow('stuck');
    await expect.poll(async () => (await runs('stuck')).length).toBe(1);
    expect(await b.runNow('stuck')).toEqual({ status: 'busy' });
    clock.advanceMinutes(2); // the lease (one minute) ran out without renewal
    expect((await b.runNow('stuck')).status).toBe('ran');
    const recorded = await runs('stuck');
    expect(recorded.map((r) => [r.holder, r.outcome])).toEqual([
      ['a3', 'failed'],
      ['b3', 'succeeded'],
    ]);
    expect(recorded[0]?.error).toMatch(/abandoned/);
    g.open();
    await hung;
  });

  it('records a failing run with its error and keeps scheduling it', async () => {
    const s = scheduler('a4');
    let fail = true;
    s.register({
      name: 'flaky',
      pattern: '0 * * * *',
      run: async () => {
        if (fail) throw new Error('relay unreachable');
      },
    });
    const r1 = await s.runDue('flaky', new Date('2026-06-01T01:00:00Z'));
    expect(r1.status === 'ran' && r1.run).toMatchObject({ outcome: 'failed', error: 'relay unreachable' });
    fail = false;
    clock.advanceMinutes(1);
    const r2 = await s.runDue('flaky', new Date('2026-06-01T02:00:00Z'));
    expect(r2.status === 'ran' && r2.run).toMatchObject({ outcome: 'succeeded', error: null });
    expect((await s.recentRuns('flaky')).map((r) => r.outcome)).toEqual(['succeeded', 'failed']);
  });

  it('refuses a malformed pattern and a second job of the same name at registration', () => {
    const s = scheduler('a5');
    expect(() => s.register({ name: 'bad', pattern: '61 * * * *', run: async () => {} })).toThrow();
    s.register({ name: 'twice', pattern: '* * * * *', run: async () => {} });
    expect(() => s.register({ name: 'twice', pattern: '* * * * *', run: async () => {} })).toThrow(/twice/);
  });

  it('fires on its pattern once started, in the organisation’s time zone, and not before', async () => {
    await database.db
      .insertInto('organisation')
      .values({
        id: 'org',
        name: 'Org',
        responsibility_level: null,
        time_zone: 'Europe/London',
        updated_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ time_zone: 'Europe/London' }))
      .execute();
    const real = new JobScheduler({ db: database.db, clock: { now: () => new Date() }, holder: 'live' });
    let fired = 0;
    real.register({ name: 'every.second', pattern: '* * * * * *', run: async () => void fired++ });
    await new Promise((r) => setTimeout(r, 1200));
    expect(fired).toBe(0);
    const errors: unknown[] = [];
    real.start((_job, err) => errors.push(err));
    await expect.poll(() => fired, { timeout: 5000 }).toBeGreaterThan(0);
    real.stop();
    expect(real.timeZone).toBe('Europe/London');
    expect(errors).toEqual([]);
  });
});
