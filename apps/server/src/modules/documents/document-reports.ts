// The record 文件閱讀確認紀錄 (acknowledgement record) as XLSX or PDF, in zh-TW or en.
import { REPORT_CONTENT_TYPES, renderPdf, renderXlsx, reportFileName } from '@vigil/reports';
import type { DownloadFile } from '../../http/download.js';
import { notFound } from '../../http/errors.js';
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { findDocument, findVersion } from './documents.repository.js';

type Lang = 'zh-TW' | 'en';
const L = (lang: Lang, zh: string, en: string) => (lang === 'zh-TW' ? zh : en);

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
  lang: Lang,
): Promise<DownloadFile> {
  const v = await findVersion(s.db, versionId);
  const doc = v ? await findDocument(s.db, v.document_id) : undefined;
  if (!v || !doc) throw notFound('document version');
  const progress = await s.documents.distribution.progress(versionId);
  const org = await s.db.selectFrom('organisation').select(['name', 'time_zone']).executeTakeFirst();
  const zone = org?.time_zone ?? 'Asia/Taipei';
  const title = L(lang, '文件閱讀確認紀錄', 'Document acknowledgement record');
  const subtitle = `${doc.number} ${doc.title} — ${L(lang, `第 ${v.version} 版`, `version ${v.version}`)}`;
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
  const meta = {
    title,
    subtitle,
    organisation: org?.name ?? '',
    generatedAt: s.clock.now().toISOString(),
    generatedBy: ctx.actor?.kind === 'user' ? ctx.actor.displayName : (ctx.actor?.label ?? ''),
    locale: lang,
    timeZone: zone,
  };
  const body =
    format === 'xlsx'
      ? await renderXlsx(
          [
            {
              name: title,
              title: `${title} ${subtitle} (${summary})`,
              columns: columns.map((header) => ({ header, width: 24 })),
              rows,
            },
          ],
          meta,
        )
      : await renderPdf({
          meta,
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
        });
  await s.db.transaction().execute((trx) =>
    s.audit.record(trx, ctx, {
      action: 'document.acknowledgements_exported',
      objectType: 'document_version',
      objectId: versionId,
      details: { format, lang, rows: rows.length },
    }),
  );
  return {
    body,
    contentType: REPORT_CONTENT_TYPES[format],
    fileName: reportFileName(`${title}-${doc.number}-v${v.version}`, format, s.clock.now().toISOString()),
  };
}
