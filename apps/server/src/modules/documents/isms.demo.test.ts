import { documentListQuery } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../cli/demo.command.js';
import { cliContext } from '../../platform/context.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';

const NO_FLAGS = { overdue: undefined, mine: undefined };

// The ISMS part of `vigil demo`: controls and evidence, the level-B calendar, the policy with
// acknowledgements pending, the regulations register with owners.
describe('demo ISMS content', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform('sqlite');
    expect(await loadDemo(p.services)).toEqual(expect.any(String));
  }, 60_000);
  afterAll(async () => p?.close());

  it('has applied controls linked to Annex A, evidence of each kind (one about to lapse) and an approved SoA', async () => {
    const s = p.services;
    const controls = await s.compliance.controls.list({});
    expect(controls.length).toBeGreaterThanOrEqual(5);
    const scan = controls.find((c) => c.name === '弱點掃描與修補管理');
    expect(scan?.requirements.map((r) => `${r.frameworkKey}:${r.ref}`)).toContain('iso27001-2022:A.8.8');
    const evidence = await s.compliance.evidence.list({});
    expect(new Set(evidence.map((e) => e.kind))).toEqual(new Set(['file', 'link', 'record']));
    expect(evidence.some((e) => e.status === 'expiring')).toBe(true);
    const pdf = evidence.find((e) => e.title === '核心系統弱點掃描報告');
    expect(pdf?.contentType).toBe('application/pdf');
    const soa = await s.compliance.soa.list();
    expect(soa.map((v) => v.status)).toEqual(['approved']);
    const approved = await s.compliance.soa.get(soa[0]!.id);
    expect(approved.entries).toHaveLength(93);
    expect(approved.entries.filter((e) => !e.applicable).map((e) => e.ref)).toEqual(['A.7.6', 'A.8.30']);
    expect(approved.entries.find((e) => e.ref === 'A.8.8')?.controls.length).toBe(1);
  });

  it('generates the level-B calendar with the SOC reports done but the latest overdue', async () => {
    const s = p.services;
    const ctx = cliContext('t');
    const profile = await s.obligations.profile();
    expect(profile.level).toBe('B');
    expect(profile.generatedLevel).toBe('B');
    expect(profile.needsRefresh).toBe(false);
    const kinds = new Set((await s.obligations.list(false)).map((o) => o.kind));
    for (const k of [
      'vulnerability_scan',
      'internal_audit',
      'social_engineering_drill',
      'soc_monthly_report',
    ])
      expect(kinds).toContain(k);
    const soc = await s.obligations.tasks.list(ctx, {
      kind: 'soc_monthly_report',
      limit: 100,
      offset: 0,
      ...NO_FLAGS,
    });
    expect(soc.items.filter((t) => t.status === 'done').length).toBeGreaterThanOrEqual(2);
    const summary = await s.obligations.tasks.summary(ctx);
    expect(summary.overdue).toBeGreaterThanOrEqual(1);
    const scans = await s.obligations.tasks.list(ctx, {
      kind: 'vulnerability_scan',
      limit: 100,
      offset: 0,
      ...NO_FLAGS,
    });
    expect(scans.items.every((t) => t.status === 'open')).toBe(true);
  });

  it('publishes the policy to everyone with two acknowledgements and the rest pending', async () => {
    const s = p.services;
    const docs = (await s.documents.list(documentListQuery.parse({ limit: 500 }))).items;
    const policy = docs.find((d) => d.title === '資通安全政策');
    expect(policy?.number).toBe('ISMS-P-001');
    const detail = await s.documents.get(policy!.id);
    const published = detail.versions.find((v) => v.status === 'published');
    const progress = await s.documents.distribution.progress(published!.id);
    expect(progress.acknowledged).toBe(2);
    expect(progress.total).toBe(9);
    expect(docs.some((d) => d.title === '資通安全事件通報及應變程序')).toBe(true);
  });

  it('keeps the seeded regulations register, every entry with an owner', async () => {
    const regs = await p.services.regulations.rows();
    expect(regs.length).toBeGreaterThanOrEqual(8);
    expect(regs.every((r) => r.owner_id !== null)).toBe(true);
    expect(regs.find((r) => r.seed_key === 'tw-csma')?.last_reviewed_on).not.toBeNull();
    expect((await p.services.audit.verify()).ok).toBe(true);
  });
});
