import { describe, expect, it } from 'vitest';
import { readShippedContent } from './shipped.js';
import type { FrameworkDefinition, Schedule } from './types.js';

const content = readShippedContent();
const fw = (key: string): FrameworkDefinition => {
  const found = content.frameworks.find((f) => f.definition.key === key)?.definition;
  if (!found) throw new Error(`${key} is not shipped`);
  return found;
};
const requirements = (def: FrameworkDefinition) => def.nodes.filter((n) => n.kind === 'requirement');
const byKind = (kind: string) =>
  requirements(fw('tw-responsibility-levels')).filter((n) => n.obligation?.kind === kind);
const schedule = (kind: string, level: 'A' | 'B' | 'C' | 'D' | 'E'): Schedule | undefined =>
  byKind(kind)[0]?.obligation?.byLevel[level];

describe('shipped frameworks', () => {
  it('all load with no problems', () => {
    expect(content.problems).toEqual([]);
    expect(content.frameworks.map((f) => f.definition.key).sort()).toEqual([
      'iso27001-2022',
      'nist-csf-2.0',
      'tw-responsibility-levels',
      'tw-schedule-10',
    ]);
  });

  it('ISO/IEC 27001:2022 has clauses 4–10 and the 93 Annex A controls marked for the SoA', () => {
    const iso = fw('iso27001-2022');
    const soa = iso.nodes.filter((n) => n.soa);
    expect(soa).toHaveLength(93);
    expect(soa.every((n) => n.kind === 'requirement' && /^A\.[5-8]\.\d+$/.test(n.ref))).toBe(true);
    const theme = (t: string) => soa.filter((n) => n.parent === t).length;
    expect([theme('A.5'), theme('A.6'), theme('A.7'), theme('A.8')]).toEqual([37, 8, 14, 34]);
    expect(soa[0]?.ref).toBe('A.5.1');
    expect(soa.at(-1)?.ref).toBe('A.8.34');
    for (const clause of ['4', '5', '6', '7', '8', '9', '10'])
      expect(iso.nodes.find((n) => n.ref === clause)?.kind).toBe('section');
    for (const sub of ['4.1', '6.1.2', '6.1.3', '7.5.3', '9.2', '9.3', '10.2'])
      expect(iso.nodes.some((n) => n.ref === sub && n.kind === 'requirement')).toBe(true);
  });

  it('NIST CSF 2.0 has 6 functions, 22 categories and 106 subcategories', () => {
    const csf = fw('nist-csf-2.0');
    const functions = csf.nodes.filter((n) => n.kind === 'section' && !n.parent);
    expect(functions.map((n) => n.ref)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
    expect(csf.nodes.filter((n) => n.kind === 'section' && n.parent)).toHaveLength(22);
    const subs = requirements(csf);
    expect(subs).toHaveLength(106);
    expect(
      subs.every((n) => /^[A-Z]{2}\.[A-Z]{2}-\d{2}$/.test(n.ref) && n.ref.startsWith(n.parent ?? '?')),
    ).toBe(true);
    expect(subs.map((n) => n.ref)).toContain('GV.OC-01');
    expect(subs.map((n) => n.ref)).not.toContain('ID.AM-06'); // withdrawn in 2.0
  });

  it('Schedule 10 has the seven control families, each measure with wording for every level it applies to', () => {
    const s10 = fw('tw-schedule-10');
    expect(s10.nodes.filter((n) => n.kind === 'section').map((n) => n.title['zh-TW'])).toEqual([
      '存取控制',
      '事件日誌與可歸責性',
      '營運持續計畫',
      '識別與鑑別',
      '系統與服務獲得',
      '系統與通訊保護',
      '系統與資訊完整性',
    ]);
    for (const m of requirements(s10)) {
      const levels = m.applicability?.protectionLevels ?? [];
      expect(levels.length, m.ref).toBeGreaterThan(0);
      expect(Object.keys(m.baseline ?? {}).sort(), m.ref).toEqual([...levels].sort());
    }
    const ia1 = s10.nodes.find((n) => n.ref === 'IA-1');
    expect(ia1?.baseline?.high?.en).toMatch(/multi-factor/);
    expect(ia1?.baseline?.normal?.en).not.toMatch(/multi-factor/);
    expect(s10.nodes.find((n) => n.ref === 'AU-3')?.baseline?.normal?.en).toMatch(/six months/);
  });

  it('the Taiwan responsibility levels carry the schedule of each required item', () => {
    expect(schedule('internal_audit', 'A')).toEqual({ kind: 'every', months: 6 });
    expect(schedule('internal_audit', 'B')).toEqual({ kind: 'every', months: 12 });
    expect(schedule('internal_audit', 'C')).toEqual({ kind: 'every', months: 24 });
    expect(schedule('internal_audit', 'D')).toBeUndefined();
    expect(schedule('vulnerability_scan', 'A')).toEqual({ kind: 'every', months: 6 });
    expect(schedule('penetration_test', 'B')).toEqual({ kind: 'every', months: 24 });
    expect(schedule('soc_monthly_report', 'A')).toEqual({ kind: 'monthly', day: 5 });
    expect(schedule('soc_monthly_report', 'B')).toEqual({ kind: 'monthly', day: 5 });
    expect(schedule('soc_monthly_report', 'C')).toBeUndefined();
    expect(schedule('level_reapproval', 'E')).toEqual({ kind: 'every', months: 36 });
    expect(schedule('system_classification', 'C')).toEqual({ kind: 'within', months: 24, thenEvery: 12 });
    expect(schedule('social_engineering_drill', 'C')).toEqual({ kind: 'every', months: 6 });
    expect(schedule('incident_drill', 'A')).toEqual({ kind: 'every', months: 12 });
    expect(byKind('dedicated_staff')[0]?.obligation?.quantityByLevel).toEqual({ A: 4, B: 2, C: 1 });
    const training = byKind('training_hours').map((n) => n.obligation?.byLevel.A);
    expect(training).toContainEqual({ kind: 'hours', hours: 12, months: 12, audience: 'security_staff' });
    expect(training).toContainEqual({ kind: 'hours', hours: 3, months: 12, audience: 'general_staff' });
  });

  it('every mapping links refs that exist, both sides', () => {
    const refs = new Map(
      content.frameworks.map((f) => [f.definition.key, new Set(f.definition.nodes.map((n) => n.ref))]),
    );
    expect(content.mappings.length).toBeGreaterThan(150);
    for (const m of content.mappings) {
      expect(refs.get(m.from.framework)?.has(m.from.ref), `${m.from.framework} ${m.from.ref}`).toBe(true);
      expect(refs.get(m.to.framework)?.has(m.to.ref), `${m.to.framework} ${m.to.ref}`).toBe(true);
    }
    const pairs = new Set(content.mappings.map((m) => `${m.from.framework}:${m.from.ref}>${m.to.framework}`));
    expect(pairs.has('tw-schedule-10:AC-1>iso27001-2022')).toBe(true);
    expect(pairs.has('tw-schedule-10:AC-1>nist-csf-2.0')).toBe(true);
    expect(pairs.has('iso27001-2022:A.8.8>nist-csf-2.0')).toBe(true);
    expect(
      content.mappings.find((m) => m.from.ref === 'MGT.06' && m.to.framework === 'iso27001-2022')?.to.ref,
    ).toBe('9.2');
  });
});
