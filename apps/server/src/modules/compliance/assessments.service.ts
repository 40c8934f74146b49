import { randomUUID } from 'node:crypto';
import type {
  ComplianceAssessmentSummaryView,
  ComplianceAssessmentView,
  ComplianceResultStatus,
  CreateComplianceAssessmentRequest,
  ProtectionLevel,
  UpdateComplianceResultRequest,
} from '@vigil/contracts';
import type { ComplianceAssessmentRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { usersByIds } from '../users/users.repository.js';
import { buildDetail } from './assessment-detail.js';
import { replaceResultLinks, statusCounts } from './assessments.repository.js';
import { appliesAtLevel, NOT_REQUIRED_REASON, SCHEDULE_10_KEY } from './baseline.js';
import { assertIdsExist, refOf, unique } from './compliance.shared.js';
import { isGap, scoreOf } from './compliance-rules.js';
import { loadVersion, nodesOf } from './framework-data.js';

/** Compliance assessments per framework version and scope, with copy-from-previous. */
export class AssessmentService {
  constructor(private readonly s: Services) {}

  async row(id: string, db: Kysely<DB> = this.s.db): Promise<ComplianceAssessmentRow> {
    const row = await db
      .selectFrom('compliance_assessments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('compliance assessment');
    return row;
  }

  async summaries(rows: ComplianceAssessmentRow[]): Promise<ComplianceAssessmentSummaryView[]> {
    if (rows.length === 0) return [];
    const db = this.s.db;
    const [frameworks, versions, assets, users, counts] = await Promise.all([
      db
        .selectFrom('frameworks')
        .select(['id', 'key', 'name_en', 'name_zh'])
        .where('id', 'in', unique(rows.map((r) => r.framework_id)))
        .execute(),
      db
        .selectFrom('framework_versions')
        .select(['id', 'version'])
        .where('id', 'in', unique(rows.map((r) => r.version_id)))
        .execute(),
      db
        .selectFrom('assets')
        .select(['id', 'code', 'name'])
        .where('id', 'in', [...unique(rows.map((r) => r.asset_id).filter((x): x is string => !!x)), ''])
        .execute(),
      usersByIds(
        db,
        rows.flatMap((r) => [r.created_by, r.completed_by]),
      ),
      statusCounts(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    const fw = new Map(frameworks.map((f) => [f.id, f]));
    const vs = new Map(versions.map((v) => [v.id, v]));
    const as = new Map(assets.map((a) => [a.id, a]));
    return rows.map((r) => {
      const f = fw.get(r.framework_id);
      const statuses = (counts.get(r.id) ?? []).flatMap((c) =>
        Array<ComplianceResultStatus>(c.n).fill(c.status as ComplianceResultStatus),
      );
      return {
        id: r.id,
        title: r.title,
        framework: {
          id: r.framework_id,
          key: f?.key ?? '',
          nameEn: f?.name_en ?? '',
          nameZh: f?.name_zh ?? '',
        },
        version: { id: r.version_id, version: vs.get(r.version_id)?.version ?? '' },
        scope: r.scope as 'organisation' | 'asset',
        asset: r.asset_id ? (as.get(r.asset_id) ?? null) : null,
        protectionLevel: r.protection_level as ProtectionLevel | null,
        status: r.status as 'in_progress' | 'completed',
        copiedFromId: r.copied_from_id,
        score: scoreOf(statuses),
        openGaps: statuses.filter(isGap).length,
        createdBy: refOf(users, r.created_by),
        createdAt: r.created_at,
        completedAt: r.completed_at,
        completedBy: refOf(users, r.completed_by),
      };
    });
  }

  async list(): Promise<ComplianceAssessmentSummaryView[]> {
    const rows = await this.s.db
      .selectFrom('compliance_assessments')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    return this.summaries(rows);
  }

  async get(id: string): Promise<ComplianceAssessmentView> {
    const row = await this.row(id);
    const framework = await this.s.db
      .selectFrom('frameworks')
      .select('key')
      .where('id', '=', row.framework_id)
      .executeTakeFirstOrThrow();
    const [summaries, sections] = await Promise.all([
      this.summaries([row]),
      buildDetail(this.s, row, framework.key),
    ]);
    return { ...(summaries[0] as ComplianceAssessmentSummaryView), sections };
  }

  async create(
    ctx: RequestContext,
    req: CreateComplianceAssessmentRequest,
  ): Promise<ComplianceAssessmentView> {
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const { framework, version } = await loadVersion(trx, req.frameworkKey, req.versionId);
      let level: ProtectionLevel | null = null;
      if (req.scope === 'asset') {
        const asset = await trx
          .selectFrom('assets')
          .select(['id', 'type', 'protection_level'])
          .where('id', '=', req.assetId ?? '')
          .executeTakeFirst();
        if (!asset) throw badRequest('compliance.unknown_asset', 'no such asset');
        if (asset.type !== 'information_system')
          throw badRequest(
            'compliance.not_information_system',
            'a system scope must be an information system',
          );
        level = asset.protection_level as ProtectionLevel | null;
        if (framework.key === SCHEDULE_10_KEY && !level)
          throw badRequest(
            'compliance.no_protection_level',
            'set the system protection level (Schedule 9) before assessing it against Schedule 10',
          );
      }
      const source = req.copyFromId ? await this.copySource(trx, req.copyFromId, framework.id) : null;
      await trx
        .insertInto('compliance_assessments')
        .values({
          id,
          title: req.title,
          framework_id: framework.id,
          version_id: version.id,
          scope: req.scope,
          asset_id: req.scope === 'asset' ? (req.assetId ?? null) : null,
          protection_level: level,
          status: 'in_progress',
          copied_from_id: source?.id ?? null,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
          completed_at: null,
          completed_by: null,
        })
        .execute();
      const nodes = (await nodesOf(trx, version.id)).filter((n) => n.kind === 'requirement');
      const baseline = framework.key === SCHEDULE_10_KEY && level !== null;
      const rows = nodes.map((n) => {
        const excluded = baseline && level !== null && !appliesAtLevel(n, level);
        return {
          id: randomUUID(),
          assessment_id: id,
          node_id: n.id,
          ref: n.ref,
          status: excluded ? 'not_applicable' : 'not_assessed',
          reason: excluded ? NOT_REQUIRED_REASON : null,
          note: '',
          gap_owner_id: null,
          gap_due_on: null,
          automatic: excluded ? 1 : 0,
          updated_by: null,
          updated_at: now,
        };
      });
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('compliance_results')
          .values(rows.slice(i, i + 200))
          .execute();
      const copied = source ? await this.copyResults(trx, source.id, rows) : 0;
      await this.s.audit.record(trx, ctx, {
        action: 'compliance_assessment.created',
        objectType: 'compliance_assessment',
        objectId: id,
        details: {
          title: req.title,
          framework: framework.key,
          version: version.version,
          scope: req.scope,
          assetId: req.assetId ?? null,
          protectionLevel: level,
          requirements: rows.length,
          notRequired: rows.filter((r) => r.automatic).length,
          copiedFrom: source?.id ?? null,
          copiedResults: copied,
        },
      });
    });
    return this.get(id);
  }

  private async copySource(trx: Kysely<DB>, sourceId: string, frameworkId: string) {
    const source = await this.row(sourceId, trx).catch(() => {
      throw badRequest('compliance.copy_source_not_found', 'the assessment to copy from does not exist');
    });
    if (source.framework_id !== frameworkId)
      throw badRequest('compliance.copy_framework_mismatch', 'copy from an assessment of the same framework');
    if (source.status !== 'completed')
      throw conflict(
        'compliance.copy_source_not_completed',
        'only a completed assessment can be copied from',
      );
    return source;
  }

  /** Copies results and their links by ref; measures set automatically in either assessment are kept. */
  private async copyResults(
    trx: Kysely<DB>,
    sourceId: string,
    target: { id: string; ref: string; automatic: number }[],
  ): Promise<number> {
    const src = await trx
      .selectFrom('compliance_results')
      .selectAll()
      .where('assessment_id', '=', sourceId)
      .execute();
    const byRef = new Map(src.filter((r) => !r.automatic).map((r) => [r.ref, r]));
    const pairs = target
      .filter((t) => !t.automatic && byRef.has(t.ref))
      .map((t) => ({ to: t.id, from: byRef.get(t.ref) as (typeof src)[number] }));
    for (const { to, from } of pairs) {
      await trx
        .updateTable('compliance_results')
        .set({
          status: from.status,
          reason: from.reason,
          note: from.note,
          gap_owner_id: from.gap_owner_id,
          gap_due_on: from.gap_due_on,
        })
        .where('id', '=', to)
        .execute();
      for (const [table, column] of [
        ['compliance_result_evidence', 'evidence_id'],
        ['compliance_result_controls', 'control_id'],
      ] as const) {
        const linked = await trx.selectFrom(table).selectAll().where('result_id', '=', from.id).execute();
        const ids = linked.map((l) => (l as Record<string, string>)[column] as string);
        await replaceResultLinks(trx, table, column, to, ids);
      }
    }
    return pairs.length;
  }

  async updateResult(
    ctx: RequestContext,
    resultId: string,
    req: UpdateComplianceResultRequest,
  ): Promise<ComplianceAssessmentView> {
    const assessmentId = await this.s.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('compliance_results')
        .selectAll()
        .where('id', '=', resultId)
        .executeTakeFirst();
      if (!before) throw notFound('compliance result');
      const a = await this.row(before.assessment_id, trx);
      if (a.status === 'completed')
        throw conflict('compliance.assessment_completed', 'a completed assessment cannot be changed');
      if (before.automatic)
        throw conflict(
          'compliance.result_automatic',
          'this measure is not required at the system protection level and stays not applicable',
        );
      const status = (req.status ?? before.status) as ComplianceResultStatus;
      const reason = req.reason === undefined ? before.reason : req.reason;
      if (status === 'not_applicable' && !reason?.trim())
        throw badRequest('compliance.reason_required', 'say why the requirement does not apply');
      const gap = isGap(status);
      if (!gap && (req.gapOwnerId || req.gapDueOn))
        throw badRequest(
          'compliance.gap_fields_need_gap',
          'only partial or non-compliant results take a gap owner',
        );
      if (req.gapOwnerId) await assertIdsExist(trx, 'users', [req.gapOwnerId], 'compliance.unknown_user');
      await assertIdsExist(trx, 'evidence', req.evidenceIds, 'compliance.unknown_evidence');
      await assertIdsExist(trx, 'applied_controls', req.controlIds, 'compliance.unknown_control');
      await trx
        .updateTable('compliance_results')
        .set({
          status,
          reason: status === 'not_applicable' ? (reason?.trim() ?? null) : null,
          ...(req.note !== undefined ? { note: req.note } : {}),
          gap_owner_id: gap ? (req.gapOwnerId === undefined ? before.gap_owner_id : req.gapOwnerId) : null,
          gap_due_on: gap ? (req.gapDueOn === undefined ? before.gap_due_on : req.gapDueOn) : null,
          updated_by: actorId(ctx),
          updated_at: this.s.clock.now().toISOString(),
        })
        .where('id', '=', resultId)
        .execute();
      if (req.evidenceIds)
        await replaceResultLinks(
          trx,
          'compliance_result_evidence',
          'evidence_id',
          resultId,
          unique(req.evidenceIds),
        );
      if (req.controlIds)
        await replaceResultLinks(
          trx,
          'compliance_result_controls',
          'control_id',
          resultId,
          unique(req.controlIds),
        );
      await trx
        .updateTable('compliance_assessments')
        .set({ updated_at: this.s.clock.now().toISOString() })
        .where('id', '=', a.id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'compliance_result.updated',
        objectType: 'compliance_assessment',
        objectId: a.id,
        details: { ref: before.ref, statusFrom: before.status, status, changes: req },
      });
      return a.id;
    });
    return this.get(assessmentId);
  }

  async complete(ctx: RequestContext, id: string): Promise<ComplianceAssessmentView> {
    await this.s.db.transaction().execute(async (trx) => {
      const a = await this.row(id, trx);
      if (a.status === 'completed')
        throw conflict('compliance.assessment_completed', 'the assessment is already completed');
      const now = this.s.clock.now().toISOString();
      await trx
        .updateTable('compliance_assessments')
        .set({ status: 'completed', completed_at: now, completed_by: actorId(ctx), updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.s.audit.record(trx, ctx, {
        action: 'compliance_assessment.completed',
        objectType: 'compliance_assessment',
        objectId: id,
        details: { title: a.title },
      });
    });
    return this.get(id);
  }
}
