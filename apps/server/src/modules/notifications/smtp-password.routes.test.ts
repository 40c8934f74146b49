// The stored SMTP password goes only where the person who typed it meant: pointing the settings at another
// relay, port, security mode or login needs the password again, so nobody holding notifications.manage can
// redirect it to a server of their own (and read it off the AUTH command) with a test mail.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../platform/notify/smtp.testkit.js';
import { testDialects } from '../../test/database.js';
import {
  auditOf,
  type Client,
  countRows,
  createTestPlatform,
  expectError,
  makeRole,
  type TestPlatform,
  userClient,
} from '../../test/harness.js';

const SECRET = 'Relay-Pa55word-only-for-the-relay';

describe.each(testDialects())('the stored SMTP password on %s', (dialect) => {
  let p: TestPlatform;
  let relay: TestSmtp;
  let rogue: TestSmtp;
  let admin: Client;
  let mailAdmin: Client;
  const form = (port: number) => ({
    enabled: true,
    host: '127.0.0.1',
    port,
    security: 'none',
    username: 'relay',
    verifyCertificate: true,
    fromAddress: 'vigil@example.gov.tw',
    fromName: 'Vigil',
    publicUrl: 'https://vigil.example.gov.tw',
  });

  beforeAll(async () => {
    p = await createTestPlatform(dialect);
    relay = await startTestSmtp({ username: 'relay', password: SECRET });
    rogue = await startTestSmtp({ username: 'relay', password: 'anything' });
    admin = (await userClient(p, ['admin'])).client;
    mailAdmin = (await userClient(p, [await makeRole(p, ['notifications.manage'])])).client;
    const res = await admin.put('/api/notifications/settings', { ...form(relay.port), password: SECRET });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await relay?.close();
    await rogue?.close();
    await p?.close();
  });

  it('refuses to point the kept password at another server, port, security mode or login', async () => {
    const trail = await countRows(p, 'audit_entries');
    for (const change of [
      { port: rogue.port },
      { host: 'localhost' },
      { security: 'starttls' },
      { username: 'someone-else' },
      { verifyCertificate: false },
    ]) {
      const res = await mailAdmin.put('/api/notifications/settings', { ...form(relay.port), ...change });
      expectError(res, 400, 'notifications.password_required');
      expect(res.body).not.toContain(SECRET);
    }
    expect(await countRows(p, 'audit_entries')).toBe(trail);
    expect((await admin.get('/api/notifications/settings')).json()).toMatchObject({
      port: relay.port,
      passwordSet: true,
    });
    // So the test mail still goes to the real relay, and the rogue server never sees the password.
    const sent = await mailAdmin.post('/api/notifications/test', { to: 'ciso@example.gov.tw' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(relay.mails.at(-1)?.to).toEqual(['ciso@example.gov.tw']);
    expect(rogue.logins.map((l) => l.password)).not.toContain(SECRET);
  });

  it('keeps the password for changes that do not move it; a new server takes a new password or none', async () => {
    const renamed = await mailAdmin.put('/api/notifications/settings', {
      ...form(relay.port),
      fromName: '守望',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().passwordSet).toBe(true);
    const moved = await admin.put('/api/notifications/settings', {
      ...form(rogue.port),
      password: 'anything',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await auditOf(p, 'smtp')).at(-1)?.details).toMatchObject({ password: 'set' });
    const dropped = await admin.put('/api/notifications/settings', {
      ...form(relay.port),
      username: '',
      password: null,
    });
    expect(dropped.json()).toMatchObject({ passwordSet: false });
    for (const e of await auditOf(p, 'smtp')) expect(JSON.stringify(e.details)).not.toContain(SECRET);
  });

  it('a relay that echoes the login in its refusal does not put the password in the answer or the trail', async () => {
    // Some relays repeat what they were sent when they refuse it.
    const echo = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(a, _session, cb) {
        const plain = Buffer.from(`\u0000${a.username}\u0000${a.password}`).toString('base64');
        cb(new Error(`refused ${a.username}/${a.password} (${plain})`));
      },
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const port = (echo.server.address() as AddressInfo).port;
      const set = await admin.put('/api/notifications/settings', { ...form(port), password: SECRET });
      expect(set.statusCode, set.body).toBe(200);
      const res = await admin.post('/api/notifications/test', { to: 'ciso@example.gov.tw' });
      expectError(res, 502, 'notifications.smtp_failed');
      const plain = Buffer.from(`\u0000relay\u0000${SECRET}`).toString('base64');
      for (const leak of [SECRET, plain]) {
        expect(res.body).not.toContain(leak);
        for (const e of await auditOf(p, 'smtp')) expect(JSON.stringify(e.details)).not.toContain(leak);
      }
      expect(res.json().error.details.error).toContain('refused relay/');
    } finally {
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
