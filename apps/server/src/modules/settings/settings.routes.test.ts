import { DEFAULT_SECURITY_SETTINGS } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  countRows,
  createTestPlatform,
  makeUser,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('security settings on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  let adminId: string;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    const a = await userClient(p, ['admin']);
    admin = a.client;
    adminId = a.user.id;
  });
  afterAll(async () => p?.close());

  const security = async () => (await admin.get('/api/settings')).json().security;
  const changes = async () => (await auditOf(p, 'security')).filter((e) => e.action === 'settings.updated');
  const login = (username: string, password: string) =>
    new Client(p.app).post('/api/auth/login', { username, password });

  it('starts from the defaults', async () => {
    expect(await security()).toEqual(DEFAULT_SECURITY_SETTINGS);
    expect(DEFAULT_SECURITY_SETTINGS).toMatchObject({
      lockoutMinutes: 15,
      passwordHistory: 3,
      passwordMinLength: 12,
    });
  });

  it('refuses values weaker than the floor, unknown keys and wrong types, changing nothing', async () => {
    const before = await security();
    const trail = await countRows(p, 'audit_entries');
    for (const patch of [
      { lockoutMinutes: 14 },
      { passwordHistory: 2 },
      { passwordMinLength: 7 },
      { lockoutThreshold: 11 },
      { sessionIdleMinutes: 0 },
      { lockoutMinutes: 15.5 },
      { lockoutMinutes: '30' },
      { mfaRequired: 'sometimes' },
      { passwordExpiry: 90 },
    ]) {
      const res = await admin.put('/api/settings', { security: patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    expect((await admin.put('/api/settings', { security: {}, extra: 1 })).statusCode).toBe(400);
    expect(await security()).toEqual(before);
    expect(await countRows(p, 'audit_entries')).toBe(trail);
  });

  it('records a change as settings.updated with from and to, and nothing for a no-op', async () => {
    const res = await admin.put('/api/settings', { security: { lockoutMinutes: 30, passwordHistory: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().security).toMatchObject({
      lockoutMinutes: 30,
      passwordHistory: 5,
      lockoutThreshold: 5,
    });
    expect(await security()).toMatchObject({ lockoutMinutes: 30, passwordHistory: 5 });
    const [entry] = await changes();
    expect(entry?.actor_id).toBe(adminId);
    expect(entry?.details).toEqual({
      changed: { lockoutMinutes: { from: 15, to: 30 }, passwordHistory: { from: 3, to: 5 } },
    });
    await admin.put('/api/settings', { security: { lockoutMinutes: 30, passwordHistory: 5 } });
    expect(await changes()).toHaveLength(1);
  });

  it('applies a new lockout policy to the next sign-in', async () => {
    await admin.put('/api/settings', { security: { lockoutThreshold: 3, lockoutMinutes: 20 } });
    const u = await makeUser(p);
    for (let i = 0; i < 3; i++) await login(u.username, 'wrong-password');
    expect((await admin.get(`/api/users/${u.id}`)).json().locked).toBe(true);
    p.clock.advanceMinutes(19);
    expect((await login(u.username, u.password)).statusCode).toBe(401);
    p.clock.advanceMinutes(1);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
    expect((await admin.get(`/api/users/${u.id}`)).json().locked).toBe(false);
  });

  it('refuses an MFA requirement naming a role that does not exist', async () => {
    const before = await security();
    const res = await admin.put('/api/settings', {
      security: { mfaRequired: 'roles', mfaRequiredRoles: ['auditor', 'auditors'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('settings.unknown_role');
    expect(res.json().error.details.roles).toEqual(['auditors']);
    expect(await security()).toEqual(before);
    const ok = await admin.put('/api/settings', {
      security: { mfaRequired: 'roles', mfaRequiredRoles: ['auditor'] },
    });
    expect(ok.json().security.mfaRequiredRoles).toEqual(['auditor']);
    await admin.put('/api/settings', { security: { mfaRequired: 'none', mfaRequiredRoles: [] } });
  });

  it('lets an auditor read the settings but not change them', async () => {
    const auditor = (await userClient(p, ['auditor'])).client;
    expect((await auditor.get('/api/settings')).json().security).toEqual(await security());
    const res = await auditor.put('/api/settings', { security: { lockoutMinutes: 1440 } });
    expect(res.statusCode).toBe(403);
    expect((await security()).lockoutMinutes).not.toBe(1440);
  });
});
