// Tables in the PDF: weighted column widths, wrapped cell text, fills, page breaks that repeat the header.

import {
  addPage,
  bottom,
  COLOUR,
  contentWidth,
  fitRuns,
  MAX_CELL_CHARS,
  type Pdf,
  pdfText,
  SIZE,
  write,
} from './pdf-layout.js';
import { type CellStyle, cellStyle, cleanText, words } from './text.js';
import type { Cell, ReportLocale, TableColumn } from './types.js';

const PAD_X = 4;
const PAD_Y = 3;

interface PdfCell extends CellStyle {
  align: 'left' | 'center' | 'right';
}

export interface PdfTable {
  columns: TableColumn[];
  rows: Cell[][];
  header: boolean;
  repeatHeader: boolean;
  /** Fill of the first column (key-value tables). */
  firstColumnFill?: string;
  locale: ReportLocale;
}

function columnWidths(doc: Pdf, columns: TableColumn[]): number[] {
  const weights = columns.map((c) => (c.width && Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (contentWidth(doc) * w) / total);
}

function toPdfCells(doc: Pdf, row: Cell[], columns: TableColumn[], widths: number[]): PdfCell[] {
  return columns.map((col, i) => {
    const style = cellStyle(row[i] ?? null);
    const raw = pdfText(
      style.text.length > MAX_CELL_CHARS ? `${style.text.slice(0, MAX_CELL_CHARS)}…` : style.text,
    );
    const text = fitRuns(doc, raw, (widths[i] ?? 0) - 2 * PAD_X);
    return { ...style, text, align: col.align ?? 'left' };
  });
}

function rowHeight(doc: Pdf, cells: PdfCell[], widths: number[]): number {
  let h = 0;
  cells.forEach((cell, i) => {
    const w = (widths[i] ?? 0) - 2 * PAD_X;
    const textHeight =
      cell.text === ''
        ? doc.currentLineHeight(true)
        : doc.heightOfString(cell.text, { width: w, lineGap: 2 });
    h = Math.max(h, textHeight);
  });
  return h + 2 * PAD_Y;
}

function drawRow(
  doc: Pdf,
  cells: PdfCell[],
  widths: number[],
  y: number,
  height: number,
  firstFill?: string,
): void {
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    const fill = cell.fill ? `#${cell.fill}` : i === 0 ? firstFill : undefined;
    if (fill) doc.rect(x, y, w, height).fill(fill);
    doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOUR.grid).stroke();
    if (cell.text !== '') {
      write(doc, cell.text, x + PAD_X, y + PAD_Y, {
        width: w - 2 * PAD_X,
        height: height - 2 * PAD_Y + 1,
        align: cell.align,
        bold: cell.bold,
        color: cell.color ? `#${cell.color}` : COLOUR.text,
      });
    }
    x += w;
  });
}

/** Draws a table from the current position, breaking across pages; returns when doc.y is below it. */
export function drawTable(doc: Pdf, table: PdfTable): void {
  if (table.columns.length === 0) return;
  doc.fontSize(SIZE.cell);
  const widths = columnWidths(doc, table.columns);
  const headerCells: PdfCell[] | null = table.header
    ? table.columns.map((c, i) => ({
        text: fitRuns(doc, pdfText(cleanText(c.title)), (widths[i] ?? 0) - 2 * PAD_X),
        bold: true,
        fill: COLOUR.headerFill.slice(1),
        align: c.align ?? 'left',
      }))
    : null;
  const headerHeight = headerCells ? rowHeight(doc, headerCells, widths) : 0;
  const rows: Cell[][] =
    table.rows.length > 0
      ? table.rows
      : [[{ text: words(table.locale).empty }, ...table.columns.slice(1).map(() => '')]];

  const drawHeader = () => {
    if (!headerCells) return;
    const y = doc.y;
    drawRow(doc, headerCells, widths, y, headerHeight);
    doc.y = y + headerHeight;
  };
  let first = true;
  for (const row of rows) {
    const cells = toPdfCells(doc, row, table.columns, widths);
    // A row taller than a whole page is cut (with an ellipsis) to what one page holds.
    const pageRoom = bottom(doc) - doc.page.margins.top - headerHeight;
    const height = Math.min(rowHeight(doc, cells, widths), pageRoom);
    const needed = height + (first ? headerHeight : 0);
    if (doc.y + needed > bottom(doc)) {
      addPage(doc);
      if (first || table.repeatHeader) drawHeader();
    } else if (first) {
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, cells, widths, y, height, table.firstColumnFill);
    doc.y = y + height;
    first = false;
  }
  doc.x = doc.page.margins.left;
}
