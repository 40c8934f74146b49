// Compliance contracts: applied controls, evidence, compliance assessments, the Statement of Applicability
// and the Schedule 10 baseline per information system.
//
// Routes (all under /api; access in brackets, a list means any one of them):
//   Applied controls
//     GET    /compliance/controls                  [compliance.read] appliedControlListQuery → appliedControlList
//     POST   /compliance/controls                  [compliance.manage] createAppliedControlRequest → 201 appliedControlResponse
//     GET    /compliance/controls/:id              [compliance.read] → appliedControlResponse
//     PATCH  /compliance/controls/:id              [compliance.manage] updateAppliedControlRequest → appliedControlResponse
//   Evidence (also used by the obligations calendar)
//     GET    /evidence                             [compliance.read, compliance.manage, obligations.*] evidenceListQuery → evidenceList
//     POST   /evidence/files?title&fileName&…      [compliance.manage, obligations.work, obligations.manage] raw file body (≤ 25 MiB) → 201 evidenceResponse
//     POST   /evidence                             [same] createEvidenceRequest (link or record) → 201 evidenceResponse
//     GET    /evidence/:id                         [read list] → evidenceResponse
//     PATCH  /evidence/:id                         [compliance.manage] updateEvidenceRequest → evidenceResponse
//     GET    /evidence/:id/content                 [read list] → the file, always as an attachment
//   Assessments
//     GET    /compliance/assessments               [compliance.read] → complianceAssessmentList
//     POST   /compliance/assessments               [compliance.manage] createComplianceAssessmentRequest → 201 complianceAssessmentDetail
//     GET    /compliance/assessments/:id           [compliance.read] → complianceAssessmentDetail
//     POST   /compliance/assessments/:id/complete  [compliance.manage] → complianceAssessmentDetail
//     PATCH  /compliance/results/:id               [compliance.manage] updateComplianceResultRequest → complianceAssessmentDetail
//     GET    /compliance/gaps                      [compliance.read] complianceGapQuery → complianceGapList (open gaps of each latest assessment)
//     GET    /compliance/summary                   [compliance.read] → complianceSummary (home card)
//     GET    /compliance/baseline/:assetId         [compliance.read] → complianceBaselineResponse (400 compliance.no_protection_level)
//   Statement of Applicability (iso27001-2022 Annex A)
//     GET    /compliance/soa                       [compliance.read] → soaList
//     POST   /compliance/soa                       [compliance.manage] → 201 soaResponse (new draft from the latest version)
//     GET    /compliance/soa/:id                   [compliance.read] → soaResponse
//     PATCH  /compliance/soa/:id/entries           [compliance.manage] updateSoaEntriesRequest → soaResponse (drafts only)
//     POST   /compliance/soa/:id/approve           [compliance.approve] approveSoaRequest → soaResponse
//     GET    /compliance/soa/:id/export            [compliance.read] soaExportQuery → DOCX/XLSX/PDF (適用性聲明)
import { z } from 'zod';
import { protectionLevel } from './assets.js';
import { id, locale, MAX_TEXT, shortText } from './common.js';

const dateOnly = z.iso.date();
const userRef = z.object({ id: z.string(), displayName: z.string() });
export type ComplianceUserRef = z.infer<typeof userRef>;
const labels = <K extends string>(x: Record<K, { en: string; zh: string }>) => x;

/** A requirement of a framework by its stable key and ref (e.g. iso27001-2022 / A.5.1). */
export const controlRequirementRef = z.strictObject({
  frameworkKey: z.string().trim().min(1).max(64),
  ref: z.string().trim().min(1).max(64),
});
export type ControlRequirementRef = z.infer<typeof controlRequirementRef>;

// ---------------------------------------------------------------------------------------------------------
// Applied controls
// ---------------------------------------------------------------------------------------------------------

