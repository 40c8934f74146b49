// The records: 風險評估報告 (PDF/DOCX) and 風險清單 / 風險處理計畫 (XLSX/PDF), in zh-TW or en.
import {
  RISK_SCENARIO_STATUS_LABELS,
  RISK_TREATMENT_OPTION_LABELS,
  type RiskAssessmentReportQuery,
  type RiskExportQuery,
  type RiskHeatmapView,
  type RiskMethodologyDefinition,
  type RiskScenarioView,
  TREATMENT_ITEM_STATUS_LABELS,
  type TreatmentItemStatus,
} from '@vigil/contracts';
import type { Block, Cell, ReportLocale as Lang } from '@vigil/reports';
import type { DownloadFile } from '../../http/download.js';
import type { RequestContext } from '../../platform/context.js';
import { exportReport, L, reportMeta } from '../../platform/report-export.js';
import type { Services } from '../../services.js';
import { usersByIds } from '../users/users.repository.js';

const lbl = (lang: Lang, x: { en: string; zh: string }) => (lang === 'zh-TW' ? x.zh : x.en);
const levelCell = (lang: Lang, l: { en: string; zh: string; color: string } | null | undefined): Cell =>
  l ? { text: lbl(lang, l), fill: l.color } : '';

function methodologyBlocks(def: RiskMethodologyDefinition, lang: Lang, approverName: string): Block[] {
  const blocks: Block[] = [];
  if (def.type === 'matrix') {
    for (const [title, scale] of [
      [L(lang, '可能性等級', 'Likelihood scale'), def.likelihood],
      [L(lang, '衝擊等級', 'Impact scale'), def.impact],
    ] as const)
      blocks.push({
        type: 'table',
        caption: title,
        columns: [
          { title: L(lang, '值', 'Value'), width: 0.5 },
          { title: L(lang, '等級', 'Level') },
          { title: L(lang, '說明', 'Description'), width: 3 },
        ],
        rows: scale.map((x) => [x.value, lbl(lang, x), lang === 'zh-TW' ? x.descriptionZh : x.descriptionEn]),
      });
    blocks.push({
      type: 'table',
      caption: L(lang, '風險矩陣（列：可能性，欄：衝擊）', 'Risk matrix (rows: likelihood, columns: impact)'),
      columns: [
        { title: '' },
        ...def.impact.map((i) => ({ title: `${i.value} ${lbl(lang, i)}`, align: 'center' as const })),
      ],
      rows: [...def.likelihood].reverse().map((l) => [
        `${l.value} ${lbl(lang, l)}`,
        ...def.impact.map((i) =>
          levelCell(
            lang,
            def.levels.find((x) => x.key === def.matrix[l.value - 1]?.[i.value - 1]),
          ),
        ),
      ]),
    });
  } else {
    blocks.push({
      type: 'paragraph',
      text:
        def.type === 'cvss'
          ? L(lang, '評分方式：CVSS v3.1 基本分數。', 'Scoring: CVSS v3.1 base score.')
          : L(lang, '評分方式：OWASP 風險評等方法。', 'Scoring: OWASP Risk Rating Methodology.'),
    });
  }
  blocks.push({
    type: 'table',
    caption: L(lang, '風險等級', 'Risk levels'),
    columns: [{ title: L(lang, '等級', 'Level') }, { title: 'Key' }],
    rows: def.levels.map((l) => [levelCell(lang, l), l.key]),
  });
  const lv = (key: string | null) => {
    const l = def.levels.find((x) => x.key === key);
    return l ? lbl(lang, l) : L(lang, '（無）', '(none)');
  };
  blocks.push({ type: 'heading', level: 3, text: L(lang, '可接受風險判定準則', 'Risk acceptance criteria') });
  blocks.push({
    type: 'bullets',
    items: [
      L(
        lang,
        `風險擁有者可接受至「${lv(def.acceptance.ownerMaxLevel)}」等級。`,
        `The risk owner may accept up to ${lv(def.acceptance.ownerMaxLevel)}.`,
      ),
      L(
        lang,
        `核准者（${approverName}）可接受至「${lv(def.acceptance.approverMaxLevel)}」等級。`,
        `The approver (${approverName}) may accept up to ${lv(def.acceptance.approverMaxLevel)}.`,
      ),
      L(
        lang,
        '高於上述等級之風險不得接受，應予處理。',
        'Risks above these levels cannot be accepted and must be treated.',
      ),
    ],
  });
  return blocks;
}

