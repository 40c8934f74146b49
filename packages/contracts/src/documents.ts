// ISMS document control contracts (levels, documents, versions, review, distribution, retention).
//
// Routes (all under /api; READ = [documents.read, documents.manage, documents.approve]):
//   GET    /document-levels                              [READ] → documentLevelList
//   POST   /document-levels                              [documents.manage] documentLevelRequest → 201 documentLevel
//   PATCH  /document-levels/:id                          [documents.manage] updateDocumentLevelRequest → documentLevel
//   GET    /documents                                    [READ] documentListQuery (limit/offset) → documentList page
//   GET    /documents/next-number                        [documents.manage] nextNumberQuery → nextNumberResponse
//   GET    /documents/summary                            [authenticated] → documentSummary (home card)
//   POST   /documents                                    [documents.manage] createDocumentRequest → 201 documentDetail
//   GET    /documents/:id                                [READ] → documentDetail
//   PATCH  /documents/:id                                [documents.manage] updateDocumentRequest → documentDetail
//   GET    /documents/:id/diff                           [READ] diffQuery → documentDiff (Markdown versions)
//   POST   /documents/:id/versions                       [documents.manage] createVersionRequest → 201 documentVersion (draft)
//   GET    /document-versions/:id                        [authenticated: READ, named participant or recipient] → documentVersion
//   PATCH  /document-versions/:id                        [documents.manage] updateVersionRequest → documentVersion (409 unless draft)
//   POST   /document-versions/:id/file?name=             [documents.manage] raw body (DOCX/PDF/ODT ≤ 20 MiB) → documentVersion
//   GET    /document-versions/:id/file                   [as GET version] → the file, as an attachment
//   POST   /document-versions/:id/submit                 [documents.manage] submitVersionRequest → documentVersion
//   POST   /document-versions/:id/recall                 [documents.manage] → documentVersion (review → draft)
//   POST   /document-versions/:id/review                 [authenticated: named reviewer] decisionRequest → documentVersion
//   POST   /document-versions/:id/approval               [documents.approve: named approver] decisionRequest → documentVersion
//   POST   /document-versions/:id/publish                [documents.manage] → documentVersion (previous published → obsolete)
//   POST   /document-versions/:id/withdraw               [documents.manage] → documentVersion (published → obsolete)
//   POST   /document-versions/:id/distribute             [documents.manage] distributeRequest → acknowledgementProgress
//   GET    /document-versions/:id/acknowledgements       [READ] → acknowledgementProgress
//   POST   /document-versions/:id/remind                 [documents.manage] → remindResponse
//   GET    /document-versions/:id/acknowledgements/export [READ] ackExportQuery → XLSX/PDF (文件閱讀確認紀錄)
//   GET    /my/documents-to-read                         [authenticated] → readingList
//   POST   /my/documents-to-read/:id/acknowledge         [authenticated] (id = version) → readingItem
//   GET    /document-disposals/candidates                [documents.manage, documents.approve] → disposalCandidateList
//   GET    /document-disposals                           [documents.manage, documents.approve] → disposalList
//   POST   /document-disposals                           [documents.manage] disposalRequest → 201 disposal
//   POST   /document-disposals/:id/approve               [documents.approve] disposalDecisionRequest → disposal
//   POST   /document-disposals/:id/reject                [documents.approve] disposalDecisionRequest → disposal
import { z } from 'zod';
import { id, locale, MAX_TEXT, page, pageQuery, shortText } from './common.js';

/** Largest uploaded document file. */
export const MAX_DOCUMENT_FILE_BYTES = 20 * 1024 * 1024;
/** Largest Markdown body. */
export const MAX_DOCUMENT_BODY = 500_000;

export const DOCUMENT_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'secret'] as const;
export const documentClassification = z.enum(DOCUMENT_CLASSIFICATIONS);
export type DocumentClassification = z.infer<typeof documentClassification>;

export const DOCUMENT_VERSION_STATUSES = ['draft', 'review', 'approved', 'published', 'obsolete'] as const;
export const documentVersionStatus = z.enum(DOCUMENT_VERSION_STATUSES);
export type DocumentVersionStatus = z.infer<typeof documentVersionStatus>;

const isoDate = z.iso.date();
const userRef = z.object({ id: z.string(), displayName: z.string(), username: z.string() });
export type DocumentUserRef = z.infer<typeof userRef>;

// ---- levels ----------------------------------------------------------------------------------------------

const levelKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,29}$/, 'lower-case letters, digits and _');
const prefix = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{0,5}$/, 'upper-case letters and digits, up to 6');
const retentionYears = z.number().int().min(1).max(100).nullable();