export const APPLIED_CONTROL_STATUSES = ['planned', 'implemented', 'operating', 'retired'] as const;
export const appliedControlStatus = z.enum(APPLIED_CONTROL_STATUSES);
export type AppliedControlStatus = z.infer<typeof appliedControlStatus>;
export const APPLIED_CONTROL_CATEGORIES = ['policy', 'technical', 'physical', 'process'] as const;
export const appliedControlCategory = z.enum(APPLIED_CONTROL_CATEGORIES);
export type AppliedControlCategory = z.infer<typeof appliedControlCategory>;
export const CONTROL_EFFECTIVENESS_RATINGS = [
  'not_rated',
  'ineffective',
  'partially_effective',
  'effective',
] as const;
export const controlEffectiveness = z.enum(CONTROL_EFFECTIVENESS_RATINGS);
export type ControlEffectiveness = z.infer<typeof controlEffectiveness>;

const controlFields = {
  name: shortText(200),
  description: z.string().trim().max(MAX_TEXT).optional(),
  ownerId: id.nullable().optional(),
  status: appliedControlStatus.optional(),
  category: appliedControlCategory,
  requirements: z.array(controlRequirementRef).max(200).optional(),
  assetIds: z.array(id).max(500).optional(),
  riskIds: z.array(id).max(500).optional(),
  evidenceIds: z.array(id).max(500).optional(),
  reviewMonths: z.number().int().min(1).max(60).nullable().optional(),
  nextReviewOn: dateOnly.nullable().optional(),
  effectiveness: controlEffectiveness.optional(),
};
export const createAppliedControlRequest = z.strictObject({
  ...controlFields,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, . _ -')
    .optional(),
});
export type CreateAppliedControlRequest = z.infer<typeof createAppliedControlRequest>;
export const updateAppliedControlRequest = z.strictObject({
  ...controlFields,
  name: shortText(200).optional(),
  category: appliedControlCategory.optional(),
});
export type UpdateAppliedControlRequest = z.infer<typeof updateAppliedControlRequest>;

export const appliedControlListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: appliedControlStatus.optional(),
  category: appliedControlCategory.optional(),
  ownerId: id.optional(),
  effectiveness: controlEffectiveness.optional(),
  frameworkKey: z.string().trim().min(1).max(64).optional(),
  ref: z.string().trim().min(1).max(64).optional(),
  reviewDue: z.enum(['1']).optional(),
});
export type AppliedControlListQuery = z.infer<typeof appliedControlListQuery>;

const refItem = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const appliedControlResponse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  owner: userRef.nullable(),
  status: appliedControlStatus,
  category: appliedControlCategory,
  requirements: z.array(z.object({ frameworkKey: z.string(), ref: z.string() })),
  assets: z.array(refItem),
  risks: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  evidence: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  reviewMonths: z.number().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewDue: z.boolean(),
  effectiveness: controlEffectiveness,
  effectivenessRatedAt: z.string().nullable(),
  effectivenessRatedBy: userRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AppliedControlView = z.infer<typeof appliedControlResponse>;
export const appliedControlList = z.object({ items: z.array(appliedControlResponse) });

// ---------------------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------------------

export const EVIDENCE_KINDS = ['file', 'link', 'record'] as const;
export const evidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof evidenceKind>;
export const EVIDENCE_STATUSES = ['valid', 'expiring', 'expired', 'no_expiry'] as const;
export const evidenceStatus = z.enum(EVIDENCE_STATUSES);
export type EvidenceStatus = z.infer<typeof evidenceStatus>;
/** Largest evidence file accepted (bytes). */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** Evidence expiring within this many days (organisation time zone) is flagged `expiring`. */
export const EVIDENCE_EXPIRING_DAYS = 30;

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u);
      return (p.protocol === 'http:' || p.protocol === 'https:') && p.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'an http:// or https:// address');
const recordType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'a record type such as risk_assessment');

