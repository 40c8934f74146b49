// Timing of the assessment page on a realistic data set (the shipped frameworks and mappings, 80 applied
// controls, 400 evidence items, six completed assessments with evidence on every result). Not part of the
// normal run; measure with: VIGIL_MEASURE=1 npx vitest run apps/server/src/modules/compliance/assessment-detail.measure
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import { type Client, createTestPlatform, type TestPlatform, userClient } from '../../test/harness.js';
import { buildDetail } from './assessment-detail.js';
import { ensureFrameworks } from './compliance.testkit.js';

const ctx = cliContext('measure');
const RUNS = 25;

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`[measure] ${label}: median ${median.toFixed(1)} ms, min ${times[0]?.toFixed(1)} ms`);
  return median;
}

describe.skipIf(!process.env.VIGIL_MEASURE).each(testDialects())(
  'assessment page timing on %s',
  (dialect) => {
    let p: TestPlatform;
    let targetId: string;
    let auditor: Client;

    beforeAll(async () => {
      p = await createTestPlatform(dialect);
      const facts = await ensureFrameworks(p);
      const db = p.database.db;
      const keys = ['iso27001-2022', 'tw-schedule-10', 'nist-csf-2.0'];
      const reqs = new Map<string, string[]>();
      for (const k of keys)
        reqs.set(
          k,
          (await facts.requirements(k)).map((n) => n.ref),
        );
      const pick = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
      const evidence: string[] = [];
      for (let i = 0; i < 400; i++)
        evidence.push(
          (
            await p.services.compliance.evidence.create(ctx, {
              kind: 'link',
              title: `E${i}`,
              url: `https://x.tw/${i}`,
            })
          ).id,
        );
      for (let i = 0; i < 80; i++) {
        const requirements = [0, 1, 2, 3].map((j) => {
          const k = pick(keys, i + j);
          return { frameworkKey: k, ref: pick(reqs.get(k) ?? [], i * 7 + j * 13) };
        });
        await p.services.compliance.controls.create(ctx, {
          name: `C${i}`,
          category: 'technical',
          status: 'operating',
          requirements,
          evidenceIds: [0, 1, 2, 3, 4].map((j) => pick(evidence, i * 5 + j)),
        });
      }
      const history = Number(process.env.VIGIL_MEASURE_HISTORY ?? 6);
      for (let h = 0; h < history; h++) {
        const k = pick(keys, h);
        const a = await p.services.compliance.assessments.create(ctx, {
          title: `old ${k}`,
          frameworkKey: k,
          scope: 'organisation',
        });
        const results = await db
          .selectFrom('compliance_results')
          .select('id')
          .where('assessment_id', '=', a.id)
          .execute();
        const links = results.flatMap((r, i) =>
          [0, 1].map((j) => ({ result_id: r.id, evidence_id: pick(evidence, i * 3 + j) })),
        );
        for (let i = 0; i < links.length; i += 200)
          await db
            .insertInto('compliance_result_evidence')
            .values(links.slice(i, i + 200))
            .execute();
        await db
          .updateTable('compliance_assessments')
          .set({ status: 'completed' })
          .where('id', '=', a.id)
          .execute();
      }
      targetId = (
        await p.services.compliance.assessments.create(ctx, {
          title: 'now',
          frameworkKey: 'iso27001-2022',
          scope: 'organisation',
        })
      ).id;
      auditor = (await userClient(p, ['auditor'])).client;
    }, 600_000);
    afterAll(async () => p?.close());

    it('measures GET of an ISO/IEC 27001 assessment', async () => {
      const a = p.services.compliance.assessments;
      const row = await a.row(targetId);
      const view = await a.get(targetId);
      const suggestions = view.sections
        .flatMap((s) => s.results)
        .reduce((n, r) => n + r.suggestions.evidence.length + r.suggestions.controls.length, 0);
      console.log(
        `[measure ${dialect}] ${suggestions} suggestions, ${view.sections.flatMap((s) => s.results).length} results`,
      );
      await time(`${dialect} buildDetail`, () => buildDetail(p.services, row, 'iso27001-2022'));
      await time(`${dialect} service get`, () => a.get(targetId));
      await time(`${dialect} HTTP GET`, async () => {
        const res = await auditor.get(`/api/compliance/assessments/${targetId}`);
        expect(res.statusCode).toBe(200);
      });
      expect(suggestions).toBeGreaterThan(0);
    }, 600_000);
  },
);
