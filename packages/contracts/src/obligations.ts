// Obligations calendar and regulations register (適用法規清單) contracts.
//
// Routes (all under /api; access in brackets, a list means any one of them):
//   Obligations
//     GET    /obligations/profile                    [obligations.read, obligations.work, obligations.manage] → obligationProfileResponse
//     PATCH  /obligations/profile                    [obligations.manage] updateObligationProfileRequest → obligationProfileResponse
//     POST   /obligations/generate                   [obligations.manage] → obligationGenerateResponse (idempotent refresh)
//     GET    /obligations                            [obligations.read, obligations.manage] obligationListQuery → obligationList
//     PATCH  /obligations/:id                        [obligations.manage] updateObligationRequest → obligationResponse
//     GET    /obligations/summary                    [obligations.read, obligations.work] → obligationSummary (home card; own tasks for work-only callers)
//   Tasks
//     GET    /obligation-tasks                       [obligations.read, obligations.work] obligationTaskQuery → obligationTaskList
//     GET    /obligation-tasks/:id                   [same] → obligationTaskDetail
//     PATCH  /obligation-tasks/:id                   [obligations.manage] updateObligationTaskRequest → obligationTaskDetail
//     POST   /obligation-tasks/:id/evidence          [obligations.work (own), obligations.manage] linkTaskEvidenceRequest → obligationTaskDetail
//     DELETE /obligation-tasks/:id/evidence/:evidenceId [same] → obligationTaskDetail
//     POST   /obligation-tasks/:id/complete          [obligations.work (own), obligations.manage] completeObligationTaskRequest → obligationTaskDetail
//                                                   (400 obligation.evidence_required without linked evidence)
//   Regulations register
//     GET    /regulations                            [compliance.read] regulationListQuery → regulationList
//     GET    /regulations/export                     [compliance.read] regulationExportQuery → XLSX/PDF/DOCX (適用法規清單)
//     GET    /regulations/:id                        [compliance.read] → regulationResponse
//     POST   /regulations                            [compliance.manage] createRegulationRequest → 201 regulationResponse
//     PATCH  /regulations/:id                        [compliance.manage] updateRegulationRequest → regulationResponse
//     DELETE /regulations/:id                        [compliance.manage] → ok
//     POST   /regulations/:id/review                 [compliance.manage] reviewRegulationRequest → regulationResponse
//
// A caller holding obligations.work without obligations.read sees only the tasks they own; others answer 404.
import { z } from 'zod';
import { id, locale, MAX_TEXT, shortText } from './common.js';
import { responsibilityLevel } from './org.js';

const dateOnly = z.iso.date();
const userRef = z.object({ id: z.string(), displayName: z.string() }).nullable();
export type ObligationUserRef = z.infer<typeof userRef>;
const labels = <K extends string>(x: Record<K, { en: string; zh: string }>) => x;

// ---------------------------------------------------------------------------------------------------------
// Schedules (the shape of @vigil/frameworks' Schedule, for responses)
// ---------------------------------------------------------------------------------------------------------

export const obligationSchedule = z.union([
  z.object({ kind: z.literal('every'), months: z.number(), monthOfYear: z.number().optional() }),
  z.object({ kind: z.literal('monthly'), day: z.number() }),
  z.object({ kind: z.literal('within'), months: z.number(), thenEvery: z.number().optional() }),
  z.object({
    kind: z.literal('hours'),
    hours: z.number(),
    months: z.number().optional(),
    audience: z.string(),
  }),
]);
export type ObligationSchedule = z.infer<typeof obligationSchedule>;

// ---------------------------------------------------------------------------------------------------------
// Profile and calendar generation
// ---------------------------------------------------------------------------------------------------------

