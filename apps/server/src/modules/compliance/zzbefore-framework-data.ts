// Reads of the framework tables (filled by the frameworks module). SQL only.
import type { DB, FrameworkNodeRow, FrameworkRow, FrameworkVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../http/errors.js';

export interface LoadedVersion {
  framework: FrameworkRow;
  version: FrameworkVersionRow;
}

export async function frameworkByKey(db: Kysely<DB>, key: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('frameworks').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The framework and the version asked for (its current one by default); 400 when either is unknown. */
export async function loadVersion(db: Kysely<DB>, key: string, versionId?: string): Promise<LoadedVersion> {
  const framework = await frameworkByKey(db, key);
  if (!framework) throw badRequest('compliance.unknown_framework', `no framework with key ${key}`);
  const vid = versionId ?? framework.current_version_id;
  const version = vid
    ? await db
        .selectFrom('framework_versions')
        .selectAll()
        .where('id', '=', vid)
        .where('framework_id', '=', framework.id)
        .executeTakeFirst()
    : undefined;
  if (!version)
    throw badRequest('compliance.unknown_framework_version', `framework ${key} has no such version`);
  return { framework, version };
}

export async function nodesOf(db: Kysely<DB>, versionId: string): Promise<FrameworkNodeRow[]> {
  return db
    .selectFrom('framework_nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

export interface MappedRef {
  frameworkKey: string;
  ref: string;
}

/** Requirements mapped to any of the given refs of one framework, both directions, keyed by `ref`. */
export async function mappedRefs(
  db: Kysely<DB>,
  frameworkKey: string,
  refs: readonly string[],
): Promise<Map<string, MappedRef[]>> {
  const out = new Map<string, MappedRef[]>();
  if (refs.length === 0) return out;
  const wanted = new Set(refs);
  const rows = await db
    .selectFrom('framework_mappings')
    .select(['from_framework', 'from_ref', 'to_framework', 'to_ref'])
    .where((eb) => eb.or([eb('from_framework', '=', frameworkKey), eb('to_framework', '=', frameworkKey)]))
    .execute();
  const add = (ref: string, m: MappedRef) => {
    if (!wanted.has(ref)) return;
    const list = out.get(ref) ?? [];
    if (!list.some((x) => x.frameworkKey === m.frameworkKey && x.ref === m.ref)) list.push(m);
    out.set(ref, list);
  };
  for (const r of rows) {
    if (r.from_framework === frameworkKey) add(r.from_ref, { frameworkKey: r.to_framework, ref: r.to_ref });
    if (r.to_framework === frameworkKey) add(r.to_ref, { frameworkKey: r.from_framework, ref: r.from_ref });
  }
  return out;
}

/** Every framework requirement ref named exists in that framework's current version (400 otherwise). */
export async function assertRequirementsExist(
  db: Kysely<DB>,
  refs: readonly { frameworkKey: string; ref: string }[],
): Promise<void> {
  const byKey = new Map<string, Set<string>>();
  for (const r of refs) byKey.set(r.frameworkKey, (byKey.get(r.frameworkKey) ?? new Set()).add(r.ref));
  for (const [key, wanted] of byKey) {
    const fw = await frameworkByKey(db, key);
    const found = fw?.current_version_id
      ? new Set(
          (
            await db
              .selectFrom('framework_nodes')
              .select('ref')
              .where('version_id', '=', fw.current_version_id)
              .where('ref', 'in', [...wanted])
              .execute()
          ).map((n) => n.ref),
        )
      : new Set<string>();
    const missing = [...wanted].filter((r) => !found.has(r));
    if (missing.length > 0)
      throw badRequest('compliance.unknown_requirement', `${key} has no requirement ${missing.join(', ')}`, {
        frameworkKey: key,
        refs: missing,
      });
  }
}

/** The nearest section above a node (walking up through parent requirements); null at the top. */
export function sectionOf(
  node: Pick<FrameworkNodeRow, 'parent_ref'>,
  byRef: Map<string, FrameworkNodeRow>,
): FrameworkNodeRow | null {
  let parent = node.parent_ref ? byRef.get(node.parent_ref) : undefined;
  for (let guard = 0; parent && guard < 50; guard++) {
    if (parent.kind === 'section') return parent;
    parent = parent.parent_ref ? byRef.get(parent.parent_ref) : undefined;
  }
  return null;
}
