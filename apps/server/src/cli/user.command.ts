import type { Config } from '../config.js';
import { findUserByUsername } from '../modules/users/users.repository.js';
import type { Services } from '../services.js';
import { cliActor, EXIT, readStdin, UsageError, withPlatform } from './util.js';

export async function userCreate(config: Config, v: Record<string, unknown>): Promise<number> {
  const username = v.username as string | undefined;
  const displayName = v['display-name'] as string | undefined;
  const roles = (v.role as string[] | undefined) ?? [];
  if (!username || !displayName || roles.length === 0)
    throw new UsageError('--username, --display-name and at least one --role are required');
  const password = v['password-stdin'] ? await readStdin() : undefined;
  return withPlatform(config, async (s) => {
    const created = await s.users.create(cliActor(), {
      username,
      displayName,
      email: (v.email as string | undefined) ?? null,
      roles,
      password,
      mustChangePassword: true,
    });
    console.log(`created user ${created.user.username} (${created.roles.join(', ')})`);
    if (created.temporaryPassword)
      console.log(`temporary password (must be changed at first sign-in): ${created.temporaryPassword}`);
    return EXIT.ok;
  });
}

async function byUsername(
  config: Config,
  positionals: string[],
  fn: (s: Services, id: string, name: string) => Promise<number>,
) {
  const name = positionals[0];
  if (!name || positionals.length > 1) throw new UsageError('give exactly one username');
  return withPlatform(config, async (s) => {
    const user = await findUserByUsername(s.db, name);
    if (!user) {
      console.error(`no user named "${name}"`);
      return EXIT.failed;
    }
    return fn(s, user.id, user.username);
  });
}

export function userResetPassword(config: Config, positionals: string[]): Promise<number> {
  return byUsername(config, positionals, async (s, id, name) => {
    const password = await s.users.resetPassword(cliActor(), id);
    console.log(
      `temporary password for ${name} (must be changed at next sign-in; all sessions ended): ${password}`,
    );
    return EXIT.ok;
  });
}

export function userUnlock(config: Config, positionals: string[]): Promise<number> {
  return byUsername(config, positionals, async (s, id, name) => {
    await s.users.unlock(cliActor(), id);
    console.log(`unlocked ${name}`);
    return EXIT.ok;
  });
}
