import type {
  DocumentClassification,
  DocumentDetail,
  DocumentRequirement,
  UpdateDocumentRequest,
} from '@vigil/contracts';

/** Parses "framework ref" lines into requirement references (blank and one-word lines are skipped). */
export function parseRequirements(text: string): DocumentRequirement[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 2 && p[0] && p[1])
    .map(([framework, ref]) => ({ framework: framework as string, ref: ref as string }));
}

/** The inverse of parseRequirements: one "framework ref" per line. */
export function formatRequirements(list: readonly DocumentRequirement[]): string {
  return list.map((r) => `${r.framework} ${r.ref}`).join('\n');
}

/** The document metadata form as the user edits it (text where the input is text). */
export interface MetadataForm {
  title: string;
  levelId: string;
  ownerId: string;
  classification: DocumentClassification;
  requirements: string;
  reviewIntervalMonths: number;
  /** YYYY-MM-DD or empty for none. */
  nextReviewOn: string;
  /** null: the level's retention applies. */
  retentionYears: number | null;
}

export function formFromDetail(d: DocumentDetail): MetadataForm {
  return {
    title: d.title,
    levelId: d.levelId,
    ownerId: d.owner?.id ?? '',
    classification: d.classification,
    requirements: formatRequirements(d.requirements),
    reviewIntervalMonths: d.reviewIntervalMonths,
    nextReviewOn: d.nextReviewOn ?? '',
    retentionYears: d.retentionYears,
  };
}

/** Only the fields the user changed, as the PATCH body (empty when nothing changed). */
export function metadataPatch(d: DocumentDetail, f: MetadataForm): UpdateDocumentRequest {
  const patch: UpdateDocumentRequest = {};
  const title = f.title.trim();
  if (title !== d.title) patch.title = title;
  if (f.levelId !== d.levelId) patch.levelId = f.levelId;
  if (f.ownerId && f.ownerId !== d.owner?.id) patch.ownerId = f.ownerId;
  if (f.classification !== d.classification) patch.classification = f.classification;
  const requirements = parseRequirements(f.requirements);
  if (formatRequirements(requirements) !== formatRequirements(d.requirements))
    patch.requirements = requirements;
  if (f.reviewIntervalMonths !== d.reviewIntervalMonths) patch.reviewIntervalMonths = f.reviewIntervalMonths;
  const next = f.nextReviewOn.trim() || null;
  if (next !== d.nextReviewOn) patch.nextReviewOn = next;
  if (f.retentionYears !== d.retentionYears) patch.retentionYears = f.retentionYears;
  return patch;
}
