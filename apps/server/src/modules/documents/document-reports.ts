// The record 文件閱讀確認紀錄 (acknowledgement record) as XLSX or PDF, in zh-TW or en.
import type { ReportLocale } from '@vigil/reports';
import type { DownloadFile } from '../../http/download.js';
import { notFound } from '../../http/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { exportReport, L, reportMeta } from '../../platform/report-export.js';
import type { Services } from '../../services.js';
import { findDocument, findVersion } from './documents.repository.js';

function when(iso: string | null, zone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export async function acknowledgementRecord(
  s: Services,
  ctx: RequestContext,
  versionId: string,
  format: 'xlsx' | 'pdf',
  lang: ReportLocale,
): Promise<DownloadFile> {
  const v = await findVersion(s.db, versionId);
  const doc = v ? await findDocument(s.db, v.document_id) : undefined;
  if (!v || !doc) throw notFound('document version');
  const progress = await s.documents.distribution.progress(versionId);
  const title = L(lang, '文件閱讀確認紀錄', 'Document acknowledgement record');
  const subtitle = `${doc.number} ${doc.title} — ${L(lang, `第 ${v.version} 版`, `version ${v.version}`)}`;
  const meta = await reportMeta(s, ctx, lang, title, subtitle);
  const zone = meta.timeZone;
  const columns = [
    L(lang, '姓名', 'Name'),
    L(lang, '帳號', 'Username'),
    L(lang, '分送時間', 'Distributed'),
    L(lang, '確認時間', 'Acknowledged'),
    L(lang, '狀態', 'Status'),
  ];
  const rows = progress.rows.map((r) => [
    r.user.displayName,
    r.user.username,
    when(r.assignedAt, zone),
    when(r.acknowledgedAt, zone),
    r.acknowledgedAt ? L(lang, '已確認', 'Acknowledged') : L(lang, '未確認', 'Pending'),
  ]);
  const summary = L(
    lang,
    `已確認 ${progress.acknowledged} / ${progress.total} 人`,
    `${progress.acknowledged} of ${progress.total} acknowledged`,
  );
  return exportReport(s, ctx, {
    format,
    meta,
    fileName: `${title}-${doc.number}-v${v.version}`,
    sheets: () => [
      {
        name: title,
        title: `${title} ${subtitle} (${summary})`,
        columns: columns.map((header) => ({ header, width: 24 })),
        rows,
      },
    ],
    document: () => ({
      blocks: [
        { type: 'heading', level: 1, text: title },
        {
          type: 'keyValue',
          rows: [
            [L(lang, '文件', 'Document'), subtitle],
            [L(lang, '發布時間', 'Published'), when(v.published_at, zone)],
            [L(lang, '進度', 'Progress'), summary],
          ],
        },
        { type: 'table', columns: columns.map((t) => ({ title: t })), rows, repeatHeader: true },
      ],
    }),
    audit: {
      action: 'document.acknowledgements_exported',
      objectType: 'document_version',
      objectId: versionId,
      details: { format, lang, rows: rows.length },
    },
  });
}
