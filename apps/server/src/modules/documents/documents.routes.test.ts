import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, MINIMAL_PDF, minimalDocx, zipBomb } from '../../platform/files/zip.testkit.js';
import { testDialects } from '../../test/database.js';
import { auditOf, Client, createTestPlatform, expectError, type TestPlatform } from '../../test/harness.js';
import { captureNotices, createDocument, documentCast, draft, publishVersion } from './documents.testkit.js';

describe.each(testDialects())('document control on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    c = await documentCast(p);
  });
  afterAll(() => p.close());

  it('seeds the four levels and suggests numbers per level', async () => {
    const levels = (await c.reader.client.get('/api/document-levels')).json().items;
    expect(levels.map((l: { id: string; nameZh: string }) => [l.id, l.nameZh])).toEqual([
      ['policy', '一階 政策'],
      ['procedure', '二階 程序'],
      ['instruction', '三階 作業說明'],
      ['record', '四階 表單／紀錄'],
    ]);
    for (const id of ['policy', 'procedure', 'instruction', 'record'])
      expect((await auditOf(p, id)).map((a) => a.action)).toEqual(['document.level_seeded']);
    await Promise.all([p.services.documents.bootstrap(), p.services.documents.bootstrap()]);
    expect((await auditOf(p, 'policy')).map((a) => a.action)).toEqual(['document.level_seeded']);
    const first = await createDocument(c.manager.client, c.manager.user.id);
    expect(first.number).toBe('ISMS-P-001');
    const next = await c.manager.client.get('/api/documents/next-number?levelId=policy');
    expect(next.json().number).toBe('ISMS-P-002');
    const dup = await c.manager.client.post('/api/documents', {
      number: first.number,
      title: 'x',
      levelId: 'policy',
      ownerId: c.manager.user.id,
    });
    expectError(dup, 409, 'document.number_taken');
  });

  it('answers 401, 403 and 400 at the edges', async () => {
    expectError(await new Client(p.app).get('/api/documents'), 401, 'auth.unauthenticated');
    expectError(await c.bystander.client.get('/api/documents'), 403, 'auth.forbidden');
    expectError(
      await c.reader.client.post('/api/documents', {
        title: 'x',
        levelId: 'policy',
        ownerId: c.reader.user.id,
      }),
      403,
      'auth.forbidden',
    );
    expectError(
      await c.manager.client.post('/api/documents', {
        title: '',
        levelId: 'policy',
        ownerId: c.manager.user.id,
      }),
      400,
      'validation.failed',
    );
    expectError(
      await c.manager.client.post('/api/documents', {
        title: 'x',
        levelId: 'nope',
        ownerId: c.manager.user.id,
      }),
      400,
      'document.unknown_level',
    );
    expectError(
      await c.manager.client.post('/api/document-levels', {
        id: 'policy',
        rank: 9,
        prefix: 'Z',
        nameEn: 'x',
        nameZh: 'x',
      }),
      409,
      'document.level_exists',
    );
  });

  it('runs draft → review → approved → published with named people only', async () => {
    const notices = captureNotices(p);
    const doc = await createDocument(c.manager.client, c.manager.user.id, { reviewIntervalMonths: 12 });
    const v1 = await draft(c.manager.client, doc.id, '# 存取控制\n密碼至少 8 碼\n');
    const submit = await c.manager.client.post(`/api/document-versions/${v1.id}/submit`, {
      reviewerIds: [c.reviewer.user.id, c.reviewer2.user.id],
      approverIds: [c.approver.user.id],
    });
    expect(submit.json()).toMatchObject({ status: 'review', stage: 'reviewer' });
    expect(notices.find((n) => n.kind === 'document.review_requested')?.to).toEqual([
      c.reviewer.user.id,
      c.reviewer2.user.id,
    ]);
    // read-only once out of draft
    expectError(
      await c.manager.client.patch(`/api/document-versions/${v1.id}`, { body: 'x' }),
      409,
      'document.not_draft',
    );
    // the reviewer (a viewer without documents.read) can open what they are named on; a bystander cannot
    expect((await c.reviewer.client.get(`/api/document-versions/${v1.id}`)).json().can.review).toBe(true);
    expectError(await c.bystander.client.get(`/api/document-versions/${v1.id}`), 404, 'not_found');
    // …nor decide on it: the refusal is the same "not found" (its existence does not leak); a register
    // reader who is not named hears why.
    expectError(
      await c.bystander.client.post(`/api/document-versions/${v1.id}/review`, { decision: 'approve' }),
      404,
      'not_found',
    );
    expectError(
      await c.reader.client.post(`/api/document-versions/${v1.id}/review`, { decision: 'approve' }),
      403,
      'document.not_named_reviewer',
    );
    expectError(
      await c.approver.client.post(`/api/document-versions/${v1.id}/approval`, { decision: 'approve' }),
      409,
      'document.reviews_pending',
    );
    await c.reviewer.client.post(`/api/document-versions/${v1.id}/review`, {
      decision: 'approve',
      comment: 'ok',
    });
    const reviewed = await c.reviewer2.client.post(`/api/document-versions/${v1.id}/review`, {
      decision: 'approve',
    });
    expect(reviewed.json()).toMatchObject({ status: 'review', stage: 'approver' });
    expect(notices.find((n) => n.kind === 'document.approval_requested')?.to).toEqual([c.approver.user.id]);
    // only the named approver, and only with documents.approve
    expectError(
      await c.otherApprover.client.post(`/api/document-versions/${v1.id}/approval`, { decision: 'approve' }),
      403,
      'document.not_named_approver',
    );
    expectError(
      await c.reviewer.client.post(`/api/document-versions/${v1.id}/approval`, { decision: 'approve' }),
      403,
      'auth.forbidden',
    );
    const approved = await c.approver.client.post(`/api/document-versions/${v1.id}/approval`, {
      decision: 'approve',
    });
    expect(approved.json().status).toBe('approved');
    const published = await c.manager.client.post(`/api/document-versions/${v1.id}/publish`, {});
    expect(published.json().status).toBe('published');
    const detail = (await c.reader.client.get(`/api/documents/${doc.id}`)).json();
    expect(detail).toMatchObject({ publishedVersion: 1, nextReviewOn: '2027-06-01', reviewOverdue: false });
    expect((await auditOf(p, v1.id)).map((a) => a.action)).toEqual([
      'document.version_created',
      'document.submitted',
      'document.reviewer_decided',
      'document.reviewer_decided',
      'document.approved',
      'document.published',
    ]);

    // version 2: the previous published version becomes obsolete and stays readable; diff between them
    const v2 = await draft(c.manager.client, doc.id, '# 存取控制\n密碼至少 12 碼\n多因子驗證\n');
    expectError(
      await c.manager.client.post(`/api/documents/${doc.id}/versions`, {}),
      409,
      'document.open_version_exists',
    );
    await publishVersion(c, v2.id);
    const v1After = (await c.reader.client.get(`/api/document-versions/${v1.id}`)).json();
    expect(v1After).toMatchObject({ status: 'obsolete', body: '# 存取控制\n密碼至少 8 碼\n' });
    expect(v1After.obsoleteAt).toEqual(expect.any(String));
    const diff = (await c.reader.client.get(`/api/documents/${doc.id}/diff?from=1&to=2`)).json();
    expect(diff).toMatchObject({ added: 2, removed: 1 });
    expect(
      diff.lines.filter((l: { kind: string }) => l.kind !== 'same').map((l: { text: string }) => l.text),
    ).toEqual(['密碼至少 8 碼', '密碼至少 12 碼', '多因子驗證']);
  });

  it('a rejection sends the version back to draft with the comment kept', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id);
    const v = await draft(c.manager.client, doc.id, 'text');
    await c.manager.client.post(`/api/document-versions/${v.id}/submit`, {
      reviewerIds: [c.reviewer.user.id],
      approverIds: [c.approver.user.id],
    });
    expectError(
      await c.reviewer.client.post(`/api/document-versions/${v.id}/review`, { decision: 'reject' }),
      400,
      'validation.failed',
    );
    const back = await c.reviewer.client.post(`/api/document-versions/${v.id}/review`, {
      decision: 'reject',
      comment: '請補充範圍',
    });
    expect(back.json()).toMatchObject({ status: 'draft' });
    expect(back.json().participants[0]).toMatchObject({ decision: 'reject', comment: '請補充範圍' });
    expect(
      (await c.manager.client.patch(`/api/document-versions/${v.id}`, { body: 'better' })).statusCode,
    ).toBe(200);
    expectError(
      await c.manager.client.post(`/api/document-versions/${v.id}/submit`, {
        reviewerIds: [c.reviewer.user.id],
        approverIds: [c.reviewer2.user.id],
      }),
      400,
      'document.approver_lacks_permission',
    );
    expectError(
      await c.manager.client.post(`/api/document-versions/${v.id}/publish`, {}),
      409,
      'document.not_approved',
    );
  });

  describe('uploaded files', () => {
    let docId: string;
    const upload = (versionId: string, body: Buffer, name: string, type = 'application/octet-stream') =>
      c.manager.client.request({
        method: 'POST',
        url: `/api/document-versions/${versionId}/file?name=${encodeURIComponent(name)}`,
        payload: body,
        headers: { 'content-type': type },
      });

    beforeAll(async () => {
      docId = (
        await createDocument(c.manager.client, c.manager.user.id, { levelId: 'procedure', title: '備份程序' })
      ).id;
    });

    it('accepts a DOCX by its content and serves it back as an attachment', async () => {
      const v = await draft(c.manager.client, docId, '', 'file');
      const docx = minimalDocx('備份');
      const res = await upload(v.id, docx, '備份程序.docx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().file).toEqual({
        name: '備份程序.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: docx.length,
      });
      const got = await c.reader.client.get(`/api/document-versions/${v.id}/file`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-disposition']).toMatch(/^attachment; /);
      expect(got.rawPayload.equals(docx)).toBe(true);
      // a PDF replaces it while still a draft
      expect((await upload(v.id, MINIMAL_PDF, 'x.pdf', 'application/pdf')).json().file.contentType).toBe(
        'application/pdf',
      );
      expectError(await c.bystander.client.get(`/api/document-versions/${v.id}/file`), 404, 'not_found');
    });

    it.each([
      [
        'an EXE named .pdf',
        Buffer.from('MZ\x90\x00\x03 this program cannot be run in DOS mode', 'latin1'),
        'a.pdf',
        415,
        'file.type_not_allowed',
      ],
      ['plain text', Buffer.from('hello'), 'a.docx', 415, 'file.type_not_allowed'],
      ['a zip bomb', zipBomb(8), 'bomb.docx', 400, 'file.unsafe_archive'],
      [
        'path traversal',
        buildZip([{ name: 'word/../../x', data: 'x' }]),
        'evil.docx',
        400,
        'file.unsafe_archive',
      ],
      [
        '21 MiB',
        Buffer.concat([MINIMAL_PDF, Buffer.alloc(21 * 1024 * 1024)]),
        'big.pdf',
        413,
        'file.too_large',
      ],
    ])('refuses %s and keeps the draft unchanged', async (_label, body, name, status, code) => {
      const v = await draft(c.manager.client, docId, '', 'file').catch(async () => {
        const detail = (await c.manager.client.get(`/api/documents/${docId}`)).json();
        return { id: detail.versions[0].id as string, version: 0 };
      });
      const before = (await c.manager.client.get(`/api/document-versions/${v.id}`)).json().file;
      expectError(await upload(v.id, body, name), status, code);
      expect((await c.manager.client.get(`/api/document-versions/${v.id}`)).json().file).toEqual(before);
    });

    it('refuses uploads to Markdown versions and to versions out of draft', async () => {
      const md = await createDocument(c.manager.client, c.manager.user.id, { title: 'md' });
      const v = await draft(c.manager.client, md.id, 'text');
      expectError(await upload(v.id, MINIMAL_PDF, 'a.pdf'), 400, 'document.not_file');
      await publishVersion(c, v.id);
      expectError(await upload(v.id, MINIMAL_PDF, 'a.pdf'), 409, 'document.not_draft');
      expectError(
        await c.reader.client.request({
          method: 'POST',
          url: `/api/document-versions/${v.id}/file?name=a.pdf`,
          payload: MINIMAL_PDF,
          headers: { 'content-type': 'application/pdf' },
        }),
        403,
        'auth.forbidden',
      );
    });
  });
});
