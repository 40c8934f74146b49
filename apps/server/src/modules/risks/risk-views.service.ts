import type { RiskHeatmapView, RiskTrendView } from '@vigil/contracts';
import { type LoadedMethodology, levelView, methodologyRef } from './risks.presenter.js';

import type { RiskService } from './risks.service.js';

/** Heat maps per assessment and the trend across assessments. */
export class RiskViewService {
  constructor(private readonly risks: RiskService) {}

  // ---- heat map and trend -----------------------------------------------------------------------------

  async heatmap(assessmentId: string): Promise<RiskHeatmapView> {
    await this.risks.ready();
    const a = await this.risks.assessmentRow(assessmentId);
    const m = await this.risks.methodology(a.methodology_id);
    const def = m.def;
    const rows = await this.risks.db
      .selectFrom('risk_scenarios')
      .select([
        'methodology_id',
        'inherent_level',
        'inherent_likelihood',
        'inherent_impact',
        'target_level',
        'target_likelihood',
        'target_impact',
        'actual_level',
        'actual_likelihood',
        'actual_impact',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('assessment_id', '=', assessmentId)
      .groupBy([
        'methodology_id',
        'inherent_level',
        'inherent_likelihood',
        'inherent_impact',
        'target_level',
        'target_likelihood',
        'target_impact',
        'actual_level',
        'actual_likelihood',
        'actual_impact',
      ])
      .execute();
    const owaspAxis = [
      { value: 1, en: 'Low', zh: '低' },
      { value: 2, en: 'Medium', zh: '中' },
      { value: 3, en: 'High', zh: '高' },
    ];
    const likelihood =
      def.type === 'matrix'
        ? def.likelihood.map((l) => ({ value: l.value, en: l.en, zh: l.zh }))
        : def.type === 'owasp'
          ? owaspAxis
          : [];
    const impact =
      def.type === 'matrix'
        ? def.impact.map((l) => ({ value: l.value, en: l.en, zh: l.zh }))
        : def.type === 'owasp'
          ? owaspAxis
          : [];
    const owaspGrid: Record<number, Record<number, string>> = {
      3: { 1: 'medium', 2: 'high', 3: 'critical' },
      2: { 1: 'low', 2: 'medium', 3: 'high' },
      1: { 1: 'note', 2: 'low', 3: 'medium' },
    };
    const cellLevel = (l: number, i: number) =>
      def.type === 'matrix' ? (def.matrix[l - 1]?.[i - 1] ?? '') : (owaspGrid[i]?.[l] ?? '');
    const cells = likelihood.flatMap((l) =>
      impact.map((i) => {
        const level = cellLevel(l.value, i.value);
        return {
          likelihood: l.value,
          impact: i.value,
          level,
          color: levelView(def, level).color,
          inherent: 0,
          target: 0,
          actual: 0,
        };
      }),
    );
    const levelCounts = def.levels.map((l) => ({ level: l.key, inherent: 0, target: 0, actual: 0 }));
    let total = 0;
    let otherVersion = 0;
    for (const r of rows) {
      const n = Number(r.n);
      total += n;
      if (r.methodology_id !== m.row.id) {
        otherVersion += n;
        continue;
      }
      for (const p of ['inherent', 'target', 'actual'] as const) {
        const level = r[`${p}_level`];
        if (level === null) continue;
        const lc = levelCounts.find((x) => x.level === level);
        if (lc) lc[p] += n;
        const cell = cells.find(
          (c) => c.likelihood === r[`${p}_likelihood`] && c.impact === r[`${p}_impact`],
        );
        if (cell) cell[p] += n;
      }
    }
    return {
      assessmentId,
      methodology: methodologyRef(m),
      likelihood,
      impact,
      levels: def.levels.map((l) => levelView(def, l.key)),
      cells,
      levelCounts,
      total,
      otherVersion,
    };
  }

  async trend(): Promise<RiskTrendView> {
    await this.risks.ready();
    const assessments = await this.risks.db
      .selectFrom('risk_assessments')
      .selectAll()
      .where('status', '=', 'completed')
      .orderBy('completed_at')
      .execute();
    if (assessments.length === 0) return { items: [] };
    const ids = assessments.map((a) => a.id);
    const counts = await this.risks.db
      .selectFrom('risk_scenarios')
      .select([
        'assessment_id',
        'inherent_level',
        'target_level',
        'actual_level',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('assessment_id', 'in', ids)
      .groupBy(['assessment_id', 'inherent_level', 'target_level', 'actual_level'])
      .execute();
    const ms = await this.risks.methodologies(assessments.map((a) => a.methodology_id));
    return {
      items: assessments.map((a) => {
        const m = ms.get(a.methodology_id) as LoadedMethodology;
        const levels = m.def.levels.map((l) => ({ ...levelView(m.def, l.key), inherent: 0, residual: 0 }));
        let total = 0;
        for (const c of counts.filter((x) => x.assessment_id === a.id)) {
          const n = Number(c.n);
          total += n;
          const inh = levels.find((l) => l.key === c.inherent_level);
          if (inh) inh.inherent += n;
          const res = levels.find((l) => l.key === (c.actual_level ?? c.target_level ?? c.inherent_level));
          if (res) res.residual += n;
        }
        return {
          assessment: { id: a.id, title: a.title, completedAt: a.completed_at ?? a.updated_at },
          methodology: methodologyRef(m),
          total,
          levels,
        };
      }),
    };
  }
}
