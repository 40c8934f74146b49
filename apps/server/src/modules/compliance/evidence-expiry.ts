// The daily check that tells evidence owners their evidence is about to lapse.
import { EVIDENCE_EXPIRING_DAYS } from '@vigil/contracts';
import { addDays } from '@vigil/frameworks';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';

/**
 * Notifies each evidence owner 30 days before the last valid day and on the last valid day itself. Each
 * notice carries a dedupe key of the evidence and its end date, so a rerun (or a second server) sends
 * nothing twice, and extending the validity arms the reminders again. Returns how many notices it queued.
 */
export async function notifyExpiringEvidence(s: Services): Promise<number> {
  const today = await organisationToday(s.db, s.clock.now());
  const first = addDays(today, EVIDENCE_EXPIRING_DAYS);
  const rows = await s.db
    .selectFrom('evidence')
    .select(['id', 'title', 'valid_until', 'owner_id', 'created_by'])
    .where('valid_until', 'in', [first, today])
    .execute();
  let queued = 0;
  await s.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const to = r.owner_id ?? r.created_by;
      if (!to || !r.valid_until) continue;
      const last = r.valid_until === today;
      await s.notify.queue(trx, {
        kind: last ? 'evidence.lapses_tomorrow' : 'evidence.expiring',
        to: [to],
        subject: last
          ? { en: `Evidence lapses tomorrow: ${r.title}`, 'zh-TW': `佐證資料明日失效：${r.title}` }
          : {
              en: `Evidence expires in ${EVIDENCE_EXPIRING_DAYS} days: ${r.title}`,
              'zh-TW': `佐證資料將於 ${EVIDENCE_EXPIRING_DAYS} 天後到期：${r.title}`,
            },
        body: {
          en: `"${r.title}" is valid until ${r.valid_until}. Upload or link newer evidence before it lapses.`,
          'zh-TW': `「${r.title}」有效期限至 ${r.valid_until}，請於失效前上傳或連結更新之佐證資料。`,
        },
        link: `/compliance/evidence/${r.id}`,
        dedupeKey: `evidence.${last ? 'last_day' : 'expiring'}:${r.id}:${r.valid_until}`,
      });
      queued++;
    }
  });
  return queued;
}
