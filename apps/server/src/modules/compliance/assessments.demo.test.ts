import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../cli/demo.command.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';
import { ISO_ASSESSMENT_TITLE, SCHEDULE_10_ASSESSMENT_TITLE } from './assessments.demo.js';

// The compliance assessments of `vigil demo`: the assessments page has something to show.
describe('demo compliance assessments', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform('sqlite');
    expect(await loadDemo(p.services)).toEqual(expect.any(String));
  }, 60_000);
  afterAll(async () => p?.close());

  it('has an ISO/IEC 27001 assessment in progress with every kind of result, gaps with owners and evidence', async () => {
    const c = p.services.compliance;
    const list = await c.assessments.list();
    const iso = list.find((a) => a.title === ISO_ASSESSMENT_TITLE);
    expect(iso).toMatchObject({ status: 'in_progress', scope: 'organisation' });
    expect(iso?.framework.key).toBe('iso27001-2022');
    const counts = iso?.score.counts;
    expect(counts?.compliant).toBeGreaterThanOrEqual(2);
    expect(counts?.partial).toBeGreaterThanOrEqual(1);
    expect(counts?.non_compliant).toBeGreaterThanOrEqual(1);
    expect(counts?.not_applicable).toBe(2);
    expect(iso?.score.score).toBeGreaterThan(0);

    const detail = await c.assessments.get(iso!.id);
    const results = detail.sections.flatMap((s) => s.results);
    const byRef = new Map(results.map((r) => [r.ref, r]));
    expect(byRef.get('A.8.30')?.reason).toContain('未委外開發');
    expect(byRef.get('A.8.8')?.evidence.map((e) => e.title)).toEqual(['核心系統弱點掃描報告']);
    expect(byRef.get('A.8.8')?.controls.map((x) => x.name)).toEqual(['弱點掃描與修補管理']);
    const gaps = await c.gaps({ assessmentId: iso!.id });
    expect(gaps.map((g) => g.ref).sort()).toEqual(['A.8.13', 'A.8.15', 'A.8.8']);
    expect(gaps.every((g) => g.owner !== null && g.dueOn !== null)).toBe(true);
  });

  it('has the website assessed against Schedule 10 at its protection level only', async () => {
    const c = p.services.compliance;
    const system = (await c.assessments.list()).find((a) => a.title === SCHEDULE_10_ASSESSMENT_TITLE);
    expect(system).toMatchObject({ scope: 'asset', protectionLevel: 'medium', status: 'in_progress' });
    expect(system?.asset?.name).toBe('市政府全球資訊網');
    const detail = await c.assessments.get(system!.id);
    const results = detail.sections.flatMap((s) => s.results);
    // High-only measures are left out automatically; the rest wait for or have a result.
    const automatic = results.filter((r) => r.automatic).map((r) => r.ref);
    expect(automatic.sort()).toEqual(['CP-2', 'SC-1', 'SC-2']);
    expect(results.find((r) => r.ref === 'AC-1')?.status).toBe('compliant');
    expect(system?.openGaps).toBe(2);
    expect((await p.services.audit.verify()).ok).toBe(true);
  });
});
