// The assessment page: requirements grouped by section with their results, links, scores and the
// "satisfied elsewhere" suggestions drawn from framework mappings.
import type { ComplianceResultStatus, ComplianceResultView, ComplianceSectionView } from '@vigil/contracts';
import type { ComplianceAssessmentRow, FrameworkNodeRow } from '@vigil/db';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { keyOf, type LinkedItem, linkedElsewhere, resultLinks } from './assessments.repository.js';
import { refOf } from './compliance.shared.js';
import { evidenceStatusOf, scoreOf } from './compliance-rules.js';
import { type MappedRef, mappedRefs, nodesOf, sectionOf } from './framework-data.js';

/** What building the page needs: the database and the clock (so tests can count its queries). */
export type DetailDeps = Pick<Services, 'db' | 'clock'>;

/**
 * The sections of one assessment. A fixed number of set-based queries however many requirements the
 * framework has: the version's nodes, the results, their links and gap owners, the mappings of all the
 * assessment's requirements at once, then what is linked to every mapped requirement at once.
 */
export async function buildDetail(
  s: DetailDeps,
  a: ComplianceAssessmentRow,
  frameworkKey: string,
): Promise<ComplianceSectionView[]> {
  const db = s.db;
  const [nodes, results, today, links, mapped] = await Promise.all([
    nodesOf(db, a.version_id),
    db.selectFrom('compliance_results').selectAll().where('assessment_id', '=', a.id).execute(),
    organisationToday(db, s.clock.now()),
    resultLinks(db, a.id),
    mappedRefs(db, frameworkKey, a.id),
  ]);
  const byRef = new Map(nodes.map((n) => [n.ref, n]));
  const targetsOf = (ref: string): MappedRef[] => [{ frameworkKey, ref }, ...(mapped.get(ref) ?? [])];
  const [users, elsewhere] = await Promise.all([
    usersByIds(
      db,
      results.map((r) => r.gap_owner_id),
    ),
    linkedElsewhere(
      db,
      results.flatMap((r) => targetsOf(r.ref)),
      a.id,
    ),
  ]);
  const item = (e: LinkedItem) => ({
    id: e.id,
    title: e.title,
    status: evidenceStatusOf(e.validUntil, today),
  });

  const resultByRef = new Map(results.map((r) => [r.ref, r]));
  const sections = new Map<string, { node: FrameworkNodeRow | null; results: ComplianceResultView[] }>();
  for (const node of nodes) {
    const r = resultByRef.get(node.ref);
    if (!r || node.kind !== 'requirement') continue;
    const evidence = (links.evidence.get(r.id) ?? []).map(item);
    const controls = links.controls.get(r.id) ?? [];
    const haveEvidence = new Set(evidence.map((e) => e.id));
    const haveControls = new Set(controls.map((c) => c.id));
    const sEvidence: ComplianceResultView['suggestions']['evidence'] = [];
    const sControls: ComplianceResultView['suggestions']['controls'] = [];
    for (const via of targetsOf(node.ref)) {
      for (const c of elsewhere.controls.get(keyOf(via)) ?? [])
        if (!haveControls.has(c.id)) {
          haveControls.add(c.id);
          sControls.push({ ...c, via });
        }
      for (const e of elsewhere.evidence.get(keyOf(via)) ?? [])
        if (!haveEvidence.has(e.id)) {
          haveEvidence.add(e.id);
          sEvidence.push({ ...item(e), via });
        }
    }
    const section = sectionOf(node, byRef);
    const key = section?.ref ?? '';
    const group = sections.get(key) ?? { node: section, results: [] };
    group.results.push({
      id: r.id,
      ref: r.ref,
      titleEn: node.title_en,
      titleZh: node.title_zh,
      descriptionEn: node.description_en,
      descriptionZh: node.description_zh,
      status: r.status as ComplianceResultStatus,
      reason: r.reason,
      note: r.note,
      automatic: r.automatic === 1,
      gapOwner: refOf(users, r.gap_owner_id),
      gapDueOn: r.gap_due_on,
      evidence,
      controls,
      suggestions: { evidence: sEvidence, controls: sControls },
      updatedAt: r.updated_at,
    });
    sections.set(key, group);
  }
  return [...sections.entries()].map(([ref, g]) => ({
    ref,
    titleEn: g.node?.title_en ?? '',
    titleZh: g.node?.title_zh ?? '',
    score: scoreOf(g.results.map((r) => r.status)),
    results: g.results,
  }));
}
