import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDialects } from '@vigil/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/harness.js';
import { generateKey, KeyError, KeyRing, loadKeyRing } from './keyring.js';
import { SecretStore } from './secret.store.js';

describe('key ring', () => {
  it('round-trips text and binds it to its purpose', () => {
    const ring = new KeyRing(generateKey());
    const { ciphertext } = ring.encrypt('smtp-密碼-42', 'smtp.password:1');
    expect(ciphertext).not.toContain('smtp');
    expect(ring.decrypt(ciphertext, 'smtp.password:1')).toBe('smtp-密碼-42');
    expect(() => ring.decrypt(ciphertext, 'webhook.token:1')).toThrow();
  });

  it('detects a modified ciphertext and a missing key', () => {
    const ring = new KeyRing(generateKey());
    const { ciphertext } = ring.encrypt('secret', 'p');
    const parts = ciphertext.split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => ring.decrypt(parts.join(':'), 'p')).toThrow();
    expect(() => new KeyRing(generateKey()).decrypt(ciphertext, 'p')).toThrow(KeyError);
  });

  it('creates the key file with mode 0600 on first start and rejects a malformed environment key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-key-'));
    const file = path.join(dir, 'secret.key');
    const ring = loadKeyRing({ file, create: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyRing({ file, create: false }).primary.id).toBe(ring.primary.id);
    expect(() => loadKeyRing({ envKey: 'too-short', file, create: false })).toThrow(/32 random bytes/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe.each(testDialects())('secret store on %s', (dialect) => {
  let p: TestPlatform;
  beforeEach(async () => {
    p = await createTestPlatform(dialect);
  });
  afterEach(async () => p?.close());

  it('stores only ciphertext and re-encrypts everything when the key rotates', async () => {
    const oldKey = generateKey();
    const store = new SecretStore(p.database.db, new KeyRing(oldKey), p.clock);
    const ids = await p.database.db
      .transaction()
      .execute(async (trx) => [
        await store.put(trx, 'smtp.password', 'hunter2-郵件'),
        await store.put(trx, 'webhook.token', 'tok-123'),
      ]);
    const raw = await p.database.db.selectFrom('secrets').selectAll().execute();
    expect(raw.map((r) => r.ciphertext).join()).not.toMatch(/hunter2|tok-123/);

    const newKey = generateKey();
    expect(await store.rotate(newKey)).toBe(2);
    const rows = await p.database.db.selectFrom('secrets').select('key_id').execute();
    expect(new Set(rows.map((r) => r.key_id))).toEqual(new Set([newKey.id]));

    // Only the new key is needed from now on.
    const fresh = new SecretStore(p.database.db, new KeyRing(newKey), p.clock);
    expect(await fresh.get(ids[0]!)).toBe('hunter2-郵件');
    expect(await fresh.get(ids[1]!)).toBe('tok-123');
  });
});
