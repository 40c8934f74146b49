import { localDate } from '@vigil/frameworks';
import { systemContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { organisationTimeZone } from '../org/org.repository.js';

/** Days before the next review date when the owner is first reminded. */
export const REVIEW_NOTICE_DAYS = 14;

/**
 * The daily review-cycle job: reminds each published document's owner 14 days before its review date and
 * every day once it is overdue (one notice per document per day). Takes its time from the clock.
 */
export class DocumentReminders {
  constructor(protected readonly s: Services) {}

  async run(): Promise<{ dueSoon: number; overdue: number }> {
    const zone = await organisationTimeZone(this.s.db);
    const today = localDate(this.s.clock.now(), zone);
    const soon = addDays(today, REVIEW_NOTICE_DAYS);
    const rows = await this.s.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', (j) =>
        j.onRef('v.document_id', '=', 'd.id').on('v.status', '=', 'published'),
      )
      .select(['d.id', 'd.number', 'd.title', 'd.owner_id', 'd.next_review_on'])
      .where('d.next_review_on', 'is not', null)
      .where('d.next_review_on', '<=', soon)
      .where('d.owner_id', 'is not', null)
      .execute();
    let dueSoon = 0;
    let overdue = 0;
    await this.s.db.transaction().execute(async (trx) => {
      for (const d of rows) {
        const late = (d.next_review_on ?? '') < today;
        // Before the date: one notice when it comes 14 days close (and once more on the day itself).
        if (!late && d.next_review_on !== soon && d.next_review_on !== today) continue;
        if (late) overdue++;
        else dueSoon++;
        await this.s.notify.queue(trx, {
          kind: late ? 'document.review_overdue' : 'document.review_due',
          to: [d.owner_id as string],
          subject: late
            ? {
                en: `Review overdue: ${d.number} ${d.title}`,
                'zh-TW': `文件審查逾期：${d.number} ${d.title}`,
              }
            : {
                en: `Review due on ${d.next_review_on}: ${d.number} ${d.title}`,
                'zh-TW': `文件應於 ${d.next_review_on} 前審查：${d.number} ${d.title}`,
              },
          body: {
            en: `${d.number} ${d.title} is due for its periodic review on ${d.next_review_on}. Review it and publish a new version, or confirm it and set the next review date.`,
            'zh-TW': `文件 ${d.number} ${d.title} 的定期審查日為 ${d.next_review_on}。請審查並發布新版，或確認內容後設定下次審查日。`,
          },
          link: `/documents/${d.id}`,
          dedupeKey: `document.review:${d.id}:${today}`,
        });
      }
      if (dueSoon + overdue > 0)
        await this.s.audit.record(trx, systemContext('documents.review-reminders'), {
          action: 'document.review_reminders_sent',
          objectType: 'document',
          objectId: null,
          details: { day: today, dueSoon, overdue },
        });
    });
    return { dueSoon, overdue };
  }
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
