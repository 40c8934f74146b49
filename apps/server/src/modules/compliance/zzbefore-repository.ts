// Queries of compliance assessments, their results and the links around them. No business rules here.
import type { ComplianceAssessmentRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import type { MappedRef } from './zzbefore-framework-data.js';

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

/** Evidence and controls attached to each result. */
export async function resultLinks(db: Kysely<DB>, resultIds: string[]) {
  const evidence = new Map<string, LinkedItem[]>();
  const controls = new Map<string, LinkedControl[]>();
  if (resultIds.length === 0) return { evidence, controls };
  const [ev, ct] = await Promise.all([
    db
      .selectFrom('compliance_result_evidence as l')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['l.result_id', 'e.id', 'e.title', 'e.valid_until'])
      .where('l.result_id', 'in', resultIds)
      .orderBy('e.title')
      .execute(),
    db
      .selectFrom('compliance_result_controls as l')
      .innerJoin('applied_controls as c', 'c.id', 'l.control_id')
      .select(['l.result_id', 'c.id', 'c.code', 'c.name'])
      .where('l.result_id', 'in', resultIds)
      .orderBy('c.code')
      .execute(),
  ]);
  for (const r of ev)
    evidence.set(r.result_id, [
      ...(evidence.get(r.result_id) ?? []),
      { id: r.id, title: r.title, validUntil: r.valid_until },
    ]);
  for (const r of ct)
    controls.set(r.result_id, [
      ...(controls.get(r.result_id) ?? []),
      { id: r.id, code: r.code, name: r.name },
    ]);
  return { evidence, controls };
}

export const keyOf = (m: MappedRef) => `${m.frameworkKey}\u0000${m.ref}`;

/**
 * What is already linked to some requirements elsewhere: applied controls linked to them (not retired), the
 * evidence of those controls, and evidence attached to results of other assessments on those requirements.
 */
export async function linkedElsewhere(db: Kysely<DB>, targets: MappedRef[], excludeAssessmentId: string) {
  const controls = new Map<string, LinkedControl[]>();
  const evidence = new Map<string, LinkedItem[]>();
  if (targets.length === 0) return { controls, evidence };
  const keys = [...new Set(targets.map((t) => t.frameworkKey))];
  const wanted = new Set(targets.map(keyOf));
  const ctl = (
    await db
      .selectFrom('applied_control_requirements as r')
      .innerJoin('applied_controls as c', 'c.id', 'r.control_id')
      .select(['r.framework_key', 'r.ref', 'c.id', 'c.code', 'c.name'])
      .where('r.framework_key', 'in', keys)
      .where('c.status', '!=', 'retired')
      .orderBy('c.code')
      .execute()
  ).filter((r) => wanted.has(keyOf({ frameworkKey: r.framework_key, ref: r.ref })));
  const controlIds = [...new Set(ctl.map((c) => c.id))];
  const ctlEvidence =
    controlIds.length === 0
      ? []
      : await db
          .selectFrom('evidence_controls as l')
          .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
          .select(['l.control_id', 'e.id', 'e.title', 'e.valid_until'])
          .where('l.control_id', 'in', controlIds)
          .execute();
  const byControl = new Map<string, LinkedItem[]>();
  for (const e of ctlEvidence)
    byControl.set(e.control_id, [
      ...(byControl.get(e.control_id) ?? []),
      { id: e.id, title: e.title, validUntil: e.valid_until },
    ]);
  for (const c of ctl) {
    const k = keyOf({ frameworkKey: c.framework_key, ref: c.ref });
    controls.set(k, [...(controls.get(k) ?? []), { id: c.id, code: c.code, name: c.name }]);
    evidence.set(k, [...(evidence.get(k) ?? []), ...(byControl.get(c.id) ?? [])]);
  }
  const fromResults = (
    await db
      .selectFrom('compliance_result_evidence as l')
      .innerJoin('compliance_results as r', 'r.id', 'l.result_id')
      .innerJoin('compliance_assessments as a', 'a.id', 'r.assessment_id')
      .innerJoin('frameworks as f', 'f.id', 'a.framework_id')
      .innerJoin('evidence as e', 'e.id', 'l.evidence_id')
      .select(['f.key', 'r.ref', 'e.id', 'e.title', 'e.valid_until'])
      .where('f.key', 'in', keys)
      .where('a.id', '!=', excludeAssessmentId)
      .execute()
  ).filter((r) => wanted.has(keyOf({ frameworkKey: r.key, ref: r.ref })));
  for (const r of fromResults) {
    const k = keyOf({ frameworkKey: r.key, ref: r.ref });
    evidence.set(k, [...(evidence.get(k) ?? []), { id: r.id, title: r.title, validUntil: r.valid_until }]);
  }
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
