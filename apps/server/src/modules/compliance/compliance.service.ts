import type {
  ComplianceBaselineView,
  ComplianceGapQuery,
  ComplianceGapView,
  ComplianceSummaryView,
  ProtectionLevel,
} from '@vigil/contracts';
import { badRequest, notFound } from '../../http/errors.js';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { latestAssessments } from './assessments.repository.js';
import { AssessmentService } from './assessments.service.js';
import { appliesAtLevel, SCHEDULE_10_KEY, wordingAtLevel } from './baseline.js';
import { refOf } from './compliance.shared.js';
import { ControlService } from './controls.service.js';
import { EvidenceService } from './evidence.service.js';
import { notifyExpiringEvidence } from './evidence-expiry.js';
import { VIGIL_RECORD_TYPES } from './evidence-records.js';
import { frameworkByKey, loadVersion, nodesOf, sectionOf } from './framework-data.js';
import { SoaService } from './soa.service.js';

/**
 * Applied controls, evidence, compliance assessments, the Statement of Applicability and the Schedule 10
 * baseline per information system. The parts live in their own services; this one wires them and answers
 * the views that span them (gaps, the home card, the baseline).
 */
export class ComplianceService {
  readonly controls: ControlService;
  readonly evidence: EvidenceService;
  readonly assessments: AssessmentService;
  readonly soa: SoaService;

  constructor(protected readonly s: Services) {
    this.controls = new ControlService(s);
    this.evidence = new EvidenceService(s);
    this.assessments = new AssessmentService(s);
    this.soa = new SoaService(s);
    // Records that can be evidence: risk assessments, obligation tasks, document versions and others.
    for (const [type, lookup] of Object.entries(VIGIL_RECORD_TYPES))
      this.evidence.registerRecordType(type, lookup);
    s.jobs.register({
      name: 'compliance.evidence-expiry',
      pattern: '0 8 * * *',
      run: async () => {
        await this.notifyExpiringEvidence();
      },
    });
    // Assets named by controls or assessed as a system are archived rather than deleted.
    s.assets.registerReferrer('appliedControls', async (trx, assetId) => {
      const row = await trx
        .selectFrom('applied_control_assets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('asset_id', '=', assetId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
    s.assets.registerReferrer('complianceAssessments', async (trx, assetId) => {
      const row = await trx
        .selectFrom('compliance_assessments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('asset_id', '=', assetId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }

  /** Start-up work: nothing is seeded by this module (frameworks come from the frameworks module). */
  async bootstrap(): Promise<void> {}

  /** The daily evidence-expiry reminders (also called directly by tests with a moved clock). */
  notifyExpiringEvidence(): Promise<number> {
    return notifyExpiringEvidence(this.s);
  }

  async gaps(q: ComplianceGapQuery): Promise<ComplianceGapView[]> {
    const db = this.s.db;
    const assessments = q.assessmentId
      ? [await this.assessments.row(q.assessmentId)]
      : await latestAssessments(db);
    if (assessments.length === 0) return [];
    let query = db
      .selectFrom('compliance_results as r')
      .innerJoin('framework_nodes as n', 'n.id', 'r.node_id')
      .innerJoin('compliance_assessments as a', 'a.id', 'r.assessment_id')
      .innerJoin('frameworks as f', 'f.id', 'a.framework_id')
      .select([
        'r.id',
        'r.assessment_id',
        'a.title',
        'f.key',
        'r.ref',
        'n.title_en',
        'n.title_zh',
        'r.status',
        'r.gap_owner_id',
        'r.gap_due_on',
      ])
      .where(
        'r.assessment_id',
        'in',
        assessments.map((a) => a.id),
      )
      .where('r.status', 'in', ['partial', 'non_compliant']);
    if (q.ownerId) query = query.where('r.gap_owner_id', '=', q.ownerId);
    const rows = await query.orderBy('r.gap_due_on').orderBy('r.ref').execute();
    const users = await usersByIds(
      db,
      rows.map((r) => r.gap_owner_id),
    );
    const today = await organisationToday(db, this.s.clock.now());
    return rows.map((r) => ({
      resultId: r.id,
      assessmentId: r.assessment_id,
      assessmentTitle: r.title,
      frameworkKey: r.key,
      ref: r.ref,
      titleEn: r.title_en,
      titleZh: r.title_zh,
      status: r.status as 'partial' | 'non_compliant',
      owner: refOf(users, r.gap_owner_id),
      dueOn: r.gap_due_on,
      overdue: !!r.gap_due_on && r.gap_due_on < today,
    }));
  }

  async summary(): Promise<ComplianceSummaryView> {
    const [evidence, gaps, current, draft] = await Promise.all([
      this.evidence.counts(),
      this.gaps({}),
      this.soa.current(),
      this.s.db.selectFrom('soa_versions').select('id').where('status', '=', 'draft').executeTakeFirst(),
    ]);
    return {
      evidence,
      openGaps: gaps.length,
      overdueGaps: gaps.filter((g) => g.overdue).length,
      soa: current
        ? {
            id: current.id,
            version: current.version,
            status: current.status as 'draft' | 'approved' | 'superseded',
            approvedAt: current.approved_at,
          }
        : null,
      soaDraft: !!draft,
    };
  }

  /** The Schedule 10 measures an information system needs at its protection level, worded for that level. */
  async baseline(assetId: string): Promise<ComplianceBaselineView> {
    const db = this.s.db;
    const asset = await db
      .selectFrom('assets')
      .select(['id', 'code', 'name', 'type', 'protection_level'])
      .where('id', '=', assetId)
      .executeTakeFirst();
    if (!asset) throw notFound('asset');
    if (asset.type !== 'information_system')
      throw badRequest('compliance.not_information_system', 'Schedule 10 applies to information systems');
    const level = asset.protection_level as ProtectionLevel | null;
    if (!level)
      throw badRequest(
        'compliance.no_protection_level',
        'this system has no protection level yet; answer the Schedule 9 questions on the asset first',
      );
    if (!(await frameworkByKey(db, SCHEDULE_10_KEY)))
      throw badRequest('compliance.unknown_framework', 'the Schedule 10 framework is not loaded');
    const { framework, version } = await loadVersion(db, SCHEDULE_10_KEY);
    const nodes = await nodesOf(db, version.id);
    const byRef = new Map(nodes.map((n) => [n.ref, n]));
    const requirements = nodes.filter((n) => n.kind === 'requirement');
    const applicable = requirements.filter((n) => appliesAtLevel(n, level));
    return {
      asset: { id: asset.id, code: asset.code, name: asset.name },
      protectionLevel: level,
      framework: { key: framework.key, versionId: version.id, version: version.version },
      measures: applicable.map((n) => {
        const w = wordingAtLevel(n, level);
        return {
          ref: n.ref,
          sectionRef: sectionOf(n, byRef)?.ref ?? null,
          titleEn: n.title_en,
          titleZh: n.title_zh,
          textEn: w.en,
          textZh: w.zh,
        };
      }),
      notRequired: requirements.length - applicable.length,
    };
  }
}
