// Reads of the framework tables (filled by the frameworks module). SQL only.
import type { DB, FrameworkNodeRow, FrameworkRow, FrameworkVersionRow } from '@vigil/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../http/errors.js';
import { frameworkRepository } from '../frameworks/frameworks.repository.js';

export interface LoadedVersion {
  framework: FrameworkRow;
  version: FrameworkVersionRow;
}

export const frameworkByKey = frameworkRepository.byKey;

/** The nodes (sections and requirements) of a framework version, in document order. */
export const nodesOf = frameworkRepository.nodes;

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

export interface MappedRef {
  frameworkKey: string;
  ref: string;
}

/**
 * Requirements mapped to the requirements of one assessment, both directions, keyed by the assessment's ref
 * (one query; the mapping indexes on either end pick the rows).
 */
export async function mappedRefs(
  db: Kysely<DB>,
  frameworkKey: string,
  assessmentId: string,
): Promise<Map<string, MappedRef[]>> {
  const out = new Map<string, MappedRef[]>();
  const refs = db.selectFrom('compliance_results').select('ref').where('assessment_id', '=', assessmentId);
  const rows = await db
    .selectFrom('framework_mappings')
    .select(['from_framework', 'from_ref', 'to_framework', 'to_ref'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_framework', '=', frameworkKey), eb('from_ref', 'in', refs)]),
        eb.and([eb('to_framework', '=', frameworkKey), eb('to_ref', 'in', refs)]),
      ]),
    )
    .orderBy('from_framework')
    .orderBy('from_ref')
    .orderBy('to_framework')
    .orderBy('to_ref')
    .execute();
  const seen = new Set<string>();
  const add = (ref: string, m: MappedRef) => {
    const k = `${ref}\u0000${m.frameworkKey}\u0000${m.ref}`;
    if (seen.has(k)) return;
    seen.add(k);
    const list = out.get(ref);
    if (list) list.push(m);
    else out.set(ref, [m]);
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
