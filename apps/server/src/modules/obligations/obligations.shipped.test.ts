// The calendar built from the shipped Taiwan framework (tw-responsibility-levels, seeded at bootstrap by the
// frameworks module), with the default "frameworks in use".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';

describe.each(testDialects())('calendar from the shipped Taiwan items on %s', (dialect) => {
  let p: TestPlatform;
  const ctx = cliContext('test');
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  it('level B: yearly audit and scan, penetration test every two years, drills, the SOC form by the 5th', async () => {
    expect((await p.services.obligations.profile()).frameworksInUse).toEqual(['tw-responsibility-levels']);
    await p.services.org.update(ctx, { responsibilityLevel: 'B' });
    const result = await p.services.obligations.generate(ctx);
    expect(result.obligations.active).toBeGreaterThanOrEqual(10);
    const obligations = await p.services.obligations.list(false);
    const schedule = (kind: string) => obligations.find((o) => o.kind === kind)?.schedule;
    expect(schedule('internal_audit')).toEqual({ kind: 'every', months: 12 });
    expect(schedule('vulnerability_scan')).toEqual({ kind: 'every', months: 12 });
    expect(schedule('penetration_test')).toEqual({ kind: 'every', months: 24 });
    expect(schedule('social_engineering_drill')).toEqual({ kind: 'every', months: 6 });
    expect(schedule('soc_monthly_report')).toEqual({ kind: 'monthly', day: 5 });
    expect(schedule('level_reapproval')).toEqual({ kind: 'every', months: 36 });
    const tasks = await p.services.obligations.tasks.list(ctx, {
      kind: 'soc_monthly_report',
      status: 'open',
      overdue: undefined,
      mine: undefined,
      limit: 100,
      offset: 0,
    });
    expect(tasks.items[0]?.dueOn).toBe('2026-06-05');
    expect(tasks.total).toBe(24);
  });
});
