import { randomUUID } from 'node:crypto';
import type {
  AcceptRiskRequest,
  CreateRiskScenarioRequest,
  CreateTreatmentItemRequest,
  ReassessRiskRequest,
  RerateRiskRequest,
  RiskAcceptability,
  RiskRatingInput,
  RiskRegisterQuery,
  RiskScenarioDetail,
  RiskScenarioView,
  TreatmentItemListQuery,
  TreatmentItemView,
  UpdateRiskScenarioRequest,
  UpdateTreatmentItemRequest,
} from '@vigil/contracts';
import type { DB, RiskScenarioRow, RiskTreatmentItemRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { actorId, has, type RequestContext, systemContext } from '../../platform/context.js';
import { usersByIds } from '../users/users.repository.js';
import { evaluateRating, type RatingComputation, rankOf } from './risk-methodology.js';
import {
  type LoadedMethodology,
  levelView,
  methodologyRef,
  presentAcceptance,
  presentItem,
} from './risks.presenter.js';
import { listScenarios, nextScenarioSeq, refreshNextDue } from './risks.repository.js';
import { ownerScope, type RiskService } from './risks.service.js';

type Prefix = 'inherent' | 'target' | 'actual';

function ratingColumns(p: Prefix, r: RatingComputation | null) {
  return {
    [`${p}_input`]: r ? JSON.stringify(r.input) : null,
    [`${p}_level`]: r?.level.key ?? null,
    [`${p}_rank`]: r?.rank ?? null,
    [`${p}_likelihood`]: r?.likelihood ?? null,
    [`${p}_impact`]: r?.impact ?? null,
    [`${p}_score`]: r?.score ?? null,
  };
}

const searchText = (code: string, title: string, description: string) =>
  `${code} ${title} ${description}`.toLowerCase();

/** Risk scenarios: rating, treatment plans, re-rating, acceptance and its expiry, the register. */
export class RiskScenarioService {
  constructor(private readonly risks: RiskService) {}

  private get db() {
    return this.risks.db;
  }
  private get audit() {
    return this.risks.audit;
  }
  private now() {
    return this.risks.clock.now().toISOString();
  }

  // ---- reading ----------------------------------------------------------------------------------------

  async row(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<RiskScenarioRow> {
    const row = await db.selectFrom('risk_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
    const scope = ownerScope(ctx);
    if (!row || (scope && row.owner_id !== scope)) throw notFound('risk');
    return row;
  }

  async register(ctx: RequestContext, q: RiskRegisterQuery) {
    await this.risks.ready();
    await this.expireAcceptances();
    const scope = ownerScope(ctx) ?? (q.mine ? actorId(ctx) : null);
    const today = await this.risks.today();
    const { rows, total } = await listScenarios(this.db, q, today, scope);
    return { items: await this.risks.scenarioViews(rows), total, limit: q.limit, offset: q.offset };
  }

  /** All matching rows (for exports). */
  async registerRows(ctx: RequestContext, q: Omit<RiskRegisterQuery, 'limit' | 'offset'>) {
    await this.risks.ready();
    await this.expireAcceptances();
    const scope = ownerScope(ctx) ?? (q.mine ? actorId(ctx) : null);
    const today = await this.risks.today();
    return (await listScenarios(this.db, { ...q, limit: 1, offset: 0 }, today, scope, false)).rows;
  }

  async view(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<RiskScenarioView> {
    return (await this.risks.scenarioViews([await this.row(ctx, id, db)], db))[0] as RiskScenarioView;
  }

  async detail(ctx: RequestContext, id: string): Promise<RiskScenarioDetail> {
    await this.risks.ready();
    await this.expireAcceptances();
    const row = await this.row(ctx, id);
    const base = await this.view(ctx, id);
    const today = await this.risks.today();
    const [items, acceptances, reassessments] = await Promise.all([
      this.db
        .selectFrom('risk_treatment_items')
        .selectAll()
        .where('scenario_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('risk_acceptances')
        .selectAll()
        .where('scenario_id', '=', id)
        .orderBy('accepted_at', 'desc')
        .execute(),
      this.db
        .selectFrom('risk_reassessments')
        .selectAll()
        .where('scenario_id', '=', id)
        .orderBy('at')
        .execute(),
    ]);
    const users = await usersByIds(this.db, [
      row.rerated_by,
      ...items.map((i) => i.owner_id),
      ...acceptances.flatMap((a) => [a.accepted_by, a.ended_by]),
      ...reassessments.map((r) => r.by_user_id),
    ]);
    const ms = await this.risks.methodologies([
      row.methodology_id,
      ...acceptances.map((a) => a.methodology_id),
      ...reassessments.flatMap((r) => [r.from_methodology_id, r.to_methodology_id]),
    ]);
    const m = (id: string) => ms.get(id) as LoadedMethodology;
    const ref = { id: row.id, code: row.code, title: row.title };
    return {
      ...base,
      treatmentItems: items.map((i) => presentItem(i, ref, users, today)),
      acceptances: acceptances.map((a) => presentAcceptance(a, m(a.methodology_id).def, users)),
      reassessments: reassessments.map((r) => ({
        at: r.at,
        by: (r.by_user_id && users.get(r.by_user_id)) || null,
        fromMethodology: methodologyRef(m(r.from_methodology_id)),
        toMethodology: methodologyRef(m(r.to_methodology_id)),
        fromLevel: levelView(m(r.from_methodology_id).def, r.from_level),
        toLevel: levelView(m(r.to_methodology_id).def, r.to_level),
        note: r.note,
      })),
      acceptability: await this.acceptability(ctx, row, m(row.methodology_id)),
      rerateNote: row.rerate_note,
      reratedAt: row.rerated_at,
      reratedBy: (row.rerated_by && users.get(row.rerated_by)) || null,
    };
  }

  // ---- writing scenarios ------------------------------------------------------------------------------

  private async checkRefs(
    trx: Kysely<DB>,
    req: {
      assetIds?: string[];
      threatId?: string | null;
      vulnerabilityId?: string | null;
      ownerId?: string | null;
    },
  ) {
    if (req.assetIds) {
      const found = await trx.selectFrom('assets').select('id').where('id', 'in', req.assetIds).execute();
      if (found.length !== new Set(req.assetIds).size)
        throw badRequest('risk.unknown_reference', 'unknown asset');
    }
    if (req.threatId) {
      const t = await trx
        .selectFrom('risk_threats')
        .select('id')
        .where('id', '=', req.threatId)
        .executeTakeFirst();
      if (!t) throw badRequest('risk.unknown_reference', 'unknown threat');
    }
    if (req.vulnerabilityId) {
      const v = await trx
        .selectFrom('risk_vulnerabilities')
        .select('id')
        .where('id', '=', req.vulnerabilityId)
        .executeTakeFirst();
      if (!v) throw badRequest('risk.unknown_reference', 'unknown vulnerability');
    }
    if (req.ownerId) {
      const u = await trx
        .selectFrom('users')
        .select(['id', 'disabled_at'])
        .where('id', '=', req.ownerId)
        .executeTakeFirst();
      if (!u || u.disabled_at)
        throw badRequest('risk.unknown_reference', 'the risk owner must be an active user');
    }
  }

  private async defaultTitle(trx: Kysely<DB>, threatId?: string | null, vulnId?: string | null) {
    const parts: string[] = [];
    if (threatId) {
      const t = await trx
        .selectFrom('risk_threats')
        .select('name_zh')
        .where('id', '=', threatId)
        .executeTakeFirst();
      if (t) parts.push(t.name_zh);
    }
    if (vulnId) {
      const v = await trx
        .selectFrom('risk_vulnerabilities')
        .select('name_zh')
        .where('id', '=', vulnId)
        .executeTakeFirst();
      if (v) parts.push(v.name_zh);
    }
    return parts.join(' / ') || '風險情境';
  }

  private async setAssets(trx: Kysely<DB>, scenarioId: string, assetIds: string[]) {
    await trx.deleteFrom('risk_scenario_assets').where('scenario_id', '=', scenarioId).execute();
    const unique = [...new Set(assetIds)];
    await trx
      .insertInto('risk_scenario_assets')
      .values(unique.map((asset_id, position) => ({ scenario_id: scenarioId, asset_id, position })))
      .execute();
  }

  async create(
    ctx: RequestContext,
    assessmentId: string,
    req: CreateRiskScenarioRequest,
  ): Promise<RiskScenarioView> {
    await this.risks.ready();
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const a = await this.risks.assessmentRow(assessmentId, trx);
      if (a.status === 'completed')
        throw conflict('risk.assessment_completed', 'scenarios cannot be added to a completed assessment');
      const m = await this.risks.methodology(a.methodology_id, trx);
      const inherent = evaluateRating(m.def, req.inherent);
      const target = req.target ? evaluateRating(m.def, req.target) : null;
      await this.checkRefs(trx, req);
      const seq = await nextScenarioSeq(trx);
      const code = `R-${String(seq).padStart(5, '0')}`;
      const title = req.title ?? (await this.defaultTitle(trx, req.threatId, req.vulnerabilityId));
      const now = this.now();
      await trx
        .insertInto('risk_scenarios')
        .values({
          id,
          seq,
          code,
          assessment_id: assessmentId,
          methodology_id: m.row.id,
          title,
          description: req.description ?? '',
          existing_controls: req.existingControls ?? '',
          threat_id: req.threatId ?? null,
          vulnerability_id: req.vulnerabilityId ?? null,
          owner_id: req.ownerId ?? null,
          treatment_option: req.treatmentOption ?? null,
          planned_controls: req.plannedControls ?? '',
          status: 'open',
          ...(ratingColumns('inherent', inherent) as Record<string, never>),
          ...(ratingColumns('target', target) as Record<string, never>),
          ...(ratingColumns('actual', null) as Record<string, never>),
          current_level: inherent.level.key,
          current_rank: inherent.rank,
          next_due_on: null,
          rerate_note: null,
          rerated_at: null,
          rerated_by: null,
          search_text: searchText(code, title, req.description ?? ''),
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
      await this.setAssets(trx, id, req.assetIds);
      await this.audit.record(trx, ctx, {
        action: 'risk.created',
        objectType: 'risk',
        objectId: id,
        details: { code, title, assessmentId, inherentLevel: inherent.level.key, assetIds: req.assetIds },
      });
    });
    return this.view(ctx, id);
  }

  async update(ctx: RequestContext, id: string, req: UpdateRiskScenarioRequest): Promise<RiskScenarioDetail> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      const a = await this.risks.assessmentRow(s.assessment_id, trx);
      if (req.inherent && a.status === 'completed')
        throw conflict(
          'risk.assessment_completed',
          'the assessment is completed; re-assess the risk instead',
        );
      const m = await this.risks.methodology(s.methodology_id, trx);
      await this.checkRefs(trx, req);
      const set: Record<string, unknown> = { updated_at: this.now() };
      const changes: Record<string, unknown> = {};
      if (req.inherent) {
        const r = evaluateRating(m.def, req.inherent);
        Object.assign(set, ratingColumns('inherent', r));
        if (!s.actual_input) Object.assign(set, { current_level: r.level.key, current_rank: r.rank });
        changes.inherentLevel = [s.inherent_level, r.level.key];
      }
      if (req.target !== undefined) {
        const r = req.target ? evaluateRating(m.def, req.target) : null;
        Object.assign(set, ratingColumns('target', r));
        changes.targetLevel = [s.target_level, r?.level.key ?? null];
      }
      const simple = {
        title: 'title',
        description: 'description',
        existingControls: 'existing_controls',
        threatId: 'threat_id',
        vulnerabilityId: 'vulnerability_id',
        ownerId: 'owner_id',
        treatmentOption: 'treatment_option',
        plannedControls: 'planned_controls',
      } as const;
      for (const [k, col] of Object.entries(simple)) {
        const v = req[k as keyof typeof simple];
        if (v === undefined) continue;
        set[col] = v;
        changes[k] = [s[col], v];
      }
      set.search_text = searchText(
        s.code,
        (set.title as string | undefined) ?? s.title,
        (set.description as string | undefined) ?? s.description,
      );
      await trx.updateTable('risk_scenarios').set(set).where('id', '=', id).execute();
      if (req.assetIds) {
        await this.setAssets(trx, id, req.assetIds);
        changes.assetIds = req.assetIds;
      }
      await this.audit.record(trx, ctx, {
        action: 'risk.updated',
        objectType: 'risk',
        objectId: id,
        details: { code: s.code, changes },
      });
    });
    return this.detail(ctx, id);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      const a = await this.risks.assessmentRow(s.assessment_id, trx);
      if (a.status === 'completed')
        throw conflict(
          'risk.assessment_completed',
          'risks of a completed assessment cannot be deleted; close them',
        );
      await trx.deleteFrom('risk_scenarios').where('id', '=', id).execute();
      await this.audit.record(trx, ctx, {
        action: 'risk.deleted',
        objectType: 'risk',
        objectId: id,
        details: { code: s.code, title: s.title },
      });
    });
  }

  /** Moves the scenario to the current approved methodology with a fresh rating; old and new levels kept. */
  async reassess(ctx: RequestContext, id: string, req: ReassessRiskRequest): Promise<RiskScenarioDetail> {
    await this.risks.ready();
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      if (s.status === 'closed')
        throw conflict('risk.invalid_state', 'a closed risk cannot be re-assessed; reopen it');
      const m = await this.risks.currentMethodology(trx);
      const inherent = evaluateRating(m.def, req.inherent);
      const target = req.target ? evaluateRating(m.def, req.target) : null;
      const now = this.now();
      await trx
        .updateTable('risk_scenarios')
        .set({
          methodology_id: m.row.id,
          ...(ratingColumns('inherent', inherent) as Record<string, never>),
          ...(ratingColumns('target', target) as Record<string, never>),
          ...(ratingColumns('actual', null) as Record<string, never>),
          current_level: inherent.level.key,
          current_rank: inherent.rank,
          rerate_note: null,
          rerated_at: null,
          rerated_by: null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('risk_reassessments')
        .values({
          id: randomUUID(),
          scenario_id: id,
          at: now,
          by_user_id: actorId(ctx),
          from_methodology_id: s.methodology_id,
          to_methodology_id: m.row.id,
          from_level: s.inherent_level,
          to_level: inherent.level.key,
          note: req.note ?? '',
        })
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk.reassessed',
        objectType: 'risk',
        objectId: id,
        details: {
          code: s.code,
          fromMethodology: s.methodology_id,
          toMethodology: m.row.id,
          fromLevel: s.inherent_level,
          toLevel: inherent.level.key,
        },
      });
    });
    return this.detail(ctx, id);
  }

  private assertOwnerOrManager(ctx: RequestContext, s: RiskScenarioRow) {
    if (has(ctx, 'risks.manage')) return;
    if (has(ctx, 'risks.treat') && s.owner_id === actorId(ctx)) return;
    throw new AppError(403, 'risk.not_owner', 'only the risk owner or a risk manager may do this');
  }

  /** Records the actual residual rating after treatment (effectiveness against the target). */
  async rerate(ctx: RequestContext, id: string, req: RerateRiskRequest): Promise<RiskScenarioDetail> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      this.assertOwnerOrManager(ctx, s);
      if (s.status === 'closed' || s.status === 'accepted')
        throw conflict('risk.invalid_state', `a ${s.status} risk cannot be re-rated`);
      const m = await this.risks.methodology(s.methodology_id, trx);
      const actual = evaluateRating(m.def, req.actual);
      const now = this.now();
      await trx
        .updateTable('risk_scenarios')
        .set({
          ...(ratingColumns('actual', actual) as Record<string, never>),
          current_level: actual.level.key,
          current_rank: actual.rank,
          status: s.status === 'awaiting_rerating' ? 'open' : s.status,
          rerate_note: req.note ?? null,
          rerated_at: now,
          rerated_by: actorId(ctx),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk.rerated',
        objectType: 'risk',
        objectId: id,
        details: {
          code: s.code,
          targetLevel: s.target_level,
          actualLevel: actual.level.key,
          effectiveness: s.target_rank === null ? null : actual.rank <= s.target_rank ? 'met' : 'not_met',
        },
      });
    });
    return this.detail(ctx, id);
  }

  async close(ctx: RequestContext, id: string, reason: string): Promise<RiskScenarioDetail> {
    await this.transition(ctx, id, 'risk.closed', reason, (s) => {
      if (s.status === 'closed') throw conflict('risk.invalid_state', 'the risk is already closed');
      return 'closed';
    });
    return this.detail(ctx, id);
  }

  async reopen(ctx: RequestContext, id: string): Promise<RiskScenarioDetail> {
    await this.transition(ctx, id, 'risk.reopened', null, (s) => {
      if (s.status !== 'closed') throw conflict('risk.invalid_state', 'only a closed risk can be reopened');
      return 'open';
    });
    return this.detail(ctx, id);
  }

  private async transition(
    ctx: RequestContext,
    id: string,
    action: string,
    reason: string | null,
    next: (s: RiskScenarioRow) => string,
  ) {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      const to = next(s);
      const now = this.now();
      if (s.status === 'accepted') await this.endAcceptance(trx, ctx, id, 'revoked', reason ?? action);
      await trx
        .updateTable('risk_scenarios')
        .set({ status: to, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action,
        objectType: 'risk',
        objectId: id,
        details: { code: s.code, from: s.status, to, reason },
      });
    });
  }

  // ---- acceptance -------------------------------------------------------------------------------------

  private async approverName(
    m: LoadedMethodology,
    db: Kysely<DB>,
  ): Promise<{ kind: 'role' | 'user'; id: string; name: string }> {
    const a = m.def.acceptance.approver;
    if (a.kind === 'role') {
      const role = await db
        .selectFrom('roles')
        .select(['name_en'])
        .where('id', '=', a.roleId)
        .executeTakeFirst();
      return { kind: 'role', id: a.roleId, name: role?.name_en ?? a.roleId };
    }
    const u = await db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', a.userId)
      .executeTakeFirst();
    return { kind: 'user', id: a.userId, name: u?.display_name ?? a.userId };
  }

  private isApprover(ctx: RequestContext, m: LoadedMethodology): boolean {
    if (ctx.actor?.kind !== 'user' || !has(ctx, 'risks.approve')) return false;
    const a = m.def.acceptance.approver;
    return a.kind === 'role' ? ctx.actor.roles.includes(a.roleId) : ctx.actor.userId === a.userId;
  }

  /** Whose decision the acceptance is, and whether the caller may take it. */
  async acceptability(
    ctx: RequestContext,
    s: RiskScenarioRow,
    m: LoadedMethodology,
    db: Kysely<DB> = this.db,
  ): Promise<RiskAcceptability> {
    const c = m.def.acceptance;
    const rank = s.current_rank;
    const ownerMax = rankOf(m.def, c.ownerMaxLevel);
    const approverMax = rankOf(m.def, c.approverMaxLevel);
    const isOwner = has(ctx, 'risks.treat') && s.owner_id !== null && s.owner_id === actorId(ctx);
    const approver = await this.approverName(m, db);
    // The CLI and the system (demo data, maintenance) act for the organisation within the criteria.
    const tool = ctx.actor !== null && ctx.actor.kind !== 'user';
    if (rank <= ownerMax)
      return {
        acceptable: true,
        tier: 'owner',
        approver,
        canAccept: tool || isOwner || (this.isApprover(ctx, m) && rank <= approverMax),
      };
    if (rank <= approverMax)
      return { acceptable: true, tier: 'approver', approver, canAccept: tool || this.isApprover(ctx, m) };
    return { acceptable: false, tier: null, approver: null, canAccept: false };
  }

  async accept(ctx: RequestContext, id: string, req: AcceptRiskRequest): Promise<RiskScenarioDetail> {
    await this.risks.ready();
    await this.expireAcceptances();
    await this.db.transaction().execute(async (trx) => {
      // Approvers may accept risks they do not own, so the lookup is not owner-scoped for them.
      const s = await trx.selectFrom('risk_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
      const scope = ownerScope(ctx);
      if (!s || (scope && !has(ctx, 'risks.approve') && s.owner_id !== scope)) throw notFound('risk');
      if (s.status === 'accepted' || s.status === 'closed')
        throw conflict('risk.invalid_state', `the risk is ${s.status}`);
      const today = await this.risks.today(trx);
      if (req.expiresOn <= today)
        throw badRequest('risk.acceptance_expiry_invalid', 'the acceptance must expire after today');
      const m = await this.risks.methodology(s.methodology_id, trx);
      const level = levelView(m.def, s.current_level);
      const ability = await this.acceptability(ctx, s, m, trx);
      if (!ability.acceptable)
        throw conflict(
          'risk.not_acceptable',
          `a ${level.en} risk is above the acceptance criteria; it can only be treated`,
        );
      if (!ability.canAccept) {
        const who =
          ability.tier === 'owner'
            ? 'the risk owner'
            : `the approver named in the methodology (${ability.approver?.kind} ${ability.approver?.name}) holding risks.approve`;
        throw new AppError(
          403,
          'risk.acceptance_not_allowed',
          `only ${who} may accept this ${level.en} risk`,
          {
            tier: ability.tier,
            ownerId: s.owner_id,
            approver: ability.approver,
          },
        );
      }
      const ownerMax = rankOf(m.def, m.def.acceptance.ownerMaxLevel);
      const tier = s.owner_id === actorId(ctx) && s.current_rank <= ownerMax ? 'owner' : 'approver';
      const now = this.now();
      const acceptanceId = randomUUID();
      await trx
        .insertInto('risk_acceptances')
        .values({
          id: acceptanceId,
          scenario_id: id,
          methodology_id: m.row.id,
          level: s.current_level,
          tier,
          accepted_by: actorId(ctx),
          accepted_at: now,
          reason: req.reason,
          expires_on: req.expiresOn,
          status: 'active',
          ended_at: null,
          ended_by: null,
          end_reason: null,
        })
        .execute();
      await trx
        .updateTable('risk_scenarios')
        .set({ status: 'accepted', updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk.accepted',
        objectType: 'risk',
        objectId: id,
        details: {
          code: s.code,
          level: s.current_level,
          tier,
          reason: req.reason,
          expiresOn: req.expiresOn,
          acceptanceId,
        },
      });
    });
    return this.detail(ctx, id);
  }

  private async endAcceptance(
    trx: Kysely<DB>,
    ctx: RequestContext,
    scenarioId: string,
    status: 'expired' | 'revoked',
    reason: string,
  ) {
    await trx
      .updateTable('risk_acceptances')
      .set({ status, ended_at: this.now(), ended_by: actorId(ctx), end_reason: reason })
      .where('scenario_id', '=', scenarioId)
      .where('status', '=', 'active')
      .execute();
  }

  async revokeAcceptance(ctx: RequestContext, id: string, reason: string): Promise<RiskScenarioDetail> {
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, id, trx);
      if (s.status !== 'accepted') throw conflict('risk.not_accepted', 'the risk is not accepted');
      await this.endAcceptance(trx, ctx, id, 'revoked', reason);
      await trx
        .updateTable('risk_scenarios')
        .set({ status: 'open', updated_at: this.now() })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'risk.acceptance_revoked',
        objectType: 'risk',
        objectId: id,
        details: { code: s.code, reason },
      });
    });
    return this.detail(ctx, id);
  }

  /**
   * Reopens risks whose acceptance has expired (expiry date reached in the organisation's time zone).
   * Cheap when nothing is due: one indexed query. Returns how many were reopened.
   */
  async expireAcceptances(): Promise<number> {
    const today = await this.risks.today();
    const due = await this.db
      .selectFrom('risk_acceptances')
      .select(['id', 'scenario_id', 'expires_on'])
      .where('status', '=', 'active')
      .where('expires_on', '<=', today)
      .execute();
    if (due.length === 0) return 0;
    const ctx = systemContext('risk-acceptance-expiry');
    await this.db.transaction().execute(async (trx) => {
      const now = this.now();
      for (const a of due) {
        const updated = await trx
          .updateTable('risk_acceptances')
          .set({ status: 'expired', ended_at: now, ended_by: null, end_reason: 'expired' })
          .where('id', '=', a.id)
          .where('status', '=', 'active')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) continue;
        const s = await trx
          .selectFrom('risk_scenarios')
          .select(['code', 'status'])
          .where('id', '=', a.scenario_id)
          .executeTakeFirstOrThrow();
        if (s.status === 'accepted')
          await trx
            .updateTable('risk_scenarios')
            .set({ status: 'open', updated_at: now })
            .where('id', '=', a.scenario_id)
            .execute();
        await this.audit.record(trx, ctx, {
          action: 'risk.acceptance_expired',
          objectType: 'risk',
          objectId: a.scenario_id,
          details: { code: s.code, acceptanceId: a.id, expiresOn: a.expires_on },
        });
      }
    });
    return due.length;
  }

  /** Runs the expiry check now and then hourly (start-up hook in main.ts); returns a stop function. */
  startExpiryChecks(onError: (err: unknown) => void, everyMs = 60 * 60_000): () => void {
    const run = () => {
      this.risks
        .ready()
        .then(() => this.expireAcceptances())
        .catch(onError);
    };
    run();
    const timer = setInterval(run, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  // ---- treatment items --------------------------------------------------------------------------------

  /** open ↔ treating ↔ awaiting_rerating follows the items (accepted and closed are left alone). */
  private async syncTreatmentStatus(trx: Kysely<DB>, s: RiskScenarioRow): Promise<void> {
    await refreshNextDue(trx, s.id);
    if (s.status === 'accepted' || s.status === 'closed') return;
    const items = await trx
      .selectFrom('risk_treatment_items')
      .select('status')
      .where('scenario_id', '=', s.id)
      .execute();
    let next = s.status;
    const finished = items.filter((i) => i.status === 'done' || i.status === 'cancelled').length;
    if (items.length === 0) next = s.status === 'treating' ? 'open' : s.status;
    else if (finished === items.length)
      next = s.status === 'open' && s.actual_input ? 'open' : 'awaiting_rerating';
    else next = 'treating';
    if (s.status === 'awaiting_rerating' && finished === items.length) next = 'awaiting_rerating';
    if (next !== s.status)
      await trx
        .updateTable('risk_scenarios')
        .set({ status: next, updated_at: this.now() })
        .where('id', '=', s.id)
        .execute();
  }

  private async itemView(item: RiskTreatmentItemRow, db: Kysely<DB> = this.db): Promise<TreatmentItemView> {
    const s = await db
      .selectFrom('risk_scenarios')
      .select(['id', 'code', 'title'])
      .where('id', '=', item.scenario_id)
      .executeTakeFirstOrThrow();
    return presentItem(item, s, await usersByIds(db, [item.owner_id]), await this.risks.today(db));
  }

  async createItem(
    ctx: RequestContext,
    scenarioId: string,
    req: CreateTreatmentItemRequest,
  ): Promise<TreatmentItemView> {
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const s = await this.row(ctx, scenarioId, trx);
      this.assertOwnerOrManager(ctx, s);
      if (s.status === 'closed') throw conflict('risk.invalid_state', 'the risk is closed');
      await this.checkRefs(trx, { ownerId: req.ownerId ?? null });
      const now = this.now();
      const status = req.status ?? 'todo';
      await trx
        .insertInto('risk_treatment_items')
        .values({
          id,
          scenario_id: scenarioId,
          title: req.title,
          description: req.description ?? '',
          controls: req.controls ?? '',
          owner_id: req.ownerId ?? null,
          due_on: req.dueOn ?? null,
          status,
          completed_at: status === 'done' ? now : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.syncTreatmentStatus(trx, s);
      await this.audit.record(trx, ctx, {
        action: 'risk_treatment_item.created',
        objectType: 'risk_treatment_item',
        objectId: id,
        details: { risk: s.code, title: req.title, dueOn: req.dueOn ?? null, ownerId: req.ownerId ?? null },
      });
    });
    const item = await this.db
      .selectFrom('risk_treatment_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return this.itemView(item);
  }

  private async itemRow(ctx: RequestContext, id: string, db: Kysely<DB>) {
    const item = await db
      .selectFrom('risk_treatment_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!item) throw notFound('treatment item');
    const s = await db
      .selectFrom('risk_scenarios')
      .selectAll()
      .where('id', '=', item.scenario_id)
      .executeTakeFirstOrThrow();
    const scope = ownerScope(ctx);
    if (scope && s.owner_id !== scope && item.owner_id !== scope) throw notFound('treatment item');
    return { item, s };
  }

  async updateItem(
    ctx: RequestContext,
    id: string,
    req: UpdateTreatmentItemRequest,
  ): Promise<TreatmentItemView> {
    await this.db.transaction().execute(async (trx) => {
      const { item, s } = await this.itemRow(ctx, id, trx);
      if (!has(ctx, 'risks.manage')) {
        const me = actorId(ctx);
        if (!has(ctx, 'risks.treat') || (s.owner_id !== me && item.owner_id !== me))
          throw new AppError(
            403,
            'risk.not_owner',
            'only the risk owner, the item owner or a risk manager may change this item',
          );
        const extra = Object.keys(req).filter((k) => k !== 'status' && k !== 'description');
        if (s.owner_id !== me && extra.length > 0) throw forbidden();
      }
      await this.checkRefs(trx, { ownerId: req.ownerId ?? null });
      const now = this.now();
      const set: Record<string, unknown> = { updated_at: now };
      const changes: Record<string, unknown> = {};
      const map = {
        title: 'title',
        description: 'description',
        controls: 'controls',
        ownerId: 'owner_id',
        dueOn: 'due_on',
        status: 'status',
      } as const;
      for (const [k, col] of Object.entries(map)) {
        const v = req[k as keyof typeof map];
        if (v === undefined) continue;
        set[col] = v;
        changes[k] = [item[col], v];
      }
      if (req.status) set.completed_at = req.status === 'done' ? (item.completed_at ?? now) : null;
      await trx.updateTable('risk_treatment_items').set(set).where('id', '=', id).execute();
      await this.syncTreatmentStatus(trx, s);
      await this.audit.record(trx, ctx, {
        action: 'risk_treatment_item.updated',
        objectType: 'risk_treatment_item',
        objectId: id,
        details: { risk: s.code, title: item.title, changes },
      });
    });
    const item = await this.db
      .selectFrom('risk_treatment_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return this.itemView(item);
  }

  async deleteItem(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { item, s } = await this.itemRow(ctx, id, trx);
      await trx.deleteFrom('risk_treatment_items').where('id', '=', id).execute();
      await this.syncTreatmentStatus(trx, s);
      await this.audit.record(trx, ctx, {
        action: 'risk_treatment_item.deleted',
        objectType: 'risk_treatment_item',
        objectId: id,
        details: { risk: s.code, title: item.title },
      });
    });
  }

  async listItems(ctx: RequestContext, q: TreatmentItemListQuery) {
    await this.risks.ready();
    const today = await this.risks.today();
    const scope = ownerScope(ctx);
    let b = this.db
      .selectFrom('risk_treatment_items as i')
      .innerJoin('risk_scenarios as s', 's.id', 'i.scenario_id');
    if (scope) b = b.where((eb) => eb.or([eb('s.owner_id', '=', scope), eb('i.owner_id', '=', scope)]));
    if (q.mine) b = b.where('i.owner_id', '=', actorId(ctx) ?? '-');
    if (q.scenarioId) b = b.where('i.scenario_id', '=', q.scenarioId);
    if (q.ownerId) b = b.where('i.owner_id', '=', q.ownerId);
    if (q.status) b = b.where('i.status', '=', q.status);
    if (q.overdue === true)
      b = b.where('i.status', 'not in', ['done', 'cancelled']).where('i.due_on', '<', today);
    if (q.overdue === false)
      b = b.where((eb) =>
        eb.or([
          eb('i.status', 'in', ['done', 'cancelled']),
          eb('i.due_on', 'is', null),
          eb('i.due_on', '>=', today),
        ]),
      );
    const [rows, total] = await Promise.all([
      b
        .selectAll('i')
        .select(['s.code as s_code', 's.title as s_title'])
        .orderBy('i.due_on')
        .orderBy('i.id')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
      b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const users = await usersByIds(
      this.db,
      rows.map((r) => r.owner_id),
    );
    return {
      items: rows.map((r) =>
        presentItem(r, { id: r.scenario_id, code: r.s_code, title: r.s_title }, users, today),
      ),
      total: Number(total.n),
      limit: q.limit,
      offset: q.offset,
    };
  }

  // ---- copying ----------------------------------------------------------------------------------------

  /** Copies the scenarios of a completed assessment that are not closed, rated on the new methodology. */
  async copyOpenScenarios(
    trx: Kysely<DB>,
    fromId: string,
    toId: string,
    m: LoadedMethodology,
  ): Promise<{ copied: number; skipped: number }> {
    const rows = await trx
      .selectFrom('risk_scenarios')
      .selectAll()
      .where('assessment_id', '=', fromId)
      .where('status', '!=', 'closed')
      .orderBy('seq')
      .execute();
    let copied = 0;
    let skipped = 0;
    let seq = await nextScenarioSeq(trx);
    const now = this.now();
    for (const s of rows) {
      const rate = (json: string | null): RatingComputation | null => {
        if (!json) return null;
        try {
          return evaluateRating(m.def, JSON.parse(json) as RiskRatingInput);
        } catch {
          return null;
        }
      };
      // The residual of the last round is this round's starting point when it was re-rated.
      const inherent = rate(s.actual_input ?? s.inherent_input);
      if (!inherent) {
        skipped++;
        continue;
      }
      const id = randomUUID();
      const mySeq = seq++;
      const code = `R-${String(mySeq).padStart(5, '0')}`;
      await trx
        .insertInto('risk_scenarios')
        .values({
          ...s,
          id,
          seq: mySeq,
          code,
          assessment_id: toId,
          methodology_id: m.row.id,
          status: 'open',
          ...(ratingColumns('inherent', inherent) as Record<string, never>),
          ...(ratingColumns('target', rate(s.target_input)) as Record<string, never>),
          ...(ratingColumns('actual', null) as Record<string, never>),
          current_level: inherent.level.key,
          current_rank: inherent.rank,
          next_due_on: null,
          rerate_note: null,
          rerated_at: null,
          rerated_by: null,
          search_text: searchText(code, s.title, s.description),
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
      const assets = await trx
        .selectFrom('risk_scenario_assets')
        .select('asset_id')
        .where('scenario_id', '=', s.id)
        .orderBy('position')
        .execute();
      await this.setAssets(
        trx,
        id,
        assets.map((a) => a.asset_id),
      );
      copied++;
    }
    return { copied, skipped };
  }
}
