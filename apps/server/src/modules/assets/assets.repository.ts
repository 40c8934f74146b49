import type { AssetIdentifier, AssetListQuery } from '@vigil/contracts';
import type { AssetRow, AssetTable, DB } from '@vigil/db';
import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import { identifierKey } from './asset-identifiers.js';

/** SQLite binds at most 32,766 parameters per statement; stay well below on both dialects. */
const CHUNK = 400;

export function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An asset row with the names the list and the page show, joined in the same query. */
function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('assets')
    .leftJoin('users as owner', 'owner.id', 'assets.owner_id')
    .leftJoin('users as custodian', 'custodian.id', 'assets.custodian_id')
    .leftJoin('units as unit', 'unit.id', 'assets.unit_id')
    .selectAll('assets')
    .select([
      'owner.display_name as owner_display_name',
      'owner.username as owner_username',
      'custodian.display_name as custodian_display_name',
      'custodian.username as custodian_username',
      'unit.name as unit_name',
    ]);
}
export type AssetNamedRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export async function findAsset(db: Kysely<DB>, id: string): Promise<AssetRow | undefined> {
  return db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNamedAsset(db: Kysely<DB>, id: string): Promise<AssetNamedRow | undefined> {
  return withNames(db).where('assets.id', '=', id).executeTakeFirst();
}

export async function findAssetsByCodes(db: Kysely<DB>, codes: string[]): Promise<AssetRow[]> {
  const out: AssetRow[] = [];
  for (const part of chunks([...new Set(codes)]))
    out.push(...(await db.selectFrom('assets').selectAll().where('code', 'in', part).execute()));
  return out;
}

export async function identifiersOf(
  db: Kysely<DB>,
  assetIds: string[],
): Promise<Map<string, AssetIdentifier[]>> {
  const map = new Map<string, AssetIdentifier[]>();
  for (const part of chunks(assetIds)) {
    const rows = await db
      .selectFrom('asset_identifiers')
      .select(['asset_id', 'kind', 'value'])
      .where('asset_id', 'in', part)
      .orderBy('asset_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = map.get(r.asset_id) ?? [];
      list.push({ kind: r.kind as AssetIdentifier['kind'], value: r.value });
      map.set(r.asset_id, list);
    }
  }
  return map;
}

export interface ListFilter extends Omit<AssetListQuery, 'limit' | 'offset' | 'sort' | 'order' | 'mine'> {
  /** Only assets this user owns or keeps. */
  mineOf?: string | undefined;
}

/** The list's filters as one condition on `assets`, shared by the page query and the (join-free) count. */
function conditions(f: ListFilter): RawBuilder<boolean> {
  const c: RawBuilder<unknown>[] = [];
  if (!f.includeArchived) c.push(sql`assets.archived_at is null`);
  if (f.type) c.push(sql`assets.type = ${f.type}`);
  if (f.status) c.push(sql`assets.status = ${f.status}`);
  if (f.unitId) c.push(sql`assets.unit_id = ${f.unitId}`);
  if (f.ownerId) c.push(sql`assets.owner_id = ${f.ownerId}`);
  if (f.classification) c.push(sql`assets.classification = ${f.classification}`);
  if (f.protectionLevel) c.push(sql`assets.protection_level = ${f.protectionLevel}`);
  if (f.coreSystem !== undefined) c.push(sql`assets.core_system = ${f.coreSystem ? 1 : 0}`);
  if (f.personalData !== undefined) c.push(sql`assets.personal_data = ${f.personalData ? 1 : 0}`);
  if (f.mineOf) c.push(sql`(assets.owner_id = ${f.mineOf} or assets.custodian_id = ${f.mineOf})`);
  if (f.q) c.push(sql`assets.search_text like ${`%${escapeLike(f.q.toLowerCase())}%`} escape '\\'`);
  // Tags are a JSON array; a quoted, lower-cased element matches exactly one tag (case-insensitive).
  if (f.tag)
    c.push(
      sql`lower(assets.tags) like ${`%${escapeLike(JSON.stringify(f.tag.trim().toLowerCase()))}%`} escape '\\'`,
    );
  return c.length ? sql<boolean>`${sql.join(c, sql` and `)}` : sql<boolean>`1 = 1`;
}

const SORT_COLUMN = {
  code: 'assets.code',
  name: 'assets.name',
  type: 'assets.type',
  status: 'assets.status',
  value: 'assets.value',
  updatedAt: 'assets.updated_at',
} as const;

export async function listAssets(
  db: Kysely<DB>,
  f: ListFilter,
  sort: keyof typeof SORT_COLUMN,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: AssetNamedRow[]; total: number }> {
  const where = conditions(f);
  let page = withNames(db).where(where);
  // Unrated assets sort last either way, on both dialects.
  if (sort === 'value') page = page.orderBy(sql`assets.value is null`);
  page = page.orderBy(SORT_COLUMN[sort], order);
  if (sort !== 'code') page = page.orderBy('assets.code', 'asc');
  const [rows, count] = await Promise.all([
    page.limit(limit).offset(offset).execute(),
    db
      .selectFrom('assets')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertAssets(db: Kysely<DB>, rows: Insertable<AssetTable>[]): Promise<void> {
  for (const part of chunks(rows, 200)) await db.insertInto('assets').values(part).execute();
}

export async function updateAssetRow(db: Kysely<DB>, row: AssetRow): Promise<void> {
  const { id, created_at: _created, ...rest } = row;
  await db.updateTable('assets').set(rest).where('id', '=', id).execute();
}

export async function insertIdentifiers(
  db: Kysely<DB>,
  lists: { assetId: string; identifiers: AssetIdentifier[] }[],
): Promise<void> {
  const rows = lists.flatMap(({ assetId, identifiers }) =>
    identifiers.map((i, position) => ({ asset_id: assetId, position, kind: i.kind, value: i.value })),
  );
  for (const part of chunks(rows, 1000)) await db.insertInto('asset_identifiers').values(part).execute();
}

export async function deleteIdentifiers(db: Kysely<DB>, assetIds: string[]): Promise<void> {
  for (const part of chunks(assetIds))
    await db.deleteFrom('asset_identifiers').where('asset_id', 'in', part).execute();
}

/**
 * Which active assets (not disposed, not archived) already hold these identifiers. Answers
 * identifierKey(kind, value) → the holders.
 */
export async function identifierHolders(
  db: Kysely<DB>,
  identifiers: AssetIdentifier[],
): Promise<Map<string, { assetId: string; code: string }[]>> {
  const map = new Map<string, { assetId: string; code: string }[]>();
  const wanted = new Set(identifiers.map((i) => identifierKey(i.kind, i.value)));
  for (const part of chunks([...new Set(identifiers.map((i) => i.value))])) {
    const rows = await db
      .selectFrom('asset_identifiers as i')
      .innerJoin('assets as a', 'a.id', 'i.asset_id')
      .select(['i.kind', 'i.value', 'a.id', 'a.code'])
      .where('i.value', 'in', part)
      .where('a.archived_at', 'is', null)
      .where('a.status', '!=', 'disposed')
      .execute();
    for (const r of rows) {
      const key = identifierKey(r.kind, r.value);
      if (!wanted.has(key)) continue;
      const list = map.get(key) ?? [];
      list.push({ assetId: r.id, code: r.code });
      map.set(key, list);
    }
  }
  return map;
}

export async function usersByIds(
  db: Kysely<DB>,
  ids: string[],
): Promise<Map<string, { id: string; disabled: boolean; username: string }>> {
  const map = new Map<string, { id: string; disabled: boolean; username: string }>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'disabled_at', 'username'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) map.set(r.id, { id: r.id, disabled: r.disabled_at !== null, username: r.username });
  }
  return map;
}

export async function existingUnitIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('units').select('id').where('id', 'in', part).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Reserves `count` consecutive numbers for a code prefix; answers the first. */
export async function reserveCodeNumbers(db: Kysely<DB>, prefix: string, count: number): Promise<number> {
  const row = await db
    .updateTable('asset_code_counters')
    .set((eb) => ({ last: eb('last', '+', count) }))
    .where('prefix', '=', prefix)
    .returning('last')
    .executeTakeFirst();
  if (row) return Number(row.last) - count + 1;
  await db.insertInto('asset_code_counters').values({ prefix, last: count }).execute();
  return 1;
}

export async function takenCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(codes)) {
    const rows = await db.selectFrom('assets').select('code').where('code', 'in', part).execute();
    for (const r of rows) out.add(r.code);
  }
  return out;
}

export async function findNamedAssets(db: Kysely<DB>, ids: string[]): Promise<AssetNamedRow[]> {
  const out: AssetNamedRow[] = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(...(await withNames(db).where('assets.id', 'in', part).execute()));
  return out;
}
