import { randomUUID } from 'node:crypto';
import type {
  AssetCampaignItemView,
  AssetCampaignSummary,
  AssetCampaignView,
  AssetStatus,
  AssetType,
  CampaignItemStatus,
  CampaignProgress,
  ConfirmCampaignItemRequest,
  CreateAssetCampaignRequest,
} from '@vigil/contracts';
import type { AssetCampaignItemRow, AssetCampaignRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { organisationToday } from '../org/org.repository.js';
import { presentAsset } from './assets.presenter.js';
import { chunks, findNamedAssets, identifiersOf } from './assets.repository.js';
import type { AssetService } from './assets.service.js';

type Names = Map<string, { id: string; displayName: string; username: string }>;

const emptyProgress = (): CampaignProgress => ({
  total: 0,
  confirmed: 0,
  corrected: 0,
  pending: 0,
  overdue: 0,
});

function userIdOf(ctx: RequestContext): string | null {
  return ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
}

/**
 * Inventory confirmation campaigns (P2.1.1): a snapshot of the in-scope assets with owners; each owner
 * confirms or corrects their own by the deadline; closing freezes the campaign as a record.
 */
export class AssetCampaignService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly assets: AssetService,
    private readonly clock: Clock,
  ) {}

  /** The chosen units and every unit below them (a campaign for a division covers its sections). */
  private async unitScope(db: Kysely<DB>, unitIds: string[]): Promise<string[] | null> {
    if (unitIds.length === 0) return null;
    const units = await db.selectFrom('units').select(['id', 'parent_id']).execute();
    const known = new Set(units.map((u) => u.id));
    const unknown = unitIds.filter((u) => !known.has(u));
    if (unknown.length)
      throw new AppError(400, 'campaign.unknown_unit', `unknown unit: ${unknown.join(', ')}`, {
        units: unknown,
      });
    const scope = new Set(unitIds);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units)
        if (u.parent_id && scope.has(u.parent_id) && !scope.has(u.id)) {
          scope.add(u.id);
          grew = true;
        }
    }
    return [...scope];
  }

  async create(ctx: RequestContext, req: CreateAssetCampaignRequest): Promise<AssetCampaignView> {
    const today = await organisationToday(this.db, this.clock.now());
    if (req.deadline < today)
      throw new AppError(400, 'campaign.deadline_past', 'the deadline must be today or later');
    const id = await this.db.transaction().execute(async (trx) => {
      const units = await this.unitScope(trx, req.unitIds);
      let q = trx
        .selectFrom('assets')
        .select(['id', 'code', 'name', 'type', 'owner_id', 'unit_id'])
        .where('archived_at', 'is', null)
        .where('status', '!=', 'disposed');
      if (units) q = q.where('unit_id', 'in', units);
      const inScope = await q.orderBy('code').execute();
      const owned = inScope.filter((a) => a.owner_id !== null);
      if (owned.length === 0)
        throw new AppError(400, 'campaign.no_assets', 'no asset with an owner is in the chosen scope');
      const now = this.clock.now().toISOString();
      const campaign: AssetCampaignRow = {
        id: randomUUID(),
        title: req.title,
        deadline: req.deadline,
        note: req.note ?? null,
        unit_ids: JSON.stringify(req.unitIds),
        status: 'open',
        unowned: inScope.length - owned.length,
        final_counts: null,
        created_at: now,
        created_by: userIdOf(ctx),
        closed_at: null,
        closed_by: null,
      };
      await trx.insertInto('asset_campaigns').values(campaign).execute();
      const items: AssetCampaignItemRow[] = owned.map((a) => ({
        id: randomUUID(),
        campaign_id: campaign.id,
        asset_id: a.id,
        asset_code: a.code,
        asset_name: a.name,
        asset_type: a.type,
        owner_id: a.owner_id,
        unit_id: a.unit_id,
        status: 'pending',
        confirmed_at: null,
        confirmed_by: null,
        note: null,
        changes: '{}',
      }));
      for (const part of chunks(items, 200))
        await trx.insertInto('asset_campaign_items').values(part).execute();
      await this.audit.record(trx, ctx, {
        action: 'campaign.create',
        objectType: 'asset_campaign',
        objectId: campaign.id,
        details: {
          title: req.title,
          deadline: req.deadline,
          unitIds: req.unitIds,
          items: items.length,
          unowned: campaign.unowned,
        },
      });
      return campaign.id;
    });
    return this.get(id);
  }

  private async names(db: Kysely<DB>, ids: (string | null)[]): Promise<Names> {
    const wanted = [...new Set(ids.filter((v): v is string => v !== null))];
    const map: Names = new Map();
    for (const part of chunks(wanted)) {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'username'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) map.set(r.id, { id: r.id, displayName: r.display_name, username: r.username });
    }
    return map;
  }

  private async unitNames(db: Kysely<DB>): Promise<Map<string, string>> {
    const rows = await db.selectFrom('units').select(['id', 'name']).execute();
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** Counts per unit (and in total); pending items count as overdue once the deadline has passed. */
  private async progress(db: Kysely<DB>, campaigns: AssetCampaignRow[]) {
    const today = await organisationToday(db, this.clock.now());
    const out = new Map<string, { total: CampaignProgress; byUnit: Map<string | null, CampaignProgress> }>();
    for (const c of campaigns) out.set(c.id, { total: emptyProgress(), byUnit: new Map() });
    for (const part of chunks(campaigns.map((c) => c.id))) {
      const rows = await db
        .selectFrom('asset_campaign_items')
        .select(['campaign_id', 'unit_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('campaign_id', 'in', part)
        .groupBy(['campaign_id', 'unit_id', 'status'])
        .execute();
      for (const r of rows) {
        const c = campaigns.find((x) => x.id === r.campaign_id)!;
        // A closed campaign is judged on the day it closed, so the record does not keep changing.
        const asOf = c.closed_at ? await organisationToday(db, new Date(c.closed_at)) : today;
        const entry = out.get(r.campaign_id)!;
        const unit = entry.byUnit.get(r.unit_id) ?? emptyProgress();
        entry.byUnit.set(r.unit_id, unit);
        for (const p of [entry.total, unit]) {
          const n = Number(r.n);
          p.total += n;
          p[r.status as CampaignItemStatus] += n;
          if (r.status === 'pending' && asOf > c.deadline) p.overdue += n;
        }
      }
    }
    return out;
  }

  private summarise(
    c: AssetCampaignRow,
    total: CampaignProgress,
    users: Names,
    units: Map<string, string>,
  ): AssetCampaignSummary {
    return {
      id: c.id,
      title: c.title,
      deadline: c.deadline,
      note: c.note,
      status: c.status as 'open' | 'closed',
      units: (JSON.parse(c.unit_ids) as string[]).map((id) => ({ id, name: units.get(id) ?? '' })),
      createdAt: c.created_at,
      createdBy: (c.created_by && users.get(c.created_by)) || null,
      closedAt: c.closed_at,
      closedBy: (c.closed_by && users.get(c.closed_by)) || null,
      unowned: Number(c.unowned),
      progress: total,
    };
  }

  async list(q: { limit: number; offset: number; status?: 'open' | 'closed' | undefined }) {
    let base = this.db.selectFrom('asset_campaigns');
    if (q.status) base = base.where('status', '=', q.status);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const [progress, users, units] = await Promise.all([
      this.progress(this.db, rows),
      this.names(
        this.db,
        rows.flatMap((r) => [r.created_by, r.closed_by]),
      ),
      this.unitNames(this.db),
    ]);
    return {
      items: rows.map((r) => this.summarise(r, progress.get(r.id)!.total, users, units)),
      total: Number(count.n),
      limit: q.limit,
      offset: q.offset,
    };
  }

  async get(id: string, db: Kysely<DB> = this.db): Promise<AssetCampaignView> {
    const c = await db.selectFrom('asset_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('campaign');
    const [progress, users, units] = await Promise.all([
      this.progress(db, [c]),
      this.names(db, [c.created_by, c.closed_by]),
      this.unitNames(db),
    ]);
    const p = progress.get(c.id)!;
    return {
      ...this.summarise(c, p.total, users, units),
      byUnit: [...p.byUnit.entries()]
        .map(([unitId, counts]) => ({
          unit: unitId ? { id: unitId, name: units.get(unitId) ?? '' } : null,
          ...counts,
        }))
        .sort((a, b) => (a.unit?.name ?? '\uffff').localeCompare(b.unit?.name ?? '\uffff')),
    };
  }

  async items(
    id: string,
    q: {
      limit: number;
      offset: number;
      status?: string | undefined;
      unitId?: string | undefined;
      ownerId?: string | undefined;
    },
  ) {
    await this.get(id);
    let base = this.db.selectFrom('asset_campaign_items').where('campaign_id', '=', id);
    if (q.status) base = base.where('status', '=', q.status);
    if (q.unitId) base = base.where('unit_id', '=', q.unitId);
    if (q.ownerId) base = base.where('owner_id', '=', q.ownerId);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('asset_code').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: await this.presentItems(this.db, rows),
      total: Number(count.n),
      limit: q.limit,
      offset: q.offset,
    };
  }

  private async presentItems(db: Kysely<DB>, rows: AssetCampaignItemRow[]): Promise<AssetCampaignItemView[]> {
    const [users, units, current] = await Promise.all([
      this.names(
        db,
        rows.flatMap((r) => [r.owner_id, r.confirmed_by]),
      ),
      this.unitNames(db),
      db
        .selectFrom('assets')
        .select(['id', 'status', 'archived_at'])
        .where('id', 'in', rows.length ? rows.map((r) => r.asset_id) : [''])
        .execute(),
    ]);
    const live = new Map(current.map((a) => [a.id, a]));
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaign_id,
      asset: {
        id: r.asset_id,
        code: r.asset_code,
        name: r.asset_name,
        type: r.asset_type as AssetType,
        status: (live.get(r.asset_id)?.status ?? 'disposed') as AssetStatus,
        archived: live.get(r.asset_id)?.archived_at != null,
      },
      owner: (r.owner_id && users.get(r.owner_id)) || null,
      unit: r.unit_id ? { id: r.unit_id, name: units.get(r.unit_id) ?? '' } : null,
      status: r.status as CampaignItemStatus,
      confirmedAt: r.confirmed_at,
      confirmedBy: (r.confirmed_by && users.get(r.confirmed_by)) || null,
      note: r.note,
      changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]>,
    }));
  }

  /** The caller's pending items in open campaigns, each with the asset as it is now. */
  async mine(ctx: RequestContext) {
    const me = userIdOf(ctx);
    if (!me) return { items: [] };
    const rows = await this.db
      .selectFrom('asset_campaign_items as i')
      .innerJoin('asset_campaigns as c', 'c.id', 'i.campaign_id')
      .select(['i.id', 'i.asset_id', 'i.status', 'c.id as campaign_id', 'c.title', 'c.deadline'])
      .where('i.owner_id', '=', me)
      .where('i.status', '=', 'pending')
      .where('c.status', '=', 'open')
      .orderBy('c.deadline')
      .orderBy('i.asset_code')
      .limit(1000)
      .execute();
    const ids = rows.map((r) => r.asset_id);
    const [assets, idents, today] = await Promise.all([
      findNamedAssets(this.db, ids),
      identifiersOf(this.db, ids),
      organisationToday(this.db, this.clock.now()),
    ]);
    const byId = new Map(assets.map((a) => [a.id, a]));
    return {
      items: rows
        .filter((r) => byId.has(r.asset_id))
        .map((r) => ({
          id: r.id,
          status: r.status as CampaignItemStatus,
          campaign: { id: r.campaign_id, title: r.title, deadline: r.deadline, overdue: today > r.deadline },
          asset: presentAsset(byId.get(r.asset_id)!, idents.get(r.asset_id) ?? []),
        })),
    };
  }

  /** The owner confirms an item, applying their corrections to the asset first (as an audited update). */
  async confirm(
    ctx: RequestContext,
    campaignId: string,
    itemId: string,
    req: ConfirmCampaignItemRequest,
  ): Promise<AssetCampaignItemView> {
    const today = await organisationToday(this.db, this.clock.now());
    return this.db.transaction().execute(async (trx) => {
      const item = await trx
        .selectFrom('asset_campaign_items')
        .selectAll()
        .where('id', '=', itemId)
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      // Someone else's item is as invisible as a missing one.
      if (!item || item.owner_id !== userIdOf(ctx)) throw notFound('campaign item');
      const campaign = await trx
        .selectFrom('asset_campaigns')
        .select(['status', 'title'])
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow();
      if (campaign.status !== 'open') throw new AppError(409, 'campaign.closed', 'the campaign is closed');
      if (item.status !== 'pending')
        throw new AppError(409, 'campaign.item_done', 'this asset was already confirmed in the campaign');
      const changes =
        req.corrections && Object.keys(req.corrections).length > 0
          ? await this.assets.updateIn(trx, ctx, item.asset_id, req.corrections, today, { campaignId })
          : {};
      const status = Object.keys(changes).length > 0 ? 'corrected' : 'confirmed';
      const now = this.clock.now().toISOString();
      const updated: AssetCampaignItemRow = {
        ...item,
        status,
        confirmed_at: now,
        confirmed_by: userIdOf(ctx),
        note: req.note ?? null,
        changes: JSON.stringify(changes),
      };
      await trx
        .updateTable('asset_campaign_items')
        .set({
          status,
          confirmed_at: now,
          confirmed_by: updated.confirmed_by,
          note: updated.note,
          changes: updated.changes,
        })
        .where('id', '=', itemId)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'asset.confirm',
        objectType: 'asset',
        objectId: item.asset_id,
        details: { campaignId, campaign: campaign.title, itemId, status, note: updated.note, changes: {} },
      });
      return (await this.presentItems(trx, [updated]))[0]!;
    });
  }

  /** Freezes the campaign: no more confirmations; the final counts are recorded. */
  async close(ctx: RequestContext, id: string): Promise<AssetCampaignView> {
    await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('asset_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
      if (!c) throw notFound('campaign');
      if (c.status !== 'open') throw new AppError(409, 'campaign.closed', 'the campaign is already closed');
      const now = this.clock.now().toISOString();
      const closed = { ...c, status: 'closed', closed_at: now, closed_by: userIdOf(ctx) };
      const counts = (await this.progress(trx, [closed])).get(id)!.total;
      await trx
        .updateTable('asset_campaigns')
        .set({
          status: 'closed',
          closed_at: now,
          closed_by: closed.closed_by,
          final_counts: JSON.stringify(counts),
        })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'campaign.close',
        objectType: 'asset_campaign',
        objectId: id,
        details: { title: c.title, counts, unowned: Number(c.unowned) },
      });
    });
    return this.get(id);
  }
}
