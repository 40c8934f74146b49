import { randomUUID } from 'node:crypto';
import type { AssetSummary } from '@vigil/contracts';
import type { AssetRelationRow, AssetRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../http/errors.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import {
  containsPath,
  findRelation,
  reachableGraph,
  relationExists,
  relationsTouching,
  summariesOf,
} from './asset-relations.repository.js';
import { presentSummary } from './assets.presenter.js';
import { findAsset } from './assets.repository.js';

type Kind = 'contains' | 'depends_on';

/** How a relation reads from each end, as a field name in the asset's history. */
const OUTGOING: Record<Kind, string> = { contains: 'contains', depends_on: 'dependsOn' };
const INCOMING: Record<Kind, string> = { contains: 'containedIn', depends_on: 'dependedOnBy' };

const GRAPH_DEPTH = 3;
const GRAPH_NODES = 200;

/** Relations between assets: contains (no cycles) and depends on, navigable both ways. */
export class AssetRelations {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Outgoing and incoming relations of an asset and the graph around it (access checked by the caller). */
  async of(id: string) {
    const direct = await relationsTouching(this.db, [id]);
    const graph = await reachableGraph(this.db, id, GRAPH_DEPTH, GRAPH_NODES);
    const ids = new Set([...graph.nodes, ...direct.flatMap((r) => [r.from_asset_id, r.to_asset_id])]);
    const summaries = new Map((await summariesOf(this.db, [...ids])).map((r) => [r.id, presentSummary(r)]));
    const present = (r: AssetRelationRow) => ({
      id: r.id,
      kind: r.kind as Kind,
      from: summaries.get(r.from_asset_id)!,
      to: summaries.get(r.to_asset_id)!,
    });
    const byCode = (a: { to: AssetSummary }, b: { to: AssetSummary }) => a.to.code.localeCompare(b.to.code);
    return {
      outgoing: direct
        .filter((r) => r.from_asset_id === id)
        .map(present)
        .sort(byCode),
      incoming: direct
        .filter((r) => r.to_asset_id === id)
        .map(present)
        .sort((a, b) => a.from.code.localeCompare(b.from.code)),
      graph: {
        nodes: graph.nodes.map((n) => summaries.get(n)!).filter(Boolean),
        edges: graph.edges.map((e) => ({
          id: e.id,
          from: e.from_asset_id,
          to: e.to_asset_id,
          kind: e.kind as Kind,
        })),
        truncated: graph.truncated,
      },
    };
  }

  async add(ctx: RequestContext, fromId: string, toId: string, kind: Kind) {
    return this.db.transaction().execute(async (trx) => {
      const from = await findAsset(trx, fromId);
      if (!from) throw notFound('asset');
      if (fromId === toId) throw new AppError(400, 'asset.relation_self', 'an asset cannot relate to itself');
      const to = await findAsset(trx, toId);
      if (!to) throw new AppError(400, 'asset.unknown_target', 'the related asset does not exist');
      if (from.archived_at || to.archived_at)
        throw new AppError(409, 'asset.archived', 'restore the archived asset before relating it');
      if (await relationExists(trx, fromId, toId, kind))
        throw new AppError(409, 'asset.relation_exists', 'this relation already exists');
      if (kind === 'contains' && (await containsPath(trx, toId, fromId)))
        throw new AppError(
          409,
          'asset.relation_cycle',
          `${to.code} already contains ${from.code}, directly or through other assets`,
        );
      const row: AssetRelationRow = {
        id: randomUUID(),
        from_asset_id: fromId,
        to_asset_id: toId,
        kind,
        created_at: this.clock.now().toISOString(),
      };
      await trx.insertInto('asset_relations').values(row).execute();
      await this.recordBothEnds(trx, ctx, 'asset.relation_add', row, from, to, false);
      return { id: row.id, kind, from: presentSummary(from), to: presentSummary(to) };
    });
  }

  async remove(ctx: RequestContext, assetId: string, relationId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await findRelation(trx, relationId);
      if (!row || (row.from_asset_id !== assetId && row.to_asset_id !== assetId)) throw notFound('relation');
      const [from, to] = await Promise.all([
        findAsset(trx, row.from_asset_id),
        findAsset(trx, row.to_asset_id),
      ]);
      await trx.deleteFrom('asset_relations').where('id', '=', relationId).execute();
      await this.recordBothEnds(trx, ctx, 'asset.relation_remove', row, from!, to!, true);
    });
  }

  /** Removes every relation of an asset about to be deleted, recording each on the other end. */
  async removeAllOf(trx: Kysely<DB>, ctx: RequestContext, asset: AssetRow) {
    const rows = await relationsTouching(trx, [asset.id]);
    const removed = [];
    for (const r of rows) {
      const otherId = r.from_asset_id === asset.id ? r.to_asset_id : r.from_asset_id;
      const other = await findAsset(trx, otherId);
      await trx.deleteFrom('asset_relations').where('id', '=', r.id).execute();
      if (other && otherId !== asset.id) {
        const field = r.from_asset_id === asset.id ? INCOMING[r.kind as Kind] : OUTGOING[r.kind as Kind];
        await this.audit.record(trx, ctx, {
          action: 'asset.relation_remove',
          objectType: 'asset',
          objectId: otherId,
          details: { relationId: r.id, reason: 'asset_deleted', changes: { [field]: [asset.code, null] } },
        });
      }
      removed.push({ kind: r.kind, from: r.from_asset_id, to: r.to_asset_id });
    }
    return removed;
  }

  private async recordBothEnds(
    trx: Kysely<DB>,
    ctx: RequestContext,
    action: string,
    r: AssetRelationRow,
    from: AssetRow,
    to: AssetRow,
    removing: boolean,
  ): Promise<void> {
    const change = (code: string): [unknown, unknown] => (removing ? [code, null] : [null, code]);
    await this.audit.record(trx, ctx, {
      action,
      objectType: 'asset',
      objectId: from.id,
      details: { relationId: r.id, kind: r.kind, changes: { [OUTGOING[r.kind as Kind]]: change(to.code) } },
    });
    await this.audit.record(trx, ctx, {
      action,
      objectType: 'asset',
      objectId: to.id,
      details: { relationId: r.id, kind: r.kind, changes: { [INCOMING[r.kind as Kind]]: change(from.code) } },
    });
  }
}
