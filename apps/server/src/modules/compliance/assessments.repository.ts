// Queries of compliance assessments, their results and the links around them. No business rules here.
import type { ComplianceAssessmentRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { MappedRef } from './framework-data.js';

export interface LinkedItem {
  id: string;
  title: string;
  validUntil: string | null;
}
export interface LinkedControl {
  id: string;
  code: string;
  name: string;
}

/** Appends to the list kept under `key` (no copying of the list). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Evidence and controls attached to the results of one assessment (two queries). */
export async function resultLinks(db: Kysely<DB>, assessmentId: string) {
  const evidence = new Map<string, LinkedItem[]>();
  const controls = new Map<string, LinkedControl[]>();
  const [ev, ct] = await Promise.all([
    db
      .selectFrom('compliance_result_evidence as l')
      .innerJoin('compliance_results as r', 'r.id', 'l.result_id')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['l.result_id', 'e.id', 'e.title', 'e.valid_until'])
      .where('r.assessment_id', '=', assessmentId)
      .orderBy('e.title')
      .execute(),
    db
      .selectFrom('compliance_result_controls as l')
      .innerJoin('compliance_results as r', 'r.id', 'l.result_id')
      .innerJoin('applied_controls as c', 'c.id', 'l.control_id')
      .select(['l.result_id', 'c.id', 'c.code', 'c.name'])
      .where('r.assessment_id', '=', assessmentId)
      .orderBy('c.code')
      .execute(),
  ]);
  for (const r of ev) push(evidence, r.result_id, { id: r.id, title: r.title, validUntil: r.valid_until });
  for (const r of ct) push(controls, r.result_id, { id: r.id, code: r.code, name: r.name });
  return { evidence, controls };
}

export const keyOf = (m: MappedRef) => `${m.frameworkKey}\u0000${m.ref}`;

/** Refs grouped by framework key, for `(key = k AND ref IN (…)) OR …` filters that use the ref indexes. */
function refsByKey(targets: readonly MappedRef[]): [string, string[]][] {
  const out = new Map<string, Set<string>>();
  for (const t of targets) out.set(t.frameworkKey, (out.get(t.frameworkKey) ?? new Set()).add(t.ref));
  return [...out].map(([k, refs]) => [k, [...refs]]);
}

/**
 * What is already linked to some requirements elsewhere: applied controls linked to them (not retired), the
 * evidence of those controls, and evidence attached to results of other assessments on those requirements.
 * Three queries whatever the number of requirements; the database keeps only the requirements asked for and
 * folds repeats (the same evidence on the same requirement in several past assessments) into one row.
 */
export async function linkedElsewhere(db: Kysely<DB>, targets: MappedRef[], excludeAssessmentId: string) {
  const controls = new Map<string, LinkedControl[]>();
  const evidence = new Map<string, LinkedItem[]>();
  const groups = refsByKey(targets);
  if (groups.length === 0) return { controls, evidence };
  const [ctl, ctlEvidence, fromResults] = await Promise.all([
    db
      .selectFrom('applied_control_requirements as r')
      .innerJoin('applied_controls as c', 'c.id', 'r.control_id')
      .select(['r.framework_key', 'r.ref', 'c.id', 'c.code', 'c.name'])
      .where((eb) =>
        eb.or(groups.map(([k, refs]) => eb.and([eb('r.framework_key', '=', k), eb('r.ref', 'in', refs)]))),
      )
      .where('c.status', '!=', 'retired')
      .orderBy('c.code')
      .execute(),
    db
      .selectFrom('applied_control_requirements as r')
      .innerJoin('applied_controls as c', 'c.id', 'r.control_id')
      .innerJoin('evidence_controls as l', 'l.control_id', 'r.control_id')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['r.framework_key', 'r.ref', 'e.id', 'e.title', 'e.valid_until'])
      .distinct()
      .where((eb) =>
        eb.or(groups.map(([k, refs]) => eb.and([eb('r.framework_key', '=', k), eb('r.ref', 'in', refs)]))),
      )
      .where('c.status', '!=', 'retired')
      .orderBy('e.title')
      .execute(),
    db
      .selectFrom('compliance_result_evidence as l')
      .innerJoin('compliance_results as r', 'r.id', 'l.result_id')
      .innerJoin('compliance_assessments as a', 'a.id', 'r.assessment_id')
      .innerJoin('frameworks as f', 'f.id', 'a.framework_id')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['f.key', 'r.ref', 'e.id', 'e.title', 'e.valid_until'])
      .distinct()
      .where((eb) => eb.or(groups.map(([k, refs]) => eb.and([eb('f.key', '=', k), eb('r.ref', 'in', refs)]))))
      .where('a.id', '!=', excludeAssessmentId)
      .orderBy('e.title')
      .execute(),
  ]);
  for (const c of ctl)
    push(controls, keyOf({ frameworkKey: c.framework_key, ref: c.ref }), {
      id: c.id,
      code: c.code,
      name: c.name,
    });
  for (const e of ctlEvidence)
    push(evidence, keyOf({ frameworkKey: e.framework_key, ref: e.ref }), {
      id: e.id,
      title: e.title,
      validUntil: e.valid_until,
    });
  for (const r of fromResults)
    push(evidence, keyOf({ frameworkKey: r.key, ref: r.ref }), {
      id: r.id,
      title: r.title,
      validUntil: r.valid_until,
    });
  return { controls, evidence };
}

/** Result counts by status per assessment (for list scores and open gaps). */
export async function statusCounts(db: Kysely<DB>, assessmentIds: string[]) {
  const out = new Map<string, { status: string; n: number }[]>();
  if (assessmentIds.length === 0) return out;
  const rows = await db
    .selectFrom('compliance_results')
    .select(['assessment_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', 'in', assessmentIds)
    .groupBy(['assessment_id', 'status'])
    .execute();
  for (const r of rows)
    out.set(r.assessment_id, [...(out.get(r.assessment_id) ?? []), { status: r.status, n: Number(r.n) }]);
  return out;
}

/** The newest assessment of each framework and scope (organisation, or each system). */
export async function latestAssessments(db: Kysely<DB>): Promise<ComplianceAssessmentRow[]> {
  const rows = await db
    .selectFrom('compliance_assessments')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.framework_id}|${r.scope}|${r.asset_id ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export async function replaceResultLinks(
  trx: Kysely<DB>,
  table: 'compliance_result_evidence' | 'compliance_result_controls',
  column: 'evidence_id' | 'control_id',
  resultId: string,
  ids: string[],
): Promise<void> {
  await trx.deleteFrom(table).where('result_id', '=', resultId).execute();
  if (ids.length > 0)
    await trx
      .insertInto(table)
      .values(ids.map((id) => ({ result_id: resultId, [column]: id }) as never))
      .execute();
}