function heatmapBlock(
  h: RiskHeatmapView,
  which: 'inherent' | 'target' | 'actual',
  lang: Lang,
  caption: string,
): Block {
  if (h.cells.length === 0)
    return {
      type: 'table',
      caption,
      columns: [{ title: L(lang, '等級', 'Level') }, { title: L(lang, '件數', 'Count'), align: 'right' }],
      rows: h.levelCounts.map((c) => [
        levelCell(
          lang,
          h.levels.find((l) => l.key === c.level),
        ),
        c[which],
      ]),
    };
  return {
    type: 'table',
    caption,
    columns: [
      { title: L(lang, '可能性＼衝擊', 'Likelihood \\ impact') },
      ...h.impact.map((i) => ({ title: lbl(lang, i), align: 'center' as const })),
    ],
    rows: [...h.likelihood].reverse().map((l) => [
      lbl(lang, l),
      ...h.impact.map((i): Cell => {
        const cell = h.cells.find((c) => c.likelihood === l.value && c.impact === i.value);
        return { text: String(cell?.[which] ?? 0), fill: cell?.color ?? '#ffffff' };
      }),
    ]),
  };
}

const assetNames = (s: RiskScenarioView) => s.assets.map((a) => `${a.code} ${a.name}`).join('、');

function resultRows(items: RiskScenarioView[], lang: Lang): Cell[][] {
  return items.map((x) => [
    x.code,
    assetNames(x),
    x.threat ? lbl(lang, { en: x.threat.nameEn, zh: x.threat.nameZh }) : '',
    x.vulnerability ? lbl(lang, { en: x.vulnerability.nameEn, zh: x.vulnerability.nameZh }) : '',
    levelCell(lang, x.inherent.level),
    x.treatmentOption ? lbl(lang, RISK_TREATMENT_OPTION_LABELS[x.treatmentOption]) : '',
    levelCell(lang, x.target?.level),
    levelCell(lang, x.actual?.level),
    x.owner?.displayName ?? '',
    lbl(lang, RISK_SCENARIO_STATUS_LABELS[x.status]),
  ]);
}

function resultColumns(lang: Lang) {
  return [
    L(lang, '編號', 'Code'),
    L(lang, '資產', 'Assets'),
    L(lang, '威脅', 'Threat'),
    L(lang, '弱點', 'Vulnerability'),
    L(lang, '固有風險', 'Inherent'),
    L(lang, '處理方式', 'Treatment'),
    L(lang, '目標殘餘風險', 'Target residual'),
    L(lang, '實際殘餘風險', 'Actual residual'),
    L(lang, '風險擁有者', 'Risk owner'),
    L(lang, '狀態', 'Status'),
  ];
}

async function approverLabel(s: Services, def: RiskMethodologyDefinition, lang: Lang): Promise<string> {
  const a = def.acceptance.approver;
  if (a.kind === 'role') {
    const role = await s.db
      .selectFrom('roles')
      .select(['name_en', 'name_zh'])
      .where('id', '=', a.roleId)
      .executeTakeFirst();
    return role ? (lang === 'zh-TW' ? role.name_zh : role.name_en) : a.roleId;
  }
  const u = await s.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', a.userId)
    .executeTakeFirst();
  return u?.display_name ?? a.userId;
}

