import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  createTestPlatform,
  expectError,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';
import { NOT_REQUIRED_REASON } from './baseline.js';
import {
  ensureFrameworks,
  type FrameworkFacts,
  makeSystem,
  newFrameworkVersion,
} from './compliance.testkit.js';

interface Result {
  id: string;
  ref: string;
  status: string;
  automatic: boolean;
  reason: string | null;
  evidence: { id: string }[];
  controls: { id: string }[];
  suggestions: { evidence: { id: string; via: unknown }[]; controls: { id: string; via: unknown }[] };
}
interface Section {
  ref: string;
  score: { score: number | null };
  results: Result[];
}
const resultsOf = (detail: { sections: Section[] }): Result[] => detail.sections.flatMap((s) => s.results);
const byRef = (detail: { sections: Section[] }, ref: string) => {
  const r = resultsOf(detail).find((x) => x.ref === ref);
  if (!r) throw new Error(`no result ${ref}`);
  return r;
};

describe.each(testDialects())('compliance assessments on %s', (dialect) => {
  let p: TestPlatform;
  let facts: FrameworkFacts;
  let engineer: Client;
  let engineerId: string;
  let auditor: Client;
  let completedId: string;
  let evidenceId: string;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    facts = await ensureFrameworks(p);
    const e = await userClient(p, ['security_engineer']);
    engineer = e.client;
    engineerId = e.user.id;
    auditor = (await userClient(p, ['auditor'])).client;
    evidenceId = (
      await engineer.post('/api/evidence', {
        kind: 'link',
        title: 'ISMS policy',
        url: 'https://intra.example.tw/p',
      })
    ).json().id;
  });
  afterAll(async () => p?.close());

  it('scores per section and overall: compliant 1, partial 0.5, not applicable left out', async () => {
    const reqs = await facts.requirements('iso27001-2022');
    const res = await engineer.post('/api/compliance/assessments', {
      title: '2026 內部稽核',
      frameworkKey: 'iso27001-2022',
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(resultsOf(a)).toHaveLength(reqs.length);
    expect(resultsOf(a).every((r) => r.status === 'not_assessed')).toBe(true);
    expect(a.score.score).toBe(0);

    // Three requirements of one section.
    const section = a.sections.find((s: Section) => s.results.length >= 3) as Section;
    const [r1, r2, r3] = section.results as [Result, Result, Result];
    expect(
      (
        await engineer.patch(`/api/compliance/results/${r1.id}`, {
          status: 'compliant',
          evidenceIds: [evidenceId],
        })
      ).statusCode,
    ).toBe(200);
    const gapDue = '2026-09-30';
    const partial = await engineer.patch(`/api/compliance/results/${r2.id}`, {
      status: 'partial',
      gapOwnerId: engineerId,
      gapDueOn: gapDue,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expectError(
      await engineer.patch(`/api/compliance/results/${r3.id}`, { status: 'not_applicable' }),
      400,
      'compliance.reason_required',
    );
    expectError(
      await engineer.patch(`/api/compliance/results/${r3.id}`, {
        status: 'compliant',
        gapOwnerId: engineerId,
      }),
      400,
      'compliance.gap_fields_need_gap',
    );
    const na = await engineer.patch(`/api/compliance/results/${r3.id}`, {
      status: 'not_applicable',
      reason: '本機關無委外開發',
    });
    expect(na.statusCode, na.body).toBe(200);
    const d = na.json();
    const s = d.sections.find((x: Section) => x.ref === section.ref) as Section;
    const round = (x: number) => Math.round(x * 10_000) / 10_000;
    expect(s.score.score).toBe(round(1.5 / (section.results.length - 1)));
    expect(d.score.score).toBe(round(1.5 / (reqs.length - 1)));
    expect(d.openGaps).toBe(1);
    expect(byRef(d, r1.ref).evidence.map((e) => e.id)).toEqual([evidenceId]);

    const gaps = (await auditor.get(`/api/compliance/gaps?assessmentId=${a.id}`)).json().items;
    expect(gaps).toEqual([
      expect.objectContaining({
        ref: r2.ref,
        status: 'partial',
        dueOn: gapDue,
        owner: expect.objectContaining({ id: engineerId }),
      }),
    ]);
    expect((await auditOf(p, a.id)).map((x) => x.action)).toEqual([
      'compliance_assessment.created',
      'compliance_result.updated',
      'compliance_result.updated',
      'compliance_result.updated',
    ]);

    const done = await engineer.post(`/api/compliance/assessments/${a.id}/complete`);
    expect(done.json().status).toBe('completed');
    expectError(
      await engineer.patch(`/api/compliance/results/${r1.id}`, { status: 'non_compliant' }),
      409,
      'compliance.assessment_completed',
    );
    expectError(
      await auditor.patch(`/api/compliance/results/${r1.id}`, { status: 'partial' }),
      403,
      'auth.forbidden',
    );
    completedId = a.id;
  });

  it('starts a new assessment from a completed one, copying results and links by ref', async () => {
    const prev = (await engineer.get(`/api/compliance/assessments/${completedId}`)).json();
    const res = await engineer.post('/api/compliance/assessments', {
      title: '2027 內部稽核',
      frameworkKey: 'iso27001-2022',
      copyFromId: completedId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const next = res.json();
    expect(next.copiedFromId).toBe(completedId);
    expect(next.status).toBe('in_progress');
    const changed = resultsOf(prev).filter((r) => r.status !== 'not_assessed');
    expect(changed).toHaveLength(3);
    for (const r of changed) {
      const copy = byRef(next, r.ref);
      expect(copy.id).not.toBe(r.id);
      expect([copy.status, copy.reason, copy.evidence]).toEqual([r.status, r.reason, r.evidence]);
    }
    expect(next.score.score).toBe(prev.score.score);

    expectError(
      await engineer.post('/api/compliance/assessments', {
        title: 'x',
        frameworkKey: 'iso27001-2022',
        copyFromId: next.id,
      }),
      409,
      'compliance.copy_source_not_completed',
    );
    expectError(
      await engineer.post('/api/compliance/assessments', {
        title: 'x',
        frameworkKey: 'tw-schedule-10',
        copyFromId: completedId,
      }),
      400,
      'compliance.copy_framework_mismatch',
    );
    expectError(
      await engineer.post('/api/compliance/assessments', { title: 'x', frameworkKey: 'no-such-framework' }),
      400,
      'compliance.unknown_framework',
    );
  });

  it('suggests evidence and controls already linked to mapped requirements of other frameworks', async () => {
    const { schedule10Ref, isoRef } = await facts.mapping();
    const control = (
      await engineer.post('/api/compliance/controls', {
        name: '集中日誌',
        category: 'technical',
        requirements: [{ frameworkKey: 'iso27001-2022', ref: isoRef }],
        evidenceIds: [evidenceId],
      })
    ).json();
    const res = await engineer.post('/api/compliance/assessments', {
      title: '附表十',
      frameworkKey: 'tw-schedule-10',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = byRef(res.json(), schedule10Ref);
    expect(r.suggestions.controls).toContainEqual(
      expect.objectContaining({ id: control.id, via: { frameworkKey: 'iso27001-2022', ref: isoRef } }),
    );
    expect(r.suggestions.evidence.map((e) => e.id)).toContain(evidenceId);
    // Once attached, a suggestion is no longer offered.
    const attached = (
      await engineer.patch(`/api/compliance/results/${r.id}`, { controlIds: [control.id] })
    ).json();
    expect(byRef(attached, schedule10Ref).suggestions.controls.map((c) => c.id)).not.toContain(control.id);
  });

  it('lists the Schedule 10 measures of a system at its protection level and assesses exactly those', async () => {
    const measures = await facts.requirements('tw-schedule-10');
    const levelsOf = (n: { applicability: string | null }) =>
      n.applicability
        ? ((JSON.parse(n.applicability).protectionLevels as string[] | undefined) ?? null)
        : null;
    const at = (level: string) =>
      measures.filter((n) => levelsOf(n)?.includes(level) ?? true).map((n) => n.ref);
    const high = await makeSystem(p, '核心業務系統', 'high');
    const normal = await makeSystem(p, '網站', 'normal');

    const hb = await auditor.get(`/api/compliance/baseline/${high}`);
    expect(hb.statusCode, hb.body).toBe(200);
    expect(hb.json().protectionLevel).toBe('high');
    expect(hb.json().measures.map((m: { ref: string }) => m.ref)).toEqual(at('high'));
    const nb = (await auditor.get(`/api/compliance/baseline/${normal}`)).json();
    expect(nb.measures.map((m: { ref: string }) => m.ref)).toEqual(at('normal'));
    expect(at('normal').length).toBeLessThan(at('high').length);
    expect(nb.notRequired).toBe(measures.length - at('normal').length);
    expect(nb.measures[0].textZh.length).toBeGreaterThan(0);

    const a = await engineer.post('/api/compliance/assessments', {
      title: '網站防護基準',
      frameworkKey: 'tw-schedule-10',
      scope: 'asset',
      assetId: normal,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().protectionLevel).toBe('normal');
    const results = resultsOf(a.json());
    const required = results.filter((r) => !r.automatic).map((r) => r.ref);
    expect(required).toEqual(at('normal'));
    const skipped = results.filter((r) => r.automatic);
    expect(skipped.every((r) => r.status === 'not_applicable' && r.reason === NOT_REQUIRED_REASON)).toBe(
      true,
    );
    expectError(
      await engineer.patch(`/api/compliance/results/${skipped[0]?.id}`, { status: 'compliant' }),
      409,
      'compliance.result_automatic',
    );

    const bare = await makeSystem(p, '未分級系統', null);
    expectError(await auditor.get(`/api/compliance/baseline/${bare}`), 400, 'compliance.no_protection_level');
    expectError(
      await engineer.post('/api/compliance/assessments', {
        title: 'x',
        frameworkKey: 'tw-schedule-10',
        scope: 'asset',
        assetId: bare,
      }),
      400,
      'compliance.no_protection_level',
    );
    const device = (
      await p.services.assets.create(
        { actor: { kind: 'cli', label: 't' }, ip: null, requestId: null },
        { name: 'Switch', type: 'network_device' },
      )
    ).id;
    expectError(
      await auditor.get(`/api/compliance/baseline/${device}`),
      400,
      'compliance.not_information_system',
    );
    expectError(
      await auditor.get('/api/compliance/baseline/00000000-0000-4000-8000-000000000000'),
      404,
      'not_found',
    );
  });

  it('copies across a new framework version by ref, leaving the old assessment as it was', async () => {
    const prev = (await engineer.get(`/api/compliance/assessments/${completedId}`)).json();
    const kept = resultsOf(prev).find((r) => r.status === 'compliant') as Result;
    const dropped = resultsOf(prev).find((r) => r.status === 'partial') as Result;
    const vid = await newFrameworkVersion(p, 'iso27001-2022', dropped.ref);
    const res = await engineer.post('/api/compliance/assessments', {
      title: '新版',
      frameworkKey: 'iso27001-2022',
      copyFromId: completedId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version.id).toBe(vid);
    expect(byRef(res.json(), kept.ref).status).toBe('compliant');
    expect(resultsOf(res.json()).some((r) => r.ref === dropped.ref)).toBe(false);
    const again = (await engineer.get(`/api/compliance/assessments/${completedId}`)).json();
    expect(byRef(again, dropped.ref).status).toBe('partial');
    expect(again.version.id).toBe(prev.version.id);
  });
});
