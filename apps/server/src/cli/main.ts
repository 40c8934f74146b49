import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { auditVerify } from './audit.command.js';
import { configCheck } from './config.command.js';
import { demo } from './demo.command.js';
import { migrate } from './migrate.command.js';
import { rotateKey } from './secrets.command.js';
import { serve } from './serve.command.js';
import { userCreate, userResetPassword, userUnlock } from './user.command.js';
import { EXIT, UsageError } from './util.js';

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  run(config: Config, values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the platform (web UI and API)',
    usage: 'vigil serve [--host ADDRESS] [--port PORT]',
    options: { host: { type: 'string' }, port: { type: 'string' } },
    run: (c) => serve(c),
  },
  migrate: {
    summary: 'apply pending database migrations and exit',
    usage: 'vigil migrate',
    options: {},
    run: (c) => migrate(c),
  },
  'user create': {
    summary: 'create a user (prints a temporary password unless --password-stdin)',
    usage:
      'vigil user create --username NAME --display-name "FULL NAME" --role ROLE [--role ROLE…] [--email ADDRESS] [--password-stdin]',
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string', multiple: true },
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    run: (c, v) => userCreate(c, v),
  },
  'user reset-password': {
    summary: 'give a user a temporary password that must be changed at next sign-in',
    usage: 'vigil user reset-password USERNAME',
    options: {},
    run: (c, _v, p) => userResetPassword(c, p),
  },
  'user unlock': {
    summary: 'lift an account lockout',
    usage: 'vigil user unlock USERNAME',
    options: {},
    run: (c, _v, p) => userUnlock(c, p),
  },
  'audit verify': {
    summary:
      'recompute the audit-trail hash chain; exit 1 and name the first bad entry if it was tampered with',
    usage: 'vigil audit verify [--json]',
    options: { json: { type: 'boolean' } },
    run: (c, v) => auditVerify(c, v),
  },
  'config check': {
    summary: 'validate configuration and test the database connection',
    usage: 'vigil config check',
    options: {},
    run: (c) => configCheck(c),
  },
  demo: {
    summary: 'load a sample organisation (units, users of every role) into an empty database',
    usage: 'vigil demo',
    options: {},
    run: (c) => demo(c),
  },
  'secrets rotate-key': {
    summary: 're-encrypt every stored secret under a new key',
    usage:
      'vigil secrets rotate-key   (with VIGIL_SECRET_KEY set: VIGIL_NEW_SECRET_KEY=<base64> vigil secrets rotate-key)',
    options: {},
    run: (c) => rotateKey(c),
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'vigil — Vigil (守望) information security management and operations platform',
    '',
    'Usage: vigil <command> [options]      vigil <command> --help',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration comes from VIGIL_* environment variables and an optional JSON file (VIGIL_CONFIG);',
    'see the README. Exit codes: 0 ok, 1 check failed, 2 usage or configuration error, 3 runtime error.',
  ].join('\n');
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  // Everything Vigil writes (database, WAL, keys, tokens) is for its own user only.
  process.umask(0o077);
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => n in COMMANDS);
  if (!name) {
    const asked = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    (asked ? console.log : console.error)(
      asked ? help() : `vigil: unknown command "${argv.join(' ')}"\n\n${help()}`,
    );
    return asked ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name]!;
  const rest = argv.slice(name.split(' ').length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`vigil ${name}: ${(err as Error).message}\nusage: ${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    console.log(`${command.summary}\n\nusage: ${command.usage}`);
    return EXIT.ok;
  }
  let config: Config;
  try {
    const overrides: Record<string, unknown> = {};
    if (name === 'serve') {
      if (parsed.values.host) overrides.host = parsed.values.host;
      if (parsed.values.port) overrides.port = parsed.values.port;
    }
    config = loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`vigil: ${err.message}`);
      return EXIT.usage;
    }
    throw err;
  }
  try {
    return await command.run(config, parsed.values, parsed.positionals);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`vigil ${name}: ${err.message}\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    const e = err as Error & { code?: string };
    console.error(`vigil ${name}: ${e.message}${e.code ? ` (${e.code})` : ''}`);
    return EXIT.runtime;
  }
}
