// Word rendering (docx): the same blocks as Word headings, paragraphs, bullets and tables with shading;
// a footer with "第 n 頁／共 m 頁" / "Page n of m" as Word page fields.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DOCX_FONT } from './fonts.js';
import { type CellStyle, cellStyle, cleanText, metaRows, words } from './text.js';
import type { Block, Cell, ReportDocument, ReportLocale, TableColumn } from './types.js';

type Child = Paragraph | Table;

const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = 1134; // 2 cm
const HEADER_FILL = 'E6EAEF';
const KEY_FILL = 'F3F5F7';
const GRID = { style: BorderStyle.SINGLE, size: 4, color: 'B8C0C8' };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface RunStyle {
  bold?: boolean;
  color?: string;
  size?: number; // half-points
}

class Writer {
  constructor(private readonly locale: ReportLocale) {}

  /** Runs for a text; line breaks inside it become Word line breaks. */
  runs(value: string, style: RunStyle = {}): TextRun[] {
    return cleanText(value)
      .split('\n')
      .map(
        (line, i) =>
          new TextRun({
            text: line,
            break: i > 0 ? 1 : undefined,
            bold: style.bold,
            color: style.color,
            size: style.size,
            // Word picks the East Asian slot for Chinese characters; every slot names the same CJK font.
            font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT },
          }),
      );
  }

  paragraph(value: string, style: RunStyle = {}, spacingAfter = 120): Paragraph {
    return new Paragraph({ children: this.runs(value, style), spacing: { after: spacingAfter } });
  }

  cell(
    style: CellStyle,
    width: number,
    align: 'left' | 'center' | 'right',
    fallbackFill?: string,
  ): TableCell {
    const fill = style.fill ?? fallbackFill;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: [
        new Paragraph({
          alignment: ALIGN[align],
          children: this.runs(style.text, { bold: style.bold, color: style.color, size: 18 }),
        }),
      ],
    });
  }

  table(
    columns: TableColumn[],
    rows: Cell[][],
    opts: { header: boolean; repeatHeader: boolean; firstFill?: string; pageWidth: number },
  ): Table | null {
    if (columns.length === 0) return null;
    const weights = columns.map((c) => (c.width && Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((opts.pageWidth * w) / total));
    const body: Cell[][] =
      rows.length > 0 ? rows : [[{ text: words(this.locale).empty }, ...columns.slice(1).map(() => '')]];
    const tableRows: TableRow[] = [];
    if (opts.header) {
      tableRows.push(
        new TableRow({
          tableHeader: opts.repeatHeader,
          cantSplit: true,
          children: columns.map((c, i) =>
            this.cell({ text: c.title, bold: true, fill: HEADER_FILL }, widths[i] ?? 0, c.align ?? 'left'),
          ),
        }),
      );
    }
    for (const row of body) {
      tableRows.push(
        new TableRow({
          children: columns.map((c, i) =>
            this.cell(
              cellStyle(row[i] ?? null),
              widths[i] ?? 0,
              c.align ?? 'left',
              i === 0 ? opts.firstFill : undefined,
            ),
          ),
        }),
      );
    }
    return new Table({
      rows: tableRows,
      columnWidths: widths,
      width: { size: opts.pageWidth, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      // Set once on the table: per-cell margins double the time Word files with thousands of cells take.
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: {
        top: GRID,
        bottom: GRID,
        left: GRID,
        right: GRID,
        insideHorizontal: GRID,
        insideVertical: GRID,
      },
    });
  }
}

function blockChildren(w: Writer, b: Block, pageWidth: number): Child[] {
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[b.level] ?? HeadingLevel.HEADING_3,
          children: w.runs(b.text, { bold: true }),
        }),
      ];
    case 'paragraph':
      return [w.paragraph(b.text)];
    case 'bullets':
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: w.runs(item) }));
    case 'keyValue': {
      const table = w.table(
        [
          { title: '', width: 1 },
          { title: '', width: 2.4 },
        ],
        b.rows,
        {
          header: false,
          repeatHeader: false,
          firstFill: KEY_FILL,
          pageWidth,
        },
      );
      return table ? [table, w.paragraph('', {}, 0)] : [];
    }
    case 'table': {
      const table = w.table(b.columns, b.rows, {
        header: true,
        repeatHeader: b.repeatHeader !== false,
        pageWidth,
      });
      const caption = b.caption
        ? [w.paragraph(b.caption, { bold: true, color: '59636E', size: 19 }, 60)]
        : [];
      return table ? [...caption, table, w.paragraph('', {}, 0)] : caption;
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Renders the document as a Word (.docx) file: A4 (or landscape), CJK fonts on every run, page-number footer. */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const { meta } = report;
  const w = new Writer(meta.locale);
  const pageWidth = (report.landscape ? A4.height : A4.width) - 2 * MARGIN;
  const [before, between, after] = words(meta.locale).pageParts;
  const footerRun = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({
      children,
      size: 16,
      color: '59636E',
      font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT },
    });

  const children: Child[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: w.runs(meta.title, { bold: true, size: 40 }) }),
    ...(meta.subtitle ? [w.paragraph(meta.subtitle, { color: '59636E', size: 26 })] : []),
    ...metaRows(meta).map(([label, value]) =>
      w.paragraph(`${label}${words(meta.locale).colon}${value}`, { color: '59636E', size: 19 }, 20),
    ),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9AA4AF', space: 4 } },
      spacing: { after: 240 },
      children: [],
    }),
  ];
  for (const b of report.blocks) children.push(...blockChildren(w, b, pageWidth));

  const doc = new Document({
    creator: cleanText(meta.generatedBy),
    lastModifiedBy: 'Vigil',
    title: cleanText(meta.title),
    subject: cleanText(meta.subtitle ?? ''),
    description: cleanText(meta.organisation),
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT },
            size: 21,
            // The language once for the whole document rather than on each of thousands of runs.
            language: { value: meta.locale === 'zh-TW' ? 'zh-TW' : 'en-GB', eastAsia: 'zh-TW' },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: report.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [footerRun([before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after])],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
