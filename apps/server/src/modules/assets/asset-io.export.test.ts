import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  type Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { readXlsxCells, upload, XLSX_TYPE, xlsxOf } from './asset-io.testkit.js';

const PDFTOTEXT = process.env.VIGIL_TEST_PDFTOTEXT ?? '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-register-'));
  try {
    const file = path.join(dir, 'register.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const FORMULA_NAME = '=HYPERLINK("http://x")';

describe.each(testDialects())('asset export and the 資產清冊 record on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const a = await userClient(p, ['admin']);
    admin = a.client;
    await admin.put('/api/org', { name: '守望測試機關' });
    const unit = (await admin.post('/api/units', { name: '資訊室', code: 'IT' })).json();
    await admin.put('/api/assets/valuation-settings', {
      scaleMax: 3,
      legalRating: true,
      valueRule: 'max',
      classifications: [
        { key: 'public', en: 'Public', zh: '公開' },
        { key: 'secret', en: 'Secret', zh: '機密' },
      ],
    });
    const assets = [
      {
        code: 'SYS-0001',
        name: '公文管理系統',
        type: 'information_system',
        identifiers: [
          { kind: 'hostname', value: 'doc.example.gov.tw' },
          { kind: 'ip', value: '10.1.2.3' },
          { kind: 'url', value: 'https://doc.example.gov.tw/login' },
        ],
        ownerId: a.user.id,
        unitId: unit.id,
        location: '機房 A',
        description: '第一行\n第二行, "引號"',
        status: 'in_use',
        commissionedOn: '2020-01-15',
        vendor: '廠商甲',
        endOfSupportOn: '2030-12-31',
        tags: ['核心', 'prod'],
        confidentiality: 3,
        integrity: 2,
        availability: 3,
        legal: 2,
        classification: 'secret',
        coreSystem: true,
        criticalInfrastructure: false,
        informationClass: 'core',
        protectionAnswers: {
          confidentiality: 'high',
          integrity: 'medium',
          availability: 'high',
          legal: 'normal',
        },
        mtpdHours: 8,
        rtoHours: 4,
        rpoHours: 0.5,
        personalData: true,
      },
      {
        code: 'HW-0001',
        name: FORMULA_NAME,
        type: 'hardware',
        description: '-5 is not a number here',
        tags: ['@home'],
      },
      {
        code: 'HW-0002',
        name: '+886 電話交換機',
        type: 'hardware',
        status: 'retired',
        retiredOn: '2025-06-30',
      },
    ];
    for (const a of assets) {
      const res = await admin.post('/api/assets', a);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => p?.close());

  async function roundTrip(file: Buffer, type: string) {
    const res = await upload(admin, file, { type });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.errors).toEqual([]);
    expect(body.warnings).toEqual([]);
    expect({ toCreate: body.toCreate, toUpdate: body.toUpdate }).toEqual({ toCreate: 0, toUpdate: 3 });
    const applied = await admin.post(`/api/assets/import/${body.importId}/apply`, {});
    expect(applied.json()).toEqual({ created: 0, updated: 0 });
  }

  it('exports CSV in zh-TW that imports back unchanged, with formulas neutralised', async () => {
    const res = await admin.get('/api/assets/export?format=csv&lang=zh-TW');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1] ?? '')).toMatch(/^資產清冊-\d{8}\.csv$/);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF資產編號,資產名稱,資產類別')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'+886 電話交換機");
    expect(text).toContain("'-5 is not a number here");
    expect(text).toContain('使用中');
    await roundTrip(res.rawPayload, 'text/csv');
    const formula = (await admin.get('/api/assets?q=hyperlink')).json().items[0];
    expect(formula.name).toBe(FORMULA_NAME);
    expect(formula.tags).toEqual(['@home']);
  });

  it('exports XLSX in English with text cells (never formulas) that imports back unchanged', async () => {
    const res = await admin.get('/api/assets/export?format=xlsx&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const ws = await readXlsxCells(res.rawPayload);
    expect(ws.getRow(1).getCell(1).value).toBe('Code');
    const names: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(2).value);
      expect(row.getCell(2).formula).toBeFalsy();
    });
    expect(names).toContain(FORMULA_NAME);
    await roundTrip(res.rawPayload, XLSX_TYPE);
  });

  it('exports with the list filters and records who took a copy', async () => {
    const res = await admin.get('/api/assets/export?format=csv&lang=en&type=hardware');
    const lines = res.rawPayload.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const entries = await p.database.db
      .selectFrom('audit_entries')
      .select(['action', 'details', 'actor_label'])
      .where('action', '=', 'asset.export')
      .execute();
    expect(entries.map((e) => JSON.parse(e.details))).toContainEqual(
      expect.objectContaining({
        kind: 'export',
        format: 'csv',
        lang: 'en',
        count: 2,
        filter: expect.objectContaining({ type: 'hardware' }),
      }),
    );
  });

  it('renders the 資產清冊 PDF with the organisation, the summary and the inventory', async () => {
    const res = await admin.get('/api/assets/register?format=pdf&lang=zh-TW');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (!havePdftotext) {
      if (process.env.VIGIL_TEST_REQUIRE_PDFTOTEXT === '1') throw new Error(`no pdftotext at ${PDFTOTEXT}`);
      process.stderr.write(`\n*** No pdftotext at ${PDFTOTEXT}: the 資產清冊 PDF text was NOT checked.\n`);
      return;
    }
    const text = pdfText(res.rawPayload);
    for (const want of ['資產清冊', '守望測試機關', '公文管理系統', '核心資通系統', '資訊室'])
      expect(text).toContain(want);
    const en = await admin.get('/api/assets/register?format=pdf&lang=en');
    expect(pdfText(en.rawPayload)).toContain('Asset inventory');
    const entries = await p.database.db
      .selectFrom('audit_entries')
      .select(['details'])
      .where('action', '=', 'asset.export')
      .execute();
    expect(entries.map((e) => JSON.parse(e.details))).toContainEqual(
      expect.objectContaining({ kind: 'register', format: 'pdf', count: 3 }),
    );
  });

  it('renders the 資產清冊 workbook: a summary sheet and the inventory with the legal rating', async () => {
    const res = await admin.get('/api/assets/register?format=xlsx&lang=zh-TW');
    expect(res.statusCode).toBe(200);
    const summary = await readXlsxCells(res.rawPayload, 0);
    expect(summary.name).toBe('摘要');
    const inventory = await readXlsxCells(res.rawPayload, 1);
    const header = (inventory.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['資產編號', '資產名稱', 'L', '防護等級', '個資']));
    const cells: unknown[] = [];
    inventory.eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toEqual(expect.arrayContaining(['公文管理系統', '高', '機密']));
  });

  it('gives an empty template in the import layout', async () => {
    const res = await admin.get('/api/assets/import/template?format=xlsx&lang=zh-TW');
    expect(res.statusCode).toBe(200);
    const ws = await readXlsxCells(res.rawPayload);
    expect(ws.getRow(1).getCell(2).value).toBe('資產名稱');
    expect(ws.rowCount).toBe(1);
  });

  it('lets auditors export but not import, and owners neither', async () => {
    const auditor = (await userClient(p, ['auditor'])).client;
    expect((await auditor.get('/api/assets/export?format=csv')).statusCode).toBe(200);
    expect((await auditor.get('/api/assets/register?format=xlsx')).statusCode).toBe(200);
    expectError(await upload(auditor, 'name,type\nx,hardware\n'), 403, 'auth.forbidden');
    const owner = (await userClient(p, ['asset_owner'])).client;
    expectError(await owner.get('/api/assets/export?format=csv'), 403, 'auth.forbidden');
    expectError(await owner.get('/api/assets/register?format=pdf'), 403, 'auth.forbidden');
    expectError(await owner.get('/api/assets/import/template'), 403, 'auth.forbidden');
  });

  it('imports 10,000 rows from XLSX (preview and apply)', async () => {
    const header = [
      '資產名稱',
      '資產類別',
      'IP 位址',
      '主機名稱',
      '狀態',
      '啟用日期',
      '機密性 (C)',
      '完整性 (I)',
      '可用性 (A)',
      '所屬單位',
      '標籤',
    ];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `大量資產 ${i}`,
      i % 2 ? '硬體' : 'Software',
      `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      `bulk-${i}.example`,
      '使用中',
      new Date(Date.UTC(2020, i % 12, (i % 28) + 1)),
      (i % 3) + 1,
      2,
      1,
      'IT',
      'bulk',
    ]);
    const file = await xlsxOf([{ name: 'bulk', rows: [header, ...rows] }]);
    const started = performance.now();
    const res = await upload(admin, file, { type: XLSX_TYPE });
    const previewed = performance.now();
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ rowCount: 10_000, toCreate: 10_000, errorCount: 0 });
    const applied = await admin.post(`/api/assets/import/${res.json().importId}/apply`, {});
    const done = performance.now();
    expect(applied.json()).toEqual({ created: 10_000, updated: 0 });
    process.stdout.write(
      `\n[bench] ${dialect}: 10,000-row XLSX (${(file.length / 1024).toFixed(0)} KiB) preview ${((previewed - started) / 1000).toFixed(2)} s, apply ${((done - previewed) / 1000).toFixed(2)} s, total ${((done - started) / 1000).toFixed(2)} s\n`,
    );
    expect((await admin.get('/api/assets?tag=bulk&limit=1')).json().total).toBe(10_000);
  }, 120_000);
});
