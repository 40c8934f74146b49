import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';
import { cliContext } from '../context.js';

describe.each(testDialects())('audit recordMany on %s', (dialect) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  it('chains a batch exactly like single records, so the chain still verifies', async () => {
    const ctx = cliContext('test');
    await p.services.audit.recordAlone(ctx, { action: 'test.before' });
    const events = Array.from({ length: 1203 }, (_, i) => ({
      action: 'test.bulk',
      objectType: 'thing',
      objectId: `t${i}`,
      details: { i },
    }));
    await p.database.db.transaction().execute((trx) => p.services.audit.recordMany(trx, ctx, events));
    await p.services.audit.recordAlone(ctx, { action: 'test.after' });
    const rows = await p.database.db
      .selectFrom('audit_entries')
      .select(['seq', 'action', 'object_id', 'prev_hash', 'hash'])
      .where('action', 'like', 'test.%')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(1205);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 1205 }, (_, i) => seqs[0]! + i));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[1]!.object_id).toBe('t0');
    expect((await p.services.audit.verify()).ok).toBe(true);
  });

  it('writes nothing when the surrounding transaction fails', async () => {
    const before = await p.services.audit.verify();
    await expect(
      p.database.db.transaction().execute(async (trx) => {
        await p.services.audit.recordMany(trx, cliContext('t'), [{ action: 'test.lost' }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const lost = await p.database.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('action', '=', 'test.lost')
      .execute();
    expect(lost).toEqual([]);
    expect((await p.services.audit.verify()).ok).toBe(before.ok);
  });
});
