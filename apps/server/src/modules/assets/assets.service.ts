import { randomUUID } from 'node:crypto';
import {
  type AssetListQuery,
  type AssetValuationSettings,
  type AssetView,
  assetValuationSettings,
  type CreateAssetRequest,
  DEFAULT_ASSET_VALUATION,
  type DeleteAssetResponse,
  UNIQUE_IDENTIFIER_KINDS,
  type UpdateAssetRequest,
} from '@vigil/contracts';
import { type DB, isUniqueViolation } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import type { SettingsService } from '../../platform/settings/settings.service.js';
import { organisationToday } from '../org/org.repository.js';
import { AssetCampaignService } from './asset-campaigns.service.js';
import { applyImport, type ImportRow, type ImportRowError, validateImport } from './asset-import.js';
import { AssetRelations } from './asset-relations.js';
import {
  type AssetState,
  applyFields,
  checkAsset,
  diffStates,
  type RuleError,
  type RuleLookups,
  rowOf,
  stateFromRow,
} from './asset-rules.js';
import { assetValue, CODE_PREFIX, formatCode } from './asset-valuation.js';
import { presentAsset } from './assets.presenter.js';
import {
  deleteIdentifiers,
  existingUnitIds,
  findAsset,
  findNamedAsset,
  identifierHolders,
  identifiersOf,
  insertAssets,
  insertIdentifiers,
  listAssets,
  reserveCodeNumbers,
  takenCodes,
  updateAssetRow,
  usersByIds,
} from './assets.repository.js';

export type { ImportRow, ImportRowError };

/** Counts the records of another module that refer to an asset (inside the deleting transaction). */
export type AssetReferrer = (trx: Kysely<DB>, assetId: string) => Promise<number>;

const VALUATION_KEY = 'asset_valuation';

const API_ERRORS: Record<string, [number, string]> = {
  bad_identifier: [400, 'asset.bad_identifier'],
  out_of_range: [400, 'asset.rating_out_of_range'],
  legal_rating_off: [400, 'asset.legal_rating_off'],
  unknown_classification: [400, 'asset.unknown_classification'],
  protection_not_applicable: [400, 'asset.protection_not_applicable'],
  unknown_owner: [400, 'asset.unknown_owner'],
  unknown_custodian: [400, 'asset.unknown_custodian'],
  unknown_unit: [400, 'asset.unknown_unit'],
  bad_dates: [400, 'asset.bad_dates'],
  duplicate_identifier: [409, 'asset.duplicate_identifier'],
};

function ruleFailure(errors: RuleError[]): AppError {
  const first = errors[0]!;
  const [status, code] = API_ERRORS[first.code] ?? [400, `asset.${first.code}`];
  return new AppError(status, code, first.message, { field: first.field, ...first.details, errors });
}

/** The user whose own assets bound what the caller may see, or null when they may see the whole inventory. */
export function ownScope(ctx: RequestContext): string | null {
  return ctx.actor?.kind === 'user' && !ctx.actor.permissions.has('assets.read') ? ctx.actor.userId : null;
}

/**
 * The asset inventory: CRUD with the inventory's rules, valuation settings, relations, history, archive
 * on delete, the importer's bulk API, and inventory confirmation campaigns (`campaigns`).
 */
export class AssetService {
  private readonly referrers = new Map<string, AssetReferrer>();
  readonly relations: AssetRelations;
  readonly campaigns: AssetCampaignService;

