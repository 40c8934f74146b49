import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';
import { buildDetail } from './assessment-detail.js';
import { ensureFrameworks, type FrameworkFacts } from './compliance.testkit.js';

const ctx = cliContext('test');

/** Counts the statements a piece of work sends to the database. */
function queryCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

describe.each(testDialects())('the assessment page queries on %s', (dialect) => {
  let p: TestPlatform;
  let facts: FrameworkFacts;

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    facts = await ensureFrameworks(p);
  });
  afterAll(async () => p?.close());

  const queriesOf = async (assessmentId: string) => {
    const counter = queryCounter();
    const row = await p.services.compliance.assessments.row(assessmentId);
    const db = p.services.db.withPlugin(counter);
    const sections = await buildDetail({ db, clock: p.clock }, row, 'iso27001-2022');
    return { count: counter.count, sections };
  };

  it('sends the same few queries however much is linked, and suggests what other assessments hold', async () => {
    const { schedule10Ref, isoRef } = await facts.mapping();
    const iso = await p.services.compliance.assessments.create(ctx, {
      title: 'ISO 2026',
      frameworkKey: 'iso27001-2022',
      scope: 'organisation',
    });
    const empty = await queriesOf(iso.id);
    expect(empty.count).toBeLessThanOrEqual(12);

    // Much more linked around the framework: controls on many requirements (one retired), their evidence,
    // and a completed Schedule 10 assessment with evidence on the measure mapped to `isoRef`.
    const isoRefs = (await facts.requirements('iso27001-2022')).map((n) => n.ref);
    const evidence = [];
    for (let i = 0; i < 6; i++)
      evidence.push(
        await p.services.compliance.evidence.create(ctx, {
          kind: 'link',
          title: `紀錄 ${i}`,
          url: `https://intra.example.tw/${i}`,
        }),
      );
    const [e0, e1, e2, e3] = evidence.map((e) => e.id) as [string, string, string, string];
    for (let i = 0; i < 6; i++)
      await p.services.compliance.controls.create(ctx, {
        name: `控制措施 ${i}`,
        category: 'process',
        status: i === 5 ? 'retired' : 'operating',
        requirements: isoRefs.slice(i, i + 3).map((ref) => ({ frameworkKey: 'iso27001-2022', ref })),
        evidenceIds: [evidence[i]?.id as string],
      });
    const retired = await p.services.compliance.controls.create(ctx, {
      name: '已停用的控制措施',
      category: 'policy',
      status: 'retired',
      requirements: [{ frameworkKey: 'tw-schedule-10', ref: schedule10Ref }],
      evidenceIds: [e3],
    });
    const s10 = await p.services.compliance.assessments.create(ctx, {
      title: '附表十 2025',
      frameworkKey: 'tw-schedule-10',
      scope: 'organisation',
    });
    const measure = s10.sections.flatMap((s) => s.results).find((r) => r.ref === schedule10Ref);
    await p.services.compliance.assessments.updateResult(ctx, measure?.id ?? '', {
      status: 'compliant',
      evidenceIds: [e1, e2],
    });
    await p.services.compliance.assessments.complete(ctx, s10.id);
    // The same evidence on the same measure again in a second past assessment is suggested once.
    const again = await p.services.compliance.assessments.create(ctx, {
      title: '附表十 2026',
      frameworkKey: 'tw-schedule-10',
      scope: 'organisation',
      copyFromId: s10.id,
    });

    const full = await queriesOf(iso.id);
    expect(full.count).toBe(empty.count);
    const result = full.sections.flatMap((s) => s.results).find((r) => r.ref === isoRef);
    const via = { frameworkKey: 'tw-schedule-10', ref: schedule10Ref };
    const fromSchedule10 = result?.suggestions.evidence.filter((e) => e.via.ref === schedule10Ref);
    expect(fromSchedule10?.map((e) => e.id).sort()).toEqual([e1, e2].sort());
    expect(fromSchedule10?.every((e) => e.via.frameworkKey === via.frameworkKey)).toBe(true);
    // Retired controls and their evidence are not offered.
    expect(result?.suggestions.controls.map((c) => c.id)).not.toContain(retired.id);
    expect(result?.suggestions.evidence.map((e) => e.id)).not.toContain(e3);
    // A requirement's own controls' evidence is offered through the requirement itself.
    const first = full.sections.flatMap((s) => s.results).find((r) => r.ref === isoRefs[0]);
    expect(first?.suggestions.evidence).toContainEqual(
      expect.objectContaining({ id: e0, via: { frameworkKey: 'iso27001-2022', ref: isoRefs[0] } }),
    );
    expect(again.id).not.toBe(s10.id);
  });
});
