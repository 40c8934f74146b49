// The zod schemas of a framework file and a mappings file. Shapes only; the rules that span several nodes
// (unique refs, parents, cycles) are in validate.ts. Every object is strict so a misspelt field is reported
// instead of silently ignored.
import { z } from 'zod';
import type { FrameworkDefinition, FrameworkMapping } from './types.js';

export const RESPONSIBILITY_LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export const PROTECTION_LEVELS = ['normal', 'medium', 'high'] as const;
export const MAPPING_RELATIONS = ['equal', 'subset', 'superset', 'intersect', 'related'] as const;
export const NODE_KINDS = ['section', 'requirement'] as const;

/** Most nodes a single framework version may hold. */
export const MAX_NODES = 5000;

const nonEmpty = (max: number, what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`);

/** Text in both languages; a missing language is named in the problem. */
export const textSchema = (max = 500) =>
  z.strictObject({ en: nonEmpty(max, 'the en text'), 'zh-TW': nonEmpty(max, 'the zh-TW text') });

const levelEnum = z.enum(RESPONSIBILITY_LEVELS, {
  error: (i) => `unknown responsibility level ${JSON.stringify(i.input)}; use A, B, C, D or E`,
});
const protectionEnum = z.enum(PROTECTION_LEVELS, {
  error: (i) =>
    `unknown protection level ${JSON.stringify(i.input)}; use normal (普), medium (中) or high (高)`,
});

const months = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of months` })
    .int(`${what} must be a whole number of months`)
    .min(1, `${what} must be at least 1`)
    .max(120, `${what} must be at most 120`);

export const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('every'),
      months: months('months'),
      monthOfYear: z.number().int().min(1, 'monthOfYear is 1–12').max(12, 'monthOfYear is 1–12').optional(),
    }),
    z.strictObject({
      kind: z.literal('monthly'),
      day: z
        .number({ error: 'day must be a day of the month' })
        .int('day must be a whole number')
        .min(1, 'day is 1–28')
        .max(28, 'day is 1–28 so that it exists in every month'),
    }),
    z.strictObject({
      kind: z.literal('within'),
      months: months('months'),
      thenEvery: months('thenEvery').optional(),
    }),
    z.strictObject({
      kind: z.literal('hours'),
      hours: z.number({ error: 'hours must be a number' }).positive('hours must be more than 0').max(1000),
      months: months('months').optional(),
      audience: z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_]{0,39}$/, 'audience is a lower-case key such as it_staff'),
    }),
  ],
  { error: 'a schedule needs kind: every, monthly, within or hours' },
);

export const obligationSchema = z.strictObject({
  kind: z
    .string({ error: 'obligation kind is missing' })
    .regex(/^[a-z][a-z0-9_]{1,59}$/, 'obligation kind is a lower-case key such as internal_audit'),
  byLevel: z.partialRecord(levelEnum, scheduleSchema),
  quantityByLevel: z.partialRecord(levelEnum, z.number().int().min(0).max(10_000)).optional(),
});

export const applicabilitySchema = z.strictObject({
  levels: z.array(levelEnum).min(1).optional(),
  protectionLevels: z.array(protectionEnum).min(1).optional(),
});

export const refSchema = z
  .string({ error: 'ref is missing' })
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._()-]{0,63}$/,
    'ref is 1–64 letters, digits, . _ - ( ) and starts with a letter or digit',
  );

export const nodeSchema = z.strictObject({
  ref: refSchema,
  parent: refSchema.optional(),
  kind: z.enum(NODE_KINDS, { error: 'kind is section or requirement' }),
  title: textSchema(500),
  description: textSchema(5000).optional(),
  applicability: applicabilitySchema.optional(),
  obligation: obligationSchema.optional(),
  baseline: z.partialRecord(protectionEnum, textSchema(2000)).optional(),
  soa: z.boolean().optional(),
});

export const frameworkKeySchema = z
  .string({ error: 'key is missing' })
  .regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, 'key is 2–64 lower-case letters, digits, . and -');

export const frameworkSchema = z.strictObject({
  key: frameworkKeySchema,
  version: nonEmpty(50, 'version'),
  name: textSchema(200),
  publisher: nonEmpty(200, 'publisher').optional(),
  source: nonEmpty(4000, 'source').optional(),
  effectiveDate: z.iso.date('effectiveDate is a date such as 2025-09-24').optional(),
  nodes: z.array(nodeSchema).min(1, 'a framework needs at least one node').max(MAX_NODES),
}) satisfies z.ZodType<FrameworkDefinition>;

/** One line of a mappings file: a ref of the `from` framework linked to one or more refs of the `to` one. */
const linkSchema = z.strictObject({
  from: refSchema,
  to: z.union([refSchema, z.array(refSchema).min(1)]),
  relation: z
    .enum(MAPPING_RELATIONS, { error: `relation is one of ${MAPPING_RELATIONS.join(', ')}` })
    .optional(),
});

export const mappingFileSchema = z.strictObject({
  from: frameworkKeySchema,
  to: frameworkKeySchema,
  /** Relation of every link that does not name its own; `related` when absent. */
  relation: z.enum(MAPPING_RELATIONS).optional(),
  source: nonEmpty(4000, 'source').optional(),
  links: z.array(linkSchema).min(1).max(20_000),
});
export type MappingFile = z.infer<typeof mappingFileSchema>;

/** Flattens a mappings file into one mapping per pair of refs. */
export function expandMappings(file: MappingFile): FrameworkMapping[] {
  return file.links.flatMap((link) =>
    (Array.isArray(link.to) ? link.to : [link.to]).map((to) => ({
      from: { framework: file.from, ref: link.from },
      to: { framework: file.to, ref: to },
      relation: link.relation ?? file.relation ?? 'related',
    })),
  );
}
