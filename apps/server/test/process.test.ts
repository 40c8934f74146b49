import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real process, as `npm start` runs it: built output, its own data directory, a free port.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'apps/server/bin/vigil.js');
const built = fs.existsSync(path.join(root, 'apps/server/dist/cli/main.js'));

function startVigil(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', VIGIL_ARGON2_MEMORY_KIB: '1024', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the vigil server process', () => {
  let dataDir: string;
  let vigil: ReturnType<typeof startVigil>;
  let base: string;

  beforeAll(async () => {
    if (!built)
      throw new Error('apps/server is not built: run `npm test` (it builds first) or `npm run build`');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-proc-'));
    vigil = startVigil({ VIGIL_DATA_DIR: dataDir });
    await waitFor(() => /"url":"(http:\/\/[^"]+)"/.test(vigil.output()), 'the listening log line');
    base = /"url":"(http:\/\/[^"]+)"/.exec(vigil.output())![1]!;
  });
  afterAll(() => {
    vigil?.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a one-time setup link and keeps the token in a 0600 file', () => {
    const link = /(http:\/\/\S+\/setup\?token=(\S+))/.exec(vigil.output());
    expect(link).not.toBeNull();
    const file = path.join(dataDir, 'setup-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(link![2]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'vigil.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('answers health and readiness, and logs JSON lines with request ids', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', pendingMigrations: [] });
    const res = await fetch(`${base}/api/users`);
    expect(res.status).toBe(401);
    const id = res.headers.get('x-request-id');
    await waitFor(() => vigil.output().includes(id!), 'the request id in the log');
    const line = vigil
      .output()
      .split('\n')
      .find((l) => l.includes(id!))!;
    expect(JSON.parse(line)).toMatchObject({ reqId: id });
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit/verify']),
    );
  });

  it('finishes a request in flight when SIGTERM arrives, then exits 0', async () => {
    const url = new URL(`${base}/api/auth/login`);
    const body = JSON.stringify({ username: 'nobody', password: 'wrong-password' });
    const response = new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      // Half the body now, the rest after the signal: the request is in flight when shutdown starts.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        vigil.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    expect(await response).toBe(401);
    expect(await vigil.exited).toBe(0);
    expect(vigil.output()).toContain('shutting down');
  });
});

describe('start-up with a bad configuration', () => {
  it('lists every invalid setting and exits non-zero without serving', async () => {
    if (!built) throw new Error('apps/server is not built');
    const bad = startVigil({
      VIGIL_DATA_DIR: os.tmpdir(),
      VIGIL_BODY_LIMIT: 'lots',
      VIGIL_HOSTNAME: 'x',
      VIGIL_TLS_CERT: '/nonexistent.pem',
    });
    expect(await bad.exited).toBe(2);
    for (const key of ['bodyLimit', 'VIGIL_HOSTNAME', 'tlsCert', 'tlsKey'])
      expect(bad.output()).toContain(key);
  });
});

describe('serving HTTPS directly', () => {
  it('serves TLS with a Secure, __Host- session cookie and HSTS', async () => {
    if (!built) throw new Error('apps/server is not built');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-tls-'));
    const cert = path.join(dir, 'tls.crt');
    const key = path.join(dir, 'tls.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const tls = startVigil({ VIGIL_DATA_DIR: dir, VIGIL_TLS_CERT: cert, VIGIL_TLS_KEY: key });
    try {
      await waitFor(() => /"url":"https:\/\/[^"]+"/.test(tls.output()), 'the https listening line');
      const url = new URL(/"url":"(https:\/\/[^"]+)"/.exec(tls.output())![1]!);
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const body = JSON.stringify({ username: 'nobody', password: 'x' });
        const req = https.request(
          {
            host: url.hostname,
            port: url.port,
            path: '/api/auth/login',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json' },
          },
          resolve,
        );
        req.on('error', reject);
        req.end(body);
      });
      res.resume();
      expect(res.statusCode).toBe(401);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } finally {
      tls.child.kill('SIGTERM');
      await tls.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
