// Demo data (zh-TW): one completed and one in-progress assessment over the demo assets, with treatment items
// and one accepted risk. Runs after the asset demo; does nothing when there are no assets.
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';

const M = (likelihood: number, impact: number) => ({ kind: 'matrix' as const, likelihood, impact });

interface DemoScenario {
  asset: number;
  threat: string;
  vuln: string;
  inherent: [number, number];
  target?: [number, number];
  option: 'mitigate' | 'transfer' | 'avoid' | 'accept';
  controls: string;
  items?: { title: string; due: string; done?: boolean }[];
}

const FIRST: DemoScenario[] = [
  {
    asset: 0,
    threat: 'T-03',
    vuln: 'V-04',
    inherent: [4, 5],
    target: [2, 3],
    option: 'mitigate',
    controls: '建立離線備份並每季還原演練',
    items: [
      { title: '導入離線備份設備', due: '2026-03-31', done: true },
      { title: '完成第一次還原演練', due: '2026-04-30', done: true },
    ],
  },
  {
    asset: 1,
    threat: 'T-21',
    vuln: 'V-03',
    inherent: [4, 4],
    target: [2, 4],
    option: 'mitigate',
    controls: 'VPN 與管理介面啟用多因子驗證',
    items: [{ title: 'VPN 啟用 MFA', due: '2026-02-28', done: true }],
  },
  {
    asset: 2,
    threat: 'T-20',
    vuln: 'V-06',
    inherent: [3, 4],
    target: [2, 2],
    option: 'avoid',
    controls: '汰換已停止支援之作業系統',
    items: [{ title: '汰換 Windows Server 2012', due: '2026-05-31' }],
  },
  { asset: 3, threat: 'T-11', vuln: 'V-17', inherent: [2, 2], option: 'accept', controls: '' },
];

const SECOND: DemoScenario[] = [
  {
    asset: 0,
    threat: 'T-02',
    vuln: 'V-15',
    inherent: [3, 3],
    target: [2, 2],
    option: 'mitigate',
    controls: '端點偵測與回應（EDR）',
    items: [{ title: '部署 EDR 至伺服器', due: '2026-08-31' }],
  },
  {
    asset: 4,
    threat: 'T-14',
    vuln: 'V-14',
    inherent: [4, 3],
    target: [3, 2],
    option: 'mitigate',
    controls: '社交工程演練與資安教育訓練',
    items: [{ title: '辦理社交工程演練', due: '2026-05-15' }],
  },
  {
    asset: 5,
    threat: 'T-07',
    vuln: 'V-19',
    inherent: [3, 4],
    target: [2, 4],
    option: 'transfer',
    controls: '契約增列資安條款與 SLA',
    items: [{ title: '修訂委外契約資安條款', due: '2026-09-30' }],
  },
  {
    asset: 6,
    threat: 'T-17',
    vuln: 'V-05',
    inherent: [2, 5],
    target: [1, 5],
    option: 'mitigate',
    controls: '建置備援設備',
    items: [{ title: '採購備援核心交換器', due: '2026-10-31' }],
  },
];

export async function loadRiskDemo(s: Services, ctx: RequestContext): Promise<number> {
  await s.risks.ready();
  const assets = await s.db
    .selectFrom('assets')
    .select(['id', 'owner_id'])
    .where('archived_at', 'is', null)
    .orderBy('code')
    .limit(12)
    .execute();
  if (assets.length < 7) return 0;
  const fallbackOwner = await s.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'lee.sys')
    .executeTakeFirst();
  const threats = new Map(
    (await s.db.selectFrom('risk_threats').select(['id', 'code']).execute()).map((t) => [t.code, t.id]),
  );
  const vulns = new Map(
    (await s.db.selectFrom('risk_vulnerabilities').select(['id', 'code']).execute()).map((t) => [
      t.code,
      t.id,
    ]),
  );
  const sc = s.risks.scenarios;
  let count = 0;
  async function fill(assessmentId: string, list: DemoScenario[]) {
    const made: string[] = [];
    for (const d of list) {
      const asset = assets[d.asset] ?? assets[0];
      if (!asset) continue;
      const created = await sc.create(ctx, assessmentId, {
        assetIds: [asset.id],
        threatId: threats.get(d.threat) ?? null,
        vulnerabilityId: vulns.get(d.vuln) ?? null,
        inherent: M(...d.inherent),
        target: d.target ? M(...d.target) : null,
        treatmentOption: d.option,
        plannedControls: d.controls,
        existingControls: '防火牆、防毒軟體',
        ownerId: asset.owner_id ?? fallbackOwner?.id ?? null,
      });
      for (const item of d.items ?? []) {
        const it = await sc.createItem(ctx, created.id, {
          title: item.title,
          dueOn: item.due,
          controls: d.controls,
        });
        if (item.done) await sc.updateItem(ctx, it.id, { status: 'done' });
      }
      made.push(created.id);
      count++;
    }
    return made;
  }
  const unitIds = (await s.db.selectFrom('units').select('id').execute()).map((u) => u.id);
  const first = await s.risks.createAssessment(ctx, {
    title: '114 年度資通安全風險評估',
    description: '依資通安全管理法施行細則辦理之年度風險評估。',
    scopeUnitIds: unitIds,
    scopeAssetIds: [],
    startsOn: '2026-01-05',
    endsOn: '2026-02-27',
  });
  await s.risks.setAssessmentStatus(ctx, first.id, 'in_progress');
  const [backup, mfa, , power] = await fill(first.id, FIRST);
  if (backup) await sc.rerate(ctx, backup, { actual: M(2, 3), note: '離線備份已完成還原演練' });
  if (mfa) await sc.rerate(ctx, mfa, { actual: M(2, 4), note: 'MFA 已全面啟用' });
  // 低風險由風險擁有者之上級（系統管理者）核定接受，效期一年。
  if (power) {
    const today = await s.risks.today();
    const next = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    await sc.accept(ctx, power, { reason: '機房已有 UPS，殘餘風險低，維持現況', expiresOn: next });
  }
  await s.risks.setAssessmentStatus(ctx, first.id, 'completed');
  const second = await s.risks.createAssessment(ctx, {
    title: '115 年度資通安全風險評估',
    scopeUnitIds: unitIds,
    scopeAssetIds: [],
    startsOn: '2026-06-01',
  });
  await s.risks.setAssessmentStatus(ctx, second.id, 'in_progress');
  await fill(second.id, SECOND);
  return count;
}
