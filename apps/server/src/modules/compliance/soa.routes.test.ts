import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { ensureFrameworks, type FrameworkFacts } from './compliance.testkit.js';

interface Entry {
  ref: string;
  applicable: boolean;
  justification: string;
  implementation: string;
  controls: { id: string }[];
  suggestedControls: { id: string }[];
}

describe.each(testDialects())('Statement of Applicability on %s', (dialect) => {
  let p: TestPlatform;
  let facts: FrameworkFacts;
  let engineer: Client;
  let admin: Client;
  let adminId: string;
  let auditor: Client;
  let firstId: string;
  let controlId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    facts = await ensureFrameworks(p);
    engineer = (await userClient(p, ['security_engineer'])).client;
    const a = await userClient(p, ['admin']);
    admin = a.client;
    adminId = a.user.id;
    auditor = (await userClient(p, ['auditor'])).client;
  });
  afterAll(async () => p?.close());

  const justifyAll = (id: string, entries: Entry[], text: string) =>
    engineer.patch(`/api/compliance/soa/${id}/entries`, {
      entries: entries.map((e, i) => ({
        ref: e.ref,
        applicable: i !== 1,
        justification: i === 1 ? '本機關無此業務' : text,
        implementation: i === 0 ? 'implemented' : 'planned',
        controlIds: e.controls.map((c) => c.id),
      })),
    });

  it('drafts every Annex A control with the controls already linked to it', async () => {
    const annexA = await facts.annexA();
    expect(annexA.length).toBeGreaterThan(2);
    expect((await auditor.get('/api/compliance/summary')).json().soa).toBeNull();
    controlId = (
      await engineer.post('/api/compliance/controls', {
        name: '資訊安全政策',
        category: 'policy',
        requirements: [{ frameworkKey: 'iso27001-2022', ref: annexA[0]?.ref }],
      })
    ).json().id;
    const res = await engineer.post('/api/compliance/soa');
    expect(res.statusCode, res.body).toBe(201);
    const soa = res.json();
    expect(soa).toMatchObject({ version: 1, status: 'draft', basedOnVersion: null });
    expect(soa.entries.map((e: Entry) => e.ref)).toEqual(annexA.map((n) => n.ref));
    expect(soa.entries[0].controls.map((c: { id: string }) => c.id)).toEqual([controlId]);
    expect(soa.counts.missingJustification).toBe(annexA.length);
    expectError(await engineer.post('/api/compliance/soa'), 409, 'soa.draft_exists');
    firstId = soa.id;
  });

  it('approves only a fully justified draft, by someone with compliance.approve, and freezes it', async () => {
    expectError(await admin.post(`/api/compliance/soa/${firstId}/approve`, {}), 400, 'soa.incomplete');
    const draft = (await engineer.get(`/api/compliance/soa/${firstId}`)).json();
    expectError(
      await engineer.patch(`/api/compliance/soa/${firstId}/entries`, {
        entries: [
          { ref: draft.entries[0].ref, applicable: true, justification: '  ', implementation: 'planned' },
        ],
      }),
      400,
      'validation.failed',
    );
    expectError(
      await engineer.patch(`/api/compliance/soa/${firstId}/entries`, {
        entries: [{ ref: 'Z.1', applicable: true, justification: 'x', implementation: 'planned' }],
      }),
      400,
      'soa.unknown_ref',
    );
    const saved = await justifyAll(firstId, draft.entries, '風險評鑑結果須採行');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().counts).toMatchObject({
      missingJustification: 0,
      applicable: draft.entries.length - 1,
    });

    expectError(await engineer.post(`/api/compliance/soa/${firstId}/approve`, {}), 403, 'auth.forbidden');
    const ok = await admin.post(`/api/compliance/soa/${firstId}/approve`, { note: '管理審查會議通過' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvalNote: '管理審查會議通過' });
    expect(ok.json().approvedBy.id).toBe(adminId);
    expect(ok.json().approvedAt).toBe(p.clock.now().toISOString());
    expectError(await justifyAll(firstId, draft.entries, 'changed'), 409, 'soa.not_draft');
    expectError(await admin.post(`/api/compliance/soa/${firstId}/approve`, {}), 409, 'soa.not_draft');
    expect((await auditOf(p, firstId)).map((x) => x.action)).toEqual([
      'soa.created',
      'soa.updated',
      'soa.approved',
    ]);
    expect((await auditor.get('/api/compliance/summary')).json().soa).toMatchObject({
      version: 1,
      status: 'approved',
    });
  });

  it('starts the next draft from the latest version; its approval supersedes the old one', async () => {
    const res = await engineer.post('/api/compliance/soa');
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1 });
    expect(v2.entries[1]).toMatchObject({ applicable: false, justification: '本機關無此業務' });
    expect(v2.entries[0]).toMatchObject({
      implementation: 'implemented',
      justification: '風險評鑑結果須採行',
    });
    expect((await admin.post(`/api/compliance/soa/${v2.id}/approve`, {})).statusCode).toBe(200);
    const list = (await auditor.get('/api/compliance/soa')).json().items;
    expect(list.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(list[1].supersededAt).toBe(p.clock.now().toISOString());
  });

  it('exports XLSX and DOCX (and PDF) with every Annex A row, in either language', async () => {
    const annexA = await facts.annexA();
    const xlsx = await auditor.get(`/api/compliance/soa/${firstId}/export?format=xlsx&locale=zh-TW`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(String(xlsx.headers['content-disposition'])).toMatch(/^attachment;/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe('適用性聲明');
    const cells: string[] = [];
    sheet?.eachRow((row) => {
      cells.push(String(row.getCell(1).value ?? ''));
    });
    for (const n of annexA) expect(cells).toContain(n.ref);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(text).toContain('風險評鑑結果須採行');

    const docx = await auditor.get(`/api/compliance/soa/${firstId}/export?format=docx&locale=en`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Statement of Applicability');
    expect(xml).toContain('Version 1');
    for (const n of annexA.slice(0, 5)) expect(xml).toContain(`>${n.ref}<`);

    const pdf = await auditor.get(`/api/compliance/soa/${firstId}/export?format=pdf&locale=zh-TW`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectError(
      await auditor.get(`/api/compliance/soa/${firstId}/export?format=odt`),
      400,
      'validation.failed',
    );
    expect((await auditOf(p, firstId)).filter((x) => x.action === 'soa.exported')).toHaveLength(3);
  });
});
