import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';

const KEY_BYTES = 32;
const FORMAT = 'v1';

export class KeyError extends Error {}

export interface SecretKey {
  id: string;
  key: Buffer;
}

export function keyFromBytes(key: Buffer): SecretKey {
  if (key.length !== KEY_BYTES)
    throw new KeyError(`secret key must be ${KEY_BYTES} bytes (base64 of 32 random bytes)`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

export function parseKey(base64: string, source: string): SecretKey {
  const bytes = Buffer.from(base64.trim(), 'base64');
  if (bytes.length !== KEY_BYTES) {
    throw new KeyError(`${source}: expected base64 of ${KEY_BYTES} random bytes, got ${bytes.length} bytes`);
  }
  return keyFromBytes(bytes);
}

export function generateKey(): SecretKey {
  return keyFromBytes(randomBytes(KEY_BYTES));
}

/** Writes a key file readable by the owner only; refuses to replace an existing file. */
export function writeKeyFile(file: string, key: SecretKey): void {
  fs.writeFileSync(file, `${key.key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
}

export function readKeyFile(file: string): SecretKey {
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(file, 0o600);
  return parseKey(fs.readFileSync(file, 'utf8'), file);
}

/**
 * AES-256-GCM with a key identified by id. Ciphertexts carry the key id so that a rotation in progress
 * (old and new key both loaded) can read either.
 */
export class KeyRing {
  private readonly keys = new Map<string, SecretKey>();

  constructor(
    readonly primary: SecretKey,
    others: SecretKey[] = [],
  ) {
    for (const k of [primary, ...others]) this.keys.set(k.id, k);
  }

  encrypt(plaintext: string, context: string): { keyId: string; ciphertext: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.primary.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const ciphertext = [
      FORMAT,
      this.primary.id,
      iv.toString('base64'),
      tag.toString('base64'),
      body.toString('base64'),
    ].join(':');
    return { keyId: this.primary.id, ciphertext };
  }

  decrypt(ciphertext: string, context: string): string {
    const [format, keyId, iv, tag, body] = ciphertext.split(':');
    if (format !== FORMAT || !keyId || !iv || !tag || body === undefined)
      throw new KeyError('unrecognised ciphertext format');
    const key = this.keys.get(keyId);
    if (!key) throw new KeyError(`secret was encrypted with key ${keyId}, which is not loaded`);
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/**
 * Loads the key from VIGIL_SECRET_KEY or the data directory, creating the file (mode 0600) on first start.
 * A `.next` file left by an interrupted rotation is loaded too, so nothing becomes unreadable.
 */
export function loadKeyRing(opts: { envKey?: string | undefined; file: string; create: boolean }): KeyRing {
  const nextFile = `${opts.file}.next`;
  const extra = fs.existsSync(nextFile) ? [readKeyFile(nextFile)] : [];
  if (opts.envKey) return new KeyRing(parseKey(opts.envKey, 'VIGIL_SECRET_KEY'), extra);
  if (!fs.existsSync(opts.file)) {
    if (!opts.create) throw new KeyError(`secret key file not found: ${opts.file}`);
    writeKeyFile(opts.file, generateKey());
  }
  return new KeyRing(readKeyFile(opts.file), extra);
}
