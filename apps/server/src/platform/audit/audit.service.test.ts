import { testDialects } from '@vigil/db/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, makeUser, signIn, type TestPlatform } from '../../test/harness.js';
import { systemContext } from '../context.js';

describe.each(testDialects())('audit trail on %s', (dialect) => {
  let p: TestPlatform;
  beforeEach(async () => {
    p = await createTestPlatform(dialect);
  });
  afterEach(async () => p?.close());

  async function dropAppendOnlyGuard() {
    // A database superuser can remove the triggers; the hash chain is what still catches them.
    if (dialect === 'postgres') {
      await sql`DROP TRIGGER audit_entries_no_change ON audit_entries`.execute(p.database.db);
    } else {
      await sql`DROP TRIGGER audit_entries_no_update`.execute(p.database.db);
      await sql`DROP TRIGGER audit_entries_no_delete`.execute(p.database.db);
    }
  }

  it('writes the entry in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    const before = await p.services.audit.list({}, 500, 0);
    await expect(
      p.database.db.transaction().execute(async (trx) => {
        await p.services.audit.record(trx, systemContext(), { action: 'test.will_roll_back' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const after = await p.services.audit.list({}, 500, 0);
    expect(after.total).toBe(before.total);
    expect((await p.services.audit.verify()).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE of entries at the database level', async () => {
    await p.services.audit.recordAlone(systemContext(), { action: 'test.entry' });
    await expect(sql`UPDATE audit_entries SET action = 'x'`.execute(p.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_entries`.execute(p.database.db)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain intact under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        p.services.audit.recordAlone(systemContext(), { action: `test.concurrent${i}` }),
      ),
    );
    const result = await p.services.audit.verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(result.headSeq);
  });

  it('names the first altered entry after a direct database edit', async () => {
    const admin = await makeUser(p, { roles: ['admin'] });
    const c = await signIn(p, admin.username, admin.password);
    for (let i = 0; i < 5; i++) await c.patch('/api/me', { displayName: `名字 ${i}` });
    const intact = (await c.post('/api/audit/verify')).json();
    expect(intact.ok).toBe(true);

    const victim = (await p.services.audit.list({ action: 'profile.updated' }, 50, 0)).items[2]!;
    await dropAppendOnlyGuard();
    await sql`UPDATE audit_entries SET actor_label = 'someone-else' WHERE seq = ${victim.seq}`.execute(
      p.database.db,
    );

    const res = (await c.post('/api/audit/verify')).json();
    expect(res.ok).toBe(false);
    expect(res.problem).toMatchObject({ seq: Number(victim.seq), kind: 'altered' });
    // The failed verification is itself on the record.
    expect((await p.services.audit.list({ action: 'audit.verified', outcome: 'failure' }, 10, 0)).total).toBe(
      1,
    );
  });

  it('names a removed entry after a direct database delete', async () => {
    for (let i = 0; i < 6; i++) await p.services.audit.recordAlone(systemContext(), { action: `test.e${i}` });
    const head = await p.services.audit.verify();
    const seq = head.headSeq - 2;
    await dropAppendOnlyGuard();
    await sql`DELETE FROM audit_entries WHERE seq = ${seq}`.execute(p.database.db);
    expect((await p.services.audit.verify()).problem).toMatchObject({ seq, kind: 'removed' });
  });

  it('filters by actor, action prefix, object and time, newest first, and exports CSV', async () => {
    const admin = await makeUser(p, { roles: ['admin'], username: 'filter.admin' });
    const c = await signIn(p, admin.username, admin.password);
    await c.post('/api/units', { name: '資訊室', code: 'IT' });
    p.clock.advanceMinutes(10);
    const from = p.clock.now().toISOString();
    await c.post('/api/units', { name: '=cmd|calc', code: 'X1' });

    const byActor = (await c.get('/api/audit?actor=filter.admin&action=unit.*')).json();
    expect(byActor.items.map((e: { action: string }) => e.action)).toEqual(['unit.created', 'unit.created']);
    expect(byActor.items[0].seq).toBeGreaterThan(byActor.items[1].seq);
    const recent = (await c.get(`/api/audit?action=unit.created&from=${encodeURIComponent(from)}`)).json();
    expect(recent.total).toBe(1);

    const csv = await c.get('/api/audit/export.csv?action=unit.created');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,actor_type/);
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain('資訊室');
    // A cell that a spreadsheet would run as a formula is neutralised.
    expect(csv.body).not.toMatch(/,=cmd/);
  });
});
