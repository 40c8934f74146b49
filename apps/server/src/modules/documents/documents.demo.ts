// Demo data (zh-TW): the information security policy (一階) reviewed, approved, published and distributed to
// every demo user, two of whom have acknowledged it (the rest pending); an incident-response procedure
// (二階) still in draft. Runs after the compliance demo.
import { demoPeople } from '../../cli/actors.demo.js';
import type { Services } from '../../services.js';

const POLICY = `# 資通安全政策

## 一、目的
為確保本府資訊資產之機密性、完整性及可用性，並符合資通安全管理法及相關法令之要求，特訂定本政策。

## 二、適用範圍
本府所屬各單位、同仁及委外廠商，使用或管理本府資通系統者均適用之。

## 三、目標
1. 核心資通系統可用性達 99.5% 以上。
2. 每年辦理資通安全教育訓練，同仁完訓率 100%。
3. 資通安全事件依規定時限完成通報及應變。

## 四、責任
資通安全長督導本政策之推動；各單位主管負責所屬同仁之遵循。

## 五、審查
本政策每年至少檢討一次，並於修訂後公告周知。
`;

const PROCEDURE = `# 資通安全事件通報及應變程序

## 一、通報
知悉資通安全事件後，應於一小時內通報資訊安全科，並依規定時限完成通報。

## 二、應變
依事件等級啟動應變小組，保全相關紀錄與證據。
`;

export interface DocumentDemo {
  policyVersionId: string;
  recipients: number;
  acknowledged: number;
}

export async function loadDocumentDemo(s: Services): Promise<DocumentDemo | null> {
  const people = await demoPeople(s, ['lin.admin', 'chen.se', 'wang.sa', 'huang.audit']);
  const [admin, chen, wang] = [people.get('lin.admin'), people.get('chen.se'), people.get('wang.sa')];
  if (!admin || !chen || !wang) return null;
  const policy = await s.documents.create(chen.ctx, {
    title: '資通安全政策',
    levelId: 'policy',
    ownerId: chen.id,
    classification: 'internal',
    requirements: [
      { framework: 'iso27001-2022', ref: 'A.5.1' },
      { framework: 'iso27001-2022', ref: '5.2' },
    ],
    reviewIntervalMonths: 12,
    retentionYears: null,
  });
  const v1 = await s.documents.versions.create(chen.ctx, policy.id, {
    format: 'markdown',
    body: POLICY,
    changeSummary: '初版',
  });
  const w = s.documents.workflow;
  await w.submit(chen.ctx, v1.id, { reviewerIds: [wang.id], approverIds: [admin.id] });
  await w.decide(wang.ctx, v1.id, 'reviewer', { decision: 'approve', comment: '內容符合法規要求' });
  await w.decide(admin.ctx, v1.id, 'approver', { decision: 'approve', comment: '' });
  const everyone = (
    await s.db.selectFrom('users').select('id').where('disabled_at', 'is', null).execute()
  ).map((u) => u.id);
  await w.publish(chen.ctx, v1.id, { userIds: everyone, roleIds: [] });
  let acknowledged = 0;
  for (const p of [chen, wang]) {
    await s.documents.distribution.acknowledge(p.ctx, v1.id);
    acknowledged++;
  }

  const procedure = await s.documents.create(chen.ctx, {
    title: '資通安全事件通報及應變程序',
    levelId: 'procedure',
    ownerId: chen.id,
    classification: 'internal',
    requirements: [{ framework: 'iso27001-2022', ref: 'A.5.24' }],
    reviewIntervalMonths: 12,
    retentionYears: null,
  });
  await s.documents.versions.create(chen.ctx, procedure.id, {
    format: 'markdown',
    body: PROCEDURE,
    changeSummary: '草稿',
  });
  return { policyVersionId: v1.id, recipients: everyone.length, acknowledged };
}
