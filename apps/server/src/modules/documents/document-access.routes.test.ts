// What people outside the register (recipients, named reviewers, bystanders) can reach through the
// self-service version routes, that file downloads are in the audit trail, and that uploaded names are safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from '../../platform/files/zip.testkit.js';
import { testDialects } from '../../test/database.js';
import { auditOf, createTestPlatform, expectError, type TestPlatform } from '../../test/harness.js';
import { captureNotices, createDocument, documentCast, draft, publishVersion } from './documents.testkit.js';

describe.each(testDialects())('document access outside the register on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;
  let published: string;
  let nextDraft: string;
  let otherInReview: string;
  let fileVersion: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    captureNotices(p);
    c = await documentCast(p);
    const policy = await createDocument(c.manager.client, c.manager.user.id);
    published = (await draft(c.manager.client, policy.id, '# 政策')).id;
    await publishVersion(c, published, { userIds: [c.bystander.user.id] });
    nextDraft = (await draft(c.manager.client, policy.id, '# 政策 v2 草稿')).id;
    const other = await createDocument(c.manager.client, c.manager.user.id, { title: '存取控制程序' });
    otherInReview = (await draft(c.manager.client, other.id, '# 存取控制')).id;
    const submitted = await c.manager.client.post(`/api/document-versions/${otherInReview}/submit`, {
      reviewerIds: [c.reviewer2.user.id],
      approverIds: [c.approver.user.id],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const form = await createDocument(c.manager.client, c.manager.user.id, {
      title: '表單',
      levelId: 'record',
    });
    fileVersion = (await draft(c.manager.client, form.id, '', 'file')).id;
  });
  afterAll(() => p.close());

  it('a recipient reads the version sent to them, not drafts of it or of other documents', async () => {
    const mine = await c.bystander.client.get(`/api/document-versions/${published}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().can.acknowledge).toBe(true);
    for (const id of [nextDraft, otherInReview]) {
      expectError(await c.bystander.client.get(`/api/document-versions/${id}`), 404, 'not_found');
      expectError(await c.bystander.client.get(`/api/document-versions/${id}/file`), 404, 'not_found');
    }
    expectError(await c.bystander.client.get('/api/documents'), 403, 'auth.forbidden');
  });

  it('a named reviewer sees the version they were named on, and only that', async () => {
    expect((await c.reviewer2.client.get(`/api/document-versions/${otherInReview}`)).statusCode).toBe(200);
    expectError(await c.reviewer2.client.get(`/api/document-versions/${nextDraft}`), 404, 'not_found');
  });

  it('deciding on a version one cannot see answers "not found", like a version that does not exist', async () => {
    const unknown = crypto.randomUUID();
    expectError(
      await c.bystander.client.post(`/api/document-versions/${unknown}/review`, { decision: 'approve' }),
      404,
      'not_found',
    );
    for (const id of [otherInReview, nextDraft])
      expectError(
        await c.bystander.client.post(`/api/document-versions/${id}/review`, {
          decision: 'reject',
          comment: 'no',
        }),
        404,
        'not_found',
      );
    const v = (await c.manager.client.get(`/api/document-versions/${otherInReview}`)).json();
    expect(v.status).toBe('review');
    // Someone who can see it but is not named still hears why.
    expectError(
      await c.reviewer.client.post(`/api/document-versions/${published}/review`, { decision: 'approve' }),
      409,
      'document.not_in_review',
    );
  });

  it('keeps a safe name for an uploaded file and records each download', async () => {
    const docx = minimalDocx('表單');
    const up = await c.manager.client.request({
      method: 'POST',
      url: `/api/document-versions/${fileVersion}/file?name=${encodeURIComponent('../表單\u202Excod.exe\u0007')}`,
      payload: docx,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().file.name).toBe('表單xcod.exe.docx');
    const dl = await c.reader.client.get(`/api/document-versions/${fileVersion}/file`);
    expect(dl.statusCode).toBe(200);
    expect(String(dl.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('表單xcod.exe.docx')}`,
    );
    const entry = (await auditOf(p, fileVersion)).filter((x) => x.action === 'document.file_downloaded');
    expect(entry).toHaveLength(1);
    expect(entry[0]?.actor_id).toBe(c.reader.user.id);
    expect(entry[0]?.details).toMatchObject({ name: '表單xcod.exe.docx', sha256: expect.any(String) });
    // A refused download is not a download.
    await c.bystander.client.get(`/api/document-versions/${fileVersion}/file`);
    expect(
      (await auditOf(p, fileVersion)).filter((x) => x.action === 'document.file_downloaded'),
    ).toHaveLength(1);
  });
});
