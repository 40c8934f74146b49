// Compliance framework contracts: the framework library, a version's sections and requirements with their
// cross-framework mappings, and import of a framework file.
//
// Routes (all under /api; access in brackets):
//   GET  /frameworks                        [compliance.read]   → frameworkList
//   GET  /frameworks/:key                   [compliance.read]   → frameworkDetail (every version, newest first)
//   GET  /framework-versions/:id            [compliance.read]   → frameworkVersionDetail (nodes in file order,
//                                                                each with its mappings both ways)
//   POST /frameworks/import                 [compliance.manage] raw YAML or JSON body, ?filename= →
//                                                                201 frameworkImportResponse;
//                                                                400 framework.invalid (details.problems:
//                                                                validationProblem[]), nothing stored;
//                                                                409 framework.version_exists;
//                                                                415 framework.unsupported_type
import { z } from 'zod';
import { id, isoTimestamp } from './common.js';

export const frameworkText = z.object({ en: z.string(), 'zh-TW': z.string() });
export type FrameworkText = z.infer<typeof frameworkText>;

export const FRAMEWORK_VERSION_STATUSES = ['current', 'superseded'] as const;
export const frameworkVersionStatus = z.enum(FRAMEWORK_VERSION_STATUSES);

export const FRAMEWORK_RESPONSIBILITY_LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export const FRAMEWORK_PROTECTION_LEVELS = ['normal', 'medium', 'high'] as const;
export const FRAMEWORK_MAPPING_RELATIONS = ['equal', 'subset', 'superset', 'intersect', 'related'] as const;
export const frameworkMappingRelation = z.enum(FRAMEWORK_MAPPING_RELATIONS);
export type FrameworkMappingRelationName = z.infer<typeof frameworkMappingRelation>;

/** One schedule of an obligation (see docs/frameworks.md); which fields are set depends on `kind`. */
export const frameworkSchedule = z.object({
  kind: z.enum(['every', 'monthly', 'within', 'hours']),
  months: z.number().int().optional(),
  monthOfYear: z.number().int().optional(),
  day: z.number().int().optional(),
  thenEvery: z.number().int().optional(),
  hours: z.number().optional(),
  audience: z.string().optional(),
});

const perLevel = <T extends z.ZodType>(value: T) =>
  z.object({
    A: value.optional(),
    B: value.optional(),
    C: value.optional(),
    D: value.optional(),
    E: value.optional(),
  });

export const frameworkObligation = z.object({
  kind: z.string(),
  byLevel: perLevel(frameworkSchedule),
  quantityByLevel: perLevel(z.number().int()).optional(),
});

export const frameworkApplicability = z.object({
  levels: z.array(z.enum(FRAMEWORK_RESPONSIBILITY_LEVELS)).optional(),
  protectionLevels: z.array(z.enum(FRAMEWORK_PROTECTION_LEVELS)).optional(),
});

export const frameworkBaseline = z.object({
  normal: frameworkText.optional(),
  medium: frameworkText.optional(),
  high: frameworkText.optional(),
});

export const frameworkVersionSummary = z.object({
  id,
  version: z.string(),
  status: frameworkVersionStatus,
  name: frameworkText,
  source: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  contentHash: z.string(),
  nodeCount: z.number().int(),
  requirementCount: z.number().int(),
  importedBy: z.string().nullable(),
  importedAt: isoTimestamp,
});
export type FrameworkVersionSummary = z.infer<typeof frameworkVersionSummary>;

export const frameworkSummary = z.object({
  id,
  key: z.string(),
  name: frameworkText,
  publisher: z.string().nullable(),
  /** Shipped with Vigil (true) or imported by a user (false). */
  builtin: z.boolean(),
  currentVersion: frameworkVersionSummary.nullable(),
  versionCount: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkList = z.object({ items: z.array(frameworkSummary) });
export const frameworkDetail = frameworkSummary.extend({ versions: z.array(frameworkVersionSummary) });
export type FrameworkDetail = z.infer<typeof frameworkDetail>;

/** A link from a requirement to one of another framework, resolved against that framework's current version. */
export const frameworkNodeMapping = z.object({
  framework: z.string(),
  frameworkName: frameworkText.nullable(),
  /** The current version of the other framework, for linking; null when that framework is not installed. */
  versionId: id.nullable(),
  ref: z.string(),
  /** Title in the other framework's current version; null when the ref is not in it. */
  title: frameworkText.nullable(),
  /** Read from this requirement's side: `subset` means this requirement is contained in the other. */
  relation: frameworkMappingRelation,
});
export type FrameworkNodeMapping = z.infer<typeof frameworkNodeMapping>;

export const frameworkNodeView = z.object({
  ref: z.string(),
  parentRef: z.string().nullable(),
  kind: z.enum(['section', 'requirement']),
  position: z.number().int(),
  title: frameworkText,
  description: frameworkText.nullable(),
  applicability: frameworkApplicability.nullable(),
  obligation: frameworkObligation.nullable(),
  baseline: frameworkBaseline.nullable(),
  soa: z.boolean(),
  mappings: z.array(frameworkNodeMapping),
});
export type FrameworkNodeView = z.infer<typeof frameworkNodeView>;

export const frameworkVersionDetail = z.object({
  framework: frameworkSummary,
  version: frameworkVersionSummary,
  nodes: z.array(frameworkNodeView),
});
export type FrameworkVersionDetail = z.infer<typeof frameworkVersionDetail>;

export const frameworkKeyParams = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, 'a framework key such as iso27001-2022'),
});
export const frameworkVersionParams = z.strictObject({ id });

/** Largest framework file accepted by the import route. */
export const MAX_FRAMEWORK_FILE_BYTES = 2 * 1024 * 1024;

export const frameworkImportQuery = z.strictObject({
  /** The uploaded file's name, shown in the validation report and the audit trail. */
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'a file name without a path')
    .optional(),
});

export const frameworkImportResponse = z.object({
  framework: frameworkSummary,
  version: frameworkVersionSummary,
  /** The version that was current before this import, now superseded; null for a new framework. */
  supersededVersionId: id.nullable(),
});
export type FrameworkImportResponse = z.infer<typeof frameworkImportResponse>;

/** One entry of a framework file's validation report (`details.problems` of framework.invalid). */
export const frameworkValidationProblem = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  path: z.string(),
  message: z.string(),
});
export type FrameworkValidationProblem = z.infer<typeof frameworkValidationProblem>;
export const frameworkValidationReport = z.object({ problems: z.array(frameworkValidationProblem) });

/** Error codes the framework routes answer with (besides the platform's own). */
export const FRAMEWORK_ERROR_CODES = [
  'framework.invalid',
  'framework.version_exists',
  'framework.unsupported_type',
] as const;
