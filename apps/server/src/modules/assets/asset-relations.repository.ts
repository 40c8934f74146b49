import type { AssetRelationRow, DB } from '@vigil/db';
import type { Kysely } from 'kysely';
import { chunks } from './assets.repository.js';

export const SUMMARY_COLUMNS = ['id', 'code', 'name', 'type', 'status', 'archived_at'] as const;

export async function summariesOf(db: Kysely<DB>, ids: string[]) {
  const out = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(...(await db.selectFrom('assets').select(SUMMARY_COLUMNS).where('id', 'in', part).execute()));
  return out;
}

export async function relationsTouching(db: Kysely<DB>, ids: string[]): Promise<AssetRelationRow[]> {
  const out: AssetRelationRow[] = [];
  for (const part of chunks([...new Set(ids)], 300))
    out.push(
      ...(await db
        .selectFrom('asset_relations')
        .selectAll()
        .where((eb) => eb.or([eb('from_asset_id', 'in', part), eb('to_asset_id', 'in', part)]))
        .execute()),
    );
  return out;
}

export async function findRelation(db: Kysely<DB>, id: string): Promise<AssetRelationRow | undefined> {
  return db.selectFrom('asset_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function relationExists(
  db: Kysely<DB>,
  from: string,
  to: string,
  kind: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('asset_relations')
    .select('id')
    .where('from_asset_id', '=', from)
    .where('to_asset_id', '=', to)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether `target` can be reached from `start` by following `contains` edges (a new edge would close a cycle). */
export async function containsPath(db: Kysely<DB>, start: string, target: string): Promise<boolean> {
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    if (frontier.includes(target)) return true;
    const next: string[] = [];
    for (const part of chunks(frontier)) {
      const rows = await db
        .selectFrom('asset_relations')
        .select('to_asset_id')
        .where('kind', '=', 'contains')
        .where('from_asset_id', 'in', part)
        .execute();
      for (const r of rows)
        if (!seen.has(r.to_asset_id)) {
          seen.add(r.to_asset_id);
          next.push(r.to_asset_id);
        }
    }
    frontier = next;
  }
  return false;
}

/**
 * The graph reachable from one asset following relations both ways, breadth first, cut at `maxDepth` hops
 * or `maxNodes` assets.
 */
export async function reachableGraph(db: Kysely<DB>, start: string, maxDepth: number, maxNodes: number) {
  const nodes = new Set([start]);
  const edges = new Map<string, AssetRelationRow>();
  let frontier = [start];
  let truncated = false;
  for (let depth = 0; frontier.length > 0; depth++) {
    const rows = await relationsTouching(db, frontier);
    const next: string[] = [];
    for (const r of rows) {
      for (const other of [r.from_asset_id, r.to_asset_id]) {
        if (nodes.has(other)) continue;
        if (depth >= maxDepth || nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
        nodes.add(other);
        next.push(other);
      }
      if (nodes.has(r.from_asset_id) && nodes.has(r.to_asset_id)) edges.set(r.id, r);
    }
    if (depth >= maxDepth) break;
    frontier = next;
  }
  return { nodes: [...nodes], edges: [...edges.values()], truncated };
}
