import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialect } from '@vigil/db';
import { createTestDatabase, type TestDatabase } from '@vigil/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../http/server.js';
import type { LoginLimits } from '../modules/auth/auth.service.js';
import { currentTotp } from '../platform/auth/totp.js';
import type { Clock } from '../platform/clock.js';
import { cliContext } from '../platform/context.js';
import { generateKey, KeyRing } from '../platform/crypto/keyring.js';
import { bootstrap, createServices, type Services } from '../services.js';

/** A clock the test moves by hand (lockout expiry, idle sessions, TOTP steps). */
export class MovableClock implements Clock {
  private t: number;
  constructor(start = Date.parse('2026-06-01T01:00:00.000Z')) {
    this.t = start;
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
  advanceSeconds(s: number): void {
    this.t += s * 1000;
  }
}

export interface TestPlatform {
  dialect: Dialect;
  database: TestDatabase;
  services: Services;
  app: FastifyInstance;
  clock: MovableClock;
  close(): Promise<void>;
}

/** Storage, services and the HTTP app, wired exactly as in production but on a throw-away database. */
export async function createTestPlatform(
  dialect: Dialect,
  opts: {
    secureCookies?: boolean;
    bodyLimit?: number;
    loginLimits?: LoginLimits;
    webDir?: string | null;
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase(dialect);
  const clock = new MovableClock();
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-files-'));
  const services = createServices(database, {
    clock,
    keyRing: new KeyRing(generateKey()),
    argon2MemoryKiB: 1024,
    setupTokenFile: null,
    blobDir,
    // Every test signs in from the same address; the address limit has its own test.
    loginLimits: opts.loginLimits ?? { perAddress: 10_000, perAccount: 10, windowMs: 5 * 60_000 },
  });
  await bootstrap(services);
  const app = await buildApp(services, {
    logger: false,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    trustProxy: false,
    webDir: opts.webDir ?? null,
    secureCookies: opts.secureCookies ?? false,
    ...(opts.onRoute ? { onRoute: opts.onRoute } : {}),
  });
  await app.ready();
  return {
    dialect,
    database,
    services,
    app,
    clock,
    async close() {
      await app.close();
      await database.dispose();
      fs.rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
export const STRONG_PASSWORD = 'Correct-Horse-Battery-42';

/** Creates a user straight through the service (no forced password change unless asked). */
export async function makeUser(
  p: TestPlatform,
  opts: {
    roles?: string[];
    username?: string;
    password?: string;
    mustChangePassword?: boolean;
    unitId?: string | null;
  } = {},
) {
  seq++;
  const username = opts.username ?? `user${seq}.${Math.random().toString(36).slice(2, 7)}`;
  const password = opts.password ?? STRONG_PASSWORD;
  const created = await p.services.users.create(cliContext('test'), {
    username,
    displayName: `Test User ${seq}`,
    roles: opts.roles ?? ['viewer'],
    password,
    unitId: opts.unitId ?? null,
    mustChangePassword: opts.mustChangePassword ?? false,
  });
  return { id: created.user.id, username, password };
}

/** Drives the API like a browser: keeps the session cookie and sends the CSRF header on changes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly app: FastifyInstance) {}

  async request(
    opts: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string },
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method !== 'GET' && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name.endsWith('vigil_session'));
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : null;
    const body = res.headers['content-type']?.toString().includes('json') ? safeJson(res.body) : null;
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string')
      this.csrf = body.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload: unknown = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string, payload?: unknown) {
    return this.request({
      method: 'DELETE',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Signs in with a password (and a TOTP secret when the account has MFA); returns a client in `active` state. */
export async function signIn(
  p: TestPlatform,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<Client> {
  const client = new Client(p.app);
  const res = await client.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  if (res.json().state === 'mfa_challenge') {
    if (!totpSecret) throw new Error('account has MFA; pass its secret');
    p.clock.advanceSeconds(30);
    const mfa = await client.post('/api/auth/mfa', { code: currentTotp(totpSecret, p.clock.now()) });
    if (mfa.statusCode !== 200) throw new Error(`MFA failed: ${mfa.body}`);
  }
  return client;
}

/** A signed-in user holding the given roles. */
export async function userClient(p: TestPlatform, roles: string[]) {
  const user = await makeUser(p, { roles });
  return { user, client: await signIn(p, user.username, user.password) };
}

/** Rows in a table; "nothing changed" checks compare the count before and after a refused request. */
export async function countRows(
  p: TestPlatform,
  table: 'users' | 'audit_entries' | 'units' | 'roles' | 'api_tokens' | 'sessions',
): Promise<number> {
  const row = await p.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Audit entries about one object, oldest first, with their details parsed. */
export async function auditOf(p: TestPlatform, objectId: string) {
  const rows = await p.database.db
    .selectFrom('audit_entries')
    .select(['action', 'outcome', 'actor_id', 'details'])
    .where('object_id', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}

/** A custom role holding exactly the given permissions, created straight through the service. */
export async function makeRole(
  p: TestPlatform,
  permissions: string[],
  id = `r_${++seq}_${Date.now() % 1e6}`,
) {
  await p.services.roles.create(cliContext('test'), { id, nameEn: id, nameZh: id, permissions });
  return id;
}

/** What every refusal looks like: the status, a stable code, a message and the request id. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.requestId).toBe(res.headers['x-request-id']);
}
