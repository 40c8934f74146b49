// Test helpers: the framework rows compliance needs (the shipped ones when the frameworks module installed
// them, else a small stand-in), read back as facts the tests can rely on.
import { randomUUID } from 'node:crypto';
import type { FrameworkNodeRow } from '@vigil/db';
import { cliContext } from '../../platform/context.js';
import type { TestPlatform } from '../../test/harness.js';

type Node = {
  ref: string;
  parent?: string;
  kind: 'section' | 'requirement';
  levels?: string[];
  soa?: boolean;
};

const STAND_IN: Record<string, Node[]> = {
  'iso27001-2022': [
    { ref: '9', kind: 'section' },
    { ref: '9.2', parent: '9', kind: 'requirement' },
    { ref: 'A.5', kind: 'section' },
    { ref: 'A.5.1', parent: 'A.5', kind: 'requirement', soa: true },
    { ref: 'A.5.15', parent: 'A.5', kind: 'requirement', soa: true },
    { ref: 'A.8', kind: 'section' },
    { ref: 'A.8.15', parent: 'A.8', kind: 'requirement', soa: true },
  ],
  'tw-schedule-10': [
    { ref: 'AC', kind: 'section' },
    { ref: 'AC-1', parent: 'AC', kind: 'requirement', levels: ['normal', 'medium', 'high'] },
    { ref: 'AC-2', parent: 'AC', kind: 'requirement', levels: ['medium', 'high'] },
    { ref: 'AC-9', parent: 'AC', kind: 'requirement', levels: ['high'] },
    { ref: 'AU', kind: 'section' },
    { ref: 'AU-4', parent: 'AU', kind: 'requirement', levels: ['normal', 'medium', 'high'] },
  ],
};

