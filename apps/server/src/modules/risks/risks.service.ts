import { randomUUID } from 'node:crypto';
import type {
  CreateRiskAssessmentRequest,
  CreateRiskMethodologyRequest,
  RiskAssessmentListQuery,
  RiskAssessmentView,
  RiskMethodologyDefinition,
  RiskMethodologyView,
  RiskRatingInput,
  RiskRatingResult,
  RiskScenarioView,
  UpdateRiskAssessmentRequest,
  UpdateRiskMethodologyRequest,
} from '@vigil/contracts';
import { type DB, isUniqueViolation, type RiskAssessmentRow, type RiskScenarioRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { actorId, has, type RequestContext } from '../../platform/context.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import type { AssetService } from '../assets/assets.service.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { SEED_THREATS, SEED_VULNERABILITIES } from './risk-catalogue.seed.js';
import { RiskCatalogueService } from './risk-catalogue.service.js';
import { assertValidMethodology, DEFAULT_METHODOLOGY, evaluateRating } from './risk-methodology.js';
import { RiskScenarioService } from './risk-scenarios.service.js';
import { RiskViewService } from './risk-views.service.js';
import {
  type LoadedMethodology,
  levelView,
  methodologyRef,
  presentMethodology,
  presentScenario,
  type ScenarioContext,
} from './risks.presenter.js';
import { assetsOfScenarios, itemCountsOf, overdueCountsOf } from './risks.repository.js';

/** risks.treat holders without risks.read see only the scenarios they own. */
export const ownerScope = (ctx: RequestContext): string | null =>
  has(ctx, 'risks.read') || has(ctx, 'risks.manage') ? null : (actorId(ctx) ?? '-');

/** Risk management: methodology versions, catalogues, assessments and the views over them. */
export class RiskService {
  readonly scenarios: RiskScenarioService;
  readonly catalogue: RiskCatalogueService;
  readonly views: RiskViewService;
  private seeding: Promise<void> | null = null;
  /** Approved and superseded versions never change, so they are cached; drafts are read fresh. */
  private readonly frozen = new Map<string, LoadedMethodology>();

  constructor(
    readonly db: Kysely<DB>,
    readonly audit: AuditService,
    protected readonly settings: SettingsService,
    readonly assets: AssetService,
    readonly clock: Clock,
  ) {
    this.scenarios = new RiskScenarioService(this);
    this.catalogue = new RiskCatalogueService(this);
    this.views = new RiskViewService(this);
    assets.registerReferrer('riskScenarios', async (trx, assetId) => {
      const row = await trx
        .selectFrom('risk_scenario_assets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('asset_id', '=', assetId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }

  // ---- defaults ---------------------------------------------------------------------------------------

  /** Seeds the default methodology (when there is none) and catalogue codes never seeded before. */
  ready(): Promise<void> {
    this.seeding ??= this.seed().catch((err) => {
      this.seeding = null;
      throw err;
    });
    return this.seeding;
  }

  private async seed(): Promise<void> {
    const now = this.clock.now().toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        const any = await trx.selectFrom('risk_methodologies').select('id').limit(1).executeTakeFirst();
        if (!any)
          await trx
            .insertInto('risk_methodologies')
            .values({
              id: randomUUID(),
              version: 1,
              name: '預設風險評估方法 Default risk methodology',
              notes: '',
              type: 'matrix',
              status: 'approved',
              definition: JSON.stringify(DEFAULT_METHODOLOGY),
              created_by: null,
              created_at: now,
              updated_at: now,
              approved_by: null,
              approved_at: now,
              approval_note: 'Shipped with Vigil',
              superseded_at: null,
            })
            .execute();
        const seeded = new Set(
          (await trx.selectFrom('risk_seed_log').select('code').execute()).map((r) => r.code),
        );
        for (const [table, entries] of [
          ['risk_threats', SEED_THREATS],
          ['risk_vulnerabilities', SEED_VULNERABILITIES],
        ] as const) {
          const missing = entries.filter((e) => !seeded.has(e.code));
          if (missing.length === 0) continue;
          const taken = new Set(
            (
              await trx
                .selectFrom(table)
                .select('code')
                .where(
                  'code',
                  'in',
                  missing.map((e) => e.code),
                )
                .execute()
            ).map((r) => r.code),
          );
          const rows = missing
            .filter((e) => !taken.has(e.code))
            .map((e) => ({
              id: randomUUID(),
              code: e.code,
              name_en: e.en,
              name_zh: e.zh,
              description_en: e.descriptionEn,
              description_zh: e.descriptionZh,
              category: e.category,
              builtin: 1,
              retired_at: null,
              created_at: now,
              updated_at: now,
              ...('assetTypes' in e ? { asset_types: JSON.stringify(e.assetTypes) } : {}),
            }));
          if (rows.length > 0)
            await trx
              .insertInto(table)
              .values(rows as never)
              .execute();
          await trx
            .insertInto('risk_seed_log')
            .values(missing.map((e) => ({ code: e.code, seeded_at: now })))
            .execute();
        }
      });
    } catch (err) {
      // Another process seeded at the same moment.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  today(db: Kysely<DB> = this.db): Promise<string> {
    return organisationToday(db, this.clock.now());
  }

  // ---- methodology ------------------------------------------------------------------------------------

  async methodology(id: string, db: Kysely<DB> = this.db): Promise<LoadedMethodology> {
    const cached = this.frozen.get(id);
    if (cached) return cached;
    const row = await db.selectFrom('risk_methodologies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('risk methodology');
    const loaded = { row, def: JSON.parse(row.definition) as RiskMethodologyDefinition };
    if (row.status !== 'draft') this.frozen.set(id, loaded);
    return loaded;
  }

  async methodologies(
    ids: Iterable<string>,
    db: Kysely<DB> = this.db,
  ): Promise<Map<string, LoadedMethodology>> {
    const out = new Map<string, LoadedMethodology>();
    for (const id of new Set(ids)) out.set(id, await this.methodology(id, db));
    return out;
  }

  async currentMethodologyId(db: Kysely<DB> = this.db): Promise<string | null> {
    await this.ready();
    const row = await db
      .selectFrom('risk_methodologies')
      .select('id')
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async currentMethodology(db: Kysely<DB> = this.db): Promise<LoadedMethodology> {
    const id = await this.currentMethodologyId(db);
    if (!id) throw badRequest('risk.no_approved_methodology', 'no risk methodology has been approved yet');
    return this.methodology(id, db);
  }

  private async methodologyViews(loaded: LoadedMethodology[]): Promise<RiskMethodologyView[]> {
    const users = await usersByIds(
      this.db,
      loaded.flatMap((m) => [m.row.created_by, m.row.approved_by]),
    );
    const ids = loaded.map((m) => m.row.id);
    const counts =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('risk_assessments')
            .select(['methodology_id', (eb) => eb.fn.countAll<number>().as('n')])
            .where('methodology_id', 'in', ids)
            .groupBy('methodology_id')
            .execute();
    const byId = new Map(counts.map((c) => [c.methodology_id, Number(c.n)]));
    return loaded.map((m) => presentMethodology(m, users, byId.get(m.row.id) ?? 0));
  }

  async listMethodologies(): Promise<RiskMethodologyView[]> {
    await this.ready();
    const rows = await this.db
      .selectFrom('risk_methodologies')
      .selectAll()
      .orderBy('version', 'desc')
      .execute();
    return this.methodologyViews(rows.map((row) => ({ row, def: JSON.parse(row.definition) })));
  }

  async getMethodology(id: string | 'current'): Promise<RiskMethodologyView> {
    await this.ready();
    const m = id === 'current' ? await this.currentMethodology() : await this.methodology(id);
    return (await this.methodologyViews([m]))[0] as RiskMethodologyView;
  }

  async createMethodology(
    ctx: RequestContext,
    req: CreateRiskMethodologyRequest,
  ): Promise<RiskMethodologyView> {
    await this.ready();
    const def = req.definition ?? (await this.currentMethodology()).def;
    assertValidMethodology(def);
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const max = await trx
        .selectFrom('risk_methodologies')
        .select((eb) => eb.fn.max<number | null>('version').as('v'))
        .executeTakeFirst();
      const version = Number(max?.v ?? 0) + 1;
      await trx
        .insertInto('risk_methodologies')
        .values({
          id,
          version,
          name: req.name,
          notes: req.notes ?? '',
          type: def.type,
          status: 'draft',
          definition: JSON.stringify(def),
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
          approved_by: null,
          approved_at: null,
          approval_note: null,
          superseded_at: null,
        })
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_methodology.created',
        objectType: 'risk_methodology',
        objectId: id,
        details: { version, name: req.name, type: def.type },
      });
    });
    return this.getMethodology(id);
  }

  private async draft(trx: Kysely<DB>, id: string): Promise<LoadedMethodology> {
    const m = await this.methodology(id, trx);
    if (m.row.status !== 'draft')
      throw conflict('risk.methodology_not_draft', 'only a draft methodology can be changed or deleted');
    return m;
  }

  async updateMethodology(
    ctx: RequestContext,
    id: string,
    req: UpdateRiskMethodologyRequest,
  ): Promise<RiskMethodologyView> {
    await this.db.transaction().execute(async (trx) => {
      const m = await this.draft(trx, id);
      if (req.definition) assertValidMethodology(req.definition);
      await trx
        .updateTable('risk_methodologies')
        .set({
          ...(req.name !== undefined ? { name: req.name } : {}),
          ...(req.notes !== undefined ? { notes: req.notes } : {}),
          ...(req.definition
            ? { definition: JSON.stringify(req.definition), type: req.definition.type }
            : {}),
          updated_at: this.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_methodology.updated',
        objectType: 'risk_methodology',
        objectId: id,
        details: { version: m.row.version, fields: Object.keys(req) },
      });
    });
    return this.getMethodology(id);
  }

  async deleteMethodology(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const m = await this.draft(trx, id);
      await trx.deleteFrom('risk_methodologies').where('id', '=', id).execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_methodology.deleted',
        objectType: 'risk_methodology',
        objectId: id,
        details: { version: m.row.version, name: m.row.name },
      });
    });
  }

  /** Approves a draft; the previously approved version becomes superseded. Assessments keep theirs. */
  async approveMethodology(ctx: RequestContext, id: string, note?: string): Promise<RiskMethodologyView> {
    await this.ready();
    await this.db.transaction().execute(async (trx) => {
      const m = await this.draft(trx, id);
      assertValidMethodology(m.def);
      const now = this.clock.now().toISOString();
      const previous = await trx
        .selectFrom('risk_methodologies')
        .select(['id', 'version'])
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (previous) {
        await trx
          .updateTable('risk_methodologies')
          .set({ status: 'superseded', superseded_at: now, updated_at: now })
          .where('id', '=', previous.id)
          .execute();
        this.frozen.delete(previous.id);
      }
      await trx
        .updateTable('risk_methodologies')
        .set({
          status: 'approved',
          approved_by: actorId(ctx),
          approved_at: now,
          approval_note: note ?? null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_methodology.approved',
        objectType: 'risk_methodology',
        objectId: id,
        details: { version: m.row.version, supersedes: previous?.version ?? null, note: note ?? null },
      });
    });
    this.frozen.delete(id);
    return this.getMethodology(id);
  }

  async evaluate(id: string, input: RiskRatingInput): Promise<RiskRatingResult> {
    await this.ready();
    const m = await this.methodology(id);
    const r = evaluateRating(m.def, input);
    return {
      input,
      level: levelView(m.def, r.level.key),
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      likelihoodScore: r.likelihoodScore,
      impactScore: r.impactScore,
      vector: r.vector,
    };
  }

  // ---- assessments ------------------------------------------------------------------------------------

  async assessmentRow(id: string, db: Kysely<DB> = this.db): Promise<RiskAssessmentRow> {
    const row = await db.selectFrom('risk_assessments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('risk assessment');
    return row;
  }

  async assessmentViews(rows: RiskAssessmentRow[], db: Kysely<DB> = this.db): Promise<RiskAssessmentView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const ms = await this.methodologies(
      rows.map((r) => r.methodology_id),
      db,
    );
    const users = await usersByIds(
      db,
      rows.flatMap((r) => [r.created_by, r.completed_by]),
    );
    const unitIds = [...new Set(rows.flatMap((r) => JSON.parse(r.scope_unit_ids) as string[]))];
    const assetIds = [...new Set(rows.flatMap((r) => JSON.parse(r.scope_asset_ids) as string[]))];
    const copiedIds = rows.map((r) => r.copied_from_id).filter((x): x is string => !!x);
    const [units, assets, copied, statusCounts] = await Promise.all([
      unitIds.length
        ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()
        : [],
      assetIds.length
        ? db.selectFrom('assets').select(['id', 'code', 'name']).where('id', 'in', assetIds).execute()
        : [],
      copiedIds.length
        ? db.selectFrom('risk_assessments').select(['id', 'title']).where('id', 'in', copiedIds).execute()
        : [],
      db
        .selectFrom('risk_scenarios')
        .select([
          'assessment_id',
          'status',
          'methodology_id',
          'current_rank',
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('assessment_id', 'in', ids)
        .groupBy(['assessment_id', 'status', 'methodology_id', 'current_rank'])
        .execute(),
    ]);
    const extraMs = await this.methodologies(
      statusCounts.map((c) => c.methodology_id),
      db,
    );
    const unitMap = new Map(units.map((u) => [u.id, u]));
    const assetMap = new Map(assets.map((a) => [a.id, a]));
    const copiedMap = new Map(copied.map((a) => [a.id, a]));
    return rows.map((r) => {
      const m = ms.get(r.methodology_id) as LoadedMethodology;
      const counts = {
        scenarios: 0,
        open: 0,
        treating: 0,
        awaitingRerating: 0,
        accepted: 0,
        closed: 0,
        unacceptable: 0,
      };
      for (const c of statusCounts.filter((x) => x.assessment_id === r.id)) {
        const n = Number(c.n);
        counts.scenarios += n;
        if (c.status === 'open') counts.open += n;
        if (c.status === 'treating') counts.treating += n;
        if (c.status === 'awaiting_rerating') counts.awaitingRerating += n;
        if (c.status === 'accepted') counts.accepted += n;
        if (c.status === 'closed') counts.closed += n;
        const def = (extraMs.get(c.methodology_id) as LoadedMethodology).def;
        const limit = def.levels.findIndex((l) => l.key === def.acceptance.approverMaxLevel);
        if (c.status !== 'closed' && c.status !== 'accepted' && Number(c.current_rank) > limit)
          counts.unacceptable += n;
      }
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status as RiskAssessmentView['status'],
        methodology: methodologyRef(m),
        scopeUnits: (JSON.parse(r.scope_unit_ids) as string[]).map(
          (id) => unitMap.get(id) ?? { id, name: '' },
        ),
        scopeAssets: (JSON.parse(r.scope_asset_ids) as string[]).map(
          (id) => assetMap.get(id) ?? { id, code: '', name: '' },
        ),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        copiedFrom: (r.copied_from_id && copiedMap.get(r.copied_from_id)) || null,
        createdBy: (r.created_by && users.get(r.created_by)) || null,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        startedAt: r.started_at,
        completedAt: r.completed_at,
        completedBy: (r.completed_by && users.get(r.completed_by)) || null,
        counts,
      };
    });
  }

  async getAssessment(id: string, db: Kysely<DB> = this.db): Promise<RiskAssessmentView> {
    return (await this.assessmentViews([await this.assessmentRow(id, db)], db))[0] as RiskAssessmentView;
  }

  async listAssessments(q: RiskAssessmentListQuery) {
    await this.ready();
    let b = this.db.selectFrom('risk_assessments');
    if (q.status) b = b.where('status', '=', q.status);
    if (q.q) b = b.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
    const [rows, total] = await Promise.all([
      b.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: await this.assessmentViews(rows),
      total: Number(total.n),
      limit: q.limit,
      offset: q.offset,
    };
  }

  private async checkScope(trx: Kysely<DB>, unitIds: string[], assetIds: string[]): Promise<void> {
    if (unitIds.length) {
      const n = await trx.selectFrom('units').select('id').where('id', 'in', unitIds).execute();
      if (n.length !== new Set(unitIds).size)
        throw badRequest('risk.unknown_reference', 'unknown unit in the scope');
    }
    if (assetIds.length) {
      const n = await trx.selectFrom('assets').select('id').where('id', 'in', assetIds).execute();
      if (n.length !== new Set(assetIds).size)
        throw badRequest('risk.unknown_reference', 'unknown asset in the scope');
    }
  }

  async createAssessment(ctx: RequestContext, req: CreateRiskAssessmentRequest): Promise<RiskAssessmentView> {
    await this.ready();
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const m = await this.currentMethodology(trx);
      await this.checkScope(trx, req.scopeUnitIds, req.scopeAssetIds);
      if (req.copyFromAssessmentId) {
        const from = await this.assessmentRow(req.copyFromAssessmentId, trx);
        if (from.status !== 'completed')
          throw conflict('risk.assessment_status', 'an assessment can only start from a completed one');
      }
      await trx
        .insertInto('risk_assessments')
        .values({
          id,
          title: req.title,
          description: req.description ?? '',
          status: 'draft',
          methodology_id: m.row.id,
          scope_unit_ids: JSON.stringify([...new Set(req.scopeUnitIds)]),
          scope_asset_ids: JSON.stringify([...new Set(req.scopeAssetIds)]),
          starts_on: req.startsOn ?? null,
          ends_on: req.endsOn ?? null,
          copied_from_id: req.copyFromAssessmentId ?? null,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
          started_at: null,
          completed_at: null,
          completed_by: null,
        })
        .execute();
      const copied = req.copyFromAssessmentId
        ? await this.scenarios.copyOpenScenarios(trx, req.copyFromAssessmentId, id, m)
        : { copied: 0, skipped: 0 };
      await this.audit.record(trx, ctx, {
        action: 'risk_assessment.created',
        objectType: 'risk_assessment',
        objectId: id,
        details: {
          title: req.title,
          methodologyVersion: m.row.version,
          scopeUnits: req.scopeUnitIds.length,
          scopeAssets: req.scopeAssetIds.length,
          copiedFrom: req.copyFromAssessmentId ?? null,
          ...copied,
        },
      });
    });
    return this.getAssessment(id);
  }

  async updateAssessment(
    ctx: RequestContext,
    id: string,
    req: UpdateRiskAssessmentRequest,
  ): Promise<RiskAssessmentView> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.assessmentRow(id, trx);
      if (row.status === 'completed')
        throw conflict('risk.assessment_completed', 'a completed assessment cannot be changed');
      await this.checkScope(trx, req.scopeUnitIds ?? [], req.scopeAssetIds ?? []);
      await trx
        .updateTable('risk_assessments')
        .set({
          ...(req.title !== undefined ? { title: req.title } : {}),
          ...(req.description !== undefined ? { description: req.description } : {}),
          ...(req.scopeUnitIds ? { scope_unit_ids: JSON.stringify([...new Set(req.scopeUnitIds)]) } : {}),
          ...(req.scopeAssetIds ? { scope_asset_ids: JSON.stringify([...new Set(req.scopeAssetIds)]) } : {}),
          ...(req.startsOn !== undefined ? { starts_on: req.startsOn } : {}),
          ...(req.endsOn !== undefined ? { ends_on: req.endsOn } : {}),
          updated_at: this.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_assessment.updated',
        objectType: 'risk_assessment',
        objectId: id,
        details: { title: row.title, fields: Object.keys(req) },
      });
    });
    return this.getAssessment(id);
  }

  async setAssessmentStatus(
    ctx: RequestContext,
    id: string,
    to: 'in_progress' | 'completed',
  ): Promise<RiskAssessmentView> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.assessmentRow(id, trx);
      const from = to === 'in_progress' ? 'draft' : 'in_progress';
      if (row.status !== from)
        throw conflict(
          'risk.assessment_status',
          `the assessment is ${row.status}; it must be ${from} to become ${to}`,
        );
      const now = this.clock.now().toISOString();
      await trx
        .updateTable('risk_assessments')
        .set(
          to === 'in_progress'
            ? { status: to, started_at: now, updated_at: now }
            : { status: to, completed_at: now, completed_by: actorId(ctx), updated_at: now },
        )
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: to === 'in_progress' ? 'risk_assessment.started' : 'risk_assessment.completed',
        objectType: 'risk_assessment',
        objectId: id,
        details: { title: row.title },
      });
    });
    return this.getAssessment(id);
  }

  async deleteAssessment(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await this.assessmentRow(id, trx);
      if (row.status !== 'draft')
        throw conflict('risk.assessment_status', 'only a draft assessment can be deleted');
      await trx.deleteFrom('risk_assessments').where('id', '=', id).execute();
      await this.audit.record(trx, ctx, {
        action: 'risk_assessment.deleted',
        objectType: 'risk_assessment',
        objectId: id,
        details: { title: row.title },
      });
    });
  }

  // ---- presenting scenarios ---------------------------------------------------------------------------

  /** Everything the scenario views need, in a fixed handful of queries whatever the page size. */
  async scenarioContext(rows: RiskScenarioRow[], db: Kysely<DB> = this.db): Promise<ScenarioContext> {
    const ids = rows.map((r) => r.id);
    const today = await this.today(db);
    const threatIds = [...new Set(rows.map((r) => r.threat_id).filter((x): x is string => !!x))];
    const vulnIds = [...new Set(rows.map((r) => r.vulnerability_id).filter((x): x is string => !!x))];
    const assessmentIds = [...new Set(rows.map((r) => r.assessment_id))];
    const [assets, itemCounts, overdue, acceptances, threats, vulns, assessments, currentId] =
      await Promise.all([
        assetsOfScenarios(db, ids),
        itemCountsOf(db, ids),
        overdueCountsOf(db, ids, today),
        ids.length
          ? db
              .selectFrom('risk_acceptances')
              .selectAll()
              .where('scenario_id', 'in', ids)
              .where('status', '=', 'active')
              .execute()
          : [],
        threatIds.length
          ? db
              .selectFrom('risk_threats')
              .select(['id', 'code', 'name_en', 'name_zh'])
              .where('id', 'in', threatIds)
              .execute()
          : [],
        vulnIds.length
          ? db
              .selectFrom('risk_vulnerabilities')
              .select(['id', 'code', 'name_en', 'name_zh'])
              .where('id', 'in', vulnIds)
              .execute()
          : [],
        assessmentIds.length
          ? db
              .selectFrom('risk_assessments')
              .select(['id', 'title', 'status'])
              .where('id', 'in', assessmentIds)
              .execute()
          : [],
        this.currentMethodologyId(db),
      ]);
    const users = await usersByIds(db, [
      ...rows.map((r) => r.owner_id),
      ...acceptances.flatMap((a) => [a.accepted_by, a.ended_by]),
    ]);
    const assetMap = new Map<string, ScenarioContext['assets'] extends Map<string, infer V> ? V : never>();
    for (const a of assets) {
      const list = assetMap.get(a.scenario_id) ?? [];
      list.push({
        id: a.id,
        code: a.code,
        name: a.name,
        type: a.type,
        unit: a.unit_id ? { id: a.unit_id, name: a.unit_name ?? '' } : null,
        archived: a.archived_at !== null,
      });
      assetMap.set(a.scenario_id, list);
    }
    const ref = (r: { id: string; code: string; name_en: string; name_zh: string }) => ({
      id: r.id,
      code: r.code,
      nameEn: r.name_en,
      nameZh: r.name_zh,
    });
    return {
      methodologies: await this.methodologies(
        rows.map((r) => r.methodology_id),
        db,
      ),
      currentMethodologyId: currentId,
      assessments: new Map(assessments.map((a) => [a.id, a])),
      assets: assetMap,
      threats: new Map(threats.map((t) => [t.id, ref(t)])),
      vulnerabilities: new Map(vulns.map((t) => [t.id, ref(t)])),
      users,
      itemCounts,
      overdue,
      acceptances: new Map(acceptances.map((a) => [a.scenario_id, a])),
    };
  }

  async scenarioViews(rows: RiskScenarioRow[], db: Kysely<DB> = this.db): Promise<RiskScenarioView[]> {
    if (rows.length === 0) return [];
    const c = await this.scenarioContext(rows, db);
    return rows.map((r) => presentScenario(r, c));
  }
}
