import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/database.js';
import {
  Client,
  countRows,
  createTestPlatform,
  expectError,
  makeUser,
  type TestPlatform,
  userClient,
} from '../test/harness.js';

const BODY_LIMIT = 8 * 1024;
const JSON_TYPE = 'application/json';
const valid = { username: 'asset.keeper', displayName: '資產管理員', roles: ['viewer'] };
const big5 = Buffer.from([0xb8, 0xea, 0xb2, 0xa3]); // 資產 in Big5: not UTF-8

const cases: { name: string; type: string; body: string | Buffer; status: number; code: string }[] = [
  {
    name: 'invalid JSON',
    type: JSON_TYPE,
    body: '{"username": "x",',
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'wrong types',
    type: JSON_TYPE,
    body: JSON.stringify({ username: 42, displayName: [], roles: 'admin' }),
    status: 400,
    code: 'validation.failed',
  },
  {
    name: 'an unknown field',
    type: JSON_TYPE,
    body: JSON.stringify({ ...valid, isSuperuser: true }),
    status: 400,
    code: 'validation.failed',
  },
  {
    name: 'a missing field',
    type: JSON_TYPE,
    body: JSON.stringify({ username: valid.username }),
    status: 400,
    code: 'validation.failed',
  },
  { name: 'an empty body', type: JSON_TYPE, body: '', status: 400, code: 'validation.failed' },
  {
    name: 'an over-long string',
    type: JSON_TYPE,
    body: JSON.stringify({ ...valid, displayName: '資'.repeat(201) }),
    status: 400,
    code: 'validation.failed',
  },
  {
    name: 'a body over the size limit',
    type: JSON_TYPE,
    body: JSON.stringify({ ...valid, displayName: 'x'.repeat(BODY_LIMIT) }),
    status: 413,
    code: 'request.too_large',
  },
  {
    name: 'Big5 bytes sent as JSON',
    type: JSON_TYPE,
    body: Buffer.concat([
      Buffer.from('{"username":"asset.keeper","displayName":"'),
      big5,
      Buffer.from('","roles":["viewer"]}'),
    ]),
    status: 400,
    code: 'request.invalid_encoding',
  },
  {
    name: 'a Big5 charset',
    type: 'application/json; charset=big5',
    body: JSON.stringify(valid),
    status: 415,
    code: 'request.unsupported_charset',
  },
  {
    name: 'a __proto__ key',
    type: JSON_TYPE,
    body: `{"username":"asset.keeper","displayName":"x","roles":["viewer"],"__proto__":{"roles":["admin"]}}`,
    status: 400,
    code: 'request.malformed_json',
  },
  {
    name: 'a NUL character',
    type: JSON_TYPE,
    body: JSON.stringify({ ...valid, displayName: 'a\u0000b' }),
    status: 400,
    code: 'request.invalid_text',
  },
  {
    name: 'text/plain',
    type: 'text/plain',
    body: JSON.stringify(valid),
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'a form post',
    type: 'application/x-www-form-urlencoded',
    body: 'username=asset.keeper&displayName=x&roles=viewer',
    status: 415,
    code: 'request.unsupported_media_type',
  },
];

