import { randomUUID } from 'node:crypto';
import type {
  CreateRiskThreatRequest,
  CreateRiskVulnerabilityRequest,
  RiskCatalogueQuery,
  RiskThreatView,
  RiskVulnerabilityView,
  UpdateRiskThreatRequest,
  UpdateRiskVulnerabilityRequest,
} from '@vigil/contracts';
import { type DB, isUniqueViolation } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { presentThreat, presentVulnerability } from './risks.presenter.js';

import type { RiskService } from './risks.service.js';

export type Catalogue = 'risk_threats' | 'risk_vulnerabilities';

/** The threat and vulnerability catalogues: seeded once, editable, retired rather than deleted when in use. */
export class RiskCatalogueService {
  constructor(private readonly risks: RiskService) {}

  // -------------------------------------------------------------------------------------

  private async usage(
    table: Catalogue,
    ids: string[],
    db: Kysely<DB> = this.risks.db,
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const col = table === 'risk_threats' ? 'threat_id' : 'vulnerability_id';
    const rows = await db
      .selectFrom('risk_scenarios')
      .select([`${col} as ref`, (eb) => eb.fn.countAll<number>().as('n')])
      .where(col, 'in', ids)
      .groupBy(col)
      .execute();
    return new Map(rows.map((r) => [r.ref as string, Number(r.n)]));
  }

  async list(table: 'risk_threats', q: RiskCatalogueQuery): Promise<RiskThreatView[]>;
  async list(table: 'risk_vulnerabilities', q: RiskCatalogueQuery): Promise<RiskVulnerabilityView[]>;
  async list(table: Catalogue, q: RiskCatalogueQuery): Promise<(RiskThreatView | RiskVulnerabilityView)[]> {
    await this.risks.ready();
    let b = this.risks.db.selectFrom(table as 'risk_vulnerabilities').selectAll();
    if (!q.includeRetired) b = b.where('retired_at', 'is', null);
    if (q.category) b = b.where('category', '=', q.category);
    let rows = await b.orderBy('code').execute();
    if (q.q) {
      const needle = q.q.toLowerCase();
      rows = rows.filter((r) => [r.code, r.name_en, r.name_zh].some((s) => s.toLowerCase().includes(needle)));
    }
    if (q.assetType && table === 'risk_vulnerabilities') {
      const type = q.assetType;
      rows = rows.filter((r) => {
        const types = JSON.parse(r.asset_types) as string[];
        return types.length === 0 || types.includes(type);
      });
    }
    const usage = await this.usage(
      table,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      table === 'risk_threats'
        ? presentThreat(r, usage.get(r.id) ?? 0)
        : presentVulnerability(r, usage.get(r.id) ?? 0),
    );
  }

  private async catalogueOne(table: Catalogue, id: string, db: Kysely<DB> = this.risks.db) {
    const row = await db
      .selectFrom(table as 'risk_vulnerabilities')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(table === 'risk_threats' ? 'threat' : 'vulnerability');
    const usage = (await this.usage(table, [id], db)).get(id) ?? 0;
    return table === 'risk_threats' ? presentThreat(row, usage) : presentVulnerability(row, usage);
  }

  private kind = (table: Catalogue) => (table === 'risk_threats' ? 'risk_threat' : 'risk_vulnerability');

  async create(
    ctx: RequestContext,
    table: Catalogue,
    req: CreateRiskThreatRequest | CreateRiskVulnerabilityRequest,
  ): Promise<RiskThreatView | RiskVulnerabilityView> {
    await this.risks.ready();
    const id = randomUUID();
    const now = this.risks.clock.now().toISOString();
    try {
      await this.risks.db.transaction().execute(async (trx) => {
        await trx
          .insertInto(table as 'risk_vulnerabilities')
          .values({
            id,
            code: req.code,
            name_en: req.nameEn,
            name_zh: req.nameZh,
            description_en: req.descriptionEn,
            description_zh: req.descriptionZh,
            category: req.category,
            builtin: 0,
            retired_at: null,
            created_at: now,
            updated_at: now,
            ...('assetTypes' in req ? { asset_types: JSON.stringify(req.assetTypes) } : {}),
          } as never)
          .execute();
        await this.risks.audit.record(trx, ctx, {
          action: `${this.kind(table)}.created`,
          objectType: this.kind(table),
          objectId: id,
          details: { code: req.code, nameEn: req.nameEn, nameZh: req.nameZh },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('risk.catalogue_code_taken', `code ${req.code} is already used`);
      throw err;
    }
    return this.catalogueOne(table, id);
  }

  async update(
    ctx: RequestContext,
    table: Catalogue,
    id: string,
    req: UpdateRiskThreatRequest | UpdateRiskVulnerabilityRequest,
  ): Promise<RiskThreatView | RiskVulnerabilityView> {
    const now = this.risks.clock.now().toISOString();
    try {
      await this.risks.db.transaction().execute(async (trx) => {
        const before = await this.catalogueOne(table, id, trx);
        const set: Record<string, unknown> = { updated_at: now };
        if (req.code !== undefined) set.code = req.code;
        if (req.nameEn !== undefined) set.name_en = req.nameEn;
        if (req.nameZh !== undefined) set.name_zh = req.nameZh;
        if (req.descriptionEn !== undefined) set.description_en = req.descriptionEn;
        if (req.descriptionZh !== undefined) set.description_zh = req.descriptionZh;
        if (req.category !== undefined) set.category = req.category;
        if ('assetTypes' in req && req.assetTypes !== undefined)
          set.asset_types = JSON.stringify(req.assetTypes);
        if (req.retired !== undefined)
          set.retired_at = req.retired ? (before.retired ? undefined : now) : null;
        if (set.retired_at === undefined) delete set.retired_at;
        await trx
          .updateTable(table as 'risk_vulnerabilities')
          .set(set)
          .where('id', '=', id)
          .execute();
        const changes = Object.fromEntries(
          Object.entries(req).map(([k, v]) => [k, [(before as Record<string, unknown>)[k] ?? null, v]]),
        );
        await this.risks.audit.record(trx, ctx, {
          action:
            req.retired === true && !before.retired
              ? `${this.kind(table)}.retired`
              : `${this.kind(table)}.updated`,
          objectType: this.kind(table),
          objectId: id,
          details: { code: before.code, changes },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('risk.catalogue_code_taken', `code ${req.code} is already used`);
      throw err;
    }
    return this.catalogueOne(table, id);
  }

  async remove(ctx: RequestContext, table: Catalogue, id: string): Promise<void> {
    await this.risks.db.transaction().execute(async (trx) => {
      const entry = await this.catalogueOne(table, id, trx);
      if (entry.usageCount > 0)
        throw new AppError(
          409,
          'risk.catalogue_in_use',
          `${entry.code} is used by ${entry.usageCount} risk scenario(s); retire it instead`,
          { usageCount: entry.usageCount },
        );
      await trx
        .deleteFrom(table as 'risk_vulnerabilities')
        .where('id', '=', id)
        .execute();
      await this.risks.audit.record(trx, ctx, {
        action: `${this.kind(table)}.deleted`,
        objectType: this.kind(table),
        objectId: id,
        details: { code: entry.code, nameEn: entry.nameEn, nameZh: entry.nameZh },
      });
    });
  }
}
