// Writing framework versions: one definition becomes a version row and its node rows, the new version
// becomes current and the previous one superseded. Nodes of old versions are never touched, so assessments
// made against them keep their meaning.
import { randomUUID } from 'node:crypto';
import type { DB, FrameworkNodeTable, FrameworkVersionRow } from '@vigil/db';
import type { FrameworkDefinition } from '@vigil/frameworks';
import type { Insertable, Kysely } from 'kysely';
import { conflict } from '../../http/errors.js';
import { frameworkRepository as repo } from './frameworks.repository.js';

export interface StoreOptions {
  /** Shipped content (true) or a user's import (false). */
  builtin: boolean;
  importedBy: string | null;
  now: string;
  contentHash: string;
}

export interface Stored {
  frameworkId: string;
  version: FrameworkVersionRow;
  /** False when a version with the same content already existed (nothing was written). */
  created: boolean;
  supersededIds: string[];
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function nodeRows(versionId: string, def: FrameworkDefinition): Insertable<FrameworkNodeTable>[] {
  return def.nodes.map((n, position) => ({
    id: randomUUID(),
    version_id: versionId,
    ref: n.ref,
    parent_ref: n.parent ?? null,
    kind: n.kind,
    position,
    title_en: n.title.en,
    title_zh: n.title['zh-TW'],
    description_en: n.description?.en ?? '',
    description_zh: n.description?.['zh-TW'] ?? '',
    applicability: json(n.applicability),
    obligation: json(n.obligation),
    baseline: json(n.baseline),
    soa: n.soa ? 1 : 0,
  }));
}

/**
 * Stores `def` as the current version of its framework inside `trx`. Identical content already stored is
 * returned as is. A user's import of a version label that exists is refused; a changed shipped file that
 * kept its label gets the label plus a short hash, so an upgrade always lands.
 */
export async function storeVersion(
  trx: Kysely<DB>,
  def: FrameworkDefinition,
  o: StoreOptions,
): Promise<Stored> {
  let framework = await repo.byKey(trx, def.key);
  if (!framework) {
    framework = {
      id: randomUUID(),
      key: def.key,
      name_en: def.name.en,
      name_zh: def.name['zh-TW'],
      publisher: def.publisher ?? null,
      builtin: o.builtin ? 1 : 0,
      current_version_id: null,
      created_at: o.now,
      updated_at: o.now,
    };
    await repo.insertFramework(trx, framework);
  }
  const versions = await repo.versionsOf(trx, [framework.id]);
  const same = versions.find((v) => v.content_hash === o.contentHash);
  if (same) {
    if (!o.builtin)
      throw conflict(
        'framework.version_exists',
        `${def.key} already holds this content as version ${same.version}`,
      );
    return { frameworkId: framework.id, version: same, created: false, supersededIds: [] };
  }
  let label = def.version;
  if (versions.some((v) => v.version === label)) {
    if (!o.builtin)
      throw conflict(
        'framework.version_exists',
        `${def.key} already has a version ${label}; give the changed file a new version`,
      );
    label = `${def.version}+${o.contentHash.slice(0, 8)}`;
  }
  const version: FrameworkVersionRow = {
    id: randomUUID(),
    framework_id: framework.id,
    version: label,
    name_en: def.name.en,
    name_zh: def.name['zh-TW'],
    source: def.source ?? null,
    effective_date: def.effectiveDate ?? null,
    content_hash: o.contentHash,
    status: 'current',
    node_count: def.nodes.length,
    imported_by: o.importedBy,
    imported_at: o.now,
  };
  await repo.insertVersion(trx, version);
  await repo.insertNodes(trx, nodeRows(version.id, def));
  const supersededIds = await repo.supersedeOthers(trx, framework.id, version.id);
  await repo.setCurrent(trx, framework.id, {
    current_version_id: version.id,
    name_en: def.name.en,
    name_zh: def.name['zh-TW'],
    publisher: def.publisher ?? framework.publisher,
    updated_at: o.now,
  });
  return { frameworkId: framework.id, version, created: true, supersededIds };
}
