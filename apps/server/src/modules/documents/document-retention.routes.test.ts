import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { auditOf, createTestPlatform, expectError, type TestPlatform } from '../../test/harness.js';
import { createDocument, documentCast, draft, publishVersion, signInAgain } from './documents.testkit.js';

const DAY = 60 * 24;

describe.each(testDialects())('records retention on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    c = await documentCast(p);
  });
  afterAll(() => p.close());

  const candidates = async () =>
    (await c.manager.client.get('/api/document-disposals/candidates')).json().items as {
      versionId: string;
      status: string;
      retentionYears: number;
      dueOn: string;
    }[];

  it('lists obsolete versions of any level and level-4 records once their level retention has passed', async () => {
    // the clock reads 2026-06-01 in Taipei; the seeded levels keep records for 3 years
    const policy = await createDocument(c.manager.client, c.manager.user.id, { title: '資訊安全政策' });
    const p1 = await draft(c.manager.client, policy.id, '# v1\n');
    await publishVersion(c, p1.id);
    const p2 = await draft(c.manager.client, policy.id, '# v2\n');
    await publishVersion(c, p2.id);
    const procedure = await createDocument(c.manager.client, c.manager.user.id, {
      levelId: 'procedure',
      title: '已廢止程序',
    });
    const w1 = await draft(c.manager.client, procedure.id, 'withdrawn');
    await publishVersion(c, w1.id);
    expect((await c.manager.client.post(`/api/document-versions/${w1.id}/withdraw`)).statusCode).toBe(200);
    const record = await createDocument(c.manager.client, c.manager.user.id, {
      levelId: 'record',
      title: '機房進出紀錄',
    });
    const r1 = await draft(c.manager.client, record.id, '| 日期 | 人員 |');
    await publishVersion(c, r1.id);
    const instruction = await createDocument(c.manager.client, c.manager.user.id, {
      levelId: 'instruction',
      title: '保存十年的作業說明',
      retentionYears: 10,
    });
    const i1 = await draft(c.manager.client, instruction.id, 'i1');
    await publishVersion(c, i1.id);
    const i2 = await draft(c.manager.client, instruction.id, 'i2');
    await publishVersion(c, i2.id);

    const ours = [p1.id, p2.id, w1.id, r1.id, i1.id, i2.id];
    const listed = async () => (await candidates()).filter((x) => ours.includes(x.versionId));
    expect(await listed()).toEqual([]);

    // one day before the three years are up: still nothing
    p.clock.advanceMinutes(1095 * DAY);
    await signInAgain(p, c);
    expect(await listed()).toEqual([]);

    p.clock.advanceMinutes(DAY);
    await signInAgain(p, c);
    const due = await listed();
    expect(due.map((x) => [x.versionId, x.status, x.retentionYears, x.dueOn]).sort()).toEqual(
      [
        [p1.id, 'obsolete', 3, '2029-06-01'],
        [w1.id, 'obsolete', 3, '2029-06-01'],
        [r1.id, 'published', 3, '2029-06-01'],
      ].sort(),
    );
    // the published policy is no record, and the instruction's own ten years are not up
    expect(due.map((x) => x.versionId)).not.toContain(p2.id);
    expect(due.map((x) => x.versionId)).not.toContain(i1.id);

    // a longer retention on the level takes the procedure off the list again
    await c.manager.client.patch('/api/document-levels/procedure', { retentionYears: 5 });
    expect((await listed()).map((x) => x.versionId)).not.toContain(w1.id);
  });

  it('disposes of an obsolete Markdown version with two people and keeps the current one readable', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id, { title: '密碼政策' });
    const v1 = await draft(c.manager.client, doc.id, '# 舊版\n');
    await publishVersion(c, v1.id);
    const v2 = await draft(c.manager.client, doc.id, '# 新版\n');
    await publishVersion(c, v2.id);
    p.clock.advanceMinutes(1200 * DAY);
    await signInAgain(p, c);
    expect((await candidates()).map((x) => x.versionId)).toContain(v1.id);

    expectError(
      await c.approver.client.post('/api/document-disposals', { versionId: v1.id, reason: 'x' }),
      403,
      'auth.forbidden',
    );
    expectError(
      await c.manager.client.post('/api/document-disposals', { versionId: v1.id, reason: '' }),
      400,
      'validation.failed',
    );
    const req = await c.manager.client.post('/api/document-disposals', {
      versionId: v1.id,
      reason: '已逾保存年限',
    });
    expect(req.statusCode, req.body).toBe(201);
    const pending = (await candidates()).find((x) => x.versionId === v1.id);
    expect(pending).toMatchObject({ pendingDisposalId: req.json().id });
    const home = (await c.approver.client.get('/api/documents/summary')).json();
    expect(home.pendingDisposals).toBeGreaterThanOrEqual(1);

    const ok = await c.approver.client.post(`/api/document-disposals/${req.json().id}/approve`, {
      note: '核准銷毀',
    });
    expect(ok.json()).toMatchObject({ status: 'approved', requestedBy: { id: c.manager.user.id } });
    expect((await c.reader.client.get(`/api/document-versions/${v1.id}`)).json()).toMatchObject({
      body: '',
      disposedAt: expect.any(String),
    });
    expect((await c.reader.client.get(`/api/document-versions/${v2.id}`)).json()).toMatchObject({
      body: '# 新版\n',
      status: 'published',
    });
    expectError(
      await c.reader.client.get(`/api/documents/${doc.id}/diff?from=1&to=2`),
      409,
      'document.disposed',
    );
    expect((await candidates()).map((x) => x.versionId)).not.toContain(v1.id);
    const audit = (await auditOf(p, v1.id)).filter((a) => a.action.startsWith('document.disposal_'));
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['document.disposal_requested', c.manager.user.id],
      ['document.disposal_approved', c.approver.user.id],
    ]);
    expectError(
      await c.otherApprover.client.post(`/api/document-disposals/${req.json().id}/reject`, {}),
      409,
      'document.disposal_decided',
    );
  });
});
