import { ALL_PERMISSIONS, BUILTIN_ROLES } from '@vigil/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  countRows,
  createTestPlatform,
  expectError,
  makeRole,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

interface Role {
  id: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
}

describe.each(testDialects())('roles on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    admin = (await userClient(p, ['admin'])).client;
  });
  afterAll(async () => p?.close());

  const roles = async (): Promise<Role[]> => (await admin.get('/api/roles')).json().items;
  const role = async (id: string) => (await roles()).find((r) => r.id === id);
  const newRole = (id: string, permissions: string[]) =>
    admin.post('/api/roles', { id, nameEn: 'Incident handler', nameZh: '事件處理人員', permissions });

  it('lists the built-in roles as defined, with how many users hold each, and every permission', async () => {
    const list = await roles();
    for (const [id, def] of Object.entries(BUILTIN_ROLES)) {
      expect(list.find((r) => r.id === id)).toMatchObject({
        builtin: true,
        permissions: [...def.permissions].sort(),
      });
    }
    expect((await role('admin'))?.userCount).toBeGreaterThanOrEqual(1);
    const perms = (await admin.get('/api/permissions')).json().items;
    expect(perms.map((x: { name: string }) => x.name)).toEqual(ALL_PERMISSIONS);
    expect(perms.find((x: { name: string }) => x.name === 'audit.read').zh).toBe('查閱稽核軌跡');
  });

  it('creates a custom role whose permissions reach its users, and changes them at once', async () => {
    const created = await newRole('incident_handler', ['users.read', 'audit.read', 'audit.read']);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      builtin: false,
      permissions: ['audit.read', 'users.read'],
      userCount: 0,
    });
    expect((await auditOf(p, 'incident_handler'))[0]).toMatchObject({
      action: 'role.created',
      details: { permissions: ['audit.read', 'users.read'] },
    });

    const u = await makeUser(p, { roles: ['incident_handler'] });
    const c = await signIn(p, u.username, u.password);
    expect((await c.get('/api/users')).statusCode).toBe(200);

    const updated = await admin.patch('/api/roles/incident_handler', {
      permissions: ['audit.read'],
      nameZh: '事件處理',
    });
    expect(updated.json()).toMatchObject({ nameZh: '事件處理', permissions: ['audit.read'], userCount: 1 });
    expect((await c.get('/api/users')).statusCode).toBe(403);
    expect((await c.get('/api/audit')).statusCode).toBe(200);
    const change = (await auditOf(p, 'incident_handler')).find((e) => e.action === 'role.updated');
    expect(change?.details).toEqual({
      permissionsFrom: ['audit.read', 'users.read'],
      permissionsTo: ['audit.read'],
      nameFrom: { en: 'Incident handler', zh: '事件處理人員' },
      nameTo: { en: 'Incident handler', zh: '事件處理' },
    });
  });

  it('refuses unknown permissions, a taken id and a malformed id, creating nothing', async () => {
    const before = await countRows(p, 'roles');
    const unknown = await newRole('typo_role', ['audit.read', 'audit.delete']);
    expectError(unknown, 400, 'role.unknown_permission');
    expect(unknown.json().error.details.permissions).toEqual(['audit.delete']);
    expectError(await newRole('admin', []), 409, 'role.id_taken');
    expectError(await newRole('Bad-Id', []), 400, 'validation.failed');
    expectError(await newRole('x', []), 400, 'validation.failed');
    expect(await countRows(p, 'roles')).toBe(before);

    expect((await newRole('keeps_perms', ['org.read'])).statusCode).toBe(201);
    expectError(
      await admin.patch('/api/roles/keeps_perms', { permissions: ['org.destroy'] }),
      400,
      'role.unknown_permission',
    );
    expect((await role('keeps_perms'))?.permissions).toEqual(['org.read']);
  });

  it('keeps built-in roles immutable', async () => {
    for (const res of [
      await admin.patch('/api/roles/viewer', { permissions: ['settings.manage'] }),
      await admin.patch('/api/roles/admin', { nameEn: 'Root' }),
      await admin.delete('/api/roles/auditor'),
    ])
      expectError(res, 409, 'role.builtin_immutable');
    expect((await role('viewer'))?.permissions).toEqual(['org.read']);
    expect(await role('auditor')).toBeDefined();
  });

  it('refuses to delete a role in use; deletes it once nobody holds it', async () => {
    expect((await newRole('temporary_role', ['org.read'])).statusCode).toBe(201);
    const u = await makeUser(p, { roles: ['temporary_role', 'viewer'] });
    expectError(await admin.delete('/api/roles/temporary_role'), 409, 'role.in_use');
    expect(await role('temporary_role')).toBeDefined();

    await admin.patch(`/api/users/${u.id}`, { roles: ['viewer'] });
    expect((await admin.delete('/api/roles/temporary_role')).statusCode).toBe(200);
    expect(await role('temporary_role')).toBeUndefined();
    expect((await auditOf(p, 'temporary_role')).map((e) => e.action)).toContain('role.deleted');
    expectError(await admin.delete('/api/roles/temporary_role'), 404, 'not_found');
    expectError(await admin.patch('/api/roles/temporary_role', { nameEn: 'x' }), 404, 'not_found');
  });

  it('creates one role and answers 409, never 500, when the same id arrives twice at once', async () => {
    const results = await Promise.all([newRole('twice_role', []), newRole('twice_role', [])]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('lets a role manager grant only permissions they hold themselves', async () => {
    const manager = await makeRole(p, ['roles.read', 'roles.manage', 'audit.read']);
    const u = await makeUser(p, { roles: [manager] });
    const c = await signIn(p, u.username, u.password);
    const before = await countRows(p, 'roles');
    const escalate = await c.post('/api/roles', {
      id: 'sneaky',
      nameEn: 'x',
      nameZh: 'x',
      permissions: ['users.manage'],
    });
    expectError(escalate, 403, 'role.permission_not_held');
    expect(await countRows(p, 'roles')).toBe(before);
    expect(
      (
        await c.patch(`/api/roles/${manager}`, {
          permissions: ['roles.read', 'roles.manage', 'settings.manage'],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await c.post('/api/roles', {
          id: 'readers',
          nameEn: 'Readers',
          nameZh: '查閱者',
          permissions: ['audit.read'],
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets a security engineer read roles but not change them', async () => {
    const engineer = (await userClient(p, ['security_engineer'])).client;
    expect((await engineer.get('/api/roles')).statusCode).toBe(200);
    expectError(
      await engineer.post('/api/roles', { id: 'mine', nameEn: 'x', nameZh: 'x', permissions: [] }),
      403,
      'auth.forbidden',
    );
    expectError(
      await engineer.patch('/api/roles/keeps_perms', { permissions: ['users.manage'] }),
      403,
      'auth.forbidden',
    );
  });
});
