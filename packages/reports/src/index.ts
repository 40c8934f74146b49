// Report rendering shared by every module: one document model → PDF, DOCX, XLSX, CSV.

export { neutraliseFormula, renderCsv } from './csv.js';
export { renderDocx } from './docx.js';
export { contentDisposition, REPORT_CONTENT_TYPES, reportFileName } from './files.js';
export { renderPdf } from './pdf.js';
export type {
  Block,
  Cell,
  CellValue,
  ReportDocument,
  ReportLocale,
  ReportMeta,
  SheetSpec,
  TableColumn,
} from './types.js';
export { renderXlsx } from './xlsx.js';
