import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Environment variables that map onto config keys. Anything else starting with VIGIL_ is a typo. */
const ENV_KEYS = {
  VIGIL_DATA_DIR: 'dataDir',
  VIGIL_DATABASE_URL: 'databaseUrl',
  VIGIL_HOST: 'host',
  VIGIL_PORT: 'port',
  VIGIL_PUBLIC_URL: 'publicUrl',
  VIGIL_TLS_CERT: 'tlsCert',
  VIGIL_TLS_KEY: 'tlsKey',
  VIGIL_TRUST_PROXY: 'trustProxy',
  VIGIL_BODY_LIMIT: 'bodyLimit',
  VIGIL_LOG_LEVEL: 'logLevel',
  VIGIL_SECRET_KEY: 'secretKey',
  VIGIL_DB_POOL_SIZE: 'dbPoolSize',
  VIGIL_ARGON2_MEMORY_KIB: 'argon2MemoryKiB',
  VIGIL_WEB_DIR: 'webDir',
} as const;
const NON_CONFIG_ENV = new Set(['VIGIL_CONFIG']);

// Only the words: a digit in trustProxy is a hop count, not a boolean.
const boolish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const configSchema = z.strictObject({
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/i,
      'must be a postgres:// URL; leave unset for the embedded SQLite database',
    )
    .optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
  /** false, true (trust every hop), a hop count, or a comma-separated list of proxy addresses/CIDRs. */
  trustProxy: z
    .union([
      boolish,
      z.number().int().min(1).max(10),
      z.string().regex(/^\d+$/).transform(Number),
      z.string().min(1),
    ])
    .default(false),
  bodyLimit: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  secretKey: z.string().optional(),
  dbPoolSize: z.coerce.number().int().min(1).max(200).default(10),
  argon2MemoryKiB: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 * 1024)
    .default(65536),
  webDir: z.string().min(1).optional(),
});

/** Checks that need several keys at once, or the file system; run even when other keys are invalid. */
function crossChecks(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const cert = typeof raw.tlsCert === 'string' ? raw.tlsCert : undefined;
  const key = typeof raw.tlsKey === 'string' ? raw.tlsKey : undefined;
  if (!!cert !== !!key)
    problems.push(`${cert ? 'tlsKey' : 'tlsCert'}: set both tlsCert and tlsKey, or neither`);
  for (const [name, file] of [
    ['tlsCert', cert],
    ['tlsKey', key],
  ] as const) {
    if (file && !fs.existsSync(file)) problems.push(`${name}: file not found: ${file}`);
  }
  return problems;
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads configuration once: defaults, then the JSON file (VIGIL_CONFIG, or vigil.json in the data
 * directory when present), then VIGIL_* environment variables. Lists every invalid key at once.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof Config, unknown>> = {},
): Config {
  const problems: string[] = [];
  const fromEnv: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('VIGIL_') || name.startsWith('VIGIL_TEST_') || NON_CONFIG_ENV.has(name)) continue;
    const key = ENV_KEYS[name as keyof typeof ENV_KEYS];
    if (!key) {
      problems.push(`${name}: unknown setting (known: ${Object.keys(ENV_KEYS).join(', ')})`);
      continue;
    }
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }

  const dataDirGuess = String(overrides.dataDir ?? fromEnv.dataDir ?? './data');
  const file = env.VIGIL_CONFIG ?? path.join(dataDirGuess, 'vigil.json');
  let fromFile: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        problems.push(`${file}: must hold a JSON object`);
      } else fromFile = parsed as Record<string, unknown>;
    } catch (err) {
      problems.push(`${file}: not valid JSON (${(err as Error).message})`);
    }
  } else if (env.VIGIL_CONFIG) {
    problems.push(`VIGIL_CONFIG: file not found: ${file}`);
  }

  const merged = { ...fromFile, ...fromEnv, ...stripUndefined(overrides) };
  const result = configSchema.safeParse(merged);
  problems.push(...crossChecks(merged));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key =
        issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(root)');
      problems.push(`${key}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return { ...result.data, dataDir: path.resolve(result.data.dataDir) };
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Files Vigil keeps in its data directory. */
export function dataPaths(config: Config) {
  return {
    sqlite: path.join(config.dataDir, 'vigil.sqlite'),
    secretKey: path.join(config.dataDir, 'secret.key'),
    setupToken: path.join(config.dataDir, 'setup-token'),
    files: path.join(config.dataDir, 'files'),
  };
}
