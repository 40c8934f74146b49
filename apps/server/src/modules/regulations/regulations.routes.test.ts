import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../platform/notify/notify.service.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

interface Entry {
  id: string;
  nameZh: string;
  status: string;
  builtin: boolean;
  reviewDue: boolean;
  keyDates: { on: string }[];
}

async function sheetText(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) => {
      row.eachCell((c) => {
        out.push(String(c.value ?? ''));
      });
    });
  return out;
}

describe.each(testDialects())('regulations register on %s', (dialect) => {
  let p: TestPlatform;
  let engineer: Client;
  let engineerId: string;
  let auditor: Client;
  const list = async (c: Client, q = ''): Promise<Entry[]> => {
    const res = await c.get(`/api/regulations${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    engineerId = e.user.id;
    auditor = (await userClient(p, ['auditor'])).client;
  });
  afterAll(async () => p?.close());

  it('is seeded with the Taiwan list', async () => {
    const items = await list(auditor);
    const names = items.map((x) => x.nameZh);
    for (const n of [
      '資通安全管理法',
      '資通安全管理法施行細則',
      '資通安全責任等級分級辦法',
      '資通安全事件通報應變及演練辦法',
      '資通安全事件通報及應變辦法',
      '個人資料保護法',
      '個人資料保護法施行細則',
      '著作權法',
    ])
      expect(names).toContain(n);
    const act = items.find((x) => x.nameZh === '資通安全管理法');
    expect(act?.keyDates.map((d) => d.on)).toEqual(['2018-06-06', '2019-01-01', '2025-09-24']);
    expect(items.find((x) => x.nameZh === '資通安全事件通報及應變辦法')?.status).toBe('superseded');
    expect(items.every((x) => x.builtin && x.reviewDue)).toBe(true);
    // Seeding is a change like any other: each entry has its audit entry, by the system.
    for (const x of items) {
      const trail = await auditOf(p, x.id);
      expect(trail.map((a) => a.action)).toEqual(['regulation.seeded']);
      expect(trail[0]?.actor_id).toBeNull();
    }
  });

  it('seeds once: edits are kept and deleted entries stay deleted', async () => {
    const items = await list(engineer);
    const copyright = items.find((x) => x.nameZh === '著作權法');
    const pdpa = items.find((x) => x.nameZh === '個人資料保護法');
    expect((await engineer.delete(`/api/regulations/${copyright?.id}`)).statusCode).toBe(200);
    expect((await engineer.patch(`/api/regulations/${pdpa?.id}`, { notes: 'DPO: 法務室' })).statusCode).toBe(
      200,
    );
    // Two processes starting at once seed nothing twice and nothing back.
    await Promise.all([p.services.regulations.bootstrap(), p.services.regulations.bootstrap()]);
    const after = await list(engineer);
    expect(after).toHaveLength(items.length - 1);
    expect(after.find((x) => x.nameZh === '著作權法')).toBeUndefined();
    expect((await engineer.get(`/api/regulations/${pdpa?.id}`)).json().notes).toBe('DPO: 法務室');
    expect((await auditOf(p, copyright?.id ?? '')).map((a) => a.action)).toEqual([
      'regulation.seeded',
      'regulation.deleted',
    ]);
    expect((await auditOf(p, pdpa?.id ?? '')).map((a) => a.action)).toEqual([
      'regulation.seeded',
      'regulation.updated',
    ]);
  });

  it('adds an entry, marks it reviewed and reminds its owner before the next review', async () => {
    const created = await engineer.post('/api/regulations', {
      nameZh: '委外契約資安條款',
      nameEn: 'Outsourcing contract security clauses',
      kind: 'contract',
      ownerId: engineerId,
      reviewMonths: 6,
      obligations: [
        {
          text: '廠商應於 24 小時內通報資安事件',
          requirements: [{ framework: 'iso27001-2022', ref: 'A.5.20' }],
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      applicable: true,
      reviewDue: true,
      nextReviewOn: null,
      status: 'in_force',
    });
    expectError(
      await engineer.post(`/api/regulations/${id}/review`, { reviewedOn: '2027-01-01' }),
      400,
      'regulation.review_in_future',
    );
    const reviewed = await engineer.post(`/api/regulations/${id}/review`, {
      reviewedOn: '2026-01-31',
      note: 'no change',
    });
    expect(reviewed.json()).toMatchObject({
      lastReviewedOn: '2026-01-31',
      nextReviewOn: '2026-07-31',
      reviewDue: false,
    });
    expect((await auditOf(p, id)).map((a) => a.action)).toEqual([
      'regulation.created',
      'regulation.reviewed',
    ]);
    expect((await list(auditor, '?reviewDue=false')).map((x) => x.id)).toEqual([id]);

    const sent: Notice[] = [];
    const queue = p.services.notify.queue.bind(p.services.notify);
    p.services.notify.queue = async (trx, n) => {
      sent.push(n);
      await queue(trx, n);
    };
    // 14 days before 31 July in Taipei.
    p.clock.advanceSeconds((Date.parse('2026-07-17T00:00:00Z') - p.clock.now().getTime()) / 1000);
    expect(await p.services.regulations.runReminders()).toBe(1);
    expect(await p.services.regulations.runReminders()).toBe(0);
    expect(sent[0]).toMatchObject({
      kind: 'regulation.review_due',
      to: [engineerId],
      link: `/regulations/${id}`,
    });
    expect(p.services.jobs.jobs.map((j) => j.name)).toContain('regulations.review-reminders');
  });

  it('exports the 適用法規清單 record as XLSX, PDF and DOCX', async () => {
    engineer = (await userClient(p, ['security_engineer'])).client;
    const xlsx = await engineer.request({
      method: 'GET',
      url: '/api/regulations/export?format=xlsx&lang=zh-TW',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment;/);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('適用法規清單');
    const cells = await sheetText(xlsx.rawPayload);
    expect(cells).toContain('資通安全管理法');
    expect(cells).toContain('委外契約資安條款');
    expect(cells).toContain('主管機關');
    const en = await engineer.request({ method: 'GET', url: '/api/regulations/export?format=xlsx&lang=en' });
    const enCells = await sheetText(en.rawPayload);
    expect(enCells).toContain('Cyber Security Management Act');
    expect(enCells).toContain('Authority');

    const pdf = await engineer.request({ method: 'GET', url: '/api/regulations/export?format=pdf' });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await engineer.request({
      method: 'GET',
      url: '/api/regulations/export?format=docx&lang=zh-TW',
    });
    const zip = await JSZip.loadAsync(docx.rawPayload);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('資通安全責任等級分級辦法');
  });

  it('401/403/400', async () => {
    // The clock moved on: everyone signs in again.
    engineer = (await userClient(p, ['security_engineer'])).client;
    auditor = (await userClient(p, ['auditor'])).client;
    expectError(await new Client(p.app).get('/api/regulations'), 401, 'auth.unauthenticated');
    const viewer = (await userClient(p, ['viewer'])).client;
    expectError(await viewer.get('/api/regulations'), 403, 'auth.forbidden');
    expectError(
      await auditor.post('/api/regulations', { nameZh: 'x', nameEn: 'x', kind: 'law' }),
      403,
      'auth.forbidden',
    );
    expectError(
      await engineer.post('/api/regulations', { nameZh: 'x', nameEn: 'x', kind: 'treaty' }),
      400,
      'validation.failed',
    );
    expectError(
      await engineer.post('/api/regulations', {
        nameZh: 'x',
        nameEn: 'x',
        kind: 'law',
        url: 'javascript:alert(1)',
      }),
      400,
      'validation.failed',
    );
    expectError(
      await engineer.post('/api/regulations', {
        nameZh: 'x',
        nameEn: 'x',
        kind: 'law',
        ownerId: crypto.randomUUID(),
      }),
      400,
      'regulation.unknown_user',
    );
    expectError(await engineer.get('/api/regulations/export?format=odt'), 400, 'validation.failed');
    expectError(await engineer.get(`/api/regulations/${crypto.randomUUID()}`), 404, 'not_found');
  });
});
