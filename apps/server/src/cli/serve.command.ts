import type { Config } from '../config.js';
import { startServer } from '../main.js';
import { EXIT } from './util.js';

/** Serves until SIGTERM/SIGINT, then stops accepting, lets in-flight requests finish and closes storage. */
export async function serve(config: Config): Promise<number> {
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  const timer = setTimeout(() => {
    server.app.log.error('shutdown took longer than 25 s; exiting');
    process.exit(EXIT.runtime);
  }, 25_000);
  timer.unref();
  await server.close();
  return EXIT.ok;
}
