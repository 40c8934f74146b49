import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@vigil/db';
import { createScratchPostgres, testDialects } from '@vigil/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { openPlatform } from '../main.js';
import { main } from './main.js';

/** Runs the CLI in-process with the given environment; returns exit code and what it printed. */
async function vigil(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env))
    if (k.startsWith('VIGIL_') && !k.startsWith('VIGIL_TEST_')) delete process.env[k];
  Object.assign(process.env, env);
  try {
    const code = await main(argv);
    return { code, out: out.join('\n') };
  } finally {
    process.env = saved;
    log.mockRestore();
    err.mockRestore();
  }
}

describe('vigil CLI (no storage)', () => {
  it('prints help with every command and exits 0; unknown commands exit 2', async () => {
    const help = await vigil({}, '--help');
    expect(help.code).toBe(0);
    for (const c of [
      'serve',
      'migrate',
      'user create',
      'user reset-password',
      'user unlock',
      'audit verify',
      'config check',
      'demo',
    ]) {
      expect(help.out).toContain(c);
    }
    expect((await vigil({}, 'frobnicate')).code).toBe(2);
    expect((await vigil({}, 'user', 'create', '--help')).out).toContain('--username');
  });

  it('config check lists every invalid key and exits 2', async () => {
    const r = await vigil(
      {
        VIGIL_PORT: 'eighty',
        VIGIL_LOG_LEVEL: 'chatty',
        VIGIL_DATABSE_URL: 'typo',
        VIGIL_DATA_DIR: os.tmpdir(),
      },
      'config',
      'check',
    );
    expect(r.code).toBe(2);
    expect(r.out).toContain('port');
    expect(r.out).toContain('logLevel');
    expect(r.out).toContain('VIGIL_DATABSE_URL: unknown setting');
  });

  it('rejects a config file with unknown keys', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cfg-'));
    fs.writeFileSync(path.join(dir, 'vigil.json'), JSON.stringify({ port: 9000, colour: 'blue' }));
    const r = await vigil({ VIGIL_DATA_DIR: dir }, 'config', 'check');
    expect(r.code).toBe(2);
    expect(r.out).toContain('colour');
  });
});

describe.each(testDialects())('vigil CLI on %s', (dialect) => {
  let env: Record<string, string>;
  let dropDb: (() => Promise<void>) | null = null;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
    env = { VIGIL_DATA_DIR: dataDir, VIGIL_ARGON2_MEMORY_KIB: '1024', VIGIL_LOG_LEVEL: 'silent' };
    if (dialect === 'postgres') {
      const scratch = await createScratchPostgres('vigil_cli');
      env.VIGIL_DATABASE_URL = scratch.url;
      dropDb = scratch.drop;
    }
  });
  afterAll(async () => {
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('migrates, creates a user, resets and unlocks it, and checks the configuration', async () => {
    expect((await vigil(env, 'migrate')).code).toBe(0);
    expect((await vigil(env, 'migrate')).out).toContain('schema is current');
    const created = await vigil(
      env,
      'user',
      'create',
      '--username',
      'ops.admin',
      '--display-name',
      '維運管理者',
      '--role',
      'admin',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/temporary password .*: \S{20}/);
    expect((await vigil(env, 'user', 'create', '--username', 'x')).code).toBe(2);
    expect((await vigil(env, 'user', 'reset-password', 'ops.admin')).out).toMatch(
      /temporary password for ops.admin/,
    );
    expect((await vigil(env, 'user', 'unlock', 'ops.admin')).code).toBe(0);
    expect((await vigil(env, 'user', 'unlock', 'no.such.user')).code).toBe(1);
    const check = await vigil(env, 'config', 'check');
    expect(check.code).toBe(0);
    expect(check.out).toContain(`database reachable (${dialect}`);
    if (dialect === 'sqlite') expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('rotates the secret key: every secret re-encrypted, old key gone, values unchanged', async () => {
    const config = loadConfig({ ...env });
    const first = await openPlatform(config);
    const id = await first.database.db
      .transaction()
      .execute((trx) => first.services.secrets.put(trx, 'smtp.password', '郵件-密碼'));
    const oldKeyId = first.services.secrets.keyId;
    await first.database.close();
    const keyFile = path.join(dataDir, 'secret.key');
    const oldKey = fs.readFileSync(keyFile, 'utf8');

    const r = await vigil(env, 'secrets', 'rotate-key');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/re-encrypted \d+ secret/);
    expect(fs.readFileSync(keyFile, 'utf8')).not.toBe(oldKey);
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const after = await openPlatform(config);
    try {
      expect(after.services.secrets.keyId).not.toBe(oldKeyId);
      expect(await after.services.secrets.get(id)).toBe('郵件-密碼');
      const keys = await after.database.db.selectFrom('secrets').select('key_id').execute();
      expect(keys.every((k) => k.key_id === after.services.secrets.keyId)).toBe(true);
    } finally {
      await after.database.close();
    }
  });

  it('audit verify passes on an intact trail and exits 1 naming the entry after a direct database edit', async () => {
    const ok = await vigil(env, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('audit trail intact');

    const database = openDatabase({
      url: env.VIGIL_DATABASE_URL,
      sqlitePath: path.join(dataDir, 'vigil.sqlite'),
    });
    try {
      const target = await database.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('action', '=', 'user.created')
        .executeTakeFirstOrThrow();
      if (dialect === 'postgres')
        await sql`DROP TRIGGER audit_entries_no_change ON audit_entries`.execute(database.db);
      else await sql`DROP TRIGGER audit_entries_no_update`.execute(database.db);
      await sql`UPDATE audit_entries SET details = '{"username":"innocent"}' WHERE seq = ${target.seq}`.execute(
        database.db,
      );
      const bad = await vigil(env, 'audit', 'verify', '--json');
      expect(bad.code).toBe(1);
      const result = JSON.parse(bad.out);
      expect(result.problem).toMatchObject({ seq: Number(target.seq), kind: 'altered' });
    } finally {
      await database.close();
    }
  });
});
