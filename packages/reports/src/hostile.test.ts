// Hostile and extreme input: every renderer finishes and writes no control characters.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { announcePdftotext, assetRows, havePdftotext, inventoryReport, pdfPages } from './sample.testkit.js';
import type { Cell, ReportDocument } from './types.js';
import { renderXlsx } from './xlsx.js';

announcePdftotext();

const NASTY = [
  'NUL\u0000BEL\u0007ESC\u001b[2JDEL\u007fC1\u0085end',
  'rtl \u202Egnp.exe\u202C and mark \u200F here',
  'emoji 😀👩‍💻🇹🇼 and lone \uD800 surrogate',
  'line1\r\nline2\rline3\nline4\ttab',
  '=cmd|"/c calc"!A1',
  `long ${'資'.repeat(20_000)}`,
  `${'x'.repeat(50_000)}`,
  '\uFFFE\uFFFF',
  '',
];
const CONTROL = /[^\P{Cc}\t\n\r]/u;

function nastyReport(): ReportDocument {
  const rows: Cell[][] = NASTY.map((s, i) => [s, { text: s, fill: '#not-a-colour', color: 'red' }, i]);
  return {
    meta: { ...inventoryReport(0).meta, title: `報告\u0000${NASTY[1]}`, organisation: NASTY[0] ?? '' },
    blocks: [
      ...NASTY.map((text) => ({ type: 'heading' as const, level: 2 as const, text })),
      ...NASTY.map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'bullets', items: NASTY },
      { type: 'bullets', items: [] },
      { type: 'keyValue', rows: NASTY.map((s) => [s, s] as [string, string]) },
      { type: 'keyValue', rows: [] },
      {
        type: 'table',
        columns: [{ title: NASTY[0] ?? '' }, { title: 'b', width: -3 }, { title: 'c', width: Number.NaN }],
        rows,
      },
      { type: 'table', columns: [{ title: 'ragged' }, { title: 'rows' }], rows: [[], ['1', '2', '3', '4']] },
      { type: 'table', columns: [{ title: 'empty' }], rows: [] },
      { type: 'table', columns: [], rows: [] },
      { type: 'pageBreak' },
      { type: 'pageBreak' },
    ],
  };
}

describe('hostile input', () => {
  it('PDF: renders, and the text holds no control characters', async () => {
    const pdf = await renderPdf(nastyReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (havePdftotext) {
      const text = pdfPages(pdf).join('');
      expect(text).toContain('NULBELESC[2JDELC1end');
      expect(text).toContain('line4');
    }
  });

  it('DOCX: renders well-formed XML without control characters', async () => {
    const docx = await renderDocx(nastyReport());
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('NULBELESC[2JDELC1end');
    expect(xml).not.toMatch(CONTROL);
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
  });

  it('XLSX: renders; values lose control characters; over-long text is cut at Excel’s cell limit', async () => {
    const rows: Cell[][] = NASTY.map((s) => [s, { text: s, fill: '#C62828' }]);
    const buf = await renderXlsx([
      { name: NASTY[0] ?? '', title: NASTY[0], columns: [{ header: NASTY[1] ?? '' }, { header: 'b' }], rows },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const values = (ws?.getSheetValues() ?? [])
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .filter((v) => typeof v === 'string');
    expect(values).toContain('NULBELESC[2JDELC1end');
    for (const v of values) {
      expect(v).not.toMatch(CONTROL);
      expect(v.length).toBeLessThanOrEqual(32_767);
    }
  });

  it('CSV: renders any of it', () => {
    const csv = renderCsv(NASTY, [NASTY, [null, -1, 0]]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('renders a 10,000-row table in every format', async () => {
    const doc = inventoryReport(10_000);
    const [pdf, docx, xlsx] = await Promise.all([
      renderPdf(doc),
      renderDocx(doc),
      renderXlsx([
        {
          name: '資產',
          columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }, { header: 'e' }],
          rows: assetRows(10_000),
        },
      ]),
    ]);
    expect(pdf.length).toBeGreaterThan(0);
    expect(docx.length).toBeGreaterThan(0);
    expect(xlsx.length).toBeGreaterThan(0);
    if (havePdftotext) {
      const pages = pdfPages(pdf);
      expect(pages.at(-1)).toContain('AST-10000');
      expect(pages.at(-1)).toContain(`第 ${pages.length} 頁／共 ${pages.length} 頁`);
    }
  }, 120_000);
});
