import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  countRows,
  createTestPlatform,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

describe.each(testDialects())('API tokens on %s', (dialect) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(dialect);
  });
  afterAll(async () => p?.close());

  const bearer = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    p.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  async function createToken(client: Client, permissions: string[], expiresInDays = 30) {
    const res = await client.post('/api/me/tokens', { name: 'nightly export', permissions, expiresInDays });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; apiToken: { id: string; prefix: string; permissions: string[] } };
  }

  const tokensOf = async (client: Client) => (await client.get('/api/me/tokens')).json().items;

  it('carries only permissions its creator holds', async () => {
    const { client } = await userClient(p, ['security_engineer']);
    const before = await countRows(p, 'api_tokens');
    const escalate = await client.post('/api/me/tokens', {
      name: 'sneaky',
      permissions: ['users.read', 'users.manage'],
      expiresInDays: 30,
    });
    expect(escalate.statusCode).toBe(400);
    expect(escalate.json().error.code).toBe('token.permission_not_held');
    expect(escalate.json().error.details.permissions).toEqual(['users.manage']);
    const unknown = await client.post('/api/me/tokens', {
      name: 'typo',
      permissions: ['users.reed'],
      expiresInDays: 30,
    });
    expect(unknown.json().error.code).toBe('token.permission_not_held');
    expect(await countRows(p, 'api_tokens')).toBe(before);
    const { apiToken } = await createToken(client, ['users.read', 'audit.read', 'users.read']);
    expect(apiToken.permissions).toEqual(['audit.read', 'users.read']);
  });

  it('shows the secret once and stores only its SHA-256 hash', async () => {
    const { user, client } = await userClient(p, ['admin']);
    const { token, apiToken } = await createToken(client, ['users.read']);
    expect(token).toMatch(/^vgl_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken.prefix).toBe(token.slice(0, 10));

    const list = await client.get('/api/me/tokens');
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([apiToken.id]);
    expect(list.body).not.toContain(token.slice(10));

    const row = await p.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(user.id);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token.slice(10));

    const created = (await auditOf(p, apiToken.id)).find((e) => e.action === 'token.created');
    expect(created?.actor_id).toBe(user.id);
    expect(created?.details.permissions).toEqual(['users.read']);
    expect(JSON.stringify(await auditOf(p, apiToken.id))).not.toContain(token.slice(10));
  });

  it('acts within its permissions without a CSRF header, as its owner, and records its use', async () => {
    const { user, client } = await userClient(p, ['admin']);
    const { token, apiToken } = await createToken(client, ['org.read', 'org.manage']);
    expect((await bearer(token, 'GET', '/api/org')).statusCode).toBe(200);
    const put = await bearer(token, 'PUT', '/api/org', { name: '自動化機關' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await client.get('/api/org')).json().name).toBe('自動化機關');
    const outside = await bearer(token, 'GET', '/api/users');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('auth.forbidden');

    const [view] = await tokensOf(client);
    expect(view.lastUsedAt).toBe(p.clock.now().toISOString());
    expect(view.lastUsedIp).toBe('127.0.0.1');
    const updated = (await auditOf(p, 'default')).filter((e) => e.action === 'org.updated').at(-1);
    expect(updated?.actor_id).toBe(user.id);

    // Use is recorded at most once a minute, so automation does not flood the trail.
    const used = async () => (await auditOf(p, apiToken.id)).filter((e) => e.action === 'token.used').length;
    expect(await used()).toBe(1);
    p.clock.advanceMinutes(2);
    await bearer(token, 'GET', '/api/org');
    expect(await used()).toBe(2);
  });

  it('refuses an unknown, malformed or non-bearer token with 401', async () => {
    for (const authorization of [
      'Bearer vgl_not-a-real-token',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      'Bearer x y',
    ]) {
      const res = await p.app.inject({ method: 'GET', url: '/api/org', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('auth.invalid_token');
    }
  });

  it('stops working when it expires', async () => {
    const { client } = await userClient(p, ['admin']);
    const { token } = await createToken(client, ['org.read'], 1);
    p.clock.advanceMinutes(24 * 60 - 1);
    expect((await bearer(token, 'GET', '/api/org')).statusCode).toBe(200);
    p.clock.advanceMinutes(2);
    const expired = await bearer(token, 'GET', '/api/org');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.invalid_token');
  });

  it('can be revoked by its owner only, and then stops working at once', async () => {
    const owner = await userClient(p, ['admin']);
    const other = await userClient(p, ['admin']);
    const { token, apiToken } = await createToken(owner.client, ['org.read']);
    const foreign = await other.client.delete(`/api/me/tokens/${apiToken.id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await bearer(token, 'GET', '/api/org')).statusCode).toBe(200);

    expect((await owner.client.delete(`/api/me/tokens/${apiToken.id}`)).statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/org')).statusCode).toBe(401);
    const [view] = await tokensOf(owner.client);
    expect(view.revokedAt).toBe(p.clock.now().toISOString());
    const revoked = (await auditOf(p, apiToken.id)).find((e) => e.action === 'token.revoked');
    expect(revoked?.actor_id).toBe(owner.user.id);
  });

  it('never holds more than its owner holds now, nor more than it was given', async () => {
    const admin = await userClient(p, ['admin']);
    const owner = await userClient(p, ['security_engineer']);
    const { token } = await createToken(owner.client, ['audit.read', 'users.read']);
    expect((await bearer(token, 'GET', '/api/audit')).statusCode).toBe(200);

    const demote = await admin.client.patch(`/api/users/${owner.user.id}`, { roles: ['viewer'] });
    expect(demote.statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await bearer(token, 'GET', '/api/users')).statusCode).toBe(403);

    await admin.client.patch(`/api/users/${owner.user.id}`, { roles: ['admin'] });
    expect((await bearer(token, 'GET', '/api/audit')).statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/settings')).statusCode).toBe(403);
  });

  it('stops working while its owner is disabled', async () => {
    const admin = await userClient(p, ['admin']);
    const owner = await userClient(p, ['security_engineer']);
    const { token } = await createToken(owner.client, ['users.read']);
    expect((await bearer(token, 'GET', '/api/users')).statusCode).toBe(200);
    await admin.client.patch(`/api/users/${owner.user.id}`, { disabled: true });
    const res = await bearer(token, 'GET', '/api/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_token');
  });
});