/** 風險評估報告 of one assessment. */
export async function assessmentReport(
  s: Services,
  ctx: RequestContext,
  id: string,
  q: RiskAssessmentReportQuery,
): Promise<DownloadFile> {
  const lang = q.lang;
  const a = await s.risks.getAssessment(id);
  const m = await s.risks.methodology(a.methodology.id);
  const users = await usersByIds(s.db, [m.row.approved_by]);
  const rows = await s.risks.scenarios.registerRows(ctx, { assessmentId: id, sort: 'code', order: 'asc' });
  const items = await s.risks.scenarioViews(rows);
  const heat = await s.risks.views.heatmap(id);
  const approver = await approverLabel(s, m.def, lang);
  const limit = m.def.levels.findIndex((l) => l.key === m.def.acceptance.approverMaxLevel);
  const unacceptable = items.filter((x) => x.currentLevel.rank > limit && x.status !== 'closed');
  const title = L(lang, '風險評估報告', 'Risk assessment report');
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: `${title}：${a.title}` },
    { type: 'heading', level: 2, text: L(lang, '一、評估範圍', '1. Scope') },
    {
      type: 'keyValue',
      rows: [
        [L(lang, '評估名稱', 'Assessment'), a.title],
        [L(lang, '狀態', 'Status'), a.status],
        [L(lang, '期間', 'Period'), `${a.startsOn ?? ''} – ${a.endsOn ?? ''}`],
        [L(lang, '單位', 'Units'), a.scopeUnits.map((u) => u.name).join('、') || '—'],
        [L(lang, '資產', 'Assets'), a.scopeAssets.map((x) => `${x.code} ${x.name}`).join('、') || '—'],
        [L(lang, '完成時間', 'Completed'), a.completedAt ?? '—'],
      ],
    },
    ...(a.description ? [{ type: 'paragraph' as const, text: a.description }] : []),
    { type: 'heading', level: 2, text: L(lang, '二、風險評估方法', '2. Methodology') },
    {
      type: 'keyValue',
      rows: [
        [L(lang, '名稱', 'Name'), m.row.name],
        [L(lang, '版本', 'Version'), String(m.row.version)],
        [
          L(lang, '核定', 'Approved'),
          `${m.row.approved_at ?? '—'} ${(m.row.approved_by && users.get(m.row.approved_by)?.displayName) || ''}`,
        ],
      ],
    },
    ...methodologyBlocks(m.def, lang, approver),
    { type: 'heading', level: 2, text: L(lang, '三、評估結果', '3. Results') },
    {
      type: 'table',
      columns: resultColumns(lang).map((title, i) => ({ title, width: i === 1 ? 2 : 1 })),
      rows: resultRows(items, lang),
      repeatHeader: true,
    },
    { type: 'heading', level: 2, text: L(lang, '四、風險熱圖', '4. Heat maps') },
    heatmapBlock(heat, 'inherent', lang, L(lang, '固有風險', 'Inherent risk')),
    heatmapBlock(heat, 'target', lang, L(lang, '目標殘餘風險', 'Target residual risk')),
    heatmapBlock(heat, 'actual', lang, L(lang, '實際殘餘風險', 'Actual residual risk')),
    { type: 'heading', level: 2, text: L(lang, '五、不可接受之風險', '5. Unacceptable risks') },
    unacceptable.length
      ? {
          type: 'table',
          columns: resultColumns(lang).map((title) => ({ title })),
          rows: resultRows(unacceptable, lang),
        }
      : { type: 'paragraph', text: L(lang, '無。', 'None.') },
    { type: 'heading', level: 2, text: L(lang, '六、風險處理摘要', '6. Treatment summary') },
    {
      type: 'table',
      columns: [
        { title: L(lang, '編號', 'Code') },
        { title: L(lang, '處理方式', 'Treatment') },
        { title: L(lang, '規劃控制措施', 'Planned controls'), width: 3 },
        { title: L(lang, '項目（完成/總數）', 'Items (done/total)') },
        { title: L(lang, '逾期', 'Overdue') },
        { title: L(lang, '成效', 'Effectiveness') },
      ],
      rows: items.map((x) => [
        x.code,
        x.treatmentOption ? lbl(lang, RISK_TREATMENT_OPTION_LABELS[x.treatmentOption]) : '',
        x.plannedControls,
        `${x.treatment.done}/${x.treatment.total}`,
        x.treatment.overdue,
        x.effectiveness === 'met'
          ? L(lang, '達成', 'Met')
          : x.effectiveness === 'not_met'
            ? L(lang, '未達成', 'Not met')
            : '',
      ]),
    },
    { type: 'heading', level: 2, text: L(lang, '七、風險接受', '7. Risk acceptances') },
  ];
  const accepted = items.filter((x) => x.acceptance);
  blocks.push(
    accepted.length
      ? {
          type: 'table',
          columns: [
            { title: L(lang, '編號', 'Code') },
            { title: L(lang, '等級', 'Level') },
            { title: L(lang, '接受者', 'Accepted by') },
            { title: L(lang, '接受日期', 'Accepted at') },
            { title: L(lang, '理由', 'Reason'), width: 3 },
            { title: L(lang, '有效期限', 'Expires on') },
          ],
          rows: accepted.map((x) => [
            x.code,
            levelCell(lang, x.acceptance?.level),
            x.acceptance?.acceptedBy?.displayName ?? '',
            x.acceptance?.acceptedAt.slice(0, 10) ?? '',
            x.acceptance?.reason ?? '',
            x.acceptance?.expiresOn ?? '',
          ]),
        }
      : { type: 'paragraph', text: L(lang, '無。', 'None.') },
  );
  return exportReport(s, ctx, {
    format: q.format,
    meta: await reportMeta(s, ctx, lang, title),
    fileName: `${title}-${a.title}`,
    document: () => ({ blocks, landscape: true }),
    audit: {
      action: 'risk_assessment.reported',
      objectType: 'risk_assessment',
      objectId: id,
      details: { format: q.format, lang, scenarios: items.length },
    },
  });
}

