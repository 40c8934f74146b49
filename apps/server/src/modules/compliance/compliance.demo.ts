// Demo data (zh-TW): evidence of the three kinds (a file, a link, a record inside Vigil — one about to
// lapse), the organisation's applied controls linked to ISO/IEC 27001 Annex A, Schedule 10, assets and
// evidence, the approved SoA, and two compliance assessments (assessments.demo.ts). Runs after the asset
// and risk demos.
import type { CreateAppliedControlRequest } from '@vigil/contracts';
import { type DemoPerson, demoPeople, shiftDays, shiftMonths } from '../../cli/actors.demo.js';
import type { RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { loadAssessmentDemo } from './assessments.demo.js';

/** A small, well-formed one-page PDF with one line of text (ASCII), for demo and test evidence files. */
export function demoPdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const iso = (...refs: string[]) => refs.map((ref) => ({ frameworkKey: 'iso27001-2022', ref }));
const s10 = (...refs: string[]) => refs.map((ref) => ({ frameworkKey: 'tw-schedule-10', ref }));

// Annex A controls the demo city does not apply, with the reason the SoA records.
const NOT_APPLICABLE: Record<string, string> = {
  'A.8.30': '本府資通系統由資訊局自行開發維護，未委外開發。',
  'A.7.6': '本府無專設之安全工作區域。',
};

/** Version 1 of the Statement of Applicability, every Annex A control justified, approved by the admin. */
async function approvedSoa(s: Services, editor: DemoPerson, approver: DemoPerson): Promise<void> {
  const draft = await s.compliance.soa.createDraft(editor.ctx);
  const entries = draft.entries.map((e) => {
    const reason = NOT_APPLICABLE[e.ref];
    const controlIds = e.controls.map((c) => c.id);
    return {
      ref: e.ref,
      applicable: !reason,
      justification:
        reason ??
        (controlIds.length > 0
          ? '依 114 年度風險評估結果適用，已建立控制措施。'
          : '依 114 年度風險評估結果及資通安全責任等級 B 級應辦事項適用。'),
      implementation: reason
        ? ('not_implemented' as const)
        : controlIds.length > 0
          ? ('implemented' as const)
          : ('planned' as const),
      controlIds,
    };
  });
  for (let i = 0; i < entries.length; i += 100)
    await s.compliance.soa.updateEntries(editor.ctx, draft.id, { entries: entries.slice(i, i + 100) });
  await s.compliance.soa.approve(approver.ctx, draft.id, '114 年度管理審查核定');
}

export interface ComplianceDemo {
  evidence: Record<'policy' | 'scan' | 'backup' | 'risk', string>;
  controls: number;
}

export async function loadComplianceDemo(s: Services, ctx: RequestContext): Promise<ComplianceDemo | null> {
  const people = await demoPeople(s, ['chen.se', 'wang.sa', 'lee.sys', 'tsai.net']);
  const chen = people.get('chen.se');
  if (!chen) return null;
  const as = (p: DemoPerson | undefined) => p?.ctx ?? ctx;
  const today = await s.documents.today();
  const ev = s.compliance.evidence;

  const scan = await ev.upload(as(people.get('wang.sa')), demoPdf('Vulnerability scan summary (demo)'), {
    title: '核心系統弱點掃描報告',
    fileName: '弱點掃描報告.pdf',
    description: '公文系統及全球資訊網之弱點掃描結果與修補追蹤。',
    validFrom: shiftMonths(today, -3),
    validUntil: shiftMonths(today, 9),
    ownerId: people.get('wang.sa')?.id,
  });
  const policy = await ev.create(as(chen), {
    kind: 'link',
    title: '資通安全政策公告（機關內網）',
    url: 'https://intranet.demo.example.tw/isms/policy',
    validFrom: shiftMonths(today, -2),
    ownerId: chen.id,
  });
  // About to lapse: the home card and the evidence list flag it.
  const backup = await ev.upload(as(people.get('lee.sys')), demoPdf('Backup restore drill record (demo)'), {
    title: '備份還原演練紀錄',
    fileName: '備份還原演練紀錄.pdf',
    validFrom: shiftMonths(today, -11),
    validUntil: shiftDays(today, 20),
    ownerId: people.get('lee.sys')?.id,
  });
  const assessment = await s.db
    .selectFrom('risk_assessments')
    .select('id')
    .where('status', '=', 'completed')
    .executeTakeFirst();
  const risk = assessment
    ? await ev.create(as(chen), {
        kind: 'record',
        title: '114 年度資通安全風險評估結果',
        recordType: 'risk_assessment',
        recordId: assessment.id,
        ownerId: chen.id,
      })
    : policy;

  const asset = async (prefix: string) =>
    (await s.db.selectFrom('assets').select('id').where('name', 'like', `${prefix}%`).executeTakeFirst())?.id;
  const docSystem = await asset('公文電子交換');
  const website = await asset('市政府全球資訊網');
  const systems = [docSystem, website].filter((x): x is string => Boolean(x));

  const controls: CreateAppliedControlRequest[] = [
    {
      name: '資通安全政策及目標',
      description: '經資通安全長核定之政策，每年檢討並公告全體同仁。',
      category: 'policy',
      status: 'operating',
      ownerId: chen.id,
      requirements: iso('A.5.1'),
      evidenceIds: [policy.id],
      reviewMonths: 12,
      effectiveness: 'effective',
    },
    {
      name: '弱點掃描與修補管理',
      description: '核心資通系統每年弱點掃描，高風險弱點 30 日內修補並複掃。',
      category: 'technical',
      status: 'operating',
      ownerId: people.get('wang.sa')?.id ?? chen.id,
      requirements: [...iso('A.8.8'), ...s10('SI-1')],
      assetIds: systems,
      evidenceIds: [scan.id],
      reviewMonths: 6,
      effectiveness: 'partially_effective',
    },
    {
      name: '系統備份及還原演練',
      description: '每日增量、每週完整備份，離線保存；每季還原演練。',
      category: 'process',
      status: 'implemented',
      ownerId: people.get('lee.sys')?.id ?? chen.id,
      requirements: [...iso('A.8.13'), ...s10('CP-1')],
      assetIds: systems,
      evidenceIds: [backup.id],
      reviewMonths: 12,
    },
    {
      name: '帳號及存取權限管理',
      description: '到職、調職、離職之帳號異動程序，每半年清查特權帳號。',
      category: 'process',
      status: 'operating',
      ownerId: chen.id,
      requirements: [...iso('A.5.15'), ...s10('AC-1')],
      evidenceIds: [risk.id],
      reviewMonths: 6,
      effectiveness: 'effective',
    },
    {
      name: '集中日誌收容與保存',
      description: '伺服器與網路設備日誌集中收容，保存至少六個月。',
      category: 'technical',
      status: 'planned',
      ownerId: people.get('tsai.net')?.id ?? chen.id,
      requirements: [...iso('A.8.15'), ...s10('AU-1')],
      assetIds: systems,
    },
    {
      name: '資通安全教育訓練',
      description: '一般使用者每年 3 小時、資訊人員每年 6 小時之資安課程。',
      category: 'process',
      status: 'operating',
      ownerId: chen.id,
      requirements: iso('A.6.3'),
      reviewMonths: 12,
      effectiveness: 'not_rated',
    },
  ];
  const controlIds = new Map<string, string>();
  for (const c of controls) controlIds.set(c.name, (await s.compliance.controls.create(as(chen), c)).id);
  const admin = (await demoPeople(s, ['lin.admin'])).get('lin.admin');
  if (admin) await approvedSoa(s, chen, admin);
  const evidence = { policy: policy.id, scan: scan.id, backup: backup.id, risk: risk.id };
  await loadAssessmentDemo(s, chen, { people, evidence, controls: controlIds, today });
  return { evidence, controls: controls.length };
}
