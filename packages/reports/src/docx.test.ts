import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { inventoryReport } from './sample.testkit.js';
import type { ReportDocument } from './types.js';

async function part(docx: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing from the .docx`);
  return file.async('string');
}

describe('renderDocx', () => {
  it('writes the title block, Chinese headings, bullets and table text', async () => {
    const docx = await renderDocx(inventoryReport(5));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await part(docx, 'word/document.xml');
    for (const text of [
      '資產清冊',
      '114 年度資產盤點',
      '機關／組織：守望示範機關',
      '風險評估報告',
      '核心資通系統',
      'AST-00005',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:numPr>'); // bullets
  });

  it('shades heat-map cells with their fill and picks a readable text colour', async () => {
    const xml = await part(await renderDocx(inventoryReport(4)), 'word/document.xml');
    // Dark red gets white text, pale yellow gets black text.
    expect(xml).toMatch(/<w:shd [^>]*w:fill="C62828"/);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="FFF59D"/);
    expect(xml).toMatch(/w:fill="C62828"[\s\S]*?<w:color w:val="FFFFFF"\/>[\s\S]*?>高</);
    expect(xml).toMatch(/w:fill="FFF59D"[\s\S]*?<w:color w:val="000000"\/>[\s\S]*?>低</);
  });

  it('names a CJK font in the East Asian slot of every run and marks the header row to repeat', async () => {
    const xml = await part(await renderDocx(inventoryReport(2)), 'word/document.xml');
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) expect(run).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft JhengHei"/);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('puts page numbers in the footer in the report language', async () => {
    const zh = await part(await renderDocx(inventoryReport(1)), 'word/footer1.xml');
    expect(zh).toContain('第 ');
    expect(zh).toContain(' 頁／共 ');
    expect(zh).toContain('PAGE');
    expect(zh).toContain('NUMPAGES');
    const en = await part(await renderDocx(inventoryReport(1, 'en')), 'word/footer1.xml');
    expect(en).toContain('Page ');
    expect(en).toContain(' of ');
  });

  it('records the title and author in the document properties, and turns landscape pages', async () => {
    const docx = await renderDocx({ ...inventoryReport(1), landscape: true });
    const core = await part(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>資產清冊</dc:title>');
    expect(core).toContain('林管理員');
    const xml = await part(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it('keeps line breaks, drops control characters and survives an empty table', async () => {
    const doc: ReportDocument = {
      ...inventoryReport(0),
      blocks: [
        { type: 'paragraph', text: '第一行\n第二行\u0000\u0007\u001b[31m' },
        { type: 'table', columns: [{ title: '欄位' }], rows: [] },
        { type: 'table', columns: [], rows: [['ignored']] },
      ],
    };
    const xml = await part(await renderDocx(doc), 'word/document.xml');
    expect(xml).toContain('第一行');
    expect(xml).toMatch(/<w:br\/><w:t xml:space="preserve">第二行\[31m<\/w:t>/);
    expect(xml).not.toMatch(/[^\P{Cc}\t\n\r]/u);
    expect(xml).toContain('（無資料）');
  });
});
