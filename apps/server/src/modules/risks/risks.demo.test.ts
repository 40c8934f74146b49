import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../cli/demo.command.js';
import { cliContext } from '../../platform/context.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';

describe('demo risks', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform('sqlite');
  });
  afterAll(async () => p?.close());

  it('loads a completed and an in-progress assessment with treatment and one accepted risk', async () => {
    expect(await loadDemo(p.services)).toEqual(expect.any(String));
    const ctx = cliContext('t');
    const list = await p.services.risks.listAssessments({ limit: 50, offset: 0 });
    expect(list.items.map((a) => a.status).sort()).toEqual(['completed', 'in_progress']);
    const reg = await p.services.risks.scenarios.register(ctx, {
      limit: 50,
      offset: 0,
      sort: 'code',
      order: 'asc',
    });
    expect(reg.total).toBe(8);
    expect(reg.items.filter((x) => x.status === 'accepted')).toHaveLength(1);
    expect(reg.items.some((x) => x.actual !== null)).toBe(true);
    expect((await p.services.audit.verify()).ok).toBe(true);
  });
});
