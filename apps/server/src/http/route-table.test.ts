import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPermission, type RouteAccess, type SessionState } from '@vigil/contracts';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/database.js';
import {
  Client,
  countRows,
  createTestPlatform,
  makeRole,
  makeUser,
  type TestPlatform,
  userClient,
} from '../test/harness.js';

interface Route {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  sessionStates: SessionState[];
}

/** The public entry points of the API; anything else public is an accident. */
const PUBLIC_API = [
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/auth/login',
  'GET /healthz',
  'GET /readyz',
];

const withBody = (method: string) => !['GET', 'HEAD'].includes(method);
/** A concrete URL for a route pattern: every parameter a random UUID. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace('*', 'x');

describe.each(testDialects())('route table on %s', (dialect) => {
  let p: TestPlatform;
  const seen: RouteOptions[] = [];
  let routes: Route[] = [];
  let webDir: string;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>守望</title>');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    p = await createTestPlatform(dialect, { webDir, onRoute: (r) => seen.push(r) });
    // Read after ready: a scope's own onRoute hook (publicScope) may set the access after ours ran.
    routes = seen.flatMap((r) => {
      const config = (r.config ?? {}) as { access?: RouteAccess; sessionStates?: SessionState[] };
      return (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method,
        url: r.url,
        access: config.access,
        sessionStates: config.sessionStates ?? [],
      }));
    });
  });
  afterAll(async () => {
    await p?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const guarded = () => routes.filter((r) => r.access !== 'public');
  const isPermissionAccess = (a: RouteAccess | undefined) =>
    a !== undefined && (typeof a === 'string' ? isPermission(a) : a.length > 0 && a.every(isPermission));
  const needsPermission = () => routes.filter((r) => isPermissionAccess(r.access));
  const selfService = () => routes.filter((r) => r.access === 'authenticated');

  it('sees the whole table, plugin routes included, and every route declares a known access', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThanOrEqual(60);
    expect(names).toEqual(
      expect.arrayContaining(['GET /api/docs/json', 'GET /index.html', 'GET /assets/app.js', 'PUT /api/org']),
    );
    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const invalid = routes.filter(
      (r) => r.access !== 'public' && r.access !== 'authenticated' && !isPermissionAccess(r.access),
    );
    expect(invalid).toEqual([]);
    expect(needsPermission().length).toBeGreaterThanOrEqual(25);
    expect(selfService().length).toBeGreaterThanOrEqual(10);
  });

  it('keeps the public surface to sign-in, setup, health, API docs and web UI files', () => {
    const publicApi = routes
      .filter((r) => r.access === 'public' && r.method !== 'HEAD')
      .filter((r) => r.url.startsWith('/api/') || r.url.endsWith('z'))
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicApi.sort()).toEqual([...PUBLIC_API].sort());
  });

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const anon = new Client(p.app);
    const failures: string[] = [];
    for (const r of guarded()) {
      const res = await anon.request({
        method: r.method as 'GET',
        url: concrete(r.url),
        ...(withBody(r.method) ? { payload: {} } : {}),
      });
      const code = r.method === 'HEAD' ? 'auth.unauthenticated' : res.json().error?.code;
      if (res.statusCode !== 401 || code !== 'auth.unauthenticated')
        failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a signed-in user without permissions on every permission-bearing route, changing nothing', async () => {
    const { client } = await userClient(p, [await makeRole(p, [])]);
    // The session itself works: the refusals below are about permissions, not a broken sign-in.
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const users = await countRows(p, 'users');
    const failures: string[] = [];
    for (const r of needsPermission()) {
      const res = await client.request({
        method: r.method as 'GET',
        url: concrete(r.url),
        ...(withBody(r.method) ? { payload: {} } : {}),
      });
      if (![403, 404].includes(res.statusCode)) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await countRows(p, 'users')).toBe(users);
  });

  it('refuses API tokens on self-service routes (passwords, MFA, more tokens)', async () => {
    const { client } = await userClient(p, ['admin']);
    const created = await client.post('/api/me/tokens', {
      name: 'automation',
      permissions: ['users.read'],
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    expect((await p.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(200);
    const failures: string[] = [];
    for (const r of selfService()) {
      const res = await p.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: bearer,
        ...(withBody(r.method) ? { payload: {} } : {}),
      });
      const code = r.method === 'HEAD' ? 'auth.token_not_allowed' : res.json().error?.code;
      if (res.statusCode !== 403 || code !== 'auth.token_not_allowed')
        failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets a session that has not finished signing in reach only the routes that declare its state', async () => {
    const u = await makeUser(p, { roles: ['admin'], mustChangePassword: true });
    const client = new Client(p.app);
    const login = await client.post('/api/auth/login', { username: u.username, password: u.password });
    expect(login.json().state).toBe('password_change');
    const failures: string[] = [];
    for (const r of guarded().filter((x) => !x.sessionStates.includes('password_change'))) {
      const res = await client.request({
        method: r.method as 'GET',
        url: concrete(r.url),
        ...(withBody(r.method) ? { payload: {} } : {}),
      });
      if (res.statusCode !== 403) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect((await client.get('/api/auth/session')).json().state).toBe('password_change');
  });

  it('documents every API route in the OpenAPI document', async () => {
    const doc = await p.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = doc.json().paths as Record<string, Record<string, unknown>>;
    const missing = routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
      .filter((r) => !paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
  });

  it('serves the web UI: its files as they are, and index.html for any page route', async () => {
    const file = await p.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('console.log(1)');
    const page = await p.app.inject({ method: 'GET', url: '/assets/risks/42' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('守望');
    const stale = await p.app.inject({ method: 'GET', url: '/assets/app-old.js' });
    expect(stale.statusCode).toBe(404);
    expect(stale.json().error.code).toBe('not_found');
    const api = await p.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });
});