export const documentLevel = z.object({
  id: z.string(),
  rank: z.number().int(),
  prefix: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  isRecord: z.boolean(),
  retentionYears: z.number().int().nullable(),
  documentCount: z.number().int(),
});
export type DocumentLevelView = z.infer<typeof documentLevel>;
export const documentLevelList = z.object({ items: z.array(documentLevel) });

export const documentLevelRequest = z.strictObject({
  id: levelKey,
  rank: z.number().int().min(1).max(99),
  prefix,
  nameEn: shortText(100),
  nameZh: shortText(100),
  isRecord: z.boolean().default(false),
  retentionYears: retentionYears.default(null),
});
export type DocumentLevelRequest = z.infer<typeof documentLevelRequest>;
export const updateDocumentLevelRequest = documentLevelRequest.omit({ id: true }).partial();
export type UpdateDocumentLevelRequest = z.infer<typeof updateDocumentLevelRequest>;

// ---- documents -------------------------------------------------------------------------------------------

export const documentRequirement = z.strictObject({
  framework: z.string().trim().min(1).max(64),
  ref: z.string().trim().min(1).max(64),
});
export type DocumentRequirement = z.infer<typeof documentRequirement>;

const documentNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, . _ - (up to 40)');

export const createDocumentRequest = z.strictObject({
  number: documentNumber.optional(),
  title: shortText(200),
  levelId: z.string().min(1).max(30),
  ownerId: id,
  classification: documentClassification.default('internal'),
  requirements: z.array(documentRequirement).max(200).default([]),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  retentionYears: retentionYears.default(null),
});
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

/** The number stays when the level changes: it is the document's lasting identifier. */
export const updateDocumentRequest = z
  .strictObject({
    title: shortText(200),
    levelId: z.string().min(1).max(30),
    ownerId: id,
    classification: documentClassification,
    requirements: z.array(documentRequirement).max(200),
    reviewIntervalMonths: z.number().int().min(1).max(120),
    nextReviewOn: isoDate.nullable(),
    retentionYears,
  })
  .partial();
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequest>;

/** The register, a page at a time (ordered by number); the total counts every document the filters match. */
export const documentListQuery = z.strictObject({
  ...pageQuery.shape,
  levelId: z.string().max(30).optional(),
  status: z.union([documentVersionStatus, z.literal('none')]).optional(),
  ownerId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Matches number or title (substring). */
  q: z.string().trim().max(200).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const documentListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  levelId: z.string(),
  owner: userRef.nullable(),
  classification: documentClassification,
  /** Status of the newest version (null: no version yet). */
  latestStatus: documentVersionStatus.nullable(),
  latestVersion: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  updatedAt: z.string(),
});
export type DocumentListItem = z.infer<typeof documentListItem>;
export const documentList = page(documentListItem);
export type DocumentListPage = z.infer<typeof documentList>;

export const nextNumberQuery = z.strictObject({ levelId: z.string().min(1).max(30) });
export const nextNumberResponse = z.object({ number: z.string() });

export const participantView = z.object({
  user: userRef,
  role: z.enum(['reviewer', 'approver']),
  decision: z.enum(['approve', 'reject']).nullable(),
  comment: z.string(),
  decidedAt: z.string().nullable(),
});

export const documentVersion = z.object({
  id: z.string(),
  documentId: z.string(),
  documentNumber: z.string(),
  documentTitle: z.string(),
  version: z.number().int(),
  status: documentVersionStatus,
  format: z.enum(['markdown', 'file']),
  body: z.string(),
  file: z.object({ name: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
  changeSummary: z.string(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  obsoleteAt: z.string().nullable(),
  disposedAt: z.string().nullable(),
  /** Whose decision is awaited while in review. */
  stage: z.enum(['reviewer', 'approver']).nullable(),
  participants: z.array(participantView),
  /** What the caller may do now (the UI shows only these actions). */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    approve: z.boolean(),
    publish: z.boolean(),
    distribute: z.boolean(),
    acknowledge: z.boolean(),
  }),
});
export type DocumentVersionView = z.infer<typeof documentVersion>;

export const documentDetail = documentListItem.extend({
  requirements: z.array(documentRequirement),
  reviewIntervalMonths: z.number().int(),
  retentionYears: z.number().int().nullable(),
  effectiveRetentionYears: z.number().int().nullable(),
  createdAt: z.string(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      status: documentVersionStatus,
      format: z.enum(['markdown', 'file']),
      changeSummary: z.string(),
      createdAt: z.string(),
      publishedAt: z.string().nullable(),
      disposedAt: z.string().nullable(),
    }),
  ),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

// ---- versions --------------------------------------------------------------------------------------------

export const createVersionRequest = z.strictObject({
  format: z.enum(['markdown', 'file']).default('markdown'),
  body: z.string().max(MAX_DOCUMENT_BODY).default(''),
  changeSummary: z.string().trim().max(MAX_TEXT).default(''),
});
export type CreateVersionRequest = z.infer<typeof createVersionRequest>;

export const updateVersionRequest = z
  .strictObject({
    body: z.string().max(MAX_DOCUMENT_BODY),
    changeSummary: z.string().trim().max(MAX_TEXT),
  })
  .partial();
export type UpdateVersionRequest = z.infer<typeof updateVersionRequest>;

export const uploadFileQuery = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const submitVersionRequest = z.strictObject({
  reviewerIds: z.array(id).min(1).max(20),
  approverIds: z.array(id).min(1).max(10),
});
export type SubmitVersionRequest = z.infer<typeof submitVersionRequest>;

export const decisionRequest = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(MAX_TEXT).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.comment.length > 0, {
    message: 'say why the version is rejected',
    path: ['comment'],
  });
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const diffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const diffLine = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  oldLine: z.number().int().nullable(),
  newLine: z.number().int().nullable(),
});
export type DiffLine = z.infer<typeof diffLine>;
export const documentDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(diffLine),
});
export type DocumentDiff = z.infer<typeof documentDiff>;

