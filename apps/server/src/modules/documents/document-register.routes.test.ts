import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import { auditOf, createTestPlatform, expectError, type TestPlatform } from '../../test/harness.js';
import { createDocument, documentCast } from './documents.testkit.js';

describe.each(testDialects())('document metadata and levels on %s', (dialect) => {
  let p: TestPlatform;
  let c: Awaited<ReturnType<typeof documentCast>>;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    c = await documentCast(p);
  });
  afterAll(() => p.close());

  it('edits every metadata field, the level too, and keeps the number', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id, { title: '存取控制程序' });
    const res = await c.manager.client.patch(`/api/documents/${doc.id}`, {
      title: '存取控制管理程序',
      levelId: 'procedure',
      ownerId: c.reader.user.id,
      classification: 'confidential',
      requirements: [
        { framework: 'iso27001', ref: 'A.5.15' },
        { framework: 'nist-csf', ref: 'PR.AA-05' },
      ],
      reviewIntervalMonths: 6,
      nextReviewOn: '2026-12-31',
      retentionYears: 7,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await c.reader.client.get(`/api/documents/${doc.id}`)).json();
    expect(after).toMatchObject({
      number: doc.number,
      title: '存取控制管理程序',
      levelId: 'procedure',
      owner: { id: c.reader.user.id },
      classification: 'confidential',
      requirements: [
        { framework: 'iso27001', ref: 'A.5.15' },
        { framework: 'nist-csf', ref: 'PR.AA-05' },
      ],
      reviewIntervalMonths: 6,
      nextReviewOn: '2026-12-31',
      retentionYears: 7,
      effectiveRetentionYears: 7,
    });
    const audit = (await auditOf(p, doc.id)).find((a) => a.action === 'document.updated');
    expect(audit?.details.changes).toMatchObject({ levelId: 'procedure', classification: 'confidential' });

    // clearing the document's own retention falls back to its level's
    await c.manager.client.patch(`/api/documents/${doc.id}`, { retentionYears: null, nextReviewOn: null });
    expect((await c.reader.client.get(`/api/documents/${doc.id}`)).json()).toMatchObject({
      retentionYears: null,
      effectiveRetentionYears: 3,
      nextReviewOn: null,
    });
  });

  it('refuses bad metadata and changes nothing', async () => {
    const doc = await createDocument(c.manager.client, c.manager.user.id, { title: '不變' });
    const patch = (body: Record<string, unknown>) => c.manager.client.patch(`/api/documents/${doc.id}`, body);
    expectError(await patch({ levelId: 'nope' }), 400, 'document.unknown_level');
    expectError(
      await patch({ ownerId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'document.unknown_owner',
    );
    expectError(await patch({ nextReviewOn: '2026-02-30' }), 400, 'validation.failed');
    expectError(await patch({ reviewIntervalMonths: 0 }), 400, 'validation.failed');
    expectError(await patch({ number: 'X-1' }), 400, 'validation.failed');
    expectError(
      await c.reader.client.patch(`/api/documents/${doc.id}`, { title: 'x' }),
      403,
      'auth.forbidden',
    );
    expectError(
      await c.manager.client.patch('/api/documents/00000000-0000-4000-8000-000000000000', { title: 'x' }),
      404,
      'not_found',
    );
    expect((await c.reader.client.get(`/api/documents/${doc.id}`)).json()).toMatchObject({
      title: '不變',
      levelId: 'policy',
      reviewIntervalMonths: 12,
    });
  });

  it('adds and edits levels for holders of documents.manage only', async () => {
    const created = await c.manager.client.post('/api/document-levels', {
      id: 'contract',
      rank: 5,
      prefix: 'C',
      nameEn: 'Contracts',
      nameZh: '合約',
      isRecord: true,
      retentionYears: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'contract', documentCount: 0, isRecord: true });
    expect((await c.manager.client.get('/api/documents/next-number?levelId=contract')).json().number).toBe(
      'ISMS-C-001',
    );
    await createDocument(c.manager.client, c.manager.user.id, { levelId: 'contract', title: '委外合約' });

    const renamed = await c.manager.client.patch('/api/document-levels/contract', {
      nameZh: '合約與協議',
      retentionYears: null,
    });
    expect(renamed.json()).toMatchObject({ nameZh: '合約與協議', retentionYears: null, documentCount: 1 });
    const levels = (await c.reader.client.get('/api/document-levels')).json().items;
    expect(levels.map((l: { id: string }) => l.id)).toEqual([
      'policy',
      'procedure',
      'instruction',
      'record',
      'contract',
    ]);
    expect((await auditOf(p, 'contract')).map((a) => a.action)).toEqual([
      'document.level_created',
      'document.level_updated',
    ]);

    expectError(
      await c.manager.client.patch('/api/document-levels/contract', { prefix: 'P' }),
      409,
      'document.prefix_taken',
    );
    expectError(
      await c.manager.client.patch('/api/document-levels/contract', { prefix: 'bad' }),
      400,
      'validation.failed',
    );
    expectError(
      await c.manager.client.patch('/api/document-levels/missing', { nameEn: 'x' }),
      404,
      'not_found',
    );
    expectError(
      await c.approver.client.patch('/api/document-levels/contract', { nameEn: 'x' }),
      403,
      'auth.forbidden',
    );
  });
});