/** 風險清單 / 風險處理計畫: the register (filtered) and its treatment items. */
export async function registerExport(
  s: Services,
  ctx: RequestContext,
  q: RiskExportQuery,
): Promise<DownloadFile> {
  const lang = q.lang;
  const { format, lang: _l, ...filters } = q;
  const rows = await s.risks.scenarios.registerRows(ctx, filters);
  const items: RiskScenarioView[] = [];
  for (let i = 0; i < rows.length; i += 500)
    items.push(...(await s.risks.scenarioViews(rows.slice(i, i + 500))));
  const ids = rows.map((r) => r.id);
  const today = await s.risks.today();
  const plan: Cell[][] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const its = await s.db
      .selectFrom('risk_treatment_items as t')
      .innerJoin('risk_scenarios as r', 'r.id', 't.scenario_id')
      .leftJoin('users as u', 'u.id', 't.owner_id')
      .select(['r.code', 'r.seq', 't.title', 't.controls', 'u.display_name', 't.due_on', 't.status'])
      .where('t.scenario_id', 'in', chunk)
      .orderBy('r.seq')
      .orderBy('t.due_on')
      .execute();
    for (const t of its) {
      const open = t.status !== 'done' && t.status !== 'cancelled';
      plan.push([
        t.code,
        t.title,
        t.controls,
        t.display_name ?? '',
        t.due_on ?? '',
        lbl(lang, TREATMENT_ITEM_STATUS_LABELS[t.status as TreatmentItemStatus]),
        open && t.due_on && t.due_on < today ? L(lang, '逾期', 'Overdue') : '',
      ]);
    }
  }
  const listTitle = L(lang, '風險清單', 'Risk register');
  const planTitle = L(lang, '風險處理計畫', 'Risk treatment plan');
  const planColumns = [
    L(lang, '風險編號', 'Risk'),
    L(lang, '處理項目', 'Item'),
    L(lang, '控制措施', 'Controls'),
    L(lang, '負責人', 'Owner'),
    L(lang, '完成期限', 'Due'),
    L(lang, '狀態', 'Status'),
    L(lang, '逾期', 'Overdue'),
  ];
  const title = `${listTitle}／${planTitle}`;
  return exportReport(s, ctx, {
    format,
    meta: await reportMeta(s, ctx, lang, title),
    fileName: listTitle,
    sheets: () => [
      {
        name: listTitle,
        title: listTitle,
        columns: resultColumns(lang).map((header, i) => ({ header, width: i === 1 ? 40 : 16 })),
        rows: resultRows(items, lang),
      },
      {
        name: planTitle,
        title: planTitle,
        columns: planColumns.map((header) => ({ header, width: 20 })),
        rows: plan,
      },
    ],
    document: () => ({
      landscape: true,
      blocks: [
        { type: 'heading', level: 1, text: listTitle },
        {
          type: 'table',
          columns: resultColumns(lang).map((title) => ({ title })),
          rows: resultRows(items, lang),
          repeatHeader: true,
        },
        { type: 'pageBreak' },
        { type: 'heading', level: 1, text: planTitle },
        { type: 'table', columns: planColumns.map((title) => ({ title })), rows: plan, repeatHeader: true },
      ],
    }),
    audit: {
      action: 'risk.exported',
      objectType: 'risk',
      objectId: null,
      details: { format, lang, scenarios: items.length, treatmentItems: plan.length, filters },
    },
  });
}
