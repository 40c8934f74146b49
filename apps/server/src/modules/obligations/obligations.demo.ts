// Demo data (zh-TW): the level-B obligations calendar, generated from a level that took effect four months
// ago; the monthly SOC reports done with their evidence except the latest, which is left overdue so the
// home card has something to show; owners on a few obligations. Runs after the compliance demo.
import { demoPeople, shiftMonths } from '../../cli/actors.demo.js';
import type { Services } from '../../services.js';

const OWNERS: Record<string, string> = {
  vulnerability_scan: 'wang.sa',
  penetration_test: 'wang.sa',
  soc_monthly_report: 'wang.sa',
  bcp_drill: 'lee.sys',
};

export interface ObligationDemo {
  obligations: number;
  tasks: number;
  done: number;
}

export async function loadObligationDemo(s: Services): Promise<ObligationDemo | null> {
  const people = await demoPeople(s, ['chen.se', 'wang.sa', 'lee.sys']);
  const chen = people.get('chen.se');
  const { level, today } = await s.obligations.context();
  if (!chen || !level) return null;
  await s.obligations.updateProfile(chen.ctx, {
    defaultOwnerId: chen.id,
    anchorOn: shiftMonths(today, -4),
  });
  const generated = await s.obligations.generate(chen.ctx);
  for (const o of await s.obligations.list(false)) {
    const owner = people.get(OWNERS[o.kind] ?? '');
    if (owner) await s.obligations.setOwner(chen.ctx, o.id, owner.id);
  }

  const worker = people.get('wang.sa') ?? chen;
  const soc = await s.obligations.tasks.list(worker.ctx, {
    kind: 'soc_monthly_report',
    status: 'open',
    dueTo: today,
    limit: 50,
    offset: 0,
    overdue: undefined,
    mine: undefined,
  });
  const past = soc.items.filter((t) => t.dueOn < today).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  let done = 0;
  for (const task of past.slice(0, -1)) {
    const month = task.dueOn.slice(0, 7);
    const evidence = await s.compliance.evidence.create(worker.ctx, {
      kind: 'link',
      title: `SOC 資安監控月報（${month}）`,
      url: `https://soc.demo.example.tw/reports/${month}`,
      ownerId: worker.id,
    });
    await s.obligations.tasks.linkEvidence(worker.ctx, task.id, evidence.id);
    await s.obligations.tasks.complete(worker.ctx, task.id, { note: '已填報資安監控設備狀況表' });
    done++;
  }
  return { obligations: generated.obligations.active, tasks: generated.tasks.created, done };
}