export const createEvidenceRequest = z
  .strictObject({
    kind: z.enum(['link', 'record']),
    title: shortText(200),
    description: z.string().trim().max(MAX_TEXT).optional(),
    url: httpUrl.optional(),
    recordType: recordType.optional(),
    recordId: z.string().trim().min(1).max(64).optional(),
    validFrom: dateOnly.optional(),
    validUntil: dateOnly.optional(),
    ownerId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'link' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'required' });
    if (v.kind === 'record' && !(v.recordType && v.recordId))
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'recordType and recordId are required' });
    if (v.validFrom && v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'before validFrom' });
  });
export type CreateEvidenceRequest = z.infer<typeof createEvidenceRequest>;

export const uploadEvidenceQuery = z
  .strictObject({
    title: shortText(200),
    fileName: z.string().trim().min(1).max(255),
    description: z.string().trim().max(MAX_TEXT).optional(),
    validFrom: dateOnly.optional(),
    validUntil: dateOnly.optional(),
    ownerId: id.optional(),
  })
  .refine((v) => !(v.validFrom && v.validUntil && v.validUntil < v.validFrom), {
    path: ['validUntil'],
    message: 'before validFrom',
  });
export type UploadEvidenceQuery = z.infer<typeof uploadEvidenceQuery>;

export const updateEvidenceRequest = z.strictObject({
  title: shortText(200).optional(),
  description: z.string().trim().max(MAX_TEXT).optional(),
  validFrom: dateOnly.nullable().optional(),
  validUntil: dateOnly.nullable().optional(),
  ownerId: id.nullable().optional(),
});
export type UpdateEvidenceRequest = z.infer<typeof updateEvidenceRequest>;

export const evidenceListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: evidenceKind.optional(),
  status: evidenceStatus.optional(),
  controlId: id.optional(),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;

