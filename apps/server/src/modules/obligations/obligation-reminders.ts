// The daily reminder run: e-mail to each open task's owner 14 and 3 days before it is due, on the first
// day it is overdue and weekly after that. A reminder is remembered per task, kind and day, so running the
// job twice on one day queues nothing new.

import type { Services } from '../../services.js';
import { addDays, reminderKind } from './obligation-rules.js';
import { claimReminder, findTasks } from './obligations.repository.js';
import type { ObligationService } from './obligations.service.js';

export async function runObligationReminders(s: Services, obligations: ObligationService): Promise<number> {
  const { today } = await obligations.context();
  const { rows } = await findTasks(s.db, { status: 'open', dueTo: addDays(today, 14) }, 100_000, 0);
  const at = s.clock.now().toISOString();
  let queued = 0;
  for (const t of rows) {
    if (!t.owner_id) continue;
    const kind = reminderKind(t.due_on, today);
    if (!kind) continue;
    const owner = t.owner_id;
    await s.db.transaction().execute(async (trx) => {
      const fresh = await claimReminder(trx, {
        subjectType: 'obligation_task',
        subjectId: t.id,
        kind,
        day: today,
        at,
      });
      if (!fresh) return;
      const overdue = kind === 'overdue';
      await s.notify.queue(trx, {
        kind: overdue ? 'obligation.overdue' : 'obligation.due_soon',
        to: [owner],
        subject: overdue
          ? { en: `Overdue: ${t.title_en}`, 'zh-TW': `已逾期：${t.title_zh}` }
          : { en: `Due ${t.due_on}: ${t.title_en}`, 'zh-TW': `${t.due_on} 到期：${t.title_zh}` },
        body: overdue
          ? {
              en: `The obligation "${t.title_en}" was due on ${t.due_on} and is not done yet. Attach the evidence and complete it in Vigil.`,
              'zh-TW': `法遵義務「${t.title_zh}」已於 ${t.due_on} 到期，尚未完成。請至守望上傳佐證並完成。`,
            }
          : {
              en: `The obligation "${t.title_en}" is due on ${t.due_on}. Attach the evidence and complete it in Vigil.`,
              'zh-TW': `法遵義務「${t.title_zh}」將於 ${t.due_on} 到期。請至守望上傳佐證並完成。`,
            },
        link: `/obligations/tasks/${t.id}`,
        dedupeKey: `obligation_task:${t.id}:${kind}:${today}`,
      });
      queued++;
    });
  }
  return queued;
}
