// Risk management contracts (methodology, catalogues, assessments, scenarios, treatment, acceptance).
//
// Routes (all under /api; access in brackets, a list means any one of them):
//   Methodology
//     GET    /risk-methodologies                      [risks.read, risks.methodology, risks.approve] → riskMethodologyList
//     GET    /risk-methodologies/current              [same]       → riskMethodologyResponse (the approved one)
//     GET    /risk-methodologies/:id                  [same]       → riskMethodologyResponse
//     POST   /risk-methodologies                      [risks.methodology] createRiskMethodologyRequest → 201 riskMethodologyResponse (draft)
//     PATCH  /risk-methodologies/:id                  [risks.methodology] updateRiskMethodologyRequest → riskMethodologyResponse (drafts only)
//     DELETE /risk-methodologies/:id                  [risks.methodology] → ok (drafts only)
//     POST   /risk-methodologies/:id/approve          [risks.approve] approveRiskMethodologyRequest → riskMethodologyResponse
//     POST   /risk-methodologies/:id/evaluate         [risks.read, risks.treat, risks.methodology] riskRatingInput → riskRatingResult (preview, stores nothing)
//   Catalogues
//     GET    /risk-threats                            [risks.read, risks.treat] riskCatalogueQuery → riskThreatList
//     POST   /risk-threats                            [risks.manage] createRiskThreatRequest → 201 riskThreatResponse
//     PATCH  /risk-threats/:id                        [risks.manage] updateRiskThreatRequest → riskThreatResponse
//     DELETE /risk-threats/:id                        [risks.manage] → ok (409 risk.catalogue_in_use: retire instead)
//     (same four for /risk-vulnerabilities with the vulnerability schemas)
//   Assessments
//     GET    /risk-assessments                        [risks.read] riskAssessmentListQuery → riskAssessmentList
//     POST   /risk-assessments                        [risks.manage] createRiskAssessmentRequest → 201 riskAssessmentResponse
//     GET    /risk-assessments/:id                    [risks.read] → riskAssessmentResponse
//     PATCH  /risk-assessments/:id                    [risks.manage] updateRiskAssessmentRequest → riskAssessmentResponse
//     DELETE /risk-assessments/:id                    [risks.manage] → ok (draft only)
//     POST   /risk-assessments/:id/start              [risks.manage] → riskAssessmentResponse (draft → in_progress)
//     POST   /risk-assessments/:id/complete           [risks.manage] → riskAssessmentResponse (in_progress → completed)
//     GET    /risk-assessments/:id/heatmap            [risks.read] → riskHeatmapResponse
//     GET    /risk-assessments/:id/report             [risks.read] riskAssessmentReportQuery → PDF/DOCX file (風險評估報告)
//     POST   /risk-assessments/:id/scenarios          [risks.manage] createRiskScenarioRequest → 201 riskScenarioResponse
//   Register and scenarios
//     GET    /risks                                   [risks.read, risks.treat] riskRegisterQuery → riskRegisterList
//     GET    /risks/export                            [risks.read, risks.treat] riskExportQuery → XLSX/PDF file (風險清單 / 風險處理計畫)
//     GET    /risks/trend                             [risks.read] → riskTrendResponse
//     GET    /risks/:id                               [risks.read, risks.treat] → riskScenarioDetail
//     PATCH  /risks/:id                               [risks.manage] updateRiskScenarioRequest → riskScenarioDetail
//     DELETE /risks/:id                               [risks.manage] → ok (only while its assessment is not completed)
//     POST   /risks/:id/reassess                      [risks.manage] reassessRiskRequest → riskScenarioDetail
//     POST   /risks/:id/rerate                        [risks.manage, risks.treat (own)] rerateRiskRequest → riskScenarioDetail
//     POST   /risks/:id/accept                        [risks.treat, risks.approve] acceptRiskRequest → riskScenarioDetail
//     POST   /risks/:id/revoke-acceptance             [risks.manage, risks.approve] revokeRiskAcceptanceRequest → riskScenarioDetail
//     POST   /risks/:id/close                         [risks.manage] closeRiskRequest → riskScenarioDetail
//     POST   /risks/:id/reopen                        [risks.manage] → riskScenarioDetail
//   Treatment plan items
//     POST   /risks/:id/treatment-items               [risks.manage, risks.treat (own risk)] createTreatmentItemRequest → 201 treatmentItemResponse
//     PATCH  /risk-treatment-items/:id                [risks.manage, risks.treat (own risk or own item)] updateTreatmentItemRequest → treatmentItemResponse
//     DELETE /risk-treatment-items/:id                [risks.manage] → ok
//     GET    /risk-treatment-items                    [risks.read, risks.treat] treatmentItemListQuery → treatmentItemList
//
// A caller holding risks.treat but not risks.read sees only scenarios they own (and treatment items they own
// or that belong to scenarios they own); anything else answers 404.
import { z } from 'zod';
import { id, MAX_TEXT, page } from './common.js';

// ---------------------------------------------------------------------------------------------------------
// Methodology
// ---------------------------------------------------------------------------------------------------------

