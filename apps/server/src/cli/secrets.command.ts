import fs from 'node:fs';
import { type Config, dataPaths } from '../config.js';
import { generateKey, parseKey, writeKeyFile } from '../platform/crypto/keyring.js';
import { cliActor, EXIT, UsageError, withPlatform } from './util.js';

/**
 * Key rotation. With a key file: the new key is written beside the old one as `.next` (so a crash
 * mid-way leaves both loadable), every secret is re-encrypted in one transaction, then `.next` replaces
 * the old file. With VIGIL_SECRET_KEY: the new key comes from VIGIL_NEW_SECRET_KEY and the operator
 * swaps the environment afterwards.
 */
export async function rotateKey(config: Config): Promise<number> {
  const file = dataPaths(config).secretKey;
  const nextFile = `${file}.next`;
  const fromEnv = process.env.VIGIL_NEW_SECRET_KEY;
  if (config.secretKey && !fromEnv)
    throw new UsageError('the key comes from VIGIL_SECRET_KEY; supply the new one in VIGIL_NEW_SECRET_KEY');
  const next = fromEnv ? parseKey(fromEnv, 'VIGIL_NEW_SECRET_KEY') : generateKey();
  if (!config.secretKey) {
    fs.rmSync(nextFile, { force: true });
    writeKeyFile(nextFile, next);
  }
  return withPlatform(config, async (s) => {
    const before = s.secrets.keyId;
    const count = await s.secrets.rotate(next);
    await s.audit.recordAlone(cliActor(), {
      action: 'secrets.key_rotated',
      objectType: 'secret_key',
      details: { from: before, to: next.id, reEncrypted: count },
    });
    if (!config.secretKey) fs.renameSync(nextFile, file);
    console.log(`re-encrypted ${count} secret(s) under key ${next.id} (was ${before})`);
    if (config.secretKey)
      console.log('now set VIGIL_SECRET_KEY to the value of VIGIL_NEW_SECRET_KEY and restart Vigil');
    return EXIT.ok;
  });
}
