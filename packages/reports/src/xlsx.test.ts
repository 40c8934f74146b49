import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assetRows } from './sample.testkit.js';
import type { ReportMeta } from './types.js';
import { renderXlsx } from './xlsx.js';

const META: ReportMeta = {
  title: '資產清冊',
  organisation: '守望示範機關',
  generatedAt: '2026-11-22T06:05:00.000Z',
  generatedBy: '林管理員',
  locale: 'zh-TW',
};

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const COLUMNS = [
  { header: '資產編號', width: 14 },
  { header: '資產類別' },
  { header: '保管單位' },
  { header: '風險等級' },
  { header: '序號' },
];

describe('renderXlsx', () => {
  it('writes values, a title row, a bold frozen header with an autofilter, and workbook properties', async () => {
    const wb = await read(
      await renderXlsx(
        [{ name: '資產清冊', title: '資產清冊（114 年度）', columns: COLUMNS, rows: assetRows(3) }],
        META,
      ),
    );
    expect(wb.creator).toBe('林管理員');
    expect(wb.title).toBe('資產清冊');
    const ws = wb.getWorksheet('資產清冊');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe('資產清冊（114 年度）');
    expect(ws.getCell('A2').value).toBe('資產編號');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:E5');
    expect(ws.getCell('A3').value).toBe('AST-00001');
    expect(ws.getCell('B3').value).toBe('核心資通系統');
    expect(ws.getCell('E5').value).toBe(3);
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(12); // six CJK characters, counted double
  });

  it('fills heat-map cells and picks a readable text colour', async () => {
    const wb = await read(await renderXlsx([{ name: 'Heat', columns: COLUMNS, rows: assetRows(2) }]));
    const ws = wb.getWorksheet('Heat');
    const red = ws?.getCell('D2');
    const yellow = ws?.getCell('D3');
    expect(red?.value).toBe('高');
    expect(red?.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC62828' } });
    expect(red?.font?.color?.argb).toBe('FFFFFFFF');
    expect(yellow?.fill).toMatchObject({ fgColor: { argb: 'FFFFF59D' } });
    expect(yellow?.font?.color?.argb).toBe('FF000000');
  });

  it('writes text that looks like a formula as a plain string, never a formula', async () => {
    const rows = [['=1+1', '+cmd|x', '-2', '@SUM(A1)', -5]];
    const buf = await renderXlsx([{ name: 'x', columns: COLUMNS, rows }]);
    const ws = (await read(buf)).getWorksheet('x');
    const a2 = ws?.getCell('A2');
    expect(a2?.type).toBe(ExcelJS.ValueType.String);
    expect(a2?.value).toBe('=1+1');
    expect(a2?.formula).toBeUndefined();
    expect(ws?.getCell('C2').value).toBe('-2');
    expect(ws?.getCell('E2').value).toBe(-5);
    // Nothing in the sheet is a formula cell.
    const JSZip = (await import('jszip')).default;
    const sheet = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')?.async('string');
    expect(sheet).not.toContain('<f>');
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique', async () => {
    const wb = await read(
      await renderXlsx([
        { name: 'a[b]:c*d?e/f\\g', columns: [], rows: [] },
        { name: '風險評估報告'.repeat(10), columns: [], rows: [] },
        { name: '風險評估報告'.repeat(10), columns: [], rows: [] },
        { name: "'", columns: [], rows: [] },
      ]),
    );
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names).size).toBe(4);
    expect(names[0]).toBe('a b c d e f g');
  });

  it('writes an empty workbook as one blank sheet', async () => {
    const wb = await read(await renderXlsx([]));
    expect(wb.worksheets).toHaveLength(1);
  });
});
