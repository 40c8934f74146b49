import os from 'node:os';
import type { Config } from '../config.js';
import { openPlatform } from '../main.js';
import { cliContext, type RequestContext } from '../platform/context.js';
import type { Services } from '../services.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, runtime: 3 } as const;

export class UsageError extends Error {}

/** CLI actions are recorded in the audit trail as the operating-system user who ran them. */
export function cliActor(): RequestContext {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    /* no passwd entry (containers) */
  }
  return cliContext(`cli:${name}@${os.hostname()}`);
}

/** Opens the platform for one command and always closes it. */
export async function withPlatform<T>(config: Config, fn: (s: Services) => Promise<T>): Promise<T> {
  const { database, services } = await openPlatform(config);
  try {
    return await fn(services);
  } finally {
    await database.close();
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
