import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliContext } from '../../platform/context.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  Client,
  countRows,
  createTestPlatform,
  makeRole,
  makeUser,
  signIn,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('user administration on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    admin = (await userClient(p, ['admin'])).client;
  });
  afterAll(async () => p?.close());

  const login = (username: string, password: string) =>
    new Client(p.app).post('/api/auth/login', { username, password });

  it('creates a user with a temporary password shown once, to be changed at first sign-in', async () => {
    const res = await admin.post('/api/users', {
      username: 'Wang.XiaoMing',
      displayName: '王小明',
      email: 'wang@agency.gov.tw',
      roles: ['viewer'],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user.username).toBe('wang.xiaoming');
    expect(user.mustChangePassword).toBe(true);
    expect(temporaryPassword).toEqual(expect.any(String));
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);

    const again = await admin.get(`/api/users/${user.id}`);
    expect(again.json()).not.toHaveProperty('temporaryPassword');
    expect(again.body).not.toContain(temporaryPassword);
    expect(JSON.stringify(await auditOf(p, user.id))).not.toContain(temporaryPassword);

    const c = new Client(p.app);
    const first = await c.post('/api/auth/login', { username: 'WANG.xiaoming', password: temporaryPassword });
    expect(first.json().state).toBe('password_change');
    expect((await c.get('/api/org')).statusCode).toBe(403);
  });

  it('makes even an administrator-chosen password a temporary one, and holds it to the policy', async () => {
    const weak = await admin.post('/api/users', {
      username: 'weak.one',
      displayName: 'x',
      roles: ['viewer'],
      password: 'short',
    });
    expect(weak.json().error.code).toBe('password.too_short');
    const res = await admin.post('/api/users', {
      username: 'chosen.one',
      displayName: 'x',
      roles: ['viewer'],
      password: 'Chosen-By-The-Admin-99',
    });
    expect(res.json().temporaryPassword).toBeNull();
    expect((await login('chosen.one', 'Chosen-By-The-Admin-99')).json().state).toBe('password_change');
  });

  it('refuses a duplicate username whatever its case, and an unknown role, creating nothing', async () => {
    const u = await makeUser(p);
    const users = await countRows(p, 'users');
    const dup = await admin.post('/api/users', {
      username: u.username.toUpperCase(),
      displayName: 'x',
      roles: ['viewer'],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('user.username_taken');
    const role = await admin.post('/api/users', {
      username: 'new.person',
      displayName: 'x',
      roles: ['root'],
    });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.code).toBe('role.unknown');
    expect(role.json().error.details.roles).toEqual(['root']);
    expect(await countRows(p, 'users')).toBe(users);
  });

  it('creates one user and answers 409, never 500, when the same create arrives twice at once', async () => {
    const users = await countRows(p, 'users');
    const body = { username: 'double.click', displayName: '重複點擊', roles: ['viewer'] };
    const results = await Promise.all([admin.post('/api/users', body), admin.post('/api/users', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countRows(p, 'users')).toBe(users + 1);
  });

  it('disabling ends the sessions at once and refuses sign-in; enabling lets the user back', async () => {
    const u = await makeUser(p);
    const c = await signIn(p, u.username, u.password);
    const off = await admin.patch(`/api/users/${u.id}`, { disabled: true });
    expect(off.json().disabled).toBe(true);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const refused = await login(u.username, u.password);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('auth.invalid_credentials');

    expect((await admin.patch(`/api/users/${u.id}`, { disabled: false })).json().disabled).toBe(false);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
    const actions = (await auditOf(p, u.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('resetting a password ends the sessions and demands a change at next sign-in', async () => {
    const u = await makeUser(p);
    const c = await signIn(p, u.username, u.password);
    const res = await admin.post(`/api/users/${u.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect((await c.get('/api/me')).statusCode).toBe(401);
    expect((await login(u.username, u.password)).statusCode).toBe(401);
    expect((await login(u.username, temporaryPassword)).json().state).toBe('password_change');
    expect((await auditOf(p, u.id)).map((e) => e.action)).toContain('user.password_reset');

    const self = (await admin.get('/api/me')).json().id;
    const own = await admin.post(`/api/users/${self}/reset-password`);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('user.self_action');
  });

  it('records a roles change with from and to, and the user holds the new permissions at once', async () => {
    const u = await makeUser(p, { roles: ['viewer'] });
    const c = await signIn(p, u.username, u.password);
    expect((await c.get('/api/audit')).statusCode).toBe(403);
    const res = await admin.patch(`/api/users/${u.id}`, { roles: ['viewer', 'auditor', 'auditor'] });
    expect(res.json().roles).toEqual(['auditor', 'viewer']);
    expect((await c.get('/api/audit')).statusCode).toBe(200);
    await admin.patch(`/api/users/${u.id}`, { roles: ['viewer', 'auditor'] });
    const changes = (await auditOf(p, u.id)).filter((e) => e.action === 'user.roles_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.details).toMatchObject({ from: ['viewer'], to: ['auditor', 'viewer'] });
  });

  it('lists users by text, role, status and unit, a page at a time', async () => {
    const tag = `zq${Date.now() % 100_000}`;
    const unit = await p.services.org.createUnit(cliContext('test'), { name: `資訊室 ${tag}` });
    const [a, b, c, d, e] = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((x) =>
        makeUser(p, {
          username: `${tag}.${x}`,
          roles: x === 'c' ? ['auditor'] : ['viewer'],
          unitId: x === 'e' ? unit.id : null,
        }),
      ),
    );
    await admin.patch(`/api/users/${d?.id}`, { disabled: true });
    for (let i = 0; i < 5; i++) await login(b?.username ?? '', 'wrong-password');
    const list = async (query: string) => {
      const res = await admin.get(`/api/users?q=${tag.toUpperCase()}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return { total: body.total, names: body.items.map((x: { username: string }) => x.username) };
    };
    expect(await list('limit=2')).toEqual({ total: 5, names: [a?.username, b?.username] });
    expect((await list('limit=2&offset=4')).names).toEqual([e?.username]);
    expect((await list('role=auditor')).names).toEqual([c?.username]);
    expect((await list('status=disabled')).names).toEqual([d?.username]);
    expect((await list('status=locked')).names).toEqual([b?.username]);
    expect((await list('status=active')).total).toBe(4);
    expect((await list(`unitId=${unit.id}`)).names).toEqual([e?.username]);
    await p.database.db
      .updateTable('users')
      .set({ mfa_enabled_at: p.clock.now().toISOString() })
      .where('id', '=', a!.id)
      .execute();
    expect((await list('mfa=enabled')).names).toEqual([a?.username]);
    expect((await list('mfa=disabled&limit=1')).total).toBe(4);
    // The unfiltered list (compiled once) pages the same way.
    const everyone = (await admin.get('/api/users?limit=500')).json();
    const slice = (await admin.get('/api/users?limit=2&offset=1')).json();
    expect(slice.total).toBe(everyone.total);
    expect(slice.items.map((x: { username: string }) => x.username)).toEqual(
      everyone.items.slice(1, 3).map((x: { username: string }) => x.username),
    );
    expect(slice.items[0].roles).toEqual(everyone.items[1].roles);
    // LIKE wildcards in the search text are literal characters, not patterns.
    const wild = (await admin.get('/api/users?q=_&limit=500')).json();
    expect(wild.items.filter((x: { username: string }) => !x.username.includes('_'))).toEqual([]);
  });

  it('an auditor reads everything and changes nothing', async () => {
    const auditor = (await userClient(p, ['auditor'])).client;
    const target = await makeUser(p);
    const role = await makeRole(p, ['org.read']);
    const unit = await p.services.org.createUnit(cliContext('test'), { name: '稽核室' });
    for (const url of [
      '/api/users',
      `/api/users/${target.id}`,
      '/api/audit',
      '/api/audit/export.csv',
      '/api/roles',
      '/api/permissions',
      '/api/settings',
      '/api/org',
      '/api/units',
    ])
      expect((await auditor.get(url)).statusCode, url).toBe(200);
    const token = await auditor.post('/api/me/tokens', {
      name: 't',
      permissions: ['users.manage'],
      expiresInDays: 1,
    });
    expect(token.json().error.code).toBe('token.permission_not_held');

    const tables = ['users', 'roles', 'units', 'audit_entries', 'sessions'] as const;
    const before = await Promise.all(tables.map((t) => countRows(p, t)));
    const snapshot = async () => [
      (await admin.get('/api/settings')).body,
      (await admin.get('/api/org')).body,
      (await admin.get(`/api/users/${target.id}`)).body,
      (await admin.get('/api/roles')).body,
      (await admin.get('/api/units')).body,
    ];
    const state = await snapshot();
    const writes: [string, string, object?][] = [
      ['POST', '/api/users', { username: 'by.auditor', displayName: 'x', roles: ['admin'] }],
      ['PATCH', `/api/users/${target.id}`, { roles: ['admin'] }],
      ['POST', `/api/users/${target.id}/reset-password`],
      ['POST', `/api/users/${target.id}/unlock`],
      ['POST', `/api/users/${target.id}/mfa/reset`],
      ['POST', '/api/roles', { id: 'by_auditor', nameEn: 'x', nameZh: 'x', permissions: [] }],
      ['PATCH', `/api/roles/${role}`, { permissions: ['users.manage'] }],
      ['DELETE', `/api/roles/${role}`],
      ['PUT', '/api/settings', { security: { lockoutMinutes: 60 } }],
      ['PUT', '/api/org', { name: '稽核人員改的' }],
      ['POST', '/api/units', { name: 'x' }],
      ['PATCH', `/api/units/${unit.id}`, { name: 'y' }],
      ['DELETE', `/api/units/${unit.id}`],
    ];
    for (const [method, url, payload] of writes) {
      const res = await auditor.request({ method: method as 'POST', url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    expect(await Promise.all(tables.map((t) => countRows(p, t)))).toEqual(before);
    expect(await snapshot()).toEqual(state);
  });
});

describe.each(testDialects())('the last administrator on %s', (dialect) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  it('cannot lose the admin role or be disabled while no other administrator is active', async () => {
    const root = await userClient(p, ['admin']);
    const second = await userClient(p, ['admin']);
    const manager = (await userClient(p, [await makeRole(p, ['users.read', 'users.manage'])])).client;
    expect((await root.client.patch(`/api/users/${second.user.id}`, { disabled: true })).statusCode).toBe(
      200,
    );

    for (const patch of [{ roles: ['viewer'] }, { disabled: true }, { roles: ['auditor'], disabled: true }]) {
      const res = await manager.patch(`/api/users/${root.user.id}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(409);
      expect(res.json().error.code).toBe('user.last_admin');
    }
    expect((await root.client.patch(`/api/users/${root.user.id}`, { roles: ['viewer'] })).statusCode).toBe(
      409,
    );
    const view = (await root.client.get(`/api/users/${root.user.id}`)).json();
    expect(view).toMatchObject({ roles: ['admin'], disabled: false });

    // With a second administrator active again, the first may step down, but never disable itself.
    expect((await manager.patch(`/api/users/${second.user.id}`, { disabled: false })).statusCode).toBe(200);
    const self = await root.client.patch(`/api/users/${root.user.id}`, { disabled: true });
    expect(self.json().error.code).toBe('user.self_disable');
    expect((await manager.patch(`/api/users/${root.user.id}`, { roles: ['auditor'] })).statusCode).toBe(200);
    const last = await manager.patch(`/api/users/${second.user.id}`, { roles: ['auditor'] });
    expect(last.json().error.code).toBe('user.last_admin');
  });

  it('lets only one of two administrators demoting each other at the same moment succeed', async () => {
    for (let round = 0; round < 3; round++) {
      const admins = (await p.services.users.list({ role: 'admin' }, 500, 0)).items.map((i) => i.user);
      const a = await userClient(p, ['admin']);
      const b = await userClient(p, ['admin']);
      for (const other of admins)
        await p.services.users.update(cliContext('test'), other.id, { roles: ['viewer'] });
      const results = await Promise.all([
        a.client.patch(`/api/users/${b.user.id}`, { roles: ['viewer'] }),
        b.client.patch(`/api/users/${a.user.id}`, { roles: ['viewer'] }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await p.services.users.list({ role: 'admin', status: 'active' }, 500, 0)).total).toBe(1);
    }
  });
});
