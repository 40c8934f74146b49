// The calendar refresh at a size that takes several batches of rows: hundreds of obligations and
// thousands of tasks created, cancelled and reopened, each with its own audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { type Client, createTestPlatform, type TestPlatform, userClient } from '../../test/harness.js';
import { insertTestFramework, type TestItem } from './obligations.testkit.js';

const KEY = 'test-many-obligations';
const ITEMS = 230;
/** Items that also apply at level B; the rest only at A. */
const AT_B = 5;
/** Every 3 months over the 24-month horizon. */
const PER_ITEM = 8;

const items: TestItem[] = Array.from({ length: ITEMS }, (_, i) => ({
  ref: `Q${String(i + 1).padStart(3, '0')}`,
  en: `Quarterly check ${i + 1}`,
  zh: `每季檢查 ${i + 1}`,
  obligation: {
    kind: 'internal_audit',
    byLevel:
      i < AT_B
        ? { A: { kind: 'every', months: 3 }, B: { kind: 'every', months: 3 } }
        : { A: { kind: 'every', months: 3 } },
  },
}));

describe.each(testDialects())('calendar refresh at scale on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let manager: Client;

  const generate = async () => {
    const res = await manager.post('/api/obligations/generate');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const setLevel = async (level: string) => {
    expect((await admin.put('/api/org', { responsibilityLevel: level })).statusCode).toBe(200);
    expect((await manager.patch('/api/obligations/profile', { anchorOn: '2026-06-01' })).statusCode).toBe(
      200,
    );
  };
  const taskRows = () =>
    p.database.db
      .selectFrom('obligation_tasks as t')
      .innerJoin('obligations as o', 'o.id', 't.obligation_id')
      .select(['o.ref', 't.seq', 't.scheduled_on', 't.status', 't.cancel_reason'])
      .where('o.framework_key', '=', KEY)
      .orderBy('o.ref')
      .orderBy('t.scheduled_on')
      .execute();
  const auditCount = async (action: string) =>
    Number(
      (
        await p.database.db
          .selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Every item's tasks numbered 1, 2, 3… in date order. */
  const expectNumbered = (rows: Awaited<ReturnType<typeof taskRows>>) => {
    const seen = new Map<string, number>();
    for (const r of rows) {
      const n = (seen.get(r.ref) ?? 0) + 1;
      seen.set(r.ref, n);
      expect(r.seq, `${r.ref} ${r.scheduled_on}`).toBe(n);
    }
  };

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    await insertTestFramework(p, KEY, items);
    admin = (await userClient(p, ['admin'])).client;
    manager = (await userClient(p, ['security_engineer'])).client;
    await setLevel('A');
    const prof = await manager.patch('/api/obligations/profile', { frameworksInUse: [KEY] });
    expect(prof.statusCode, prof.body).toBe(200);
  });
  afterAll(async () => p?.close());

  it('creates every obligation and task, each with its audit entry, and keeps them on a refresh', async () => {
    const gen = await generate();
    expect(gen.obligations).toMatchObject({ added: ITEMS, active: ITEMS });
    expect(gen.tasks).toMatchObject({ created: ITEMS * PER_ITEM, cancelled: 0, reopened: 0, kept: 0 });
    const rows = await taskRows();
    expect(rows).toHaveLength(ITEMS * PER_ITEM);
    expect(rows.every((r) => r.status === 'open')).toBe(true);
    expect(rows.filter((r) => r.ref === 'Q230').map((r) => r.scheduled_on)).toEqual([
      '2026-09-01',
      '2026-12-01',
      '2027-03-01',
      '2027-06-01',
      '2027-09-01',
      '2027-12-01',
      '2028-03-01',
      '2028-06-01',
    ]);
    expectNumbered(rows);
    expect(await auditCount('obligation.added')).toBe(ITEMS);
    expect(await auditCount('obligation_task.created')).toBe(ITEMS * PER_ITEM);

    const again = await generate();
    expect(again.tasks).toMatchObject({ created: 0, cancelled: 0, reopened: 0, kept: ITEMS * PER_ITEM });
    expect(again.obligations).toMatchObject({ added: 0, updated: 0, retired: 0, active: ITEMS });
    expect(await taskRows()).toEqual(rows);
    expect(await auditCount('obligation_task.created')).toBe(ITEMS * PER_ITEM);
  });

  it('a lower level retires the items and cancels their tasks; back up, the same tasks reopen', async () => {
    await setLevel('B');
    const down = await generate();
    const dropped = (ITEMS - AT_B) * PER_ITEM;
    expect(down.obligations).toMatchObject({ retired: ITEMS - AT_B, updated: AT_B, active: AT_B });
    expect(down.tasks).toMatchObject({ created: 0, cancelled: dropped, kept: AT_B * PER_ITEM });
    const rows = await taskRows();
    expect(
      rows.filter((r) => r.status === 'cancelled' && r.cancel_reason === 'no_longer_applies'),
    ).toHaveLength(dropped);
    expect(rows.filter((r) => r.status === 'open').map((r) => r.ref)).toEqual(
      items.slice(0, AT_B).flatMap((t) => Array<string>(PER_ITEM).fill(t.ref)),
    );
    expect(await auditCount('obligation.retired')).toBe(ITEMS - AT_B);
    expect(await auditCount('obligation_task.cancelled')).toBe(dropped);

    // Spoil the numbers of the cancelled tasks: reopening sets them again from the schedule.
    await p.database.db
      .updateTable('obligation_tasks')
      .set({ seq: 99 })
      .where('status', '=', 'cancelled')
      .execute();
    await setLevel('A');
    const up = await generate();
    expect(up.obligations).toMatchObject({ added: 0, updated: ITEMS, retired: 0, active: ITEMS });
    expect(up.tasks).toMatchObject({ created: 0, cancelled: 0, reopened: dropped, kept: AT_B * PER_ITEM });
    const after = await taskRows();
    expect(after).toHaveLength(ITEMS * PER_ITEM);
    expect(after.every((r) => r.status === 'open' && r.cancel_reason === null)).toBe(true);
    expectNumbered(after);
    expect(await auditCount('obligation_task.reopened')).toBe(dropped);
  });
});
