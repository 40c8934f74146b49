// The document model every module builds once and renders to PDF, DOCX, XLSX or CSV.

export type ReportLocale = 'zh-TW' | 'en';

export interface ReportMeta {
  /** e.g. 資產清冊 / Asset inventory */
  title: string;
  subtitle?: string;
  organisation: string;
  /** ISO timestamp; shown in the organisation's time zone. */
  generatedAt: string;
  /** Display name of the person who asked for the report. */
  generatedBy: string;
  locale: ReportLocale;
  /** IANA time zone, default Asia/Taipei. */
  timeZone?: string;
}

export type CellValue = string | number | null;

/** A table cell: a plain value, or text with a background fill (#rrggbb), a text colour and weight. */
export type Cell = CellValue | { text: string; fill?: string; color?: string; bold?: boolean };

export interface TableColumn {
  title: string;
  /** Relative weight of the column's width (default 1). */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'keyValue'; rows: [string, string][] }
  | { type: 'table'; columns: TableColumn[]; rows: Cell[][]; caption?: string; repeatHeader?: boolean }
  | { type: 'pageBreak' };

export interface ReportDocument {
  meta: ReportMeta;
  blocks: Block[];
  landscape?: boolean;
}

export interface SheetSpec {
  name: string;
  title?: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}