/** Scoring method of a methodology. */
export const RISK_METHODOLOGY_TYPES = ['matrix', 'cvss', 'owasp'] as const;
export const riskMethodologyType = z.enum(RISK_METHODOLOGY_TYPES);
export type RiskMethodologyType = z.infer<typeof riskMethodologyType>;

/** draft (editable) → approved (the one in use; at most one) → superseded (by a later approval). */
export const RISK_METHODOLOGY_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const riskMethodologyStatus = z.enum(RISK_METHODOLOGY_STATUSES);
export type RiskMethodologyStatus = z.infer<typeof riskMethodologyStatus>;

const levelKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,29}$/, 'lower-case letters, digits and _');
const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

/** One step of a likelihood or impact scale. `value` runs 1..n from lowest to highest. */
export const riskScaleLevel = z.strictObject({
  value: z.number().int().min(1).max(6),
  en: z.string().trim().min(1).max(100),
  zh: z.string().trim().min(1).max(100),
  descriptionEn: z.string().trim().max(1000).default(''),
  descriptionZh: z.string().trim().max(1000).default(''),
});
export type RiskScaleLevel = z.infer<typeof riskScaleLevel>;

/** A risk level (風險等級), lowest first in every list. */
export const riskLevelDefinition = z.strictObject({
  key: levelKey,
  en: z.string().trim().min(1).max(100),
  zh: z.string().trim().min(1).max(100),
  color: hexColor,
});
export type RiskLevelDefinition = z.infer<typeof riskLevelDefinition>;

/** Who may accept above the owner's limit: holders of a role (by role id, e.g. `admin`) or one named user. */
export const riskApprover = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('role'), roleId: z.string().trim().min(1).max(64) }),
  z.strictObject({ kind: z.literal('user'), userId: id }),
]);
export type RiskApprover = z.infer<typeof riskApprover>;

/**
 * 可接受風險判定準則. Levels are keys from the methodology's `levels`. A risk at or below `ownerMaxLevel` may be
 * accepted by its risk owner; at or below `approverMaxLevel` by the approver (who must also hold
 * risks.approve); anything above cannot be accepted, only treated. null = nobody at that tier may accept.
 */
export const riskAcceptanceCriteria = z.strictObject({
  ownerMaxLevel: levelKey.nullable(),
  approver: riskApprover,
  approverMaxLevel: levelKey.nullable(),
});
export type RiskAcceptanceCriteria = z.infer<typeof riskAcceptanceCriteria>;

/**
 * A likelihood × impact matrix. `matrix[l-1][i-1]` is the level key for likelihood value l and impact value i
 * (so `matrix.length` = likelihood levels, each row's length = impact levels). Sizes 3..6 each.
 */
export const matrixMethodologyDefinition = z.strictObject({
  type: z.literal('matrix'),
  likelihood: z.array(riskScaleLevel).min(3).max(6),
  impact: z.array(riskScaleLevel).min(3).max(6),
  levels: z.array(riskLevelDefinition).min(2).max(8),
  matrix: z.array(z.array(levelKey)),
  acceptance: riskAcceptanceCriteria,
});

/**
 * CVSS v3.1 base score. Level keys are fixed: none (0.0), low (0.1–3.9), medium (4.0–6.9), high (7.0–8.9),
 * critical (9.0–10.0), in that order; labels and colours may be changed.
 */
export const CVSS_LEVEL_KEYS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const cvssMethodologyDefinition = z.strictObject({
  type: z.literal('cvss'),
  levels: z.array(riskLevelDefinition).length(5),
  acceptance: riskAcceptanceCriteria,
});

/**
 * OWASP Risk Rating. Likelihood = average of the 8 likelihood factors, impact = average of the technical or
 * business factors (`impactBasis`; `higher` takes the larger of the two). Averages: LOW < 3, MEDIUM 3–<6,
 * HIGH ≥ 6. Level keys are fixed: note, low, medium, high, critical (the OWASP severity table).
 */
export const OWASP_LEVEL_KEYS = ['note', 'low', 'medium', 'high', 'critical'] as const;
export const owaspMethodologyDefinition = z.strictObject({
  type: z.literal('owasp'),
  impactBasis: z.enum(['technical', 'business', 'higher']).default('higher'),
  levels: z.array(riskLevelDefinition).length(5),
  acceptance: riskAcceptanceCriteria,
});

/**
 * The methodology settings, by type. Server-side validation adds: every matrix cell names a known level,
 * scale values are 1..n in order, level keys are unique, CVSS/OWASP level keys are the fixed ones, and the
 * acceptance levels exist with ownerMaxLevel ≤ approverMaxLevel. Errors: 400 risk.methodology_invalid with
 * `details.problems: string[]`.
 */
export const riskMethodologyDefinition = z.discriminatedUnion('type', [
  matrixMethodologyDefinition,
  cvssMethodologyDefinition,
  owaspMethodologyDefinition,
]);
export type RiskMethodologyDefinition = z.infer<typeof riskMethodologyDefinition>;
export type MatrixMethodologyDefinition = z.infer<typeof matrixMethodologyDefinition>;
export type CvssMethodologyDefinition = z.infer<typeof cvssMethodologyDefinition>;
export type OwaspMethodologyDefinition = z.infer<typeof owaspMethodologyDefinition>;

