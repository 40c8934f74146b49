import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../cli/demo.command.js';
import { cliContext } from '../../platform/context.js';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';

describe('demo inventory', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform('sqlite');
  });
  afterAll(async () => p?.close());

  it('loads about thirty assets with protection levels, relations and owners', async () => {
    expect(await loadDemo(p.services)).toEqual(expect.any(String));
    const ctx = cliContext('t');
    const all = await p.services.assets.list(ctx, { limit: 500, offset: 0, sort: 'code', order: 'asc' });
    expect(all.total).toBeGreaterThanOrEqual(28);
    const levels = new Set(all.items.map((a) => a.protectionLevel).filter(Boolean));
    expect([...levels].sort()).toEqual(['high', 'medium', 'normal']);
    expect(all.items.some((a) => a.criticalInfrastructure && a.coreSystem)).toBe(true);
    expect(all.items.every((a) => a.owner !== null)).toBe(true);
    const doc = all.items.find((a) => a.name.startsWith('公文電子交換'))!;
    const rel = await p.services.assets.relations.of(doc.id);
    expect(rel.outgoing.length).toBeGreaterThanOrEqual(5);
    expect(rel.graph.nodes.length).toBeGreaterThan(rel.outgoing.length);
    expect((await p.services.audit.verify()).ok).toBe(true);
  });
});
