import { testDialects } from '@vigil/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../platform/auth/totp.js';
import {
  Client,
  createTestPlatform,
  makeUser,
  STRONG_PASSWORD,
  signIn,
  type TestPlatform,
} from '../../test/harness.js';

describe.each(testDialects())('sign-in on %s', (dialect) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  it('first-run setup link creates the administrator once, then is dead', async () => {
    const anon = new Client(p.app);
    expect((await anon.get('/api/setup/status')).json()).toEqual({ needsSetup: true });
    const token = await p.services.setup.issueToken();
    const body = {
      token,
      username: 'root.admin',
      displayName: '系統管理者',
      password: STRONG_PASSWORD,
      organisationName: '測試機關',
    };
    expect((await anon.post('/api/setup', { ...body, token: 'x'.repeat(32) })).json().error.code).toBe(
      'setup.invalid_token',
    );
    expect((await anon.post('/api/setup', body)).statusCode).toBe(201);
    expect((await anon.get('/api/setup/status')).json()).toEqual({ needsSetup: false });
    const again = await anon.post('/api/setup', { ...body, username: 'second.admin' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup.already_done');
    const admin = await signIn(p, 'root.admin', STRONG_PASSWORD);
    const session = (await admin.get('/api/auth/session')).json();
    expect(session.roles).toEqual(['admin']);
    expect(session.roleNames.admin).toEqual({ en: 'Administrator', zh: '系統管理者' });
    expect(session.passwordPolicy).toEqual({ minLength: 12, history: 3 });
    expect(session.organisationName).toBe('測試機關');
    const trail = (await admin.get('/api/audit?action=setup.completed')).json();
    expect(trail.items[0]).toMatchObject({
      actorLabel: 'setup:root.admin',
      details: { administrator: 'root.admin' },
    });
  });

  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    const u = await makeUser(p);
    const res = await new Client(p.app).post('/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    const cookie = res.cookies.find((c) => c.name === 'vigil_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.path).toBe('/');
  });

  it('marks the cookie Secure and __Host- when served over HTTPS', async () => {
    const tls = await createTestPlatform(dialect, { secureCookies: true });
    try {
      const u = await makeUser(tls);
      const res = await new Client(tls.app).post('/api/auth/login', {
        username: u.username,
        password: u.password,
      });
      const cookie = res.cookies.find((c) => c.name === '__Host-vigil_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
    } finally {
      await tls.close();
    }
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const u = await makeUser(p);
    const wrong = await new Client(p.app).post('/api/auth/login', {
      username: u.username,
      password: 'not-the-password',
    });
    const unknown = await new Client(p.app).post('/api/auth/login', {
      username: 'nobody.here',
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('locks the account for 15 minutes after 5 failures, visible to and unlockable by an administrator', async () => {
    const u = await makeUser(p);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await new Client(p.app).post('/api/auth/login', {
            username: u.username,
            password: 'wrong-password',
          })
        ).statusCode,
      ).toBe(401);
    }
    const locked = await new Client(p.app).post('/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('auth.invalid_credentials');

    const admin = await makeUser(p, { roles: ['admin'] });
    const adminClient = await signIn(p, admin.username, admin.password);
    const view = (await adminClient.get(`/api/users/${u.id}`)).json();
    expect(view.locked).toBe(true);

    p.clock.advanceMinutes(14);
    expect(
      (await new Client(p.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(401);
    expect((await adminClient.post(`/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    expect(
      (await new Client(p.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(200);

    const trail = (await adminClient.get(`/api/audit?objectId=${u.id}&limit=50`)).json();
    const actions = trail.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('auth.lockout');
    expect(actions).toContain('user.unlocked');
  });

  it('lifts the lockout by itself after 15 minutes', async () => {
    const u = await makeUser(p);
    for (let i = 0; i < 5; i++)
      await new Client(p.app).post('/api/auth/login', { username: u.username, password: 'wrong-password' });
    p.clock.advanceMinutes(15);
    expect(
      (await new Client(p.app).post('/api/auth/login', { username: u.username, password: u.password }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const u = await makeUser(p);
    const c = await signIn(p, u.username, u.password);
    const res = await c.request({
      method: 'PATCH',
      url: '/api/me',
      payload: { displayName: 'x' },
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const cross = await c.request({
      method: 'PATCH',
      url: '/api/me',
      payload: { displayName: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.statusCode).toBe(403);
    expect((await c.patch('/api/me', { displayName: '新名字' })).json().displayName).toBe('新名字');
  });

  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const u = await makeUser(p);
    const idle = await signIn(p, u.username, u.password);
    p.clock.advanceMinutes(31);
    expect((await idle.get('/api/me')).statusCode).toBe(401);

    const busy = await signIn(p, u.username, u.password);
    // Active every 29 minutes: never idle, but the 12-hour absolute lifetime still ends it.
    for (let i = 0; i < 24; i++) {
      p.clock.advanceMinutes(29);
      expect((await busy.get('/api/me')).statusCode).toBe(200);
    }
    p.clock.advanceMinutes(29);
    expect((await busy.get('/api/me')).statusCode).toBe(401);
  });

  it('logout ends one session; logout everywhere ends them all', async () => {
    const u = await makeUser(p);
    const a = await signIn(p, u.username, u.password);
    const b = await signIn(p, u.username, u.password);
    const c = await signIn(p, u.username, u.password);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(401);
    expect((await b.get('/api/me')).statusCode).toBe(200);
    expect((await b.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('enrols TOTP, then demands it at sign-in, refuses replay, and accepts each recovery code once', async () => {
    const u = await makeUser(p);
    const c = await signIn(p, u.username, u.password);
    const enrol = (await c.post('/api/me/mfa/enrol')).json();
    expect(enrol.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.otpauthUrl).toContain('issuer=Vigil');
    const confirm = await c.post('/api/me/mfa/confirm', { code: currentTotp(enrol.secret, p.clock.now()) });
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(10);

    // The seed is stored encrypted: it appears nowhere in the database in clear.
    const secrets = await p.database.db.selectFrom('secrets').select('ciphertext').execute();
    expect(secrets.some((s) => s.ciphertext.includes(enrol.secret))).toBe(false);

    const d = new Client(p.app);
    const step1 = (await d.post('/api/auth/login', { username: u.username, password: u.password })).json();
    expect(step1.state).toBe('mfa_challenge');
    expect(step1.permissions).toEqual([]);
    expect((await d.get('/api/me')).json().error.code).toBe('auth.session_state');
    const bad = await d.post('/api/auth/mfa', { code: '000000' });
    expect(bad.json().error.code).toBe('auth.mfa_invalid');
    p.clock.advanceSeconds(60);
    const code = currentTotp(enrol.secret, p.clock.now());
    expect((await d.post('/api/auth/mfa', { code })).json().state).toBe('active');
    expect((await d.get('/api/me')).statusCode).toBe(200);

    const replay = new Client(p.app);
    await replay.post('/api/auth/login', { username: u.username, password: u.password });
    expect((await replay.post('/api/auth/mfa', { code })).statusCode).toBe(401);
    expect((await replay.post('/api/auth/mfa', { code: codes[0] })).json().state).toBe('active');

    const reuse = new Client(p.app);
    await reuse.post('/api/auth/login', { username: u.username, password: u.password });
    expect((await reuse.post('/api/auth/mfa', { code: codes[0] })).statusCode).toBe(401);
  });

  it('sends an account that must use MFA to enrolment before anything else', async () => {
    const admin = await makeUser(p, { roles: ['admin'] });
    const adminClient = await signIn(p, admin.username, admin.password);
    expect(
      (
        await adminClient.put('/api/settings', {
          security: { mfaRequired: 'roles', mfaRequiredRoles: ['auditor'] },
        })
      ).statusCode,
    ).toBe(200);
    const auditor = await makeUser(p, { roles: ['auditor'] });
    const c = new Client(p.app);
    expect(
      (await c.post('/api/auth/login', { username: auditor.username, password: auditor.password })).json()
        .state,
    ).toBe('mfa_enrol');
    expect((await c.get('/api/audit')).json().error.code).toBe('auth.session_state');
    const enrol = (await c.post('/api/me/mfa/enrol')).json();
    p.clock.advanceSeconds(5);
    await c.post('/api/me/mfa/confirm', { code: currentTotp(enrol.secret, p.clock.now()) });
    expect((await c.get('/api/auth/session')).json().state).toBe('active');
    expect((await c.get('/api/audit')).statusCode).toBe(200);
    expect((await c.delete('/api/me/mfa', { password: auditor.password })).json().error.code).toBe(
      'mfa.required',
    );
    await adminClient.put('/api/settings', { security: { mfaRequired: 'none' } });
  });

  it('forces an initial password to be changed, honouring length, common-password and history rules', async () => {
    const u = await makeUser(p, { mustChangePassword: true });
    const c = new Client(p.app);
    expect(
      (await c.post('/api/auth/login', { username: u.username, password: u.password })).json().state,
    ).toBe('password_change');
    expect((await c.get('/api/me')).statusCode).toBe(403);
    const change = (newPassword: string) =>
      c.post('/api/me/password', { currentPassword: u.password, newPassword });
    expect((await change('short')).json().error.code).toBe('password.too_short');
    expect((await change('1qaz2wsx3edc')).json().error.code).toBe('password.common');
    expect((await change('P@ssw0rd1234')).json().error.code).toBe('password.common');
    expect((await change(u.password)).json().error.code).toBe('password.reused');
    // Argon2 is slow on purpose; let it take 5 s of clock time so the settings cache goes cold before the
    // change's transaction. Nothing inside that transaction may read through the pool instead of the
    // transaction (on SQLite that query would wait for the transaction's own connection forever).
    const hash = p.services.hasher.hash.bind(p.services.hasher);
    p.services.hasher.hash = async (pw: string) => {
      p.clock.advanceSeconds(5);
      return hash(pw);
    };
    const ok = await change('Another-Strong-Pass-77').finally(() => {
      p.services.hasher.hash = hash;
    });
    expect(ok.json().state).toBe('active');
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });
});