const userRef = z.object({ id: z.string(), displayName: z.string(), username: z.string() });
export type RiskUserRef = z.infer<typeof userRef>;

export const riskMethodologyResponse = z.object({
  id: z.string(),
  /** 1, 2, 3… assigned when the draft is created. */
  version: z.number().int(),
  name: z.string(),
  notes: z.string(),
  type: riskMethodologyType,
  status: riskMethodologyStatus,
  definition: riskMethodologyDefinition,
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedBy: userRef.nullable(),
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
  supersededAt: z.string().nullable(),
  /** Assessments made with this version. */
  assessmentCount: z.number().int(),
});
export type RiskMethodologyView = z.infer<typeof riskMethodologyResponse>;
/** Newest version first. */
export const riskMethodologyList = z.object({ items: z.array(riskMethodologyResponse) });

/** New draft. Leave `definition` out to start from a copy of the current approved one. */
export const createRiskMethodologyRequest = z.strictObject({
  name: z.string().trim().min(1).max(200),
  notes: z.string().trim().max(MAX_TEXT).optional(),
  definition: riskMethodologyDefinition.optional(),
});
export type CreateRiskMethodologyRequest = z.infer<typeof createRiskMethodologyRequest>;
export const updateRiskMethodologyRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  notes: z.string().trim().max(MAX_TEXT).optional(),
  definition: riskMethodologyDefinition.optional(),
});
export type UpdateRiskMethodologyRequest = z.infer<typeof updateRiskMethodologyRequest>;
export const approveRiskMethodologyRequest = z.strictObject({
  note: z.string().trim().max(MAX_TEXT).optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Rating input and result (shared by scenarios, re-rating and the evaluate preview)
// ---------------------------------------------------------------------------------------------------------

/** OWASP factor names, each rated 0..9. */
export const OWASP_LIKELIHOOD_FACTORS = [
  'skillLevel',
  'motive',
  'opportunity',
  'size',
  'easeOfDiscovery',
  'easeOfExploit',
  'awareness',
  'intrusionDetection',
] as const;
export const OWASP_TECHNICAL_IMPACT_FACTORS = [
  'lossOfConfidentiality',
  'lossOfIntegrity',
  'lossOfAvailability',
  'lossOfAccountability',
] as const;
export const OWASP_BUSINESS_IMPACT_FACTORS = [
  'financialDamage',
  'reputationDamage',
  'nonCompliance',
  'privacyViolation',
] as const;
/** zh-TW / en labels of the OWASP factors, for forms and reports. */
export const OWASP_FACTOR_LABELS: Record<
  | (typeof OWASP_LIKELIHOOD_FACTORS)[number]
  | (typeof OWASP_TECHNICAL_IMPACT_FACTORS)[number]
  | (typeof OWASP_BUSINESS_IMPACT_FACTORS)[number],
  { en: string; zh: string }
> = {
  skillLevel: { en: 'Skill level', zh: '技術能力' },
  motive: { en: 'Motive', zh: '動機' },
  opportunity: { en: 'Opportunity', zh: '機會' },
  size: { en: 'Size', zh: '威脅來源規模' },
  easeOfDiscovery: { en: 'Ease of discovery', zh: '發現難易度' },
  easeOfExploit: { en: 'Ease of exploit', zh: '利用難易度' },
  awareness: { en: 'Awareness', zh: '知悉程度' },
  intrusionDetection: { en: 'Intrusion detection', zh: '入侵偵測' },
  lossOfConfidentiality: { en: 'Loss of confidentiality', zh: '機密性損失' },
  lossOfIntegrity: { en: 'Loss of integrity', zh: '完整性損失' },
  lossOfAvailability: { en: 'Loss of availability', zh: '可用性損失' },
  lossOfAccountability: { en: 'Loss of accountability', zh: '可歸責性損失' },
  financialDamage: { en: 'Financial damage', zh: '財務損失' },
  reputationDamage: { en: 'Reputation damage', zh: '商譽損害' },
  nonCompliance: { en: 'Non-compliance', zh: '違反法規' },
  privacyViolation: { en: 'Privacy violation', zh: '隱私侵害' },
};

const factor = z.number().int().min(0).max(9);
export const owaspFactors = z.strictObject({
  skillLevel: factor,
  motive: factor,
  opportunity: factor,
  size: factor,
  easeOfDiscovery: factor,
  easeOfExploit: factor,
  awareness: factor,
  intrusionDetection: factor,
  lossOfConfidentiality: factor,
  lossOfIntegrity: factor,
  lossOfAvailability: factor,
  lossOfAccountability: factor,
  financialDamage: factor,
  reputationDamage: factor,
  nonCompliance: factor,
  privacyViolation: factor,
});
export type OwaspFactors = z.infer<typeof owaspFactors>;

/**
 * What a person enters to rate a risk; `kind` must match the methodology type (else 400
 * risk.rating_mismatch). Matrix values must lie on the scales. A malformed CVSS vector is 400
 * risk.cvss_invalid with `details.reason`.
 */
export const riskRatingInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('matrix'),
    likelihood: z.number().int().min(1).max(6),
    impact: z.number().int().min(1).max(6),
  }),
  z.strictObject({
    kind: z.literal('cvss'),
    /** CVSS v3.1 base vector, with or without the `CVSS:3.1/` prefix. */
    vector: z.string().trim().min(1).max(200),
  }),
  z.strictObject({ kind: z.literal('owasp'), factors: owaspFactors }),
]);
export type RiskRatingInput = z.infer<typeof riskRatingInput>;

