import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { addFileReference, isReferenced } from '../../platform/files/file-references.js';
import { testDialects } from '../../test/database.js';
import {
  type Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { PNG } from './compliance.testkit.js';

/** An obsolete document version whose file is `sha256`, holding its reference, with a pending disposal. */
async function documentVersionWithFile(p: TestPlatform, sha256: string | null, requestedBy: string) {
  const db = p.database.db;
  const now = p.clock.now().toISOString();
  const tag = randomUUID().slice(0, 8);
  const levelId = `test-${tag}`;
  const documentId = randomUUID();
  const versionId = randomUUID();
  const disposalId = randomUUID();
  await db
    .insertInto('document_levels')
    .values({
      id: levelId,
      rank: 4,
      prefix: `T${tag}`,
      name_en: 'Test records',
      name_zh: '測試紀錄',
      is_record: 1,
      retention_years: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      number: `ISMS-T${tag}-001`,
      title: '系統稽核紀錄',
      level_id: levelId,
      owner_id: null,
      classification: 'internal',
      requirements: '[]',
      review_interval_months: 12,
      next_review_on: null,
      retention_years: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('document_versions')
    .values({
      id: versionId,
      document_id: documentId,
      version: 1,
      status: 'obsolete',
      format: sha256 ? 'file' : 'markdown',
      body: sha256 ? '' : '# 紀錄',
      file_sha256: sha256,
      file_name: sha256 ? 'record.png' : null,
      file_type: sha256 ? 'image/png' : null,
      file_size: sha256 ? 1 : null,
      change_summary: '',
      created_by: null,
      created_at: now,
      updated_at: now,
      submitted_at: null,
      approved_at: null,
      published_at: null,
      published_by: null,
      obsolete_at: now,
      disposed_at: null,
    })
    .execute();
  if (sha256)
    await addFileReference(db, {
      sha256,
      size: 1,
      contentType: 'image/png',
      refType: 'document_version',
      refId: versionId,
      at: now,
    });
  await db
    .insertInto('document_disposals')
    .values({
      id: disposalId,
      version_id: versionId,
      status: 'pending',
      reason: 'past retention',
      requested_by: requestedBy,
      requested_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: '',
    })
    .execute();
  return { versionId, disposalId };
}

describe.each(testDialects())('evidence files and records on %s', (dialect) => {
  let p: TestPlatform;
  let engineer: Client;
  let engineerId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    engineerId = e.user.id;
  });
  afterAll(async () => p?.close());

  const upload = (body: Buffer) =>
    engineer.request({
      method: 'POST',
      url: '/api/evidence/files?title=Firewall%20export&fileName=fw.png',
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });

  it('keeps a file that evidence uses when a document version of the same content is disposed', async () => {
    const bytes = Buffer.concat([PNG, randomBytes(32)]);
    const res = await upload(bytes);
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json();
    const refs = await p.database.db
      .selectFrom('file_references')
      .select(['ref_type', 'ref_id', 'size', 'content_type'])
      .where('sha256', '=', ev.sha256)
      .execute();
    expect(refs).toEqual([
      { ref_type: 'evidence', ref_id: ev.id, size: bytes.length, content_type: 'image/png' },
    ]);

    // The same content is also the file of an old document version, whose disposal is then approved.
    await p.services.blobs.put(bytes, { maxBytes: bytes.length });
    const doc = await documentVersionWithFile(p, ev.sha256, engineerId);
    await p.services.documents.retention.decide(cliContext('test'), doc.disposalId, true, 'approved');

    const version = await p.database.db
      .selectFrom('document_versions')
      .select('disposed_at')
      .where('id', '=', doc.versionId)
      .executeTakeFirstOrThrow();
    expect(version.disposed_at).not.toBeNull();
    expect(await isReferenced(p.database.db, ev.sha256)).toBe(true);
    const content = await engineer.get(`/api/evidence/${ev.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(bytes)).toBe(true);
  });

  it('removes a disposed version file that no evidence uses (the reference is what keeps it)', async () => {
    const bytes = Buffer.concat([PNG, randomBytes(32)]);
    const blob = await p.services.blobs.put(bytes, { maxBytes: bytes.length });
    const doc = await documentVersionWithFile(p, blob.sha256, engineerId);
    await p.services.documents.retention.decide(cliContext('test'), doc.disposalId, true, 'approved');
    expect(await isReferenced(p.database.db, blob.sha256)).toBe(false);
    expect(await p.services.blobs.has(blob.sha256)).toBe(false);
  });

  it('uploading the same content twice gives each evidence item its own reference', async () => {
    const bytes = Buffer.concat([PNG, randomBytes(32)]);
    const a = (await upload(bytes)).json();
    const b = (await upload(bytes)).json();
    expect(a.sha256).toBe(b.sha256);
    const refs = await p.database.db
      .selectFrom('file_references')
      .select('ref_id')
      .where('sha256', '=', a.sha256)
      .where('ref_type', '=', 'evidence')
      .orderBy('ref_id')
      .execute();
    expect(refs.map((r) => r.ref_id)).toEqual([a.id, b.id].sort());
  });

  it('takes an obligation task and a kept document version as record evidence', async () => {
    const db = p.database.db;
    const now = p.clock.now().toISOString();
    const obligationId = randomUUID();
    const taskId = randomUUID();
    await db
      .insertInto('obligations')
      .values({
        id: obligationId,
        framework_key: 'tw-responsibility-levels',
        ref: 'B-VULN',
        kind: 'vulnerability_scan',
        title_en: 'Vulnerability scan',
        title_zh: '弱點掃描',
        description_en: '',
        description_zh: '',
        level: 'B',
        schedule: '{}',
        quantity: null,
        owner_id: null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('obligation_tasks')
      .values({
        id: taskId,
        obligation_id: obligationId,
        seq: 1,
        scheduled_on: '2026-06-30',
        due_on: '2026-06-30',
        hours: null,
        audience: null,
        owner_id: null,
        status: 'open',
        completed_at: null,
        completed_by: null,
        completion_note: null,
        cancelled_at: null,
        cancel_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const task = await engineer.post('/api/evidence', {
      kind: 'record',
      title: '2026 上半年弱點掃描',
      recordType: 'obligation_task',
      recordId: taskId,
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json()).toMatchObject({ kind: 'record', recordType: 'obligation_task', recordId: taskId });

    const doc = await documentVersionWithFile(p, null, engineerId);
    const version = await engineer.post('/api/evidence', {
      kind: 'record',
      title: '資訊安全政策 v1',
      recordType: 'document_version',
      recordId: doc.versionId,
    });
    expect(version.statusCode, version.body).toBe(201);
    // Once disposed, the version is no longer a record that can be shown as evidence.
    await p.services.documents.retention.decide(cliContext('test'), doc.disposalId, true, 'approved');
    expectError(
      await engineer.post('/api/evidence', {
        kind: 'record',
        title: '資訊安全政策 v1',
        recordType: 'document_version',
        recordId: doc.versionId,
      }),
      400,
      'evidence.record_not_found',
    );
    expectError(
      await engineer.post('/api/evidence', {
        kind: 'record',
        title: 'missing task',
        recordType: 'obligation_task',
        recordId: randomUUID(),
      }),
      400,
      'evidence.record_not_found',
    );
    const unknown = await engineer.post('/api/evidence', {
      kind: 'record',
      title: 'x',
      recordType: 'nonsense',
      recordId: taskId,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.known).toEqual(
      expect.arrayContaining(['obligation_task', 'document_version', 'risk_assessment']),
    );
  });
});
