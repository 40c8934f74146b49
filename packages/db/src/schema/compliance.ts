// Tables of compliance: applied controls, evidence, compliance assessments, the Statement of Applicability.
import type { Selectable } from 'kysely';

type Timestamp = string;
type Flag = number;

export interface AppliedControlTable {
  id: string;
  /** e.g. CTL-0001, unique. */
  code: string;
  name: string;
  description: string;
  owner_id: string | null;
  /** planned | implemented | operating | retired */
  status: string;
  /** policy | technical | physical | process */
  category: string;
  review_months: number | null;
  /** YYYY-MM-DD */
  next_review_on: string | null;
  /** not_rated | ineffective | partially_effective | effective */
  effectiveness: string;
  effectiveness_rated_at: Timestamp | null;
  effectiveness_rated_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A requirement a control serves, by framework key and ref (survives new framework versions). */
export interface AppliedControlRequirementTable {
  control_id: string;
  framework_key: string;
  ref: string;
}

export interface AppliedControlAssetTable {
  control_id: string;
  asset_id: string;
}

export interface AppliedControlRiskTable {
  control_id: string;
  scenario_id: string;
}

export interface EvidenceTable {
  id: string;
  /** file | link | record */
  kind: string;
  title: string;
  description: string;
  file_name: string | null;
  /** Files: the blob's SHA-256 (content-addressed storage). */
  sha256: string | null;
  size: number | null;
  /** Files: the type judged from the content, never from the name. */
  content_type: string | null;
  url: string | null;
  /** Records inside Vigil, e.g. risk_assessment, document_version, obligation_task. */
  record_type: string | null;
  record_id: string | null;
  /** YYYY-MM-DD */
  valid_from: string | null;
  /** YYYY-MM-DD or null (no expiry). */
  valid_until: string | null;
  owner_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvidenceControlTable {
  evidence_id: string;
  control_id: string;
}

export interface ComplianceAssessmentTable {
  id: string;
  title: string;
  framework_id: string;
  version_id: string;
  /** organisation | asset */
  scope: string;
  asset_id: string | null;
  /** The system's protection level when the assessment was created (Schedule 10 baselines). */
  protection_level: string | null;
  /** in_progress | completed */
  status: string;
  copied_from_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface ComplianceResultTable {
  id: string;
  assessment_id: string;
  node_id: string;
  ref: string;
  /** compliant | partial | non_compliant | not_applicable | not_assessed */
  status: string;
  /** Why not applicable (required for not_applicable). */
  reason: string | null;
  note: string;
  gap_owner_id: string | null;
  gap_due_on: string | null;
  /** 1 when Vigil set the result (not required at the system's protection level); the user cannot change it. */
  automatic: Flag;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ComplianceResultEvidenceTable {
  result_id: string;
  evidence_id: string;
}

export interface ComplianceResultControlTable {
  result_id: string;
  control_id: string;
}

export interface SoaVersionTable {
  id: string;
  version: number;
  /** draft | approved | superseded; at most one draft and one approved. */
  status: string;
  framework_version_id: string;
  based_on_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  approval_note: string | null;
  superseded_at: Timestamp | null;
}

export interface SoaEntryTable {
  soa_id: string;
  /** Annex A control ref, e.g. 5.1. */
  ref: string;
  position: number;
  applicable: Flag;
  justification: string;
  /** not_implemented | planned | partial | implemented */
  implementation: string;
  /** JSON array of applied control ids. */
  control_ids: string;
}

export interface ComplianceTables {
  applied_controls: AppliedControlTable;
  applied_control_requirements: AppliedControlRequirementTable;
  applied_control_assets: AppliedControlAssetTable;
  applied_control_risks: AppliedControlRiskTable;
  evidence: EvidenceTable;
  evidence_controls: EvidenceControlTable;
  compliance_assessments: ComplianceAssessmentTable;
  compliance_results: ComplianceResultTable;
  compliance_result_evidence: ComplianceResultEvidenceTable;
  compliance_result_controls: ComplianceResultControlTable;
  soa_versions: SoaVersionTable;
  soa_entries: SoaEntryTable;
}

export type AppliedControlRow = Selectable<AppliedControlTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type ComplianceAssessmentRow = Selectable<ComplianceAssessmentTable>;
export type ComplianceResultRow = Selectable<ComplianceResultTable>;
export type SoaVersionRow = Selectable<SoaVersionTable>;
export type SoaEntryRow = Selectable<SoaEntryTable>;