/** A level as shown: key, labels, colour and rank (0 = lowest in its methodology). */
export const riskLevelView = z.object({
  key: z.string(),
  en: z.string(),
  zh: z.string(),
  color: z.string(),
  rank: z.number().int(),
});
export type RiskLevelView = z.infer<typeof riskLevelView>;

/**
 * A computed rating. `likelihood`/`impact` are 1-based grid positions: the matrix values, or for OWASP the
 * bands 1 LOW, 2 MEDIUM, 3 HIGH; null for CVSS. `score` is the CVSS base score (null otherwise);
 * `likelihoodScore`/`impactScore` are the OWASP averages (null otherwise).
 */
export const riskRatingResult = z.object({
  input: riskRatingInput,
  level: riskLevelView,
  likelihood: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  score: z.number().nullable(),
  likelihoodScore: z.number().nullable(),
  impactScore: z.number().nullable(),
  /** CVSS: the normalised vector (CVSS:3.1/…). */
  vector: z.string().nullable(),
});
export type RiskRatingResult = z.infer<typeof riskRatingResult>;

// ---------------------------------------------------------------------------------------------------------
// Threat and vulnerability catalogues
// ---------------------------------------------------------------------------------------------------------

export const THREAT_CATEGORIES = {
  deliberate: { en: 'Deliberate (human)', zh: '蓄意（人為）' },
  accidental: { en: 'Accidental (human)', zh: '意外（人為）' },
  technical: { en: 'Technical failure', zh: '技術故障' },
  environmental: { en: 'Environmental', zh: '環境' },
  organisational: { en: 'Organisational / legal', zh: '組織／法規' },
} as const;
export const threatCategory = z.enum(Object.keys(THREAT_CATEGORIES) as [keyof typeof THREAT_CATEGORIES]);
export type ThreatCategory = z.infer<typeof threatCategory>;

export const VULNERABILITY_CATEGORIES = {
  technical: { en: 'Technical', zh: '技術' },
  process: { en: 'Process', zh: '流程' },
  people: { en: 'People', zh: '人員' },
  physical: { en: 'Physical / environmental', zh: '實體／環境' },
  organisational: { en: 'Organisational', zh: '組織' },
} as const;
export const vulnerabilityCategory = z.enum(
  Object.keys(VULNERABILITY_CATEGORIES) as [keyof typeof VULNERABILITY_CATEGORIES],
);
export type VulnerabilityCategory = z.infer<typeof vulnerabilityCategory>;

const catalogueCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{0,31}$/, 'upper-case letters, digits and -');

const catalogueFields = {
  /** Unique within its catalogue, e.g. T-01, V-12. */
  code: catalogueCode,
  nameEn: z.string().trim().min(1).max(200),
  nameZh: z.string().trim().min(1).max(200),
  descriptionEn: z.string().trim().max(MAX_TEXT).default(''),
  descriptionZh: z.string().trim().max(MAX_TEXT).default(''),
};

export const createRiskThreatRequest = z.strictObject({ ...catalogueFields, category: threatCategory });
export type CreateRiskThreatRequest = z.infer<typeof createRiskThreatRequest>;
/** PATCH any subset; `retired: true` hides the entry from pickers but keeps it on the scenarios using it. */
export const updateRiskThreatRequest = z.strictObject({
  code: catalogueCode.optional(),
  nameEn: catalogueFields.nameEn.optional(),
  nameZh: catalogueFields.nameZh.optional(),
  descriptionEn: z.string().trim().max(MAX_TEXT).optional(),
  descriptionZh: z.string().trim().max(MAX_TEXT).optional(),
  category: threatCategory.optional(),
  retired: z.boolean().optional(),
});
export type UpdateRiskThreatRequest = z.infer<typeof updateRiskThreatRequest>;