describe.each(testDialects())('bad input on %s', (dialect) => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await createTestPlatform(dialect, { bodyLimit: BODY_LIMIT });
    admin = (await userClient(p, ['admin'])).client;
  });
  afterAll(async () => p?.close());

  const post = (url: string, body: string | Buffer, type = JSON_TYPE, client = admin) =>
    client.request({ method: 'POST', url, payload: body, headers: { 'content-type': type } });

  it.each(cases)('refuses $name on POST /api/users and creates nothing', async (c) => {
    const users = await countRows(p, 'users');
    const trail = await countRows(p, 'audit_entries');
    expectError(await post('/api/users', c.body, c.type), c.status, c.code);
    expect(await countRows(p, 'users')).toBe(users);
    expect(await countRows(p, 'audit_entries')).toBe(trail);
  });

  it('names the problem: which fields failed, and why a __proto__ body was refused', async () => {
    const res = await post(
      '/api/users',
      JSON.stringify({ username: 42, displayName: 'x', roles: ['viewer'] }),
    );
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: expect.stringContaining('username') }),
    ]);
    const proto = await post('/api/users', '{"username":"x","__proto__":{"a":1}}');
    expect(proto.json().error.message).toContain('__proto__');
  });

  it('accepts the same request well-formed, keeping 資產 intact', async () => {
    const res = await post('/api/users', JSON.stringify(valid), 'application/json; charset=UTF-8');
    expect(res.statusCode).toBe(201);
    expect(res.json().user.displayName).toBe('資產管理員');
    expect((await admin.get(`/api/users/${res.json().user.id}`)).json().displayName).toBe('資產管理員');
  });

  it('refuses NUL characters in sign-in names, query strings and path parameters', async () => {
    const anon = new Client(p.app);
    const login = await post(
      '/api/auth/login',
      JSON.stringify({ username: 'a\u0000b', password: 'x' }),
      JSON_TYPE,
      anon,
    );
    expectError(login, 400, 'request.invalid_text');
    expectError(await admin.get('/api/users?q=%00'), 400, 'request.invalid_text');
    expectError(await admin.delete('/api/roles/a%00b'), 400, 'request.invalid_text');
  });

  it('refuses an unknown query parameter and an out-of-range page size', async () => {
    expectError(await admin.get('/api/users?isAdmin=1'), 400, 'validation.failed');
    expectError(await admin.get('/api/users?limit=100000'), 400, 'validation.failed');
    expectError(await admin.get('/api/users/not-a-uuid'), 400, 'validation.failed');
  });

  describe('never answers garbage with a 5xx', () => {
    const endpoints = ['/api/auth/login', '/api/users', '/api/units'];
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom('\u0000', 'ab\u0000'),
    );
    const nearlyValid = fc.record(
      {
        username: fc.oneof(text, fc.constant('asset.keeper')),
        password: text,
        displayName: text,
        name: text,
        roles: fc.array(fc.oneof(text, fc.constant('admin')), { maxLength: 3 }),
        parentId: fc.oneof(fc.uuid(), text, fc.constant(null)),
        email: text,
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
      nearlyValid.map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    );

    it.each(endpoints)('%s', async (url) => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await post(url, body);
          expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
        }),
        { numRuns: 150 },
      );
    });

    it('query strings on the list endpoints', async () => {
      await fc.assert(
        fc.asyncProperty(text, async (q) => {
          for (const url of ['/api/users?q=', '/api/audit?actor=', '/api/users?role=']) {
            const res = await admin.get(`${url}${encodeURIComponent(q)}`);
            expect(res.statusCode, `${url}${q} → ${res.body}`).toBeLessThan(500);
          }
        }),
        { numRuns: 100 },
      );
    });
  });
});

describe.each(testDialects())('sign-in rate limits on %s', (dialect) => {
  let p: TestPlatform;
  const platforms: TestPlatform[] = [];
  const start = async (loginLimits: { perAddress: number; perAccount: number }) => {
    p = await createTestPlatform(dialect, { loginLimits: { ...loginLimits, windowMs: 60_000 } });
    platforms.push(p);
  };
  afterAll(async () => {
    for (const x of platforms) await x.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });

  it('limits attempts per address, whichever accounts they try, until the window passes', async () => {
    await start({ perAddress: 3, perAccount: 100 });
    const u = await makeUser(p);
    for (const name of ['alpha', 'beta', 'gamma'])
      expect((await login(name, 'wrong-password', '203.0.113.7')).statusCode).toBe(401);
    const limited = await login(u.username, u.password, '203.0.113.7');
    expectError(limited, 429, 'auth.rate_limited');
    expect(limited.cookies).toEqual([]);
    expect((await login(u.username, u.password, '203.0.113.8')).statusCode).toBe(200);
    p.clock.advanceSeconds(61);
    expect((await login(u.username, u.password, '203.0.113.7')).statusCode).toBe(200);
  });

  it('limits attempts per account, from whichever addresses they come', async () => {
    await start({ perAddress: 100, perAccount: 3 });
    const target = await makeUser(p);
    const other = await makeUser(p);
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect((await login(target.username, 'wrong-password', ip)).statusCode).toBe(401);
    expectError(
      await login(target.username.toUpperCase(), target.password, '198.51.100.4'),
      429,
      'auth.rate_limited',
    );
    expect((await login(other.username, other.password, '198.51.100.4')).statusCode).toBe(200);
    p.clock.advanceSeconds(61);
    expect((await login(target.username, target.password, '198.51.100.4')).statusCode).toBe(200);
  });
});
