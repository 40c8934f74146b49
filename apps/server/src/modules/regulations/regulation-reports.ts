// The 適用法規清單 record (applicable regulations list) as XLSX, PDF or DOCX, in zh-TW or en.
import {
  REGULATION_KIND_LABELS,
  REGULATION_STATUS_LABELS,
  type RegulationExportQuery,
  type RegulationView,
} from '@vigil/contracts';
import type { Block, Cell, ReportLocale as Lang } from '@vigil/reports';
import type { DownloadFile } from '../../http/download.js';
import type { RequestContext } from '../../platform/context.js';
import { exportReport, L, reportMeta } from '../../platform/report-export.js';
import type { Services } from '../../services.js';

function columns(lang: Lang): { title: string; width: number }[] {
  return [
    { title: L(lang, '項次', 'No.'), width: 0.5 },
    { title: L(lang, '名稱', 'Name'), width: 2.2 },
    { title: L(lang, '類別', 'Kind'), width: 0.9 },
    { title: L(lang, '主管機關', 'Authority'), width: 1.5 },
    { title: L(lang, '條號／出處', 'Reference'), width: 1.6 },
    { title: L(lang, '適用', 'Applies'), width: 0.6 },
    { title: L(lang, '適用說明', 'Applicability note'), width: 1.8 },
    { title: L(lang, '應遵循事項', 'Obligations'), width: 3 },
    { title: L(lang, '負責人', 'Owner'), width: 1 },
    { title: L(lang, '上次檢視', 'Last reviewed'), width: 1 },
    { title: L(lang, '下次檢視', 'Next review'), width: 1 },
    { title: L(lang, '狀態', 'Status'), width: 0.9 },
  ];
}

function rows(items: RegulationView[], lang: Lang): Cell[][] {
  return items.map((r, i) => [
    i + 1,
    lang === 'zh-TW' ? r.nameZh : r.nameEn,
    L(lang, REGULATION_KIND_LABELS[r.kind].zh, REGULATION_KIND_LABELS[r.kind].en),
    r.authority,
    r.url ? `${r.reference}\n${r.url}` : r.reference,
    r.applicable ? L(lang, '是', 'Yes') : { text: L(lang, '否', 'No'), color: '#666666' },
    r.applicabilityNote,
    r.obligations.map((o) => `• ${o.text}`).join('\n'),
    r.owner?.displayName ?? '',
    r.lastReviewedOn ?? L(lang, '（未檢視）', '(never)'),
    r.reviewDue
      ? { text: r.nextReviewOn ?? L(lang, '待檢視', 'Due'), fill: '#fde2e1', bold: true }
      : (r.nextReviewOn ?? ''),
    L(lang, REGULATION_STATUS_LABELS[r.status].zh, REGULATION_STATUS_LABELS[r.status].en),
  ]);
}

export async function regulationsExport(
  s: Services,
  ctx: RequestContext,
  q: RegulationExportQuery,
): Promise<DownloadFile> {
  const lang = q.lang;
  const items = await s.regulations.present(await s.regulations.rows());
  const title = L(lang, '適用法規清單', 'Applicable regulations list');
  const meta = await reportMeta(s, ctx, lang, title);
  const cols = columns(lang);
  const body = rows(items, lang);
  const due = items.filter((r) => r.reviewDue).length;
  const summary: Block = {
    type: 'keyValue',
    rows: [
      [L(lang, '項目數', 'Entries'), String(items.length)],
      [L(lang, '適用', 'Applicable'), String(items.filter((r) => r.applicable).length)],
      [L(lang, '待檢視', 'Review due'), String(due)],
    ],
  };
  return exportReport(s, ctx, {
    format: q.format,
    meta,
    fileName: title,
    sheets: () => [
      {
        name: title,
        title,
        columns: cols.map((c) => ({ header: c.title, width: Math.round(c.width * 14) })),
        rows: body,
      },
    ],
    document: () => ({
      landscape: true,
      blocks: [
        { type: 'heading', level: 1, text: title },
        summary,
        { type: 'table', columns: cols, rows: body, repeatHeader: true },
      ],
    }),
    audit: {
      action: 'regulation.exported',
      objectType: 'regulation',
      objectId: null,
      details: { format: q.format, lang, entries: items.length },
    },
  });
}