const catalogueResponseFields = {
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  retired: z.boolean(),
  /** Seeded with Vigil (may still have been edited). */
  builtin: z.boolean(),
  /** Scenarios referring to it (a used entry cannot be deleted). */
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const riskThreatResponse = z.object({ ...catalogueResponseFields, category: threatCategory });
export type RiskThreatView = z.infer<typeof riskThreatResponse>;
export const riskThreatList = z.object({ items: z.array(riskThreatResponse) });

/** Asset types from assets.ts (kept as strings here so the catalogue stays independent). */
export const createRiskVulnerabilityRequest = z.strictObject({
  ...catalogueFields,
  category: vulnerabilityCategory,
  /** Asset types it applies to (see ASSET_TYPES); empty = any. */
  assetTypes: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});
export type CreateRiskVulnerabilityRequest = z.infer<typeof createRiskVulnerabilityRequest>;
export const updateRiskVulnerabilityRequest = z.strictObject({
  code: catalogueCode.optional(),
  nameEn: catalogueFields.nameEn.optional(),
  nameZh: catalogueFields.nameZh.optional(),
  descriptionEn: z.string().trim().max(MAX_TEXT).optional(),
  descriptionZh: z.string().trim().max(MAX_TEXT).optional(),
  category: vulnerabilityCategory.optional(),
  assetTypes: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  retired: z.boolean().optional(),
});
export type UpdateRiskVulnerabilityRequest = z.infer<typeof updateRiskVulnerabilityRequest>;
export const riskVulnerabilityResponse = z.object({
  ...catalogueResponseFields,
  category: vulnerabilityCategory,
  assetTypes: z.array(z.string()),
});
export type RiskVulnerabilityView = z.infer<typeof riskVulnerabilityResponse>;
export const riskVulnerabilityList = z.object({ items: z.array(riskVulnerabilityResponse) });

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Catalogue list filter (both catalogues; not paged — ordered by code). */
export const riskCatalogueQuery = z.strictObject({
  /** Code or either name, case-insensitive substring. */
  q: z.string().trim().max(200).optional(),
  category: z.string().max(50).optional(),
  /** Vulnerabilities only: those applying to this asset type (or to any type). */
  assetType: z.string().max(50).optional(),
  includeRetired: boolQuery.optional(),
});
export type RiskCatalogueQuery = z.infer<typeof riskCatalogueQuery>;

// ---------------------------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------------------------

export const RISK_ASSESSMENT_STATUSES = ['draft', 'in_progress', 'completed'] as const;
export const riskAssessmentStatus = z.enum(RISK_ASSESSMENT_STATUSES);
export type RiskAssessmentStatus = z.infer<typeof riskAssessmentStatus>;

/**
 * New assessment. The current approved methodology is pinned to it (400 risk.no_approved_methodology if
 * none). `copyFromAssessmentId`: start from that completed assessment — its scenarios that are not closed
 * are copied as open scenarios, their last rating (actual residual if re-rated, else inherent) becoming the
 * new inherent rating on the current methodology; scenarios whose rating does not fit the current
 * methodology (other type or smaller scale) are left out and counted in the audit entry.
 */
export const createRiskAssessmentRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(MAX_TEXT).optional(),
  scopeUnitIds: z.array(id).max(500).default([]),
  scopeAssetIds: z.array(id).max(10_000).default([]),
  /** Planned dates (YYYY-MM-DD), informational. */
  startsOn: z.iso.date().nullable().optional(),
  endsOn: z.iso.date().nullable().optional(),
  copyFromAssessmentId: id.optional(),
});
export type CreateRiskAssessmentRequest = z.infer<typeof createRiskAssessmentRequest>;
/** PATCH any subset; not allowed once completed (409 risk.assessment_completed). */
export const updateRiskAssessmentRequest = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(MAX_TEXT).optional(),
  scopeUnitIds: z.array(id).max(500).optional(),
  scopeAssetIds: z.array(id).max(10_000).optional(),
  startsOn: z.iso.date().nullable().optional(),
  endsOn: z.iso.date().nullable().optional(),
});
export type UpdateRiskAssessmentRequest = z.infer<typeof updateRiskAssessmentRequest>;

export const riskMethodologyRef = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  type: riskMethodologyType,
});
export type RiskMethodologyRef = z.infer<typeof riskMethodologyRef>;

export const riskAssessmentResponse = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: riskAssessmentStatus,
  methodology: riskMethodologyRef,
  scopeUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  scopeAssets: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  copiedFrom: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: userRef.nullable(),
  /** Scenario counts by status, and how many are above the acceptance criteria (unacceptable). */
  counts: z.object({
    scenarios: z.number().int(),
    open: z.number().int(),
    treating: z.number().int(),
    awaitingRerating: z.number().int(),
    accepted: z.number().int(),
    closed: z.number().int(),
    unacceptable: z.number().int(),
  }),
});
export type RiskAssessmentView = z.infer<typeof riskAssessmentResponse>;
export const riskAssessmentList = page(riskAssessmentResponse);
export const riskAssessmentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  status: riskAssessmentStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type RiskAssessmentListQuery = z.infer<typeof riskAssessmentListQuery>;

export const RISK_REPORT_LANGS = ['zh-TW', 'en'] as const;
export const riskAssessmentReportQuery = z.strictObject({
  format: z.enum(['pdf', 'docx']).default('pdf'),
  lang: z.enum(RISK_REPORT_LANGS).default('zh-TW'),
});
export type RiskAssessmentReportQuery = z.infer<typeof riskAssessmentReportQuery>;

// ---------------------------------------------------------------------------------------------------------
// Scenarios (risks)
// ---------------------------------------------------------------------------------------------------------

export const RISK_TREATMENT_OPTIONS = ['mitigate', 'transfer', 'avoid', 'accept'] as const;
export const riskTreatmentOption = z.enum(RISK_TREATMENT_OPTIONS);
export type RiskTreatmentOption = z.infer<typeof riskTreatmentOption>;
export const RISK_TREATMENT_OPTION_LABELS: Record<RiskTreatmentOption, { en: string; zh: string }> = {
  mitigate: { en: 'Mitigate', zh: '降低' },
  transfer: { en: 'Transfer', zh: '移轉' },
  avoid: { en: 'Avoid', zh: '避免' },
  accept: { en: 'Accept', zh: '接受' },
};