export const obligationProfileResponse = z.object({
  /** The organisation's responsibility level (set in /admin/org); null until set. */
  level: responsibilityLevel.nullable(),
  /** The day the level took effect: the stored date, or by default the day the level was set. */
  anchorOn: dateOnly.nullable(),
  anchorIsDefault: z.boolean(),
  frameworksInUse: z.array(z.string()),
  /** Frameworks that exist and have obligation items, for the picker. */
  availableFrameworks: z.array(z.object({ key: z.string(), nameEn: z.string(), nameZh: z.string() })),
  defaultOwner: userRef,
  horizonMonths: z.number().int(),
  generatedLevel: responsibilityLevel.nullable(),
  generatedAt: z.string().nullable(),
  /** The level or anchor changed since the calendar was generated: refresh it. */
  needsRefresh: z.boolean(),
  today: dateOnly,
  timeZone: z.string(),
});
export type ObligationProfileView = z.infer<typeof obligationProfileResponse>;

export const updateObligationProfileRequest = z.strictObject({
  anchorOn: dateOnly.nullable().optional(),
  frameworksInUse: z.array(z.string().trim().min(1).max(64)).min(1).max(20).optional(),
  defaultOwnerId: id.nullable().optional(),
  horizonMonths: z.number().int().min(3).max(60).optional(),
});
export type UpdateObligationProfileRequest = z.infer<typeof updateObligationProfileRequest>;

export const obligationGenerateResponse = z.object({
  level: responsibilityLevel,
  anchorOn: dateOnly,
  obligations: z.object({ added: z.number(), updated: z.number(), retired: z.number(), active: z.number() }),
  tasks: z.object({ created: z.number(), cancelled: z.number(), reopened: z.number(), kept: z.number() }),
});
export type ObligationGenerateResult = z.infer<typeof obligationGenerateResponse>;

// ---------------------------------------------------------------------------------------------------------
// Obligations (one per applicable framework item)
// ---------------------------------------------------------------------------------------------------------

export const obligationResponse = z.object({
  id: z.string(),
  frameworkKey: z.string(),
  ref: z.string(),
  kind: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  level: z.string(),
  schedule: obligationSchedule,
  quantity: z.number().nullable(),
  owner: userRef,
  active: z.boolean(),
  openTasks: z.number().int(),
  nextDueOn: dateOnly.nullable(),
});
export type ObligationView = z.infer<typeof obligationResponse>;
export const obligationList = z.object({ items: z.array(obligationResponse) });

