// PDF rendering (pdfkit): A4, Noto Sans TC embedded as a subset, page footer "第 n 頁／共 m 頁" / "Page n of m".
import PDFDocument from 'pdfkit';
import { notoSansTc } from './fonts.js';
import {
  addPage,
  COLOUR,
  contentWidth,
  ensureSpace,
  FONT,
  fitRuns,
  MARGIN,
  type Pdf,
  pdfText,
  SIZE,
  write,
} from './pdf-layout.js';
import { drawTable } from './pdf-table.js';
import { cleanText, metaRows, words } from './text.js';
import type { Block, ReportDocument } from './types.js';

const HEADING_SIZE = { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } as const;

function text(value: string): string {
  return pdfText(cleanText(value));
}

function paragraph(doc: Pdf, value: string, size: number, color: string = COLOUR.text, bold = false): void {
  doc.fontSize(size);
  const x = doc.page.margins.left;
  ensureSpace(doc, doc.currentLineHeight(true));
  doc.fillColor(color);
  if (bold) doc.strokeColor(color).lineWidth(0.35);
  // Long text flows on to new pages by itself.
  doc.text(fitRuns(doc, value, contentWidth(doc)), x, doc.y, {
    width: contentWidth(doc),
    lineGap: 2,
    ...(bold ? { fill: true, stroke: true } : {}),
  });
}

function titleBlock(doc: Pdf, report: ReportDocument): void {
  const { meta } = report;
  paragraph(doc, text(meta.title), SIZE.title, COLOUR.text, true);
  if (meta.subtitle) {
    doc.y += 2;
    paragraph(doc, text(meta.subtitle), SIZE.subtitle, COLOUR.muted);
  }
  doc.y += 6;
  doc.fontSize(SIZE.meta);
  for (const [label, value] of metaRows(meta))
    paragraph(doc, `${label}${words(meta.locale).colon}${pdfText(value)}`, SIZE.meta, COLOUR.muted);
  doc.y += 6;
  const y = doc.y;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + contentWidth(doc), y)
    .lineWidth(0.8)
    .strokeColor(COLOUR.rule)
    .stroke();
  doc.y = y + 12;
}

function block(doc: Pdf, b: Block, report: ReportDocument): void {
  const locale = report.meta.locale;
  switch (b.type) {
    case 'heading': {
      const size = HEADING_SIZE[b.level] ?? SIZE.h3;
      doc.fontSize(size);
      // Keep a heading with at least a few lines of what follows.
      ensureSpace(doc, doc.currentLineHeight(true) * 2 + 40);
      doc.y += b.level === 1 ? 8 : 5;
      paragraph(doc, text(b.text), size, COLOUR.text, true);
      doc.y += 4;
      return;
    }
    case 'paragraph':
      paragraph(doc, text(b.text), SIZE.body);
      doc.y += 6;
      return;
    case 'bullets': {
      doc.fontSize(SIZE.body);
      const indent = 14;
      for (const item of b.items) {
        ensureSpace(doc, doc.currentLineHeight(true));
        const y = doc.y;
        write(doc, '•', doc.page.margins.left + 2, y, { width: indent });
        doc.text(fitRuns(doc, text(item), contentWidth(doc) - indent), doc.page.margins.left + indent, y, {
          width: contentWidth(doc) - indent,
          lineGap: 2,
        });
        doc.y += 2;
      }
      doc.y += 4;
      return;
    }
    case 'keyValue':
      drawTable(doc, {
        columns: [
          { title: '', width: 1 },
          { title: '', width: 2.4 },
        ],
        rows: b.rows.map(([k, v]) => [k, v]),
        header: false,
        repeatHeader: false,
        firstColumnFill: COLOUR.keyFill,
        locale,
      });
      doc.y += 10;
      return;
    case 'table':
      if (b.caption) {
        doc.fontSize(SIZE.meta);
        ensureSpace(doc, doc.currentLineHeight(true) * 3);
        paragraph(doc, text(b.caption), SIZE.meta, COLOUR.muted, true);
        doc.y += 3;
      }
      drawTable(doc, {
        columns: b.columns,
        rows: b.rows,
        header: true,
        repeatHeader: b.repeatHeader !== false,
        locale,
      });
      doc.y += 10;
      return;
    case 'pageBreak':
      addPage(doc);
      return;
  }
}

/** Footer on every page: the report title on the left, "第 n 頁／共 m 頁" or "Page n of m" on the right. */
function footers(doc: Pdf, report: ReportDocument): void {
  const range = doc.bufferedPageRange();
  const w = words(report.meta.locale);
  const title = text(report.meta.title).replace(/\n/g, ' ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 24;
    const width = contentWidth(doc);
    doc.fontSize(SIZE.footer).fillColor(COLOUR.muted);
    doc.text(title, doc.page.margins.left, y, {
      width: width * 0.6,
      lineBreak: false,
      ellipsis: '…',
      height: SIZE.footer * 1.5,
    });
    doc.text(w.page(i + 1, range.count), doc.page.margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Renders the document as an A4 PDF (portrait, or landscape) with Noto Sans TC embedded as a subset. */
export function renderPdf(report: ReportDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const { meta } = report;
    const created = new Date(meta.generatedAt);
    const doc: Pdf = new PDFDocument({
      size: 'A4',
      layout: report.landscape ? 'landscape' : 'portrait',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      lang: meta.locale,
      displayTitle: true,
      info: {
        Title: cleanText(meta.title),
        Author: cleanText(meta.organisation),
        Subject: cleanText(meta.subtitle ?? ''),
        Creator: 'Vigil',
        Producer: 'Vigil (pdfkit)',
        ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.registerFont(FONT, notoSansTc());
      doc.font(FONT);
      titleBlock(doc, report);
      for (const b of report.blocks) block(doc, b, report);
      footers(doc, report);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