/**
 * open → treating (a treatment item exists and not all are done) → awaiting_rerating (all items done or
 * cancelled) → open/closed after re-rating; accepted (by POST accept; back to open when the acceptance expires
 * or is revoked); closed (by risks.manage).
 */
export const RISK_SCENARIO_STATUSES = [
  'open',
  'treating',
  'awaiting_rerating',
  'accepted',
  'closed',
] as const;
export const riskScenarioStatus = z.enum(RISK_SCENARIO_STATUSES);
export type RiskScenarioStatus = z.infer<typeof riskScenarioStatus>;
export const RISK_SCENARIO_STATUS_LABELS: Record<RiskScenarioStatus, { en: string; zh: string }> = {
  open: { en: 'Open', zh: '待處理' },
  treating: { en: 'Treating', zh: '處理中' },
  awaiting_rerating: { en: 'Awaiting re-rating', zh: '待重新評等' },
  accepted: { en: 'Accepted', zh: '已接受' },
  closed: { en: 'Closed', zh: '已結案' },
};

const scenarioFields = {
  /** One or more assets (an asset group). */
  assetIds: z.array(id).min(1).max(200),
  threatId: id.nullable().optional(),
  vulnerabilityId: id.nullable().optional(),
  /** Short name; defaults to "<threat> / <vulnerability>" when left out. */
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(MAX_TEXT).optional(),
  existingControls: z.string().trim().max(MAX_TEXT).optional(),
  /** Inherent rating; must match the assessment methodology's type. */
  inherent: riskRatingInput,
  treatmentOption: riskTreatmentOption.nullable().optional(),
  plannedControls: z.string().trim().max(MAX_TEXT).optional(),
  /** Target residual rating after the planned controls. */
  target: riskRatingInput.nullable().optional(),
  /** 風險擁有者 (a user id); must be an active user. */
  ownerId: id.nullable().optional(),
};
/** POST /api/risk-assessments/:id/scenarios (assessment not completed). */
export const createRiskScenarioRequest = z.strictObject(scenarioFields);
export type CreateRiskScenarioRequest = z.infer<typeof createRiskScenarioRequest>;
/**
 * PATCH any subset. `inherent` may only change while the assessment is not completed (afterwards use
 * reassess). Ratings are computed with the scenario's own methodology version.
 */
export const updateRiskScenarioRequest = z.strictObject({
  assetIds: scenarioFields.assetIds.optional(),
  threatId: scenarioFields.threatId,
  vulnerabilityId: scenarioFields.vulnerabilityId,
  title: scenarioFields.title,
  description: scenarioFields.description,
  existingControls: scenarioFields.existingControls,
  inherent: riskRatingInput.optional(),
  treatmentOption: scenarioFields.treatmentOption,
  plannedControls: scenarioFields.plannedControls,
  target: scenarioFields.target,
  ownerId: scenarioFields.ownerId,
});
export type UpdateRiskScenarioRequest = z.infer<typeof updateRiskScenarioRequest>;

/**
 * Re-assess with the current approved methodology: the scenario moves to that version; the old and new
 * inherent levels are recorded in `reassessments`. `target` is cleared unless given again; `actual` is cleared.
 */
export const reassessRiskRequest = z.strictObject({
  inherent: riskRatingInput,
  target: riskRatingInput.nullable().optional(),
  note: z.string().trim().max(MAX_TEXT).optional(),
});
export type ReassessRiskRequest = z.infer<typeof reassessRiskRequest>;

/** Record the actual residual rating after treatment (effectiveness vs target). */
export const rerateRiskRequest = z.strictObject({
  actual: riskRatingInput,
  note: z.string().trim().max(MAX_TEXT).optional(),
});
export type RerateRiskRequest = z.infer<typeof rerateRiskRequest>;

/**
 * Accept the risk at its current level (actual residual if re-rated, else inherent). expiresOn (YYYY-MM-DD)
 * must be after today; on that day the acceptance expires and the risk reopens.
 */
export const acceptRiskRequest = z.strictObject({
  reason: z.string().trim().min(1).max(MAX_TEXT),
  expiresOn: z.iso.date(),
});
export type AcceptRiskRequest = z.infer<typeof acceptRiskRequest>;
export const revokeRiskAcceptanceRequest = z.strictObject({
  reason: z.string().trim().min(1).max(MAX_TEXT),
});
export const closeRiskRequest = z.strictObject({
  reason: z.string().trim().min(1).max(MAX_TEXT),
});

export const riskAssetRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  archived: z.boolean(),
});
export type RiskAssetRef = z.infer<typeof riskAssetRef>;
export const riskCatalogueRef = z.object({
  id: z.string(),
  code: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
});
export type RiskCatalogueRef = z.infer<typeof riskCatalogueRef>;

