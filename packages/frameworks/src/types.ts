// The framework format: framework → sections → requirements, bilingual, with optional recurring
// obligations and applicability conditions. Documented in docs/frameworks.md.

export type Text = { en: string; 'zh-TW': string };
export type ResponsibilityLevel = 'A' | 'B' | 'C' | 'D' | 'E';
/** Schedule 9 protection level of an information system (普 / 中 / 高). */
export type ProtectionLevel = 'normal' | 'medium' | 'high';

/**
 * When an obligation falls due, for one responsibility level.
 * - `every`: recurring every N months (6 = twice a year, 24 = once per two years), first due N months
 *   after the anchor date (the day the organisation's level took effect), or on `monthOfYear` when set.
 * - `monthly`: every month, due on `day` of the month (the SOC device-status form by the 5th).
 * - `within`: once, within N months of the anchor; `thenEvery` makes it recur afterwards.
 * - `hours`: a yearly quota of training hours per person (`every` months, default 12).
 */
export type Schedule =
  | { kind: 'every'; months: number; monthOfYear?: number }
  | { kind: 'monthly'; day: number }
  | { kind: 'within'; months: number; thenEvery?: number }
  | { kind: 'hours'; hours: number; months?: number; audience: string };

/** An item organisations must do, with its schedule per responsibility level (absent level = not required). */
export interface Obligation {
  /** Stable kind used to match evidence and the calendar's icons, e.g. `vulnerability_scan`. */
  kind: string;
  byLevel: Partial<Record<ResponsibilityLevel, Schedule>>;
  /** A quantity per level where the item is a count (dedicated staff: A 4, B 2, C 1). */
  quantityByLevel?: Partial<Record<ResponsibilityLevel, number>>;
}

export interface Applicability {
  /** Only for organisations of these responsibility levels. */
  levels?: ResponsibilityLevel[];
  /** Only for information systems of these protection levels (Schedule 10 baseline). */
  protectionLevels?: ProtectionLevel[];
}

export interface FrameworkNode {
  /** Unique in the framework version, e.g. `A.5.1`, `GV.OC-01`, `AC-1`. */
  ref: string;
  /** `ref` of the parent section; absent for top-level nodes. */
  parent?: string;
  kind: 'section' | 'requirement';
  title: Text;
  description?: Text;
  applicability?: Applicability;
  obligation?: Obligation;
  /** Per protection level wording of a baseline control (Schedule 10: 普 / 中 / 高 columns). */
  baseline?: Partial<Record<ProtectionLevel, Text>>;
  /** Marks the ISO/IEC 27001 Annex A controls that make up the Statement of Applicability. */
  soa?: boolean;
}

export interface FrameworkDefinition {
  /** Stable identifier across versions, e.g. `iso27001-2022`, `tw-responsibility-levels`. */
  key: string;
  version: string;
  name: Text;
  publisher?: string;
  /** Where the content came from (public sources, citations, effective date). */
  source?: string;
  effectiveDate?: string;
  nodes: FrameworkNode[];
}

export type MappingRelation = 'equal' | 'subset' | 'superset' | 'intersect' | 'related';

/** Framework-to-framework links by key and ref, independent of versions. */
export interface FrameworkMapping {
  from: { framework: string; ref: string };
  to: { framework: string; ref: string };
  relation: MappingRelation;
}

/** One problem found while loading a framework file: where and what, in words a person can act on. */
export interface ValidationProblem {
  file: string;
  line: number | null;
  column: number | null;
  path: string;
  message: string;
}
