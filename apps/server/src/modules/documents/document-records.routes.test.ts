import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINIMAL_PDF } from '../../platform/files/zip.testkit.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  createTestPlatform,
  expectError,
  makeRole,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import {
  captureNotices,
  createDocument,
  documentCast,
  draft,
  publishVersion,
  signInAgain,
} from './documents.testkit.js';

describe.each(testDialects())('distribution, reminders and retention on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    c = await documentCast(p);
  });
  beforeEach(() => signInAgain(p, c));
  afterAll(() => p.close());

  it('distributes to a role, tracks two acknowledgements and reminds the rest', async () => {
    const notices = captureNotices(p);
    const staff = await makeRole(p, ['org.read']);
    const alice = await userClient(p, [staff]);
    const bob = await userClient(p, [staff]);
    const carol = await userClient(p, [staff]);
    const doc = await createDocument(c.manager.client, c.manager.user.id, { title: '可接受使用政策' });
    const v = await draft(c.manager.client, doc.id, '# 可接受使用\n');
    const published = await publishVersion(c, v.id, { roleIds: [staff] });
    expect(published.status).toBe('published');
    expect(
      notices
        .find((n) => n.kind === 'document.to_read')
        ?.to.slice()
        .sort(),
    ).toEqual([alice.user.id, bob.user.id, carol.user.id].sort());

    const home = (await alice.client.get('/api/documents/summary')).json();
    expect(home).toMatchObject({ toAcknowledge: 1, overdueReviews: null, pendingApprovals: null });
    const list = (await alice.client.get('/api/my/documents-to-read')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ versionId: v.id, title: '可接受使用政策', acknowledgedAt: null }),
    ]);
    expect((await alice.client.get(`/api/document-versions/${v.id}`)).json()).toMatchObject({
      body: '# 可接受使用\n',
      can: { acknowledge: true },
    });

    p.clock.advanceSeconds(30);
    const ack = await alice.client.post(`/api/my/documents-to-read/${v.id}/acknowledge`);
    expect(ack.json().acknowledgedAt).toBe(p.clock.now().toISOString());
    expectError(
      await alice.client.post(`/api/my/documents-to-read/${v.id}/acknowledge`),
      409,
      'document.already_acknowledged',
    );
    await bob.client.post(`/api/my/documents-to-read/${v.id}/acknowledge`);
    expectError(
      await c.bystander.client.post(`/api/my/documents-to-read/${v.id}/acknowledge`),
      404,
      'not_found',
    );

    const progress = (await c.reader.client.get(`/api/document-versions/${v.id}/acknowledgements`)).json();
    expect(progress).toMatchObject({ total: 3, acknowledged: 2 });
    const acks = (await auditOf(p, v.id)).filter((a) => a.action === 'document.acknowledged');
    expect(acks.map((a) => a.actor_id).sort()).toEqual([alice.user.id, bob.user.id].sort());

    // distributing again adds only newcomers
    const again = await c.manager.client.post(`/api/document-versions/${v.id}/distribute`, {
      userIds: [alice.user.id, c.reader.user.id],
    });
    expect(again.json()).toMatchObject({ added: 1, total: 4 });

    const remind = await c.manager.client.post(`/api/document-versions/${v.id}/remind`);
    expect(remind.json().reminded).toBe(2);
    expect(
      notices
        .find((n) => n.kind === 'document.acknowledgement_reminder')
        ?.to.slice()
        .sort(),
    ).toEqual([carol.user.id, c.reader.user.id].sort());
    expectError(await alice.client.post(`/api/document-versions/${v.id}/remind`), 403, 'auth.forbidden');

    const xlsx = await c.reader.client.get(
      `/api/document-versions/${v.id}/acknowledgements/export?format=xlsx&lang=zh-TW`,
    );
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets[0]?.getSheetValues().flat().join(' ') ?? '';
    expect(text).toContain('已確認');
    expect(text).toContain('未確認');
    const pdf = await c.reader.client.get(
      `/api/document-versions/${v.id}/acknowledgements/export?format=pdf&lang=en`,
    );
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reminds the owner 14 days before the review date and daily once overdue', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id, { title: '審查測試' });
    const v = await draft(c.manager.client, doc.id, 'x');
    await publishVersion(c, v.id);
    await c.manager.client.patch(`/api/documents/${doc.id}`, { nextReviewOn: '2026-06-15' });
    const notices = captureNotices(p);
    const run = () => p.services.documents.reminders.run();
    // the clock reads 2026-06-01 (Taipei): 14 days before 2026-06-15
    await run();
    expect(notices.filter((n) => n.link === `/documents/${doc.id}`).map((n) => n.kind)).toEqual([
      'document.review_due',
    ]);
    p.clock.advanceMinutes(60 * 24 * 15);
    await signInAgain(p, c);
    await run();
    const overdue = notices.filter(
      (n) => n.kind === 'document.review_overdue' && n.link === `/documents/${doc.id}`,
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.to).toEqual([c.manager.user.id]);
    expect(overdue[0]?.dedupeKey).toMatch(/:2026-06-16$/);
    const home = (await c.manager.client.get('/api/documents/summary')).json();
    expect(home.overdueReviews.total).toBeGreaterThanOrEqual(1);
    expect(home.overdueReviews.items.map((d: { id: string }) => d.id)).toContain(doc.id);
  });

  it('disposes of records past retention with two people, removing the file only then', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id, {
      levelId: 'record',
      title: '門禁紀錄',
      retentionYears: 1,
    });
    const v = await draft(c.manager.client, doc.id, '', 'file');
    const up = await c.manager.client.request({
      method: 'POST',
      url: `/api/document-versions/${v.id}/file?name=log.pdf`,
      payload: MINIMAL_PDF,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode, up.body).toBe(200);
    await publishVersion(c, v.id);
    const candidates = async () =>
      (await c.manager.client.get('/api/document-disposals/candidates'))
        .json()
        .items.map((x: { versionId: string }) => x.versionId);
    expect(await candidates()).not.toContain(v.id);
    expectError(
      await c.manager.client.post('/api/document-disposals', { versionId: v.id, reason: 'too early' }),
      409,
      'document.retention_not_reached',
    );
    p.clock.advanceMinutes(60 * 24 * 400);
    await signInAgain(p, c);
    expect(await candidates()).toContain(v.id);
    const req = await c.manager.client.post('/api/document-disposals', {
      versionId: v.id,
      reason: '保存期限屆滿',
    });
    expect(req.statusCode, req.body).toBe(201);
    const disposalId = req.json().id;
    expectError(
      await c.manager.client.post('/api/document-disposals', { versionId: v.id, reason: 'again' }),
      409,
      'document.disposal_pending',
    );
    // the manager cannot approve (no documents.approve); an approver who requested cannot either
    expectError(
      await c.manager.client.post(`/api/document-disposals/${disposalId}/approve`, {}),
      403,
      'auth.forbidden',
    );
    const both = await userClient(p, [
      await makeRole(p, ['documents.manage', 'documents.approve', 'documents.read']),
    ]);
    const own = await both.client.post('/api/document-disposals', { versionId: v.id, reason: 'x' });
    expectError(own, 409, 'document.disposal_pending');
    const sha = (
      await p.database.db
        .selectFrom('document_versions')
        .select('file_sha256')
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow()
    ).file_sha256 as string;
    expect(await p.services.blobs.has(sha)).toBe(true);
    const approved = await c.approver.client.post(`/api/document-disposals/${disposalId}/approve`, {
      note: '同意',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: c.approver.user.id } });
    expect(await p.services.blobs.has(sha)).toBe(false);
    const after = (await c.reader.client.get(`/api/document-versions/${v.id}`)).json();
    expect(after.disposedAt).toEqual(expect.any(String));
    expect((await auditOf(p, v.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['document.disposal_requested', 'document.disposal_approved']),
    );
    expect(await candidates()).not.toContain(v.id);
  });

  it('refuses a disposal approved by its own requester', async () => {
    const both = await userClient(p, [
      await makeRole(p, ['documents.manage', 'documents.approve', 'documents.read']),
    ]);
    const doc = await createDocument(c.manager.client, c.manager.user.id, {
      levelId: 'record',
      title: 'r',
      retentionYears: 1,
    });
    const v = await draft(c.manager.client, doc.id, 'rec');
    await publishVersion(c, v.id);
    p.clock.advanceMinutes(60 * 24 * 400);
    await signInAgain(p, { ...c, both });
    const req = (
      await both.client.post('/api/document-disposals', { versionId: v.id, reason: 'due' })
    ).json();
    expectError(
      await both.client.post(`/api/document-disposals/${req.id}/approve`, {}),
      403,
      'document.same_person',
    );
    const rejected = await c.approver.client.post(`/api/document-disposals/${req.id}/reject`, {
      note: '仍需保存',
    });
    expect(rejected.json().status).toBe('rejected');
    expect((await c.reader.client.get(`/api/document-versions/${v.id}`)).json()).toMatchObject({
      disposedAt: null,
      body: 'rec',
    });
  });
});