export const RISK_ACCEPTANCE_STATUSES = ['active', 'expired', 'revoked'] as const;
export const riskAcceptanceResponse = z.object({
  id: z.string(),
  /** Level accepted, as it was at acceptance. */
  level: riskLevelView,
  /** Which tier of the criteria allowed it. */
  tier: z.enum(['owner', 'approver']),
  acceptedBy: userRef.nullable(),
  acceptedAt: z.string(),
  reason: z.string(),
  expiresOn: z.string(),
  status: z.enum(RISK_ACCEPTANCE_STATUSES),
  /** When it expired or was revoked. */
  endedAt: z.string().nullable(),
  endedBy: userRef.nullable(),
  endReason: z.string().nullable(),
});
export type RiskAcceptanceView = z.infer<typeof riskAcceptanceResponse>;

/**
 * Who may accept this risk now (for the UI's accept button): `acceptable` false means above the criteria
 * (only treatment); `tier` says whose decision it is; `canAccept` whether the caller may.
 */
export const riskAcceptability = z.object({
  acceptable: z.boolean(),
  tier: z.enum(['owner', 'approver']).nullable(),
  /** For tier approver: the approver named in the methodology. */
  approver: z.object({ kind: z.enum(['role', 'user']), id: z.string(), name: z.string() }).nullable(),
  canAccept: z.boolean(),
});
export type RiskAcceptability = z.infer<typeof riskAcceptability>;

export const riskScenarioResponse = z.object({
  id: z.string(),
  /** R-00001 … unique. */
  code: z.string(),
  title: z.string(),
  assessment: z.object({ id: z.string(), title: z.string(), status: riskAssessmentStatus }),
  /** The version the ratings were made with. */
  methodology: riskMethodologyRef,
  /** True when a newer methodology is approved (re-assess to move it). */
  methodologyOutdated: z.boolean(),
  assets: z.array(riskAssetRef),
  threat: riskCatalogueRef.nullable(),
  vulnerability: riskCatalogueRef.nullable(),
  description: z.string(),
  existingControls: z.string(),
  inherent: riskRatingResult,
  treatmentOption: riskTreatmentOption.nullable(),
  plannedControls: z.string(),
  target: riskRatingResult.nullable(),
  /** Actual residual after re-rating. */
  actual: riskRatingResult.nullable(),
  /** met when actual ≤ target; null until re-rated (or no target). */
  effectiveness: z.enum(['met', 'not_met']).nullable(),
  /** actual ?? inherent: the level acceptance and the register's `level` filter use. */
  currentLevel: riskLevelView,
  owner: userRef.nullable(),
  status: riskScenarioStatus,
  /** The active acceptance, if any. */
  acceptance: riskAcceptanceResponse.nullable(),
  treatment: z.object({
    total: z.number().int(),
    done: z.number().int(),
    cancelled: z.number().int(),
    overdue: z.number().int(),
    /** Earliest due date of an open item. */
    nextDueOn: z.string().nullable(),
  }),
  /** Any treatment item overdue. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskScenarioView = z.infer<typeof riskScenarioResponse>;

export const TREATMENT_ITEM_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const treatmentItemStatus = z.enum(TREATMENT_ITEM_STATUSES);
export type TreatmentItemStatus = z.infer<typeof treatmentItemStatus>;
export const TREATMENT_ITEM_STATUS_LABELS: Record<TreatmentItemStatus, { en: string; zh: string }> = {
  todo: { en: 'To do', zh: '待辦' },
  in_progress: { en: 'In progress', zh: '進行中' },
  done: { en: 'Done', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

export const treatmentItemResponse = z.object({
  id: z.string(),
  scenario: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  title: z.string(),
  description: z.string(),
  /** Controls this item adds (free text, e.g. "MFA for VPN"). */
  controls: z.string(),
  owner: userRef.nullable(),
  dueOn: z.string().nullable(),
  status: treatmentItemStatus,
  /** dueOn before today (organisation time zone) and status not done/cancelled. */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TreatmentItemView = z.infer<typeof treatmentItemResponse>;

export const createTreatmentItemRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(MAX_TEXT).optional(),
  controls: z.string().trim().max(MAX_TEXT).optional(),
  ownerId: id.nullable().optional(),
  dueOn: z.iso.date().nullable().optional(),
  status: treatmentItemStatus.optional(),
});
export type CreateTreatmentItemRequest = z.infer<typeof createTreatmentItemRequest>;
/** A risks.treat holder who is not risks.manage may change only `status` (and description). */
export const updateTreatmentItemRequest = createTreatmentItemRequest.partial();
export type UpdateTreatmentItemRequest = z.infer<typeof updateTreatmentItemRequest>;

export const treatmentItemListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  scenarioId: id.optional(),
  ownerId: id.optional(),
  status: treatmentItemStatus.optional(),
  overdue: boolQuery.optional(),
  /** Only items the caller owns. */
  mine: boolQuery.optional(),
});
export type TreatmentItemListQuery = z.infer<typeof treatmentItemListQuery>;
export const treatmentItemList = page(treatmentItemResponse);

/** One inherent-level change made by re-assessment. */
export const riskReassessmentEntry = z.object({
  at: z.string(),
  by: userRef.nullable(),
  fromMethodology: riskMethodologyRef,
  toMethodology: riskMethodologyRef,
  fromLevel: riskLevelView,
  toLevel: riskLevelView,
  note: z.string(),
});