  constructor(
    protected readonly db: Kysely<DB>,
    protected readonly audit: AuditService,
    protected readonly settings: SettingsService,
    protected readonly clock: Clock,
  ) {
    this.relations = new AssetRelations(db, audit, clock);
    this.campaigns = new AssetCampaignService(db, audit, this, clock);
    this.registerReferrer('campaignItems', async (trx, assetId) => {
      const row = await trx
        .selectFrom('asset_campaign_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('asset_id', '=', assetId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }

  /**
   * Declares that records of another module refer to assets. Deleting an asset with any reference archives
   * it instead, so those records never point at nothing.
   */
  registerReferrer(name: string, count: AssetReferrer): void {
    this.referrers.set(name, count);
  }

  // ---- valuation settings -------------------------------------------------------------------------------

  async valuation(db: Kysely<DB> = this.db): Promise<AssetValuationSettings> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', VALUATION_KEY)
      .executeTakeFirst();
    return row ? assetValuationSettings.parse(JSON.parse(row.value)) : DEFAULT_ASSET_VALUATION;
  }

  /** Same as `valuation()`, under the name the import/export service uses. */
  valuationSettings(): Promise<AssetValuationSettings> {
    return this.valuation();
  }

  /** Replaces the settings; refused while assets hold ratings or classifications the new settings lack. */
  async updateValuation(ctx: RequestContext, next: AssetValuationSettings): Promise<AssetValuationSettings> {
    const keys = next.classifications.map((c) => c.key);
    if (new Set(keys).size !== keys.length)
      throw new AppError(400, 'asset.duplicate_classification', 'each classification key must be unique');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.valuation(trx);
      const max = next.scaleMax;
      const out = await trx
        .selectFrom('assets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([
            eb('confidentiality', '>', max),
            eb('integrity', '>', max),
            eb('availability', '>', max),
            eb('legal', '>', max),
          ]),
        )
        .executeTakeFirstOrThrow();
      const removed = before.classifications.map((c) => c.key).filter((k) => !keys.includes(k));
      const inUse: Record<string, number> = {};
      if (removed.length > 0) {
        const rows = await trx
          .selectFrom('assets')
          .select(['classification', (eb) => eb.fn.countAll<number>().as('n')])
          .where('classification', 'in', removed)
          .groupBy('classification')
          .execute();
        for (const r of rows) if (r.classification) inUse[r.classification] = Number(r.n);
      }
      if (Number(out.n) > 0 || Object.keys(inUse).length > 0)
        throw new AppError(
          409,
          'asset.settings_in_use',
          'assets still use ratings or classifications these settings would remove',
          { ratingsOutOfRange: Number(out.n), classificationsInUse: inUse },
        );
      const now = this.clock.now().toISOString();
      const by = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
      const value = JSON.stringify(next);
      await trx
        .insertInto('settings')
        .values({ key: VALUATION_KEY, value, updated_at: now, updated_by: by })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: by }))
        .execute();
      const recomputed =
        before.valueRule !== next.valueRule || before.legalRating !== next.legalRating
          ? await this.recomputeValues(trx, next)
          : 0;
      await this.audit.record(trx, ctx, {
        action: 'asset.settings_update',
        objectType: 'settings',
        objectId: VALUATION_KEY,
        details: { before, after: next, valuesRecomputed: recomputed },
      });
      return next;
    });
  }

  private async recomputeValues(trx: Kysely<DB>, settings: AssetValuationSettings): Promise<number> {
    const rows = await trx
      .selectFrom('assets')
      .select(['id', 'confidentiality', 'integrity', 'availability', 'legal', 'value'])
      .execute();
    const byValue = new Map<number | null, string[]>();
    for (const r of rows) {
      const v = assetValue(r, settings);
      if (v === (r.value === null ? null : Number(r.value))) continue;
      byValue.set(v, [...(byValue.get(v) ?? []), r.id]);
    }
    let n = 0;
    for (const [v, ids] of byValue)
      for (let i = 0; i < ids.length; i += 400) {
        const part = ids.slice(i, i + 400);
        await trx.updateTable('assets').set({ value: v }).where('id', 'in', part).execute();
        n += part.length;
      }
    return n;
  }

  // ---- reading ------------------------------------------------------------------------------------------

  async list(ctx: RequestContext, q: AssetListQuery) {
    const { limit, offset, sort, order, mine, ...filter } = q;
    const scope = ownScope(ctx);
    const mineOf = scope ?? (mine && ctx.actor?.kind === 'user' ? ctx.actor.userId : undefined);
    const { rows, total } = await listAssets(this.db, { ...filter, mineOf }, sort, order, limit, offset);
    const ids = await identifiersOf(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => presentAsset(r, ids.get(r.id) ?? [])), total, limit, offset };
  }

  /** One asset as the API shows it; not found when missing or outside the caller's own assets. */
  async get(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<AssetView> {
    const row = await findNamedAsset(db, id);
    const scope = ownScope(ctx);
    if (!row || (scope && row.owner_id !== scope && row.custodian_id !== scope)) throw notFound('asset');
    return presentAsset(row, (await identifiersOf(db, [id])).get(id) ?? []);
  }

  /** Change history from the audit trail, newest first. */
  async history(ctx: RequestContext, id: string) {
    await this.get(ctx, id);
    const rows = await this.db
      .selectFrom('audit_entries')
      .select(['seq', 'at', 'action', 'actor_label', 'details'])
      .where('object_type', '=', 'asset')
      .where('object_id', '=', id)
      .orderBy('seq', 'desc')
      .limit(500)
      .execute();
    return {
      items: rows.map((r) => {
        const details = JSON.parse(r.details) as { changes?: Record<string, [unknown, unknown]> };
        return {
          seq: Number(r.seq),
          at: r.at,
          action: r.action,
          actor: r.actor_label,
          changes: details.changes && typeof details.changes === 'object' ? details.changes : {},
        };
      }),
    };
  }

  // ---- writing ------------------------------------------------------------------------------------------

  /** Loads what the rules need for these states in a few batched queries. */
  async lookupsFor(db: Kysely<DB>, states: AssetState[]): Promise<RuleLookups> {
    const userIds = states.flatMap((s) => [s.ownerId, s.custodianId]).filter((v): v is string => v !== null);
    const unitIds = states.map((s) => s.unitId).filter((v): v is string => v !== null);
    const idents = states.flatMap((s) =>
      s.status === 'disposed' ? [] : s.identifiers.filter((i) => UNIQUE_IDENTIFIER_KINDS.includes(i.kind)),
    );
    const [users, units, holders] = await Promise.all([
      userIds.length ? usersByIds(db, userIds) : new Map(),
      unitIds.length ? existingUnitIds(db, unitIds) : new Set<string>(),
      idents.length ? identifierHolders(db, idents) : new Map(),
    ]);
    return { users, units, holders };
  }

  /** Generates `count` free codes for a type prefix (HW-0001…), skipping codes people typed in by hand. */
  async generateCodes(trx: Kysely<DB>, prefix: string, count: number): Promise<string[]> {
    const out: string[] = [];
    while (out.length < count) {
      const need = count - out.length;
      const first = await reserveCodeNumbers(trx, prefix, need);
      const candidates = Array.from({ length: need }, (_, i) => formatCode(prefix, first + i));
      const taken = await takenCodes(trx, candidates);
      out.push(...candidates.filter((c) => !taken.has(c)));
    }
    return out;
  }

  async create(ctx: RequestContext, req: CreateAssetRequest): Promise<AssetView> {
    const today = await organisationToday(this.db, this.clock.now());
    const id = randomUUID();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const settings = await this.valuation(trx);
        const { state, errors } = applyFields(null, req, today);
        if (errors.length) throw ruleFailure(errors);
        const ruleErrors = checkAsset(state, settings, await this.lookupsFor(trx, [state]), null);
        if (ruleErrors.length) throw ruleFailure(ruleErrors);
        let code = req.code;
        if (code) {
          if ((await takenCodes(trx, [code])).size) throw codeTaken(code);
        } else code = (await this.generateCodes(trx, CODE_PREFIX[state.type], 1))[0]!;
        const now = this.clock.now().toISOString();
        await insertAssets(trx, [
          rowOf(id, code, state, settings, { createdAt: now, updatedAt: now, archivedAt: null }),
        ]);
        await insertIdentifiers(trx, [{ assetId: id, identifiers: state.identifiers }]);
        await this.audit.record(trx, ctx, {
          action: 'asset.create',
          objectType: 'asset',
          objectId: id,
          details: { code, changes: { code: [null, code], ...diffStates(null, state) } },
        });
        return this.get({ ...ctx, actor: null }, id, trx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(req.code ?? '');
      throw err;
    }
  }

  async update(ctx: RequestContext, id: string, req: UpdateAssetRequest): Promise<AssetView> {
    const today = await organisationToday(this.db, this.clock.now());
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.updateIn(trx, ctx, id, req, today);
        return this.get({ ...ctx, actor: null }, id, trx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(req.code ?? '');
      throw err;
    }
  }

  /**
   * Applies an update inside the caller's transaction and records it with its field changes; `extra` goes
   * into the audit details (e.g. the campaign a correction came from). Answers the changes.
   */
  async updateIn(
    trx: Kysely<DB>,
    ctx: RequestContext,
    id: string,
    req: UpdateAssetRequest,
    today: string,
    extra: Record<string, unknown> = {},
  ): Promise<Record<string, [unknown, unknown]>> {
    const row = await findAsset(trx, id);
    if (!row) throw notFound('asset');
    if (row.archived_at)
      throw new AppError(409, 'asset.archived', 'restore the archived asset before changing it');
    const settings = await this.valuation(trx);
    const before = stateFromRow(row, (await identifiersOf(trx, [id])).get(id) ?? []);
    const { state, errors } = applyFields(before, req, today);
    if (errors.length) throw ruleFailure(errors);
    const ruleErrors = checkAsset(state, settings, await this.lookupsFor(trx, [state]), id);
    if (ruleErrors.length) throw ruleFailure(ruleErrors);
    const changes = diffStates(before, state);
    const code = req.code ?? row.code;
    if (code !== row.code) {
      if ((await takenCodes(trx, [code])).size) throw codeTaken(code);
      changes.code = [row.code, code];
    }
    if (Object.keys(changes).length === 0) return changes;
    const now = this.clock.now().toISOString();
    await updateAssetRow(
      trx,
      rowOf(id, code, state, settings, { createdAt: row.created_at, updatedAt: now, archivedAt: null }),
    );
    if (changes.identifiers) {
      await deleteIdentifiers(trx, [id]);
      await insertIdentifiers(trx, [{ assetId: id, identifiers: state.identifiers }]);
    }
    if (changes.ownerId) {
      // A new owner inherits the asset's unconfirmed items in open campaigns; confirmed ones keep who did it.
      await trx
        .updateTable('asset_campaign_items')
        .set({ owner_id: state.ownerId })
        .where('asset_id', '=', id)
        .where('status', '=', 'pending')
        .where(
          'campaign_id',
          'in',
          trx.selectFrom('asset_campaigns').select('id').where('status', '=', 'open'),
        )
        .execute();
    }
    await this.audit.record(trx, ctx, {
      action: 'asset.update',
      objectType: 'asset',
      objectId: id,
      details: { code, changes, ...extra },
    });
    return changes;
  }

  /** Deletes the asset, or archives it when other records still refer to it. */
  async remove(ctx: RequestContext, id: string): Promise<DeleteAssetResponse> {
    return this.db.transaction().execute(async (trx) => {
      const row = await findAsset(trx, id);
      if (!row) throw notFound('asset');
      const references: Record<string, number> = {};
      for (const [name, count] of this.referrers) {
        const n = await count(trx, id);
        if (n > 0) references[name] = n;
      }
      if (Object.keys(references).length > 0) {
        if (!row.archived_at) {
          const now = this.clock.now().toISOString();
          await trx
            .updateTable('assets')
            .set({ archived_at: now, updated_at: now })
            .where('id', '=', id)
            .execute();
          await this.audit.record(trx, ctx, {
            action: 'asset.archive',
            objectType: 'asset',
            objectId: id,
            details: { code: row.code, references, changes: { archivedAt: [null, now] } },
          });
        }
        return { outcome: 'archived' as const, references };
      }
      const removed = await this.relations.removeAllOf(trx, ctx, row);
      await trx.deleteFrom('assets').where('id', '=', id).execute();
      await this.audit.record(trx, ctx, {
        action: 'asset.delete',
        objectType: 'asset',
        objectId: id,
        details: { code: row.code, name: row.name, relationsRemoved: removed },
      });
      return { outcome: 'deleted' as const, references };
    });
  }

  /** Brings an archived asset back into the inventory (its identifiers must still be free). */
  async restore(ctx: RequestContext, id: string): Promise<AssetView> {
    return this.db.transaction().execute(async (trx) => {
      const row = await findAsset(trx, id);
      if (!row) throw notFound('asset');
      if (!row.archived_at) throw new AppError(409, 'asset.not_archived', 'the asset is not archived');
      const state = stateFromRow(row, (await identifiersOf(trx, [id])).get(id) ?? []);
      const dup = checkAsset(
        state,
        await this.valuation(trx),
        await this.lookupsFor(trx, [state]),
        id,
      ).filter((e) => e.code === 'duplicate_identifier');
      if (dup.length) throw ruleFailure(dup);
      const now = this.clock.now().toISOString();
      await trx
        .updateTable('assets')
        .set({ archived_at: null, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.audit.record(trx, ctx, {
        action: 'asset.restore',
        objectType: 'asset',
        objectId: id,
        details: { code: row.code, changes: { archivedAt: [row.archived_at, null] } },
      });
      return this.get({ ...ctx, actor: null }, id, trx);
    });
  }

  // ---- bulk (the importer) ------------------------------------------------------------------------------

  /**
   * Checks import rows without writing anything. A row whose `fields.code` names an existing asset updates
   * that asset with every field given; any other row creates an asset. Answers every error found, each with
   * its row number, field and a code: bad_enum / invalid (the row does not match the contract),
   * unknown_owner, unknown_custodian, unknown_unit, out_of_range, legal_rating_off, unknown_classification,
   * protection_not_applicable, bad_identifier, bad_dates, duplicate_identifier (inside the file or against
   * the inventory), duplicate_code (the same code twice in the file), archived (the code names an archived
   * asset).
   */
  async validateImport(rows: ImportRow[]): Promise<ImportRowError[]> {
    const today = await organisationToday(this.db, this.clock.now());
    return (await validateImport(this, this.db, rows, today)).errors;
  }

  /**
   * Applies import rows all-or-nothing in one transaction: re-validates inside it (any error → AppError
   * 400 `asset.import_invalid` with the row errors in details, nothing written), then writes in batches,
   * one audit entry per asset (asset.create / asset.update with its changes) and one `asset.import` summary.
   */
  async applyImport(
    ctx: RequestContext,
    rows: ImportRow[],
    meta: { fileName?: string; sha256: string },
  ): Promise<{ created: number; updated: number }> {
    const today = await organisationToday(this.db, this.clock.now());
    return this.db
      .transaction()
      .execute((trx) => applyImport(this, trx, this.audit, ctx, rows, meta, today, this.clock));
  }
}

function codeTaken(code: string): AppError {
  return new AppError(409, 'asset.code_taken', `another asset already has the code ${code}`, { code });
}
