import { BUILTIN_ROLES } from '@vigil/contracts';
import { testDialects } from '@vigil/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, signIn, type TestPlatform } from '../test/harness.js';
import { loadDemo } from './demo.command.js';

describe.each(testDialects())('demo data on %s', (dialect) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  it('loads a sample organisation with units and a user for every built-in role, once', async () => {
    const password = await loadDemo(p.services);
    expect(password).toMatch(/^Demo-/);
    const admin = await signIn(p, 'lin.admin', password!);
    const org = (await admin.get('/api/org')).json();
    expect(org).toMatchObject({
      name: '示範市政府資訊局',
      responsibilityLevel: 'B',
      timeZone: 'Asia/Taipei',
    });
    const units = (await admin.get('/api/units')).json().items as {
      name: string;
      headUserId: string | null;
      parentId: string | null;
    }[];
    expect(units.length).toBeGreaterThanOrEqual(8);
    expect(units.find((u) => u.name === '資訊安全科')?.headUserId).not.toBeNull();
    const users = (await admin.get('/api/users?limit=100')).json().items as {
      roles: string[];
      unitId: string | null;
    }[];
    for (const role of Object.keys(BUILTIN_ROLES))
      expect(users.some((u) => u.roles.includes(role))).toBe(true);
    expect(users.every((u) => u.unitId)).toBe(true);
    expect((await admin.get('/api/setup/status')).json()).toEqual({ needsSetup: false });
    // The auditor from the demo can read the trail the loading wrote.
    const auditor = await signIn(p, 'huang.audit', password!);
    expect((await auditor.get('/api/audit?action=user.created')).json().total).toBeGreaterThanOrEqual(9);
    expect(await loadDemo(p.services)).toBeNull();
  });
});
