import { randomUUID } from 'node:crypto';
import type { NotificationOutboxTable } from '@vigil/db';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, makeUser, type TestPlatform } from '../../test/harness.js';
import { OutboxRepository } from './outbox.repository.js';

describe.each(testDialects())('outbox inserts on %s', (dialect) => {
  let p: TestPlatform;
  let repo: OutboxRepository;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    repo = new OutboxRepository(p.database.db);
  });
  afterAll(async () => {
    await p?.close();
  });

  const row = (userId: string, dedupeKey: string | null): Insertable<NotificationOutboxTable> => {
    const now = p.clock.now().toISOString();
    return {
      id: randomUUID(),
      kind: 'document.distributed',
      user_id: userId,
      email: 'reader@example.gov.tw',
      locale: 'zh-TW',
      subject: '請閱讀資通安全政策',
      body: '新版資通安全政策已發布。',
      link: '/documents/1',
      dedupe_key: dedupeKey,
      status: 'queued',
      attempts: 0,
      last_error: null,
      next_attempt_at: now,
      claim_token: null,
      claimed_until: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    };
  };
  const countOf = async (userId: string) =>
    Number(
      (
        await p.database.db
          .selectFrom('notification_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const insert = (rows: Insertable<NotificationOutboxTable>[]) =>
    p.database.db.transaction().execute((trx) => repo.insert(trx, rows));

  it('inserts more rows than one statement holds, counting only the new ones', async () => {
    const u = await makeUser(p);
    const keys = Array.from({ length: 700 }, (_, i) => `doc-1:v${i}`);
    expect(await insert(keys.slice(0, 300).map((k) => row(u.id, k)))).toBe(300);
    // The first 300 exist already: only the other 400 are new, across several statements.
    expect(await insert(keys.map((k) => row(u.id, k)))).toBe(400);
    expect(await countOf(u.id)).toBe(700);
    expect(await insert(keys.map((k) => row(u.id, k)))).toBe(0);
    expect(await countOf(u.id)).toBe(700);
  });

  it('keeps one row of a pair repeated in one call, and every row without a dedupe key', async () => {
    const u = await makeUser(p);
    const rows = [row(u.id, 'scan-42'), row(u.id, 'scan-42'), row(u.id, null), row(u.id, null)];
    expect(await insert(rows)).toBe(3);
    expect(await countOf(u.id)).toBe(3);
    expect(await insert([])).toBe(0);
  });
});
