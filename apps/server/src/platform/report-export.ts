// What every report export does around its content: the header facts, the rendering in the format asked
// for, the audit entry of the copy taken, and the file's type and name.
import {
  type Block,
  REPORT_CONTENT_TYPES,
  type ReportLocale,
  type ReportMeta,
  renderDocx,
  renderPdf,
  renderXlsx,
  reportFileName,
  type SheetSpec,
} from '@vigil/reports';
import type { DownloadFile } from '../http/download.js';
import { DEFAULT_TIME_ZONE } from '../modules/org/org.repository.js';
import type { Services } from '../services.js';
import type { AuditEvent } from './audit/audit.service.js';
import type { RequestContext } from './context.js';

type ReportServices = Pick<Services, 'db' | 'audit' | 'clock'>;

/** The zh-TW or the English text, by the report's language. */
export const L = (lang: ReportLocale, zh: string, en: string): string => (lang === 'zh-TW' ? zh : en);

/** The header of a report: the organisation, its time zone, and when and by whom the report was made. */
export async function reportMeta(
  s: ReportServices,
  ctx: RequestContext,
  lang: ReportLocale,
  title: string,
  subtitle?: string,
): Promise<ReportMeta & { timeZone: string }> {
  const org = await s.db.selectFrom('organisation').select(['name', 'time_zone']).executeTakeFirst();
  return {
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    organisation: org?.name ?? '',
    generatedAt: s.clock.now().toISOString(),
    generatedBy: ctx.actor?.kind === 'user' ? ctx.actor.displayName : (ctx.actor?.label ?? ''),
    locale: lang,
    timeZone: org?.time_zone ?? DEFAULT_TIME_ZONE,
  };
}

export interface ReportExport<F extends 'pdf' | 'docx' | 'xlsx'> {
  format: F;
  meta: ReportMeta;
  /** The download's name before its date and extension (may hold Chinese). */
  fileName: string;
  /** The workbook, for the XLSX form. */
  sheets?: () => SheetSpec[];
  /** The document, for the PDF and DOCX forms. */
  document?: () => { blocks: Block[]; landscape?: boolean };
  /** The audit entry of the copy taken. */
  audit: AuditEvent;
}

/** Renders the report, records the copy taken in the audit trail, and names the file. */
export async function exportReport<F extends 'pdf' | 'docx' | 'xlsx'>(
  s: ReportServices,
  ctx: RequestContext,
  r: ReportExport<F>,
): Promise<DownloadFile> {
  const body = await render(r);
  await s.audit.recordAlone(ctx, r.audit);
  return {
    body,
    contentType: REPORT_CONTENT_TYPES[r.format],
    fileName: reportFileName(r.fileName, r.format, s.clock.now().toISOString()),
  };
}

async function render(r: ReportExport<'pdf' | 'docx' | 'xlsx'>): Promise<Buffer> {
  if (r.format === 'xlsx') {
    if (!r.sheets) throw new Error(`report ${r.meta.title} has no XLSX form`);
    return renderXlsx(r.sheets(), r.meta);
  }
  if (!r.document) throw new Error(`report ${r.meta.title} has no ${r.format} form`);
  const doc = { meta: r.meta, ...r.document() };
  return r.format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
