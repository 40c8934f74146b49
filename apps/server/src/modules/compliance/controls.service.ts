import { randomUUID } from 'node:crypto';
import type {
  AppliedControlListQuery,
  AppliedControlView,
  CreateAppliedControlRequest,
  UpdateAppliedControlRequest,
} from '@vigil/contracts';
import type { AppliedControlRow, DB } from '@vigil/db';
import { addMonths } from '@vigil/frameworks';
import type { Kysely } from 'kysely';
import { conflict, notFound } from '../../http/errors.js';
import { actorId, type RequestContext } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { organisationToday } from '../org/org.repository.js';
import { usersByIds } from '../users/users.repository.js';
import { presentControl } from './compliance.presenter.js';
import { assertIdsExist, unique } from './compliance.shared.js';
import {
  controlLinks,
  listControls,
  nextControlCode,
  replaceLinks,
  replaceRequirements,
} from './controls.repository.js';
import { assertRequirementsExist } from './framework-data.js';

type ControlInput = CreateAppliedControlRequest | UpdateAppliedControlRequest;

/** Applied controls: the organisation's own measures, linked to requirements, assets, risks and evidence. */
export class ControlService {
  constructor(private readonly s: Services) {}

  async views(rows: AppliedControlRow[], db: Kysely<DB> = this.s.db): Promise<AppliedControlView[]> {
    const [links, users, today] = await Promise.all([
      controlLinks(
        db,
        rows.map((r) => r.id),
      ),
      usersByIds(
        db,
        rows.flatMap((r) => [r.owner_id, r.effectiveness_rated_by]),
      ),
      organisationToday(db, this.s.clock.now()),
    ]);
    return rows.map((r) => presentControl(r, links, users, today));
  }

  async list(q: AppliedControlListQuery): Promise<AppliedControlView[]> {
    const today = await organisationToday(this.s.db, this.s.clock.now());
    return this.views(await listControls(this.s.db, q, today));
  }

  async row(id: string, db: Kysely<DB> = this.s.db): Promise<AppliedControlRow> {
    const row = await db.selectFrom('applied_controls').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('applied control');
    return row;
  }

  async get(id: string): Promise<AppliedControlView> {
    return (await this.views([await this.row(id)]))[0] as AppliedControlView;
  }

  private async validate(trx: Kysely<DB>, req: ControlInput): Promise<void> {
    if (req.ownerId) await assertIdsExist(trx, 'users', [req.ownerId], 'compliance.unknown_user');
    await assertIdsExist(trx, 'assets', req.assetIds, 'compliance.unknown_asset');
    await assertIdsExist(trx, 'risk_scenarios', req.riskIds, 'compliance.unknown_risk');
    await assertIdsExist(trx, 'evidence', req.evidenceIds, 'compliance.unknown_evidence');
    if (req.requirements) await assertRequirementsExist(trx, req.requirements);
  }

  private async writeLinks(trx: Kysely<DB>, id: string, req: ControlInput): Promise<void> {
    if (req.requirements) await replaceRequirements(trx, id, req.requirements);
    if (req.assetIds) await replaceLinks(trx, 'applied_control_assets', id, 'asset_id', unique(req.assetIds));
    if (req.riskIds) await replaceLinks(trx, 'applied_control_risks', id, 'scenario_id', unique(req.riskIds));
    if (req.evidenceIds)
      await replaceLinks(trx, 'evidence_controls', id, 'evidence_id', unique(req.evidenceIds));
  }

  async create(ctx: RequestContext, req: CreateAppliedControlRequest): Promise<AppliedControlView> {
    const id = randomUUID();
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      await this.validate(trx, req);
      const code = req.code ?? (await nextControlCode(trx));
      const taken = await trx
        .selectFrom('applied_controls')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirst();
      if (taken) throw conflict('compliance.control_code_taken', `an applied control ${code} already exists`);
      const today = await organisationToday(trx, this.s.clock.now());
      const rated = req.effectiveness && req.effectiveness !== 'not_rated';
      await trx
        .insertInto('applied_controls')
        .values({
          id,
          code,
          name: req.name,
          description: req.description ?? '',
          owner_id: req.ownerId ?? null,
          status: req.status ?? 'planned',
          category: req.category,
          review_months: req.reviewMonths ?? null,
          next_review_on: req.nextReviewOn ?? (req.reviewMonths ? addMonths(today, req.reviewMonths) : null),
          effectiveness: req.effectiveness ?? 'not_rated',
          effectiveness_rated_at: rated ? now : null,
          effectiveness_rated_by: rated ? actorId(ctx) : null,
          created_by: actorId(ctx),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.writeLinks(trx, id, req);
      await this.s.audit.record(trx, ctx, {
        action: 'applied_control.created',
        objectType: 'applied_control',
        objectId: id,
        details: {
          code,
          name: req.name,
          status: req.status ?? 'planned',
          requirements: req.requirements ?? [],
        },
      });
    });
    return this.get(id);
  }

  async update(
    ctx: RequestContext,
    id: string,
    req: UpdateAppliedControlRequest,
  ): Promise<AppliedControlView> {
    const now = this.s.clock.now().toISOString();
    await this.s.db.transaction().execute(async (trx) => {
      const before = await this.row(id, trx);
      await this.validate(trx, req);
      const today = await organisationToday(trx, this.s.clock.now());
      const rerated = req.effectiveness !== undefined && req.effectiveness !== before.effectiveness;
      const months = req.reviewMonths === undefined ? before.review_months : req.reviewMonths;
      // A new rating is a review: the next one falls due a review period later, unless a date is given.
      const nextReview =
        req.nextReviewOn !== undefined
          ? req.nextReviewOn
          : rerated && months
            ? addMonths(today, months)
            : req.reviewMonths !== undefined && months && !before.next_review_on
              ? addMonths(today, months)
              : undefined;
      await trx
        .updateTable('applied_controls')
        .set({
          ...(req.name !== undefined ? { name: req.name } : {}),
          ...(req.description !== undefined ? { description: req.description } : {}),
          ...(req.ownerId !== undefined ? { owner_id: req.ownerId } : {}),
          ...(req.status !== undefined ? { status: req.status } : {}),
          ...(req.category !== undefined ? { category: req.category } : {}),
          ...(req.reviewMonths !== undefined ? { review_months: req.reviewMonths } : {}),
          ...(nextReview !== undefined ? { next_review_on: nextReview } : {}),
          ...(rerated
            ? {
                effectiveness: req.effectiveness,
                effectiveness_rated_at: now,
                effectiveness_rated_by: actorId(ctx),
              }
            : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.writeLinks(trx, id, req);
      const changes: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(req)) if (v !== undefined) changes[k] = v;
      if (rerated) changes.effectivenessFrom = before.effectiveness;
      if (req.status && req.status !== before.status) changes.statusFrom = before.status;
      await this.s.audit.record(trx, ctx, {
        action: rerated ? 'applied_control.rated' : 'applied_control.updated',
        objectType: 'applied_control',
        objectId: id,
        details: { code: before.code, changes },
      });
    });
    return this.get(id);
  }
}
