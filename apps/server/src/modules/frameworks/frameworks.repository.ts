import type {
  DB,
  FrameworkMappingRow,
  FrameworkNodeRow,
  FrameworkNodeTable,
  FrameworkRow,
  FrameworkVersionRow,
} from '@vigil/db';
import type { Insertable, Kysely } from 'kysely';

/** Rows inserted per statement: well under the bound-parameter limits of both dialects. */
const BATCH = 200;
/** Values in one `in (…)` list. */
const LOOKUP_BATCH = 500;

/** SQL of the framework library; no rules. */
export const frameworkRepository = {
  byKey(db: Kysely<DB>, key: string): Promise<FrameworkRow | undefined> {
    return db.selectFrom('frameworks').selectAll().where('key', '=', key).executeTakeFirst();
  },

  byId(db: Kysely<DB>, id: string): Promise<FrameworkRow | undefined> {
    return db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
  },

  all(db: Kysely<DB>): Promise<FrameworkRow[]> {
    return db.selectFrom('frameworks').selectAll().orderBy('key').execute();
  },

  version(db: Kysely<DB>, id: string): Promise<FrameworkVersionRow | undefined> {
    return db.selectFrom('framework_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  versionsOf(db: Kysely<DB>, frameworkIds: readonly string[]): Promise<FrameworkVersionRow[]> {
    if (frameworkIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('framework_versions')
      .selectAll()
      .where('framework_id', 'in', frameworkIds)
      .orderBy('imported_at', 'desc')
      .orderBy('version', 'desc')
      .execute();
  },

  /** Every stored content hash by framework key: start-up compares them with the shipped files. */
  async hashesByKey(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
    const rows = await db
      .selectFrom('framework_versions as v')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .select(['f.key', 'v.content_hash'])
      .execute();
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const set = out.get(r.key) ?? new Set<string>();
      set.add(r.content_hash);
      out.set(r.key, set);
    }
    return out;
  },

  async requirementCounts(db: Kysely<DB>, versionIds: readonly string[]): Promise<Map<string, number>> {
    if (versionIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('framework_nodes')
      .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('version_id', 'in', versionIds)
      .where('kind', '=', 'requirement')
      .groupBy('version_id')
      .execute();
    return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
  },

  insertFramework(db: Kysely<DB>, row: FrameworkRow): Promise<unknown> {
    return db.insertInto('frameworks').values(row).execute();
  },

  setCurrent(
    db: Kysely<DB>,
    frameworkId: string,
    set: Pick<FrameworkRow, 'current_version_id' | 'name_en' | 'name_zh' | 'publisher' | 'updated_at'>,
  ): Promise<unknown> {
    return db.updateTable('frameworks').set(set).where('id', '=', frameworkId).execute();
  },

  insertVersion(db: Kysely<DB>, row: FrameworkVersionRow): Promise<unknown> {
    return db.insertInto('framework_versions').values(row).execute();
  },

  /** Marks every other current version of the framework superseded; returns the ids it changed. */
  async supersedeOthers(db: Kysely<DB>, frameworkId: string, keepId: string): Promise<string[]> {
    const rows = await db
      .updateTable('framework_versions')
      .set({ status: 'superseded' })
      .where('framework_id', '=', frameworkId)
      .where('id', '!=', keepId)
      .where('status', '=', 'current')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async insertNodes(db: Kysely<DB>, rows: Insertable<FrameworkNodeTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH)
      await db
        .insertInto('framework_nodes')
        .values(rows.slice(i, i + BATCH))
        .execute();
  },

  nodes(db: Kysely<DB>, versionId: string): Promise<FrameworkNodeRow[]> {
    return db
      .selectFrom('framework_nodes')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('position')
      .execute();
  },

  node(db: Kysely<DB>, versionId: string, ref: string): Promise<FrameworkNodeRow | undefined> {
    return db
      .selectFrom('framework_nodes')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('ref', '=', ref)
      .executeTakeFirst();
  },

  /** Ref and titles of the given refs of each version (resolving mapped refs to titles). */
  async nodeTitles(
    db: Kysely<DB>,
    refsByVersion: ReadonlyMap<string, readonly string[]>,
  ): Promise<Pick<FrameworkNodeRow, 'version_id' | 'ref' | 'title_en' | 'title_zh'>[]> {
    const out: Pick<FrameworkNodeRow, 'version_id' | 'ref' | 'title_en' | 'title_zh'>[] = [];
    for (const [versionId, refs] of refsByVersion)
      for (let i = 0; i < refs.length; i += LOOKUP_BATCH)
        out.push(
          ...(await db
            .selectFrom('framework_nodes')
            .select(['version_id', 'ref', 'title_en', 'title_zh'])
            .where('version_id', '=', versionId)
            .where('ref', 'in', refs.slice(i, i + LOOKUP_BATCH))
            .execute()),
        );
    return out;
  },

  /** Mappings with the framework on either side, optionally of one ref only. */
  mappingsOf(db: Kysely<DB>, frameworkKey: string, ref?: string): Promise<FrameworkMappingRow[]> {
    return db
      .selectFrom('framework_mappings')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([
            eb('from_framework', '=', frameworkKey),
            ...(ref === undefined ? [] : [eb('from_ref', '=', ref)]),
          ]),
          eb.and([
            eb('to_framework', '=', frameworkKey),
            ...(ref === undefined ? [] : [eb('to_ref', '=', ref)]),
          ]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  builtinMappings(db: Kysely<DB>): Promise<FrameworkMappingRow[]> {
    return db.selectFrom('framework_mappings').selectAll().where('builtin', '=', 1).execute();
  },

  /** Inserts mappings, skipping pairs already present (another process may be doing the same). */
  async insertMappings(db: Kysely<DB>, rows: FrameworkMappingRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH)
      await db
        .insertInto('framework_mappings')
        .values(rows.slice(i, i + BATCH))
        .onConflict((oc) => oc.columns(['from_framework', 'from_ref', 'to_framework', 'to_ref']).doNothing())
        .execute();
  },

  setMappingRelation(db: Kysely<DB>, id: string, relation: string): Promise<unknown> {
    return db.updateTable('framework_mappings').set({ relation }).where('id', '=', id).execute();
  },

  async deleteMappings(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH)
      await db
        .deleteFrom('framework_mappings')
        .where('id', 'in', ids.slice(i, i + BATCH))
        .execute();
  },
};
