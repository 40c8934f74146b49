import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, migrateToLatest, openDatabase } from '@vigil/db';
import type { FastifyInstance } from 'fastify';
import { type Config, dataPaths } from './config.js';
import { buildApp } from './http/server.js';
import { createLogger } from './logger.js';
import { systemClock } from './platform/clock.js';
import { loadKeyRing } from './platform/crypto/keyring.js';
import { bootstrap, createServices, type Services } from './services.js';

/** The built web UI: apps/web/dist beside this package, unless configured. */
export function defaultWebDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

export function ensureDataDir(config: Config): void {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
}

/** Opens storage, migrates, and wires services: what `serve` and every CLI command share. */
export async function openPlatform(
  config: Config,
  opts: { log?: (msg: string) => void } = {},
): Promise<{ database: Database; services: Services }> {
  ensureDataDir(config);
  const paths = dataPaths(config);
  const database = openDatabase({
    url: config.databaseUrl,
    sqlitePath: paths.sqlite,
    poolSize: config.dbPoolSize,
  });
  try {
    const applied = await migrateToLatest(database.db, database.dialect);
    if (applied.length > 0) opts.log?.(`applied migrations: ${applied.join(', ')}`);
    const keyRing = loadKeyRing({ envKey: config.secretKey, file: paths.secretKey, create: true });
    const services = createServices(database, {
      clock: systemClock,
      keyRing,
      argon2MemoryKiB: config.argon2MemoryKiB,
      setupTokenFile: paths.setupToken,
      blobDir: paths.files,
      publicUrl: config.publicUrl ?? null,
    });
    await bootstrap(services);
    return { database, services };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  setupUrl: string | null;
  close(): Promise<void>;
}

/** Starts the platform process: storage, services, HTTP; prints the first-run link when needed. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const { database, services } = await openPlatform(config, { log: (m) => logger.info(m) });
  const tls =
    config.tlsCert && config.tlsKey
      ? { cert: fs.readFileSync(config.tlsCert), key: fs.readFileSync(config.tlsKey) }
      : null;
  const publicHttps = config.publicUrl?.startsWith('https://') ?? false;
  const app = await buildApp(services, {
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    https: tls,
    webDir: config.webDir ?? defaultWebDir(),
    secureCookies: !!tls || publicHttps,
  });
  await app.listen({ host: config.host, port: config.port });
  const stopRiskChecks = services.risks.scenarios.startExpiryChecks((err) =>
    logger.error({ err }, 'risk acceptance expiry check failed'),
  );
  services.jobs.start((job, err) => logger.error({ err, job }, 'scheduled job failed'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost =
    config.host === '0.0.0.0' || config.host === '::'
      ? '127.0.0.1'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
  const url = config.publicUrl?.replace(/\/$/, '') ?? `${tls ? 'https' : 'http'}://${shownHost}:${port}`;
  let setupUrl: string | null = null;
  if (await services.setup.needsSetup()) {
    const token = await services.setup.issueToken();
    setupUrl = `${url}/setup?token=${token}`;
    logger.info(
      { setupTokenFile: dataPaths(config).setupToken },
      'no administrator yet: first-run setup link issued',
    );
    process.stdout.write(
      `\n  Vigil has no administrator yet. Open this one-time link to create one:\n\n    ${setupUrl}\n\n  (also saved in ${dataPaths(config).setupToken})\n\n`,
    );
  }
  logger.info({ url, database: database.dialect, location: database.location }, 'Vigil is listening');
  return {
    app,
    url,
    setupUrl,
    async close() {
      stopRiskChecks();
      services.jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
