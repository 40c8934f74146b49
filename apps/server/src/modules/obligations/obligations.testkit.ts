// Test data for the obligations calendar: a small framework version with obligation items (independent of
// the shipped frameworks, so the expectations below stay fixed) and evidence rows.
import { randomUUID } from 'node:crypto';
import type { Obligation } from '@vigil/frameworks';
import type { TestPlatform } from '../../test/harness.js';

export const TEST_FRAMEWORK = 'test-obligations';

const item = (ref: string, en: string, zh: string, obligation: Obligation) => ({ ref, en, zh, obligation });

/** Schedules shaped like the Taiwan responsibility-level items (TAIWAN.md). */
export const TEST_ITEMS = [
  item('IA', 'Internal security audit', '內部資通安全稽核', {
    kind: 'internal_audit',
    byLevel: {
      A: { kind: 'every', months: 6 },
      B: { kind: 'every', months: 12 },
      C: { kind: 'every', months: 24 },
    },
  }),
  item('VS', 'Vulnerability scan', '弱點掃描', {
    kind: 'vulnerability_scan',
    byLevel: {
      A: { kind: 'every', months: 6 },
      B: { kind: 'every', months: 12 },
      C: { kind: 'every', months: 24 },
    },
  }),
  item('PT', 'Penetration test', '滲透測試', {
    kind: 'penetration_test',
    byLevel: {
      A: { kind: 'every', months: 12 },
      B: { kind: 'every', months: 24 },
      C: { kind: 'every', months: 24 },
    },
  }),
  item('SE', 'Social-engineering drill', '社交工程演練', {
    kind: 'social_engineering_drill',
    byLevel: {
      A: { kind: 'every', months: 6 },
      B: { kind: 'every', months: 6 },
      C: { kind: 'every', months: 6 },
    },
  }),
  item('SOC', 'SOC monthly device-status form', 'SOC 每月設備狀態表', {
    kind: 'soc_monthly_report',
    byLevel: { A: { kind: 'monthly', day: 5 }, B: { kind: 'monthly', day: 5 } },
  }),
  item('EDR', 'Deploy EDR', '導入端點偵測及應變機制', {
    kind: 'edr',
    byLevel: { A: { kind: 'within', months: 12 }, B: { kind: 'within', months: 12 } },
  }),
  item('TR', 'Security staff training hours', '資安專責人員訓練時數', {
    kind: 'training_hours',
    byLevel: {
      A: { kind: 'hours', hours: 12, audience: 'security_staff' },
      B: { kind: 'hours', hours: 12, audience: 'security_staff' },
      C: { kind: 'hours', hours: 12, audience: 'security_staff' },
    },
  }),
  item('RA', 'Re-approve the responsibility level', '重新核定資通安全責任等級', {
    kind: 'level_reapproval',
    byLevel: {
      A: { kind: 'every', months: 36 },
      B: { kind: 'every', months: 36 },
      C: { kind: 'every', months: 36 },
      D: { kind: 'every', months: 36 },
      E: { kind: 'every', months: 36 },
    },
  }),
];

export type TestItem = (typeof TEST_ITEMS)[number];

/** Inserts the test framework (one version, one section, the items given) unless it exists. */
export async function insertTestFramework(
  p: TestPlatform,
  key = TEST_FRAMEWORK,
  items: readonly TestItem[] = TEST_ITEMS,
): Promise<void> {
  const db = p.database.db;
  if (await db.selectFrom('frameworks').select('id').where('key', '=', key).executeTakeFirst()) return;
  const now = p.clock.now().toISOString();
  const frameworkId = randomUUID();
  const versionId = randomUUID();
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      key,
      name_en: 'Test obligations',
      name_zh: '測試應辦事項',
      publisher: null,
      builtin: 0,
      current_version_id: versionId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('framework_versions')
    .values({
      id: versionId,
      framework_id: frameworkId,
      version: '1',
      name_en: 'Test obligations',
      name_zh: '測試應辦事項',
      source: null,
      effective_date: null,
      content_hash: randomUUID(),
      status: 'current',
      node_count: items.length + 1,
      imported_by: null,
      imported_at: now,
    })
    .execute();
  const node = (
    i: number,
    x: Partial<{
      ref: string;
      parent: string | null;
      kind: string;
      en: string;
      zh: string;
      ob: string | null;
    }>,
  ) => ({
    id: randomUUID(),
    version_id: versionId,
    ref: x.ref ?? '',
    parent_ref: x.parent ?? null,
    kind: x.kind ?? 'requirement',
    position: i,
    title_en: x.en ?? '',
    title_zh: x.zh ?? '',
    description_en: '',
    description_zh: '',
    applicability: null,
    obligation: x.ob ?? null,
    baseline: null,
    soa: 0,
  });
  const rows = [
    node(0, { ref: 'S', kind: 'section', en: 'Required items', zh: '應辦事項' }),
    ...items.map((t, i) =>
      node(i + 1, { ref: t.ref, parent: 'S', en: t.en, zh: t.zh, ob: JSON.stringify(t.obligation) }),
    ),
  ];
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('framework_nodes')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** An evidence row (a link), straight into the compliance engineer's table. */
export async function insertEvidence(
  p: TestPlatform,
  title = 'Scan report',
  createdBy: string | null = null,
): Promise<string> {
  const id = randomUUID();
  const now = p.clock.now().toISOString();
  await p.database.db
    .insertInto('evidence')
    .values({
      id,
      kind: 'link',
      title,
      description: '',
      file_name: null,
      sha256: null,
      size: null,
      content_type: null,
      url: 'https://example.org/report',
      record_type: null,
      record_id: null,
      valid_from: null,
      valid_until: null,
      owner_id: null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