/** GET /api/risks/:id — the scenario with its plan, acceptance history, re-assessments and the caller's rights. */
export const riskScenarioDetail = riskScenarioResponse.extend({
  treatmentItems: z.array(treatmentItemResponse),
  acceptances: z.array(riskAcceptanceResponse),
  reassessments: z.array(riskReassessmentEntry),
  acceptability: riskAcceptability,
  rerateNote: z.string().nullable(),
  reratedAt: z.string().nullable(),
  reratedBy: userRef.nullable(),
});
export type RiskScenarioDetail = z.infer<typeof riskScenarioDetail>;

export const RISK_REGISTER_SORTS = [
  'code',
  'title',
  'level',
  'inherentLevel',
  'status',
  'updatedAt',
] as const;

/** Register filters. Level filters take a level key (e.g. high). */
export const riskRegisterQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** Code, title or description, case-insensitive substring. */
  q: z.string().trim().max(200).optional(),
  /** Current level (actual residual if re-rated, else inherent). */
  level: z.string().max(30).optional(),
  inherentLevel: z.string().max(30).optional(),
  ownerId: id.optional(),
  /** Scenarios with an asset in this unit. */
  unitId: id.optional(),
  assetId: id.optional(),
  status: riskScenarioStatus.optional(),
  assessmentId: id.optional(),
  treatmentOption: riskTreatmentOption.optional(),
  threatId: id.optional(),
  vulnerabilityId: id.optional(),
  /** Scenarios with an overdue treatment item. */
  overdue: boolQuery.optional(),
  /** Only the caller's own scenarios (always so for risks.treat without risks.read). */
  mine: boolQuery.optional(),
  sort: z.enum(RISK_REGISTER_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type RiskRegisterQuery = z.infer<typeof riskRegisterQuery>;
export const riskRegisterList = page(riskScenarioResponse);

/** Export of the register (風險清單 sheet + 風險處理計畫 sheet), same filters, no paging. */
export const riskExportQuery = riskRegisterQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: z.enum(RISK_REPORT_LANGS).default('zh-TW'),
});
export type RiskExportQuery = z.infer<typeof riskExportQuery>;

// ---------------------------------------------------------------------------------------------------------
// Heat map and trend
// ---------------------------------------------------------------------------------------------------------

export const riskAxisLevel = z.object({ value: z.number().int(), en: z.string(), zh: z.string() });

/**
 * Heat map of one assessment. `cells` has one entry per likelihood × impact pair (matrix: the methodology's
 * grid; OWASP: 3 × 3 LOW/MEDIUM/HIGH; CVSS: no grid, `cells` empty and the axes empty) with the cell's level
 * and the number of scenarios there by inherent, target and actual rating. `levelCounts` counts by level.
 * Scenarios rated with another methodology version (re-assessed elsewhere) are counted in `otherVersion`.
 */
export const riskHeatmapResponse = z.object({
  assessmentId: z.string(),
  methodology: riskMethodologyRef,
  likelihood: z.array(riskAxisLevel),
  impact: z.array(riskAxisLevel),
  levels: z.array(riskLevelView),
  cells: z.array(
    z.object({
      likelihood: z.number().int(),
      impact: z.number().int(),
      level: z.string(),
      color: z.string(),
      inherent: z.number().int(),
      target: z.number().int(),
      actual: z.number().int(),
    }),
  ),
  levelCounts: z.array(
    z.object({
      level: z.string(),
      inherent: z.number().int(),
      target: z.number().int(),
      actual: z.number().int(),
    }),
  ),
  total: z.number().int(),
  otherVersion: z.number().int(),
});
export type RiskHeatmapView = z.infer<typeof riskHeatmapResponse>;

/**
 * Trend over completed assessments, oldest first. residual = actual if re-rated, else target if set, else
 * inherent. Level lists come from each assessment's own methodology version.
 */
export const riskTrendResponse = z.object({
  items: z.array(
    z.object({
      assessment: z.object({ id: z.string(), title: z.string(), completedAt: z.string() }),
      methodology: riskMethodologyRef,
      total: z.number().int(),
      levels: z.array(riskLevelView.extend({ inherent: z.number().int(), residual: z.number().int() })),
    }),
  ),
});
export type RiskTrendView = z.infer<typeof riskTrendResponse>;

/** Error codes of this module (the web maps them to text). */
export const RISK_ERROR_CODES = [
  'risk.methodology_invalid',
  'risk.methodology_not_draft',
  'risk.no_approved_methodology',
  'risk.rating_mismatch',
  'risk.rating_invalid',
  'risk.cvss_invalid',
  'risk.catalogue_in_use',
  'risk.catalogue_code_taken',
  'risk.assessment_completed',
  'risk.assessment_status',
  'risk.not_acceptable',
  'risk.acceptance_not_allowed',
  'risk.acceptance_expiry_invalid',
  'risk.not_accepted',
  'risk.invalid_state',
  'risk.not_owner',
  'risk.unknown_reference',
] as const;