export const evidenceResponse = z.object({
  id: z.string(),
  kind: evidenceKind,
  title: z.string(),
  description: z.string(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  contentType: z.string().nullable(),
  sha256: z.string().nullable(),
  url: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: evidenceStatus,
  owner: userRef.nullable(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceResponse>;
export const evidenceList = z.object({ items: z.array(evidenceResponse) });

// ---------------------------------------------------------------------------------------------------------
// Compliance assessments
// ---------------------------------------------------------------------------------------------------------

export const COMPLIANCE_RESULT_STATUSES = [
  'compliant',
  'partial',
  'non_compliant',
  'not_applicable',
  'not_assessed',
] as const;
export const complianceResultStatus = z.enum(COMPLIANCE_RESULT_STATUSES);
export type ComplianceResultStatus = z.infer<typeof complianceResultStatus>;
export const COMPLIANCE_ASSESSMENT_STATUSES = ['in_progress', 'completed'] as const;
export const complianceAssessmentStatus = z.enum(COMPLIANCE_ASSESSMENT_STATUSES);
export const COMPLIANCE_ASSESSMENT_SCOPES = ['organisation', 'asset'] as const;
export const complianceAssessmentScope = z.enum(COMPLIANCE_ASSESSMENT_SCOPES);

export const COMPLIANCE_RESULT_LABELS = labels<ComplianceResultStatus>({
  compliant: { en: 'Compliant', zh: '符合' },
  partial: { en: 'Partially compliant', zh: '部分符合' },
  non_compliant: { en: 'Non-compliant', zh: '不符合' },
  not_applicable: { en: 'Not applicable', zh: '不適用' },
  not_assessed: { en: 'Not assessed', zh: '未評估' },
});

export const createComplianceAssessmentRequest = z
  .strictObject({
    title: shortText(200),
    frameworkKey: z.string().trim().min(1).max(64),
    /** Defaults to the framework's current version. */
    versionId: id.optional(),
    scope: complianceAssessmentScope.default('organisation'),
    assetId: id.optional(),
    /** A completed assessment of the same framework whose results (and links) are copied, matched by ref. */
    copyFromId: id.optional(),
  })
  .refine((v) => (v.scope === 'asset') === !!v.assetId, {
    path: ['assetId'],
    message: 'an asset scope needs assetId; an organisation scope takes none',
  });
export type CreateComplianceAssessmentRequest = z.infer<typeof createComplianceAssessmentRequest>;

export const updateComplianceResultRequest = z.strictObject({
  status: complianceResultStatus.optional(),
  reason: z.string().trim().max(MAX_TEXT).nullable().optional(),
  note: z.string().trim().max(MAX_TEXT).optional(),
  evidenceIds: z.array(id).max(200).optional(),
  controlIds: z.array(id).max(200).optional(),
  gapOwnerId: id.nullable().optional(),
  gapDueOn: dateOnly.nullable().optional(),
});
export type UpdateComplianceResultRequest = z.infer<typeof updateComplianceResultRequest>;

/** compliant = 1, partial = 0.5, non-compliant and not assessed = 0; not applicable is left out. */
export const complianceScore = z.object({
  score: z.number().nullable(),
  counts: z.record(complianceResultStatus, z.number()),
});
export type ComplianceScoreView = z.infer<typeof complianceScore>;

const linkedEvidence = z.object({ id: z.string(), title: z.string(), status: evidenceStatus });
const linkedControl = z.object({ id: z.string(), code: z.string(), name: z.string() });
const via = z.object({ frameworkKey: z.string(), ref: z.string() });

export const complianceResultView = z.object({
  id: z.string(),
  ref: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  status: complianceResultStatus,
  reason: z.string().nullable(),
  note: z.string(),
  automatic: z.boolean(),
  gapOwner: userRef.nullable(),
  gapDueOn: z.string().nullable(),
  evidence: z.array(linkedEvidence),
  controls: z.array(linkedControl),
  /** Evidence and controls already linked to requirements this one maps to (or to this ref directly). */
  suggestions: z.object({
    evidence: z.array(linkedEvidence.extend({ via })),
    controls: z.array(linkedControl.extend({ via })),
  }),
  updatedAt: z.string(),
});
export type ComplianceResultView = z.infer<typeof complianceResultView>;

export const complianceSectionView = z.object({
  ref: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  score: complianceScore,
  results: z.array(complianceResultView),
});
export type ComplianceSectionView = z.infer<typeof complianceSectionView>;

export const complianceAssessmentSummary = z.object({
  id: z.string(),
  title: z.string(),
  framework: z.object({ id: z.string(), key: z.string(), nameEn: z.string(), nameZh: z.string() }),
  version: z.object({ id: z.string(), version: z.string() }),
  scope: complianceAssessmentScope,
  asset: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  protectionLevel: protectionLevel.nullable(),
  status: complianceAssessmentStatus,
  copiedFromId: z.string().nullable(),
  score: complianceScore,
  openGaps: z.number(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: userRef.nullable(),
});
export type ComplianceAssessmentSummaryView = z.infer<typeof complianceAssessmentSummary>;
export const complianceAssessmentList = z.object({ items: z.array(complianceAssessmentSummary) });
export const complianceAssessmentDetail = complianceAssessmentSummary.extend({
  sections: z.array(complianceSectionView),
});
export type ComplianceAssessmentView = z.infer<typeof complianceAssessmentDetail>;

export const complianceGap = z.object({
  resultId: z.string(),
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  frameworkKey: z.string(),
  ref: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  status: z.enum(['partial', 'non_compliant']),
  owner: userRef.nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type ComplianceGapView = z.infer<typeof complianceGap>;
/** Without assessmentId: the open gaps of the newest assessment of each framework and scope. */
export const complianceGapQuery = z.strictObject({ assessmentId: id.optional(), ownerId: id.optional() });
export type ComplianceGapQuery = z.infer<typeof complianceGapQuery>;
export const complianceGapList = z.object({ items: z.array(complianceGap) });

// ---------------------------------------------------------------------------------------------------------
// Schedule 10 baseline per information system
// ---------------------------------------------------------------------------------------------------------

export const complianceBaselineParams = z.strictObject({ assetId: id });
export const complianceBaselineResponse = z.object({
  asset: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  protectionLevel: protectionLevel,
  framework: z.object({ key: z.string(), versionId: z.string(), version: z.string() }),
  measures: z.array(
    z.object({
      ref: z.string(),
      sectionRef: z.string().nullable(),
      titleEn: z.string(),
      titleZh: z.string(),
      /** The measure's wording at this protection level. */
      textEn: z.string(),
      textZh: z.string(),
    }),
  ),
  notRequired: z.number(),
});
export type ComplianceBaselineView = z.infer<typeof complianceBaselineResponse>;

// ---------------------------------------------------------------------------------------------------------
// Statement of Applicability
// ---------------------------------------------------------------------------------------------------------

export const SOA_FRAMEWORK_KEY = 'iso27001-2022';
export const SOA_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const soaStatus = z.enum(SOA_STATUSES);
export type SoaStatus = z.infer<typeof soaStatus>;
export const SOA_IMPLEMENTATION_STATUSES = ['not_implemented', 'planned', 'partial', 'implemented'] as const;
export const soaImplementationStatus = z.enum(SOA_IMPLEMENTATION_STATUSES);
export type SoaImplementationStatus = z.infer<typeof soaImplementationStatus>;
export const SOA_IMPLEMENTATION_LABELS = labels<SoaImplementationStatus>({
  not_implemented: { en: 'Not implemented', zh: '未實施' },
  planned: { en: 'Planned', zh: '規劃中' },
  partial: { en: 'Partially implemented', zh: '部分實施' },
  implemented: { en: 'Implemented', zh: '已實施' },
});

export const soaEntryUpdate = z.strictObject({
  ref: z.string().trim().min(1).max(64),
  applicable: z.boolean(),
  justification: z.string().trim().min(1, 'a justification is required').max(MAX_TEXT),
  implementation: soaImplementationStatus,
  controlIds: z.array(id).max(100).default([]),
});
export const updateSoaEntriesRequest = z.strictObject({ entries: z.array(soaEntryUpdate).min(1).max(200) });
export type UpdateSoaEntriesRequest = z.infer<typeof updateSoaEntriesRequest>;
export const approveSoaRequest = z.strictObject({ note: z.string().trim().max(MAX_TEXT).optional() });
export const soaExportQuery = z.strictObject({
  format: z.enum(['docx', 'xlsx', 'pdf']),
  locale: locale.default('zh-TW'),
});
export type SoaExportQuery = z.infer<typeof soaExportQuery>;

export const soaEntryView = z.object({
  ref: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  sectionRef: z.string().nullable(),
  applicable: z.boolean(),
  justification: z.string(),
  implementation: soaImplementationStatus,
  controls: z.array(linkedControl),
  /** Applied controls linked to this Annex A ref that the entry does not list yet. */
  suggestedControls: z.array(linkedControl),
});
export type SoaEntryView = z.infer<typeof soaEntryView>;

export const soaSummary = z.object({
  id: z.string(),
  version: z.number(),
  status: soaStatus,
  frameworkVersion: z.string(),
  basedOnVersion: z.number().nullable(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  approvedBy: userRef.nullable(),
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
  supersededAt: z.string().nullable(),
  counts: z.object({ total: z.number(), applicable: z.number(), missingJustification: z.number() }),
});
export type SoaSummaryView = z.infer<typeof soaSummary>;
export const soaList = z.object({ items: z.array(soaSummary) });
export const soaResponse = soaSummary.extend({ entries: z.array(soaEntryView) });
export type SoaView = z.infer<typeof soaResponse>;

// ---------------------------------------------------------------------------------------------------------
// Home card
// ---------------------------------------------------------------------------------------------------------

export const complianceSummary = z.object({
  evidence: z.object({ expiring: z.number(), expired: z.number() }),
  openGaps: z.number(),
  overdueGaps: z.number(),
  soa: z
    .object({ id: z.string(), version: z.number(), status: soaStatus, approvedAt: z.string().nullable() })
    .nullable(),
  soaDraft: z.boolean(),
});
export type ComplianceSummaryView = z.infer<typeof complianceSummary>;