// ---- distribution and acknowledgement --------------------------------------------------------------------

export const distributeRequest = z
  .strictObject({
    userIds: z.array(id).max(5000).default([]),
    roleIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .refine((d) => d.userIds.length + d.roleIds.length > 0, {
    message: 'choose users or roles',
    path: ['userIds'],
  });
export type DistributeRequest = z.infer<typeof distributeRequest>;

/** Publishing may distribute the version at once. */
export const publishVersionRequest = z.strictObject({ distribute: distributeRequest.optional() });

export const acknowledgementRow = z.object({
  user: userRef,
  assignedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const acknowledgementProgress = z.object({
  versionId: z.string(),
  total: z.number().int(),
  acknowledged: z.number().int(),
  /** Recipients added by the last distribution (0 when everyone already had it). */
  added: z.number().int(),
  rows: z.array(acknowledgementRow),
});
export type AcknowledgementProgress = z.infer<typeof acknowledgementProgress>;
export const remindResponse = z.object({ reminded: z.number().int() });
export const ackExportQuery = z.strictObject({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: locale.default('zh-TW'),
});

export const readingItem = z.object({
  versionId: z.string(),
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  version: z.number().int(),
  status: documentVersionStatus,
  assignedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type ReadingItem = z.infer<typeof readingItem>;
export const readingList = z.object({ items: z.array(readingItem) });

export const documentSummary = z.object({
  toAcknowledge: z.number().int(),
  /** Versions awaiting the caller's review or approval decision. */
  myDecisions: z.array(
    z.object({ versionId: z.string(), number: z.string(), title: z.string(), version: z.number().int() }),
  ),
  /** Published documents past their review date: how many, and the longest overdue few. null when the caller may not see the register. */
  overdueReviews: z
    .object({
      total: z.number().int(),
      items: z.array(
        z.object({ id: z.string(), number: z.string(), title: z.string(), nextReviewOn: z.string() }),
      ),
    })
    .nullable(),
  pendingApprovals: z.number().int().nullable(),
  pendingDisposals: z.number().int().nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

// ---- retention and disposal ------------------------------------------------------------------------------

export const disposalCandidate = z.object({
  versionId: z.string(),
  documentId: z.string(),
  number: z.string(),
  title: z.string(),
  version: z.number().int(),
  status: documentVersionStatus,
  /** The record's retention started then (obsolete, or published for a record level). */
  retainedSince: z.string(),
  retentionYears: z.number().int(),
  dueOn: z.string(),
  pendingDisposalId: z.string().nullable(),
});
export const disposalCandidateList = z.object({ items: z.array(disposalCandidate) });

export const disposalRequest = z.strictObject({ versionId: id, reason: shortText(MAX_TEXT) });
export type DisposalRequest = z.infer<typeof disposalRequest>;
export const disposalDecisionRequest = z.strictObject({ note: z.string().trim().max(MAX_TEXT).default('') });

export const disposal = z.object({
  id: z.string(),
  versionId: z.string(),
  number: z.string(),
  title: z.string(),
  version: z.number().int(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  requestedBy: userRef.nullable(),
  requestedAt: z.string(),
  decidedBy: userRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
});
export type DisposalView = z.infer<typeof disposal>;
export const disposalList = z.object({ items: z.array(disposal) });
