// Rows → contract views. Ratings are re-derived from their stored input with the scenario's own version.
import type {
  RiskAcceptanceView,
  RiskAssetRef,
  RiskLevelView,
  RiskMethodologyDefinition,
  RiskMethodologyRef,
  RiskMethodologyView,
  RiskRatingInput,
  RiskRatingResult,
  RiskScenarioView,
  RiskThreatView,
  RiskVulnerabilityView,
  ThreatCategory,
  TreatmentItemStatus,
  TreatmentItemView,
  VulnerabilityCategory,
} from '@vigil/contracts';
import type {
  RiskAcceptanceRow,
  RiskMethodologyRow,
  RiskScenarioRow,
  RiskThreatRow,
  RiskTreatmentItemRow,
  RiskVulnerabilityRow,
} from '@vigil/db';
import type { UserRefRow } from '../users/users.repository.js';
import { evaluateRating, rankOf } from './risk-methodology.js';
import type { ItemCounts } from './risks.repository.js';

export interface LoadedMethodology {
  row: RiskMethodologyRow;
  def: RiskMethodologyDefinition;
}

export const methodologyRef = (m: LoadedMethodology): RiskMethodologyRef => ({
  id: m.row.id,
  version: m.row.version,
  name: m.row.name,
  type: m.def.type,
});

export function levelView(def: RiskMethodologyDefinition, key: string): RiskLevelView {
  const rank = rankOf(def, key);
  const l = def.levels[rank];
  return l
    ? { key: l.key, en: l.en, zh: l.zh, color: l.color, rank }
    : { key, en: key, zh: key, color: '#9e9e9e', rank: -1 };
}

export function ratingView(
  def: RiskMethodologyDefinition,
  inputJson: string | null,
): RiskRatingResult | null {
  if (!inputJson) return null;
  const input = JSON.parse(inputJson) as RiskRatingInput;
  const r = evaluateRating(def, input);
  return {
    input,
    level: { key: r.level.key, en: r.level.en, zh: r.level.zh, color: r.level.color, rank: r.rank },
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    likelihoodScore: r.likelihoodScore,
    impactScore: r.impactScore,
    vector: r.vector,
  };
}

export function presentMethodology(
  m: LoadedMethodology,
  users: Map<string, UserRefRow>,
  assessmentCount: number,
): RiskMethodologyView {
  const r = m.row;
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    notes: r.notes,
    type: m.def.type,
    status: r.status as RiskMethodologyView['status'],
    definition: m.def,
    createdBy: (r.created_by && users.get(r.created_by)) || null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    approvedBy: (r.approved_by && users.get(r.approved_by)) || null,
    approvedAt: r.approved_at,
    approvalNote: r.approval_note,
    supersededAt: r.superseded_at,
    assessmentCount,
  };
}

export function presentThreat(r: RiskThreatRow, usage: number): RiskThreatView {
  return {
    id: r.id,
    code: r.code,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    descriptionEn: r.description_en,
    descriptionZh: r.description_zh,
    category: r.category as ThreatCategory,
    retired: r.retired_at !== null,
    builtin: r.builtin === 1,
    usageCount: usage,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentVulnerability(r: RiskVulnerabilityRow, usage: number): RiskVulnerabilityView {
  return {
    ...presentThreat(r, usage),
    category: r.category as VulnerabilityCategory,
    assetTypes: JSON.parse(r.asset_types) as string[],
  };
}

export function presentAcceptance(
  a: RiskAcceptanceRow,
  def: RiskMethodologyDefinition,
  users: Map<string, UserRefRow>,
): RiskAcceptanceView {
  return {
    id: a.id,
    level: levelView(def, a.level),
    tier: a.tier as 'owner' | 'approver',
    acceptedBy: (a.accepted_by && users.get(a.accepted_by)) || null,
    acceptedAt: a.accepted_at,
    reason: a.reason,
    expiresOn: a.expires_on,
    status: a.status as RiskAcceptanceView['status'],
    endedAt: a.ended_at,
    endedBy: (a.ended_by && users.get(a.ended_by)) || null,
    endReason: a.end_reason,
  };
}

export function presentItem(
  i: RiskTreatmentItemRow,
  scenario: { id: string; code: string; title: string },
  users: Map<string, UserRefRow>,
  today: string,
): TreatmentItemView {
  const open = i.status !== 'done' && i.status !== 'cancelled';
  return {
    id: i.id,
    scenario,
    title: i.title,
    description: i.description,
    controls: i.controls,
    owner: (i.owner_id && users.get(i.owner_id)) || null,
    dueOn: i.due_on,
    status: i.status as TreatmentItemStatus,
    overdue: open && i.due_on !== null && i.due_on < today,
    completedAt: i.completed_at,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
  };
}

export interface ScenarioContext {
  methodologies: Map<string, LoadedMethodology>;
  currentMethodologyId: string | null;
  assessments: Map<string, { id: string; title: string; status: string }>;
  assets: Map<string, RiskAssetRef[]>;
  threats: Map<string, { id: string; code: string; nameEn: string; nameZh: string }>;
  vulnerabilities: Map<string, { id: string; code: string; nameEn: string; nameZh: string }>;
  users: Map<string, UserRefRow>;
  itemCounts: Map<string, ItemCounts>;
  overdue: Map<string, number>;
  acceptances: Map<string, RiskAcceptanceRow>;
}

export function presentScenario(s: RiskScenarioRow, c: ScenarioContext): RiskScenarioView {
  const m = c.methodologies.get(s.methodology_id);
  if (!m) throw new Error(`methodology ${s.methodology_id} not loaded`);
  const def = m.def;
  const counts = c.itemCounts.get(s.id) ?? { total: 0, done: 0, cancelled: 0 };
  const overdue = c.overdue.get(s.id) ?? 0;
  const inherent = ratingView(def, s.inherent_input);
  if (!inherent) throw new Error('scenario without inherent rating');
  const acceptance = c.acceptances.get(s.id);
  const target = ratingView(def, s.target_input);
  const actual = ratingView(def, s.actual_input);
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    assessment: (c.assessments.get(s.assessment_id) as RiskScenarioView['assessment']) ?? {
      id: s.assessment_id,
      title: '',
      status: 'draft',
    },
    methodology: methodologyRef(m),
    methodologyOutdated: c.currentMethodologyId !== null && c.currentMethodologyId !== s.methodology_id,
    assets: c.assets.get(s.id) ?? [],
    threat: (s.threat_id && c.threats.get(s.threat_id)) || null,
    vulnerability: (s.vulnerability_id && c.vulnerabilities.get(s.vulnerability_id)) || null,
    description: s.description,
    existingControls: s.existing_controls,
    inherent,
    treatmentOption: s.treatment_option as RiskScenarioView['treatmentOption'],
    plannedControls: s.planned_controls,
    target,
    actual,
    effectiveness: actual && target ? (actual.level.rank <= target.level.rank ? 'met' : 'not_met') : null,
    currentLevel: levelView(def, s.current_level),
    owner: (s.owner_id && c.users.get(s.owner_id)) || null,
    status: s.status as RiskScenarioView['status'],
    acceptance: acceptance ? presentAcceptance(acceptance, def, c.users) : null,
    treatment: {
      total: counts.total,
      done: counts.done,
      cancelled: counts.cancelled,
      overdue,
      nextDueOn: s.next_due_on,
    },
    overdue: overdue > 0,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}
