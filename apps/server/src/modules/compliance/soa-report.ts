// The 適用性聲明 / Statement of Applicability record as DOCX, XLSX or PDF, in zh-TW or en.
import { SOA_IMPLEMENTATION_LABELS, type SoaExportQuery } from '@vigil/contracts';
import type { Cell, ReportLocale as Lang } from '@vigil/reports';
import type { DownloadFile } from '../../http/download.js';
import type { RequestContext } from '../../platform/context.js';
import { exportReport, L, reportMeta } from '../../platform/report-export.js';
import type { Services } from '../../services.js';

function formatTime(at: string | null, lang: Lang, timeZone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat(lang === 'zh-TW' ? 'zh-TW' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
}

export async function soaExport(
  s: Services,
  ctx: RequestContext,
  id: string,
  q: SoaExportQuery,
): Promise<DownloadFile> {
  const lang = q.locale;
  const soa = await s.compliance.soa.get(id);
  const title = L(lang, '適用性聲明', 'Statement of Applicability');
  const statusText = {
    draft: L(lang, '草稿', 'Draft'),
    approved: L(lang, '已核定', 'Approved'),
    superseded: L(lang, '已被取代', 'Superseded'),
  }[soa.status];
  const meta = await reportMeta(
    s,
    ctx,
    lang,
    title,
    L(lang, `第 ${soa.version} 版（${statusText}）`, `Version ${soa.version} (${statusText})`),
  );
  const tz = meta.timeZone;
  const facts: [string, string][] = [
    [L(lang, '機關', 'Organisation'), meta.organisation],
    [L(lang, '標準', 'Standard'), `ISO/IEC 27001:2022 (${soa.frameworkVersion})`],
    [L(lang, '版次', 'Version'), String(soa.version)],
    [L(lang, '狀態', 'Status'), statusText],
    [L(lang, '核定人', 'Approved by'), soa.approvedBy?.displayName ?? ''],
    [L(lang, '核定時間', 'Approved at'), formatTime(soa.approvedAt, lang, tz)],
    [L(lang, '核定說明', 'Approval note'), soa.approvalNote ?? ''],
    [
      L(lang, '適用控制措施', 'Applicable controls'),
      L(
        lang,
        `${soa.counts.applicable} / ${soa.counts.total}`,
        `${soa.counts.applicable} of ${soa.counts.total}`,
      ),
    ],
  ];
  const columns = [
    L(lang, '控制措施', 'Control'),
    L(lang, '名稱', 'Title'),
    L(lang, '適用', 'Applicable'),
    L(lang, '理由', 'Justification'),
    L(lang, '實施狀態', 'Implementation'),
    L(lang, '對應之控制措施', 'Applied controls'),
  ];
  const rows: Cell[][] = soa.entries.map((e) => [
    e.ref,
    lang === 'zh-TW' ? e.titleZh : e.titleEn,
    e.applicable
      ? { text: L(lang, '是', 'Yes'), fill: '#d7f0dc' }
      : { text: L(lang, '否', 'No'), fill: '#eeeeee' },
    e.justification,
    e.applicable ? SOA_IMPLEMENTATION_LABELS[e.implementation][lang === 'zh-TW' ? 'zh' : 'en'] : '',
    e.controls.map((c) => `${c.code} ${c.name}`).join('\n'),
  ]);

  return exportReport(s, ctx, {
    format: q.format,
    meta,
    fileName: `${title}-v${soa.version}`,
    sheets: () => [
      {
        name: title,
        title: `${title} — ${meta.subtitle}`,
        columns: columns.map((header, i) => ({ header, width: [10, 40, 10, 50, 16, 36][i] ?? 16 })),
        rows,
      },
      {
        name: L(lang, '版本資訊', 'Version'),
        columns: [
          { header: L(lang, '項目', 'Item'), width: 20 },
          { header: L(lang, '內容', 'Value'), width: 60 },
        ],
        rows: facts,
      },
    ],
    document: () => ({
      landscape: true,
      blocks: [
        { type: 'heading', level: 1, text: title },
        { type: 'keyValue', rows: facts },
        {
          type: 'table',
          columns: columns.map((t, i) => ({ title: t, width: [0.7, 2, 0.7, 3, 1.1, 2][i] ?? 1 })),
          rows,
          repeatHeader: true,
        },
      ],
    }),
    audit: {
      action: 'soa.exported',
      objectType: 'soa',
      objectId: id,
      details: { version: soa.version, format: q.format, locale: lang },
    },
  });
}