async function installStandIn(p: TestPlatform, key: string, nodes: Node[]): Promise<void> {
  const db = p.database.db;
  const now = p.clock.now().toISOString();
  const fid = randomUUID();
  const vid = randomUUID();
  await db
    .insertInto('frameworks')
    .values({
      id: fid,
      key,
      name_en: key,
      name_zh: key,
      publisher: null,
      builtin: 1,
      current_version_id: vid,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('framework_versions')
    .values({
      id: vid,
      framework_id: fid,
      version: '1',
      name_en: key,
      name_zh: key,
      source: null,
      effective_date: null,
      content_hash: randomUUID(),
      status: 'current',
      node_count: nodes.length,
      imported_by: null,
      imported_at: now,
    })
    .execute();
  await db
    .insertInto('framework_nodes')
    .values(
      nodes.map((n, position) => ({
        id: randomUUID(),
        version_id: vid,
        ref: n.ref,
        parent_ref: n.parent ?? null,
        kind: n.kind,
        position,
        title_en: `Title ${n.ref}`,
        title_zh: `標題 ${n.ref}`,
        description_en: '',
        description_zh: '',
        applicability: n.levels ? JSON.stringify({ protectionLevels: n.levels }) : null,
        obligation: null,
        baseline: n.levels
          ? JSON.stringify(
              Object.fromEntries(
                n.levels.map((l) => [l, { en: `${n.ref} at ${l}`, 'zh-TW': `${n.ref} ${l} 級` }]),
              ),
            )
          : null,
        soa: n.soa ? 1 : 0,
      })),
    )
    .execute();
  if (key === 'tw-schedule-10')
    await db
      .insertInto('framework_mappings')
      .values({
        id: randomUUID(),
        from_framework: 'tw-schedule-10',
        from_ref: 'AU-4',
        to_framework: 'iso27001-2022',
        to_ref: 'A.8.15',
        relation: 'related',
        builtin: 1,
        created_at: now,
      })
      .execute();
}

export interface FrameworkFacts {
  /** Requirement nodes of the current version of a framework, in order. */
  requirements(key: string): Promise<FrameworkNodeRow[]>;
  annexA(): Promise<FrameworkNodeRow[]>;
  /** One mapping between a Schedule 10 measure and an ISO/IEC 27001 requirement. */
  mapping(): Promise<{ schedule10Ref: string; isoRef: string }>;
}

/** Makes sure iso27001-2022 and tw-schedule-10 exist, and answers questions about them. */
export async function ensureFrameworks(p: TestPlatform): Promise<FrameworkFacts> {
  const db = p.database.db;
  for (const [key, nodes] of Object.entries(STAND_IN)) {
    const has = await db.selectFrom('frameworks').select('id').where('key', '=', key).executeTakeFirst();
    if (!has) await installStandIn(p, key, nodes);
  }
  const requirements = async (key: string) => {
    const fw = await db.selectFrom('frameworks').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    return db
      .selectFrom('framework_nodes')
      .selectAll()
      .where('version_id', '=', fw.current_version_id ?? '')
      .where('kind', '=', 'requirement')
      .orderBy('position')
      .execute();
  };
  return {
    requirements,
    annexA: async () => (await requirements('iso27001-2022')).filter((n) => n.soa === 1),
    mapping: async () => {
      const m = await db
        .selectFrom('framework_mappings')
        .select(['from_framework', 'from_ref', 'to_framework', 'to_ref'])
        .where((eb) =>
          eb.or([
            eb.and([eb('from_framework', '=', 'tw-schedule-10'), eb('to_framework', '=', 'iso27001-2022')]),
            eb.and([eb('from_framework', '=', 'iso27001-2022'), eb('to_framework', '=', 'tw-schedule-10')]),
          ]),
        )
        .orderBy('from_ref')
        .executeTakeFirstOrThrow();
      return m.from_framework === 'tw-schedule-10'
        ? { schedule10Ref: m.from_ref, isoRef: m.to_ref }
        : { schedule10Ref: m.to_ref, isoRef: m.from_ref };
    },
  };
}

/** An information system with a protection level (from Schedule 9 answers all at that level). */
export async function makeSystem(p: TestPlatform, name: string, level: 'normal' | 'medium' | 'high' | null) {
  const asset = await p.services.assets.create(cliContext('test'), {
    name,
    type: 'information_system',
    ...(level
      ? { protectionAnswers: { confidentiality: level, integrity: level, availability: level, legal: level } }
      : {}),
  });
  return asset.id;
}

/** Bytes that sniff as a PNG image. */
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

/** A new current version of a framework: the same nodes (new ids) without `dropRef`. Returns its id. */
export async function newFrameworkVersion(p: TestPlatform, key: string, dropRef: string): Promise<string> {
  const db = p.database.db;
  const fw = await db.selectFrom('frameworks').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  const old = await db
    .selectFrom('framework_nodes')
    .selectAll()
    .where('version_id', '=', fw.current_version_id ?? '')
    .execute();
  const vid = randomUUID();
  const now = p.clock.now().toISOString();
  await db
    .insertInto('framework_versions')
    .values({
      id: vid,
      framework_id: fw.id,
      version: `next-${vid.slice(0, 8)}`,
      name_en: fw.name_en,
      name_zh: fw.name_zh,
      source: null,
      effective_date: null,
      content_hash: randomUUID(),
      status: 'current',
      node_count: old.length - 1,
      imported_by: null,
      imported_at: now,
    })
    .execute();
  const nodes = old
    .filter((n) => n.ref !== dropRef)
    .map((n) => ({ ...n, id: randomUUID(), version_id: vid }));
  for (let i = 0; i < nodes.length; i += 100)
    await db
      .insertInto('framework_nodes')
      .values(nodes.slice(i, i + 100))
      .execute();
  await db
    .updateTable('framework_versions')
    .set({ status: 'superseded' })
    .where('id', '=', fw.current_version_id ?? '')
    .execute();
  await db.updateTable('frameworks').set({ current_version_id: vid }).where('id', '=', fw.id).execute();
  return vid;
}
