// Demo data (zh-TW): compliance assessments, so the assessments page of `vigil demo` is not empty — this
// year's ISO/IEC 27001 assessment half done (results of every kind, gaps with owners, evidence attached) and
// the Schedule 10 baseline assessment of the city's website at its protection level (中).
import type { ComplianceResultStatus, UpdateComplianceResultRequest } from '@vigil/contracts';
import { type DemoPerson, shiftMonths } from '../../cli/actors.demo.js';
import type { Services } from '../../services.js';

/** What a demo result says, by requirement ref; evidence and controls named by the demo's keys. */
interface DemoResult {
  status: ComplianceResultStatus;
  reason?: string;
  note?: string;
  evidence?: string[];
  controls?: string[];
  /** A gap's owner (demo username) and due date in months from today. */
  gap?: { owner: string; months: number };
}

export interface AssessmentDemoLinks {
  people: Map<string, DemoPerson>;
  evidence: Record<string, string>;
  /** Applied control ids by name. */
  controls: Map<string, string>;
  today: string;
}

export const ISO_ASSESSMENT_TITLE = '115 年度 ISO/IEC 27001 符合性評估';
export const SCHEDULE_10_ASSESSMENT_TITLE = '市政府全球資訊網 附表十防護基準評估';

const ISO_RESULTS: Record<string, DemoResult> = {
  'A.5.1': {
    status: 'compliant',
    note: '資通安全政策經資通安全長核定並公告。',
    evidence: ['policy'],
    controls: ['資通安全政策及目標'],
  },
  'A.5.15': {
    status: 'compliant',
    evidence: ['risk'],
    controls: ['帳號及存取權限管理'],
  },
  'A.6.3': { status: 'compliant', controls: ['資通安全教育訓練'] },
  'A.8.8': {
    status: 'partial',
    note: '公文系統尚有 2 項中風險弱點未完成修補。',
    evidence: ['scan'],
    controls: ['弱點掃描與修補管理'],
    gap: { owner: 'wang.sa', months: 2 },
  },
  'A.8.13': {
    status: 'partial',
    note: '還原演練紀錄即將逾期，需於本季完成演練。',
    evidence: ['backup'],
    controls: ['系統備份及還原演練'],
    gap: { owner: 'lee.sys', months: 1 },
  },
  'A.8.15': {
    status: 'non_compliant',
    note: '尚未建置集中日誌收容平台。',
    controls: ['集中日誌收容與保存'],
    gap: { owner: 'tsai.net', months: 4 },
  },
  'A.7.6': { status: 'not_applicable', reason: '本府無專設之安全工作區域。' },
  'A.8.30': { status: 'not_applicable', reason: '本府資通系統由資訊局自行開發維護，未委外開發。' },
};

const SCHEDULE_10_RESULTS: Record<string, DemoResult> = {
  'AC-1': { status: 'compliant', evidence: ['risk'], controls: ['帳號及存取權限管理'] },
  'AU-1': {
    status: 'non_compliant',
    note: '網站主機日誌僅保存於本機。',
    controls: ['集中日誌收容與保存'],
    gap: { owner: 'tsai.net', months: 4 },
  },
  'CP-1': { status: 'compliant', evidence: ['backup'], controls: ['系統備份及還原演練'] },
  'SI-1': {
    status: 'partial',
    evidence: ['scan'],
    controls: ['弱點掃描與修補管理'],
    gap: { owner: 'wang.sa', months: 2 },
  },
};

async function record(
  s: Services,
  editor: DemoPerson,
  assessmentId: string,
  results: Record<string, DemoResult>,
  links: AssessmentDemoLinks,
): Promise<void> {
  const detail = await s.compliance.assessments.get(assessmentId);
  const idOf = new Map(detail.sections.flatMap((sec) => sec.results.map((r) => [r.ref, r.id] as const)));
  for (const [ref, r] of Object.entries(results)) {
    const resultId = idOf.get(ref);
    if (!resultId) continue;
    const owner = r.gap ? links.people.get(r.gap.owner)?.id : undefined;
    const req: UpdateComplianceResultRequest = {
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.note ? { note: r.note } : {}),
      evidenceIds: (r.evidence ?? []).map((k) => links.evidence[k]).filter((x): x is string => !!x),
      controlIds: (r.controls ?? []).map((n) => links.controls.get(n)).filter((x): x is string => !!x),
      ...(r.gap && owner ? { gapOwnerId: owner, gapDueOn: shiftMonths(links.today, r.gap.months) } : {}),
    };
    await s.compliance.assessments.updateResult(editor.ctx, resultId, req);
  }
}

/** This year's ISO/IEC 27001 assessment (in progress) and the website's Schedule 10 assessment. */
export async function loadAssessmentDemo(
  s: Services,
  editor: DemoPerson,
  links: AssessmentDemoLinks,
): Promise<void> {
  const iso = await s.compliance.assessments.create(editor.ctx, {
    title: ISO_ASSESSMENT_TITLE,
    frameworkKey: 'iso27001-2022',
    scope: 'organisation',
  });
  await record(s, editor, iso.id, ISO_RESULTS, links);

  const website = await s.db
    .selectFrom('assets')
    .select('id')
    .where('name', '=', '市政府全球資訊網')
    .where('protection_level', 'is not', null)
    .executeTakeFirst();
  if (!website) return;
  const system = await s.compliance.assessments.create(editor.ctx, {
    title: SCHEDULE_10_ASSESSMENT_TITLE,
    frameworkKey: 'tw-schedule-10',
    scope: 'asset',
    assetId: website.id,
  });
  await record(s, editor, system.id, SCHEDULE_10_RESULTS, links);
}