export const obligationListQuery = z.strictObject({
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const updateObligationRequest = z.strictObject({
  /** The default owner of the obligation; its open tasks move to the new owner. */
  ownerId: id.nullable(),
});
export type UpdateObligationRequest = z.infer<typeof updateObligationRequest>;

// ---------------------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------------------

export const OBLIGATION_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const obligationTaskStatus = z.enum(OBLIGATION_TASK_STATUSES);
export type ObligationTaskStatus = z.infer<typeof obligationTaskStatus>;
export const OBLIGATION_TASK_STATUS_LABELS = labels<ObligationTaskStatus>({
  open: { en: 'Open', zh: '待辦' },
  done: { en: 'Done', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
});

export const obligationTaskResponse = z.object({
  id: z.string(),
  obligationId: z.string(),
  frameworkKey: z.string(),
  ref: z.string(),
  kind: z.string(),
  titleEn: z.string(),
  titleZh: z.string(),
  level: z.string(),
  seq: z.number().int(),
  scheduledOn: dateOnly,
  dueOn: dateOnly,
  /** End of the due date (23:59:59 in the organisation's time zone). */
  dueAt: z.string(),
  hours: z.number().nullable(),
  audience: z.string().nullable(),
  owner: userRef,
  status: obligationTaskStatus,
  overdue: z.boolean(),
  /** Days from today to the due date (negative when overdue). */
  daysLeft: z.number().int(),
  evidenceCount: z.number().int(),
  completedAt: z.string().nullable(),
  completedBy: userRef,
  completionNote: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  can: z.object({ complete: z.boolean(), assign: z.boolean(), linkEvidence: z.boolean() }),
});
export type ObligationTaskView = z.infer<typeof obligationTaskResponse>;

export const taskEvidenceItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  validUntil: z.string().nullable(),
  linkedAt: z.string(),
  linkedBy: userRef,
});
export type TaskEvidenceItem = z.infer<typeof taskEvidenceItem>;

export const obligationTaskDetail = obligationTaskResponse.extend({
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  schedule: obligationSchedule,
  evidence: z.array(taskEvidenceItem),
});
export type ObligationTaskDetail = z.infer<typeof obligationTaskDetail>;

const boolParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const obligationTaskQuery = z.strictObject({
  status: obligationTaskStatus.optional(),
  ownerId: id.optional(),
  kind: z.string().trim().min(1).max(64).optional(),
  overdue: boolParam,
  /** Only the caller's own tasks. */
  mine: boolParam,
  dueFrom: dateOnly.optional(),
  dueTo: dateOnly.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ObligationTaskQuery = z.infer<typeof obligationTaskQuery>;

export const obligationTaskList = z.object({
  items: z.array(obligationTaskResponse),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const updateObligationTaskRequest = z
  .strictObject({ ownerId: id.nullable().optional(), dueOn: dateOnly.optional() })
  .refine((x) => x.ownerId !== undefined || x.dueOn !== undefined, 'nothing to change');
export type UpdateObligationTaskRequest = z.infer<typeof updateObligationTaskRequest>;

export const linkTaskEvidenceRequest = z.strictObject({ evidenceId: id });
export const taskEvidenceParams = z.strictObject({ id, evidenceId: id });

export const completeObligationTaskRequest = z.strictObject({
  note: z.string().trim().max(MAX_TEXT).optional(),
});
export type CompleteObligationTaskRequest = z.infer<typeof completeObligationTaskRequest>;

export const obligationSummary = z.object({
  level: responsibilityLevel.nullable(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  /** Overdue first, then due within 30 days, at most 8. */
  items: z.array(obligationTaskResponse),
});
export type ObligationSummary = z.infer<typeof obligationSummary>;

// ---------------------------------------------------------------------------------------------------------
// Regulations register
// ---------------------------------------------------------------------------------------------------------

export const REGULATION_KINDS = ['law', 'regulation', 'standard', 'contract', 'other'] as const;
export const regulationKind = z.enum(REGULATION_KINDS);
export type RegulationKind = z.infer<typeof regulationKind>;
export const REGULATION_KIND_LABELS = labels<RegulationKind>({
  law: { en: 'Law', zh: '法律' },
  regulation: { en: 'Regulation', zh: '法規命令' },
  standard: { en: 'Standard', zh: '標準' },
  contract: { en: 'Contract', zh: '契約' },
  other: { en: 'Other', zh: '其他' },
});

export const REGULATION_STATUSES = ['in_force', 'superseded', 'repealed', 'draft'] as const;
export const regulationStatus = z.enum(REGULATION_STATUSES);
export type RegulationStatus = z.infer<typeof regulationStatus>;
export const REGULATION_STATUS_LABELS = labels<RegulationStatus>({
  in_force: { en: 'In force', zh: '現行' },
  superseded: { en: 'Superseded', zh: '已被取代' },
  repealed: { en: 'Repealed', zh: '已廢止' },
  draft: { en: 'Draft', zh: '草案' },
});

const requirementLink = z.strictObject({
  framework: z.string().trim().min(1).max(64),
  ref: z.string().trim().min(1).max(64),
});
export const regulationObligation = z.strictObject({
  text: shortText(500),
  requirements: z.array(requirementLink).max(20).default([]),
});
export type RegulationObligation = z.infer<typeof regulationObligation>;
export const regulationKeyDate = z.strictObject({ on: dateOnly, en: shortText(200), zh: shortText(200) });

const regulationFields = {
  nameEn: shortText(300),
  nameZh: shortText(300),
  kind: regulationKind,
  authority: z.string().trim().max(300),
  reference: z.string().trim().max(500),
  url: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable(),
  applicable: z.boolean(),
  applicabilityNote: z.string().trim().max(MAX_TEXT),
  ownerId: id.nullable(),
  obligations: z.array(regulationObligation).max(100),
  keyDates: z.array(regulationKeyDate).max(50),
  lastReviewedOn: dateOnly.nullable(),
  reviewMonths: z.number().int().min(1).max(120),
  status: regulationStatus,
  notes: z.string().trim().max(MAX_TEXT),
};

export const createRegulationRequest = z.strictObject({
  ...regulationFields,
  authority: regulationFields.authority.default(''),
  reference: regulationFields.reference.default(''),
  url: regulationFields.url.default(null),
  applicable: regulationFields.applicable.default(true),
  applicabilityNote: regulationFields.applicabilityNote.default(''),
  ownerId: regulationFields.ownerId.default(null),
  obligations: regulationFields.obligations.default([]),
  keyDates: regulationFields.keyDates.default([]),
  lastReviewedOn: regulationFields.lastReviewedOn.default(null),
  reviewMonths: regulationFields.reviewMonths.default(12),
  status: regulationFields.status.default('in_force'),
  notes: regulationFields.notes.default(''),
});
export type CreateRegulationRequest = z.infer<typeof createRegulationRequest>;

export const updateRegulationRequest = z.strictObject({
  nameEn: regulationFields.nameEn.optional(),
  nameZh: regulationFields.nameZh.optional(),
  kind: regulationFields.kind.optional(),
  authority: regulationFields.authority.optional(),
  reference: regulationFields.reference.optional(),
  url: regulationFields.url.optional(),
  applicable: regulationFields.applicable.optional(),
  applicabilityNote: regulationFields.applicabilityNote.optional(),
  ownerId: regulationFields.ownerId.optional(),
  obligations: regulationFields.obligations.optional(),
  keyDates: regulationFields.keyDates.optional(),
  reviewMonths: regulationFields.reviewMonths.optional(),
  status: regulationFields.status.optional(),
  notes: regulationFields.notes.optional(),
});
export type UpdateRegulationRequest = z.infer<typeof updateRegulationRequest>;

export const reviewRegulationRequest = z.strictObject({
  /** Defaults to today in the organisation's time zone; never in the future. */
  reviewedOn: dateOnly.optional(),
  note: z.string().trim().max(MAX_TEXT).optional(),
});
export type ReviewRegulationRequest = z.infer<typeof reviewRegulationRequest>;

export const regulationResponse = z.object({
  id: z.string(),
  builtin: z.boolean(),
  nameEn: z.string(),
  nameZh: z.string(),
  kind: regulationKind,
  authority: z.string(),
  reference: z.string(),
  url: z.string().nullable(),
  applicable: z.boolean(),
  applicabilityNote: z.string(),
  owner: userRef,
  obligations: z.array(
    z.object({
      text: z.string(),
      requirements: z.array(z.object({ framework: z.string(), ref: z.string() })),
    }),
  ),
  keyDates: z.array(z.object({ on: z.string(), en: z.string(), zh: z.string() })),
  lastReviewedOn: z.string().nullable(),
  reviewMonths: z.number().int(),
  nextReviewOn: z.string().nullable(),
  reviewDue: z.boolean(),
  status: regulationStatus,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegulationView = z.infer<typeof regulationResponse>;
export const regulationList = z.object({ items: z.array(regulationResponse) });

export const regulationListQuery = z.strictObject({
  kind: regulationKind.optional(),
  status: regulationStatus.optional(),
  applicable: boolParam,
  reviewDue: boolParam,
  q: z.string().trim().max(200).optional(),
});
export type RegulationListQuery = z.infer<typeof regulationListQuery>;

export const regulationExportQuery = z.strictObject({
  format: z.enum(['xlsx', 'pdf', 'docx']).default('xlsx'),
  lang: locale.default('zh-TW'),
});
export type RegulationExportQuery = z.infer<typeof regulationExportQuery>;

// ---------------------------------------------------------------------------------------------------------
// Error codes (the web UI words each one; a test checks)
// ---------------------------------------------------------------------------------------------------------

export const OBLIGATION_ERROR_CODES = [
  'obligation.level_not_set',
  'obligation.anchor_not_set',
  'obligation.anchor_in_future',
  'obligation.unknown_user',
  'obligation.unknown_framework',
  'obligation.refresh_in_progress',
  'obligation.not_owner',
  'obligation.not_open',
  'obligation.bad_date',
  'obligation.evidence_unknown',
  'obligation.evidence_required',
] as const;

export const REGULATION_ERROR_CODES = ['regulation.unknown_user', 'regulation.review_in_future'] as const;
