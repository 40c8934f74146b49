// Demo data (zh-TW): the seeded regulations register (the Taiwan list) with owners assigned and the main
// law marked reviewed this year; nothing is added or removed, so the register stays "as seeded".
import { demoPeople } from '../../cli/actors.demo.js';
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';

const OWNERS: Record<string, string> = {
  'tw-pdpa': 'liu.hr',
  'tw-pdpa-enforcement-rules': 'liu.hr',
  'tw-copyright': 'huang.audit',
};

export async function loadRegulationDemo(s: Services, ctx: RequestContext): Promise<number> {
  await s.regulations.bootstrap();
  const people = await demoPeople(s, ['chen.se', 'liu.hr', 'huang.audit']);
  const chen = people.get('chen.se');
  if (!chen) return 0;
  const rows = await s.regulations.rows();
  for (const r of rows) {
    const owner = people.get(OWNERS[r.seed_key ?? ''] ?? 'chen.se') ?? chen;
    await s.regulations.update(ctx, r.id, { ownerId: owner.id });
  }
  const law = rows.find((r) => r.seed_key === 'tw-csma');
  if (law) await s.regulations.review(ctx, law.id, { note: '年度適用法規檢討：無新增修正' });
  return rows.length;
}
