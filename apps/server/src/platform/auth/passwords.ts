import { randomBytes, randomInt } from 'node:crypto';
import type { SecuritySettings } from '@vigil/contracts';
import argon2 from 'argon2';
import { AppError } from '../../http/errors.js';

let commonPasswords: Set<string> | null = null;

async function common(): Promise<Set<string>> {
  if (!commonPasswords) {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    commonPasswords = new Set(dictionary['passwords-common'].map((p: string) => p.toLowerCase()));
  }
  return commonPasswords;
}

/** Argon2id hashing; the memory cost is configurable (tests lower it, production keeps 64 MiB). */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly memoryKiB: number) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.memoryKiB,
      timeCost: 3,
      parallelism: 1,
    });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown account answers as slowly as a known one. */
  async verifyDummy(password: string): Promise<void> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummy, password);
  }
}

/** Throws the first policy rule the new password breaks. History hashes are checked newest first. */
export async function checkPasswordPolicy(
  password: string,
  policy: SecuritySettings,
  opts: { username: string; hasher: PasswordHasher; history: string[] },
): Promise<void> {
  if ([...password].length < policy.passwordMinLength) {
    throw new AppError(
      400,
      'password.too_short',
      `password must have at least ${policy.passwordMinLength} characters`,
      {
        minLength: policy.passwordMinLength,
      },
    );
  }
  const lower = password.toLowerCase();
  const list = await common();
  if (
    policy.rejectCommonPasswords &&
    (list.has(lower) || list.has(unLeet(lower)) || lower.includes(opts.username.toLowerCase()))
  ) {
    throw new AppError(400, 'password.common', 'password is too common or contains the username');
  }
  for (const old of opts.history.slice(0, policy.passwordHistory)) {
    if (await opts.hasher.verify(old, password)) {
      throw new AppError(
        400,
        'password.reused',
        `password must differ from the last ${policy.passwordHistory} passwords`,
        {
          history: policy.passwordHistory,
        },
      );
    }
  }
}

// Only substitutions that rarely occur in a password's numeric tail, so `…1234` keeps its digits.
const LEET: Record<string, string> = { '@': 'a', '0': 'o', $: 's', '!': 'i' };

/** `P@ssw0rd1234` → `password1234`: common passwords dressed up with symbols are still common. */
function unLeet(s: string): string {
  return s.replace(/[@0$!]/g, (c) => LEET[c] ?? c);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password: 20 characters from an unambiguous alphabet (~114 bits). */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
