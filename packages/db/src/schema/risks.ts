// Tables of risk management (methodology versions, catalogues, assessments, scenarios, treatment).
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;

export interface RiskMethodologyTable {
  id: string;
  /** 1, 2, 3…, unique. */
  version: number;
  name: string;
  notes: string;
  type: string;
  /** draft | approved | superseded; at most one approved. */
  status: string;
  /** JSON RiskMethodologyDefinition. Frozen once approved. */
  definition: string;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  approval_note: string | null;
  superseded_at: Timestamp | null;
}

export interface RiskCatalogueTable {
  id: string;
  code: string;
  name_en: string;
  name_zh: string;
  description_en: string;
  description_zh: string;
  category: string;
  builtin: Flag;
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskVulnerabilityTable extends RiskCatalogueTable {
  /** JSON array of asset types; empty = any. */
  asset_types: string;
}

/** Codes the shipped catalogue has inserted once (never inserted again). */
export interface RiskSeedLogTable {
  code: string;
  seeded_at: Timestamp;
}

export interface RiskAssessmentTable {
  id: string;
  title: string;
  description: string;
  status: string;
  methodology_id: string;
  /** JSON arrays of ids. */
  scope_unit_ids: string;
  scope_asset_ids: string;
  starts_on: string | null;
  ends_on: string | null;
  copied_from_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

/** A risk scenario. Computed levels are stored as columns so the register filters and sorts on them. */
export interface RiskScenarioTable {
  id: string;
  seq: number;
  code: string;
  assessment_id: string;
  methodology_id: string;
  title: string;
  description: string;
  existing_controls: string;
  threat_id: string | null;
  vulnerability_id: string | null;
  owner_id: string | null;
  treatment_option: string | null;
  planned_controls: string;
  status: string;
  inherent_input: string;
  inherent_level: string;
  inherent_rank: number;
  inherent_likelihood: number | null;
  inherent_impact: number | null;
  inherent_score: number | null;
  target_input: string | null;
  target_level: string | null;
  target_rank: number | null;
  target_likelihood: number | null;
  target_impact: number | null;
  target_score: number | null;
  actual_input: string | null;
  actual_level: string | null;
  actual_rank: number | null;
  actual_likelihood: number | null;
  actual_impact: number | null;
  actual_score: number | null;
  /** actual ?? inherent. */
  current_level: string;
  current_rank: number;
  /** Earliest due date (YYYY-MM-DD) of a treatment item that is not done or cancelled. */
  next_due_on: string | null;
  rerate_note: string | null;
  rerated_at: Timestamp | null;
  rerated_by: string | null;
  /** Lower-case code, title and description, for q. */
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskScenarioAssetTable {
  scenario_id: string;
  asset_id: string;
  position: number;
}

export interface RiskTreatmentItemTable {
  id: string;
  scenario_id: string;
  title: string;
  description: string;
  controls: string;
  owner_id: string | null;
  due_on: string | null;
  status: string;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RiskAcceptanceTable {
  id: string;
  scenario_id: string;
  methodology_id: string;
  level: string;
  tier: string;
  accepted_by: string | null;
  accepted_at: Timestamp;
  reason: string;
  expires_on: string;
  /** active | expired | revoked */
  status: string;
  ended_at: Timestamp | null;
  ended_by: string | null;
  end_reason: string | null;
}

export interface RiskReassessmentTable {
  id: string;
  scenario_id: string;
  at: Timestamp;
  by_user_id: string | null;
  from_methodology_id: string;
  to_methodology_id: string;
  from_level: string;
  to_level: string;
  note: string;
}

export type RiskTables = {
  risk_methodologies: RiskMethodologyTable;
  risk_threats: RiskCatalogueTable;
  risk_vulnerabilities: RiskVulnerabilityTable;
  risk_seed_log: RiskSeedLogTable;
  risk_assessments: RiskAssessmentTable;
  risk_scenarios: RiskScenarioTable;
  risk_scenario_assets: RiskScenarioAssetTable;
  risk_treatment_items: RiskTreatmentItemTable;
  risk_acceptances: RiskAcceptanceTable;
  risk_reassessments: RiskReassessmentTable;
};

export type RiskMethodologyRow = Selectable<RiskMethodologyTable>;
export type RiskThreatRow = Selectable<RiskCatalogueTable>;
export type RiskVulnerabilityRow = Selectable<RiskVulnerabilityTable>;
export type RiskAssessmentRow = Selectable<RiskAssessmentTable>;
export type RiskScenarioRow = Selectable<RiskScenarioTable>;
export type RiskTreatmentItemRow = Selectable<RiskTreatmentItemTable>;
export type RiskAcceptanceRow = Selectable<RiskAcceptanceTable>;
export type RiskReassessmentRow = Selectable<RiskReassessmentTable>;
