// Page geometry, type sizes and colours of the PDF, and the page-break helpers the blocks share.
import type PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

export const FONT = 'NotoSansTC';
export const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
export const SIZE = {
  title: 20,
  subtitle: 13,
  h1: 16,
  h2: 13.5,
  h3: 11.5,
  body: 10.5,
  meta: 9.5,
  cell: 9,
  footer: 8.5,
};
export const COLOUR = {
  text: '#1F2328',
  muted: '#59636E',
  rule: '#9AA4AF',
  grid: '#B8C0C8',
  headerFill: '#E6EAEF',
  keyFill: '#F3F5F7',
};
/** Cell text longer than this is cut before layout: a PDF table is for reading, the spreadsheet has it all. */
export const MAX_CELL_CHARS = 4000;
export const LINE_GAP = 2;

/** Lowest y content may reach on the current page. */
export function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) addPage(doc);
}

export function addPage(doc: Pdf): void {
  doc.addPage();
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}

/**
 * Writes text at (x, y), optionally with simulated bold (fill + a thin stroke of the same colour):
 * one regular weight keeps the package small.
 */
export function write(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  opts: {
    width: number;
    height?: number;
    align?: 'left' | 'center' | 'right';
    bold?: boolean;
    color?: string;
  },
): void {
  const colour = opts.color ?? COLOUR.text;
  doc.fillColor(colour);
  if (opts.bold) doc.strokeColor(colour).lineWidth(0.35);
  doc.text(text, x, y, {
    width: opts.width,
    align: opts.align ?? 'left',
    lineGap: LINE_GAP,
    ...(opts.height !== undefined ? { height: opts.height, ellipsis: '…' } : {}),
    ...(opts.bold ? { fill: true, stroke: true } : {}),
  });
}

/** Text pdfkit can lay out: tabs become spaces, bidi controls (pdfkit has no bidi support) are dropped. */
export function pdfText(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

// A long run without spaces or CJK characters (where pdfkit finds no break opportunity).
const LONG_RUN = /[^\s\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]{48,}/g;

/**
 * Breaks runs too wide for a line at the width, in the current font size. pdfkit would split such a word
 * by re-measuring ever shorter prefixes, which takes seconds for a 10,000-character token.
 */
export function fitRuns(doc: Pdf, text: string, width: number): string {
  // pdfkit counts the line break after a word into the word's width: leave an em spare.
  const room = width - doc.widthOfString('W') * 1.2;
  const widths = new Map<string, number>();
  return text.replace(LONG_RUN, (run) => {
    if (doc.widthOfString(run) <= room) return run;
    let out = '';
    let line = 0;
    for (const ch of run) {
      let w = widths.get(ch);
      if (w === undefined) {
        w = doc.widthOfString(ch);
        widths.set(ch, w);
      }
      if (line > 0 && line + w > room) {
        out += '\n';
        line = 0;
      }
      out += ch;
      line += w;
    }
    return out;
  });
}
