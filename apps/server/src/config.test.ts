import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const env = (vars: Record<string, string>) => ({ VIGIL_DATA_DIR: '/nonexistent-vigil-test', ...vars });

describe('configuration', () => {
  it('defaults to the embedded database on localhost:8080', () => {
    const c = loadConfig(env({}));
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, trustProxy: false, bodyLimit: 1048576 });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads trustProxy as a switch, a hop count or a list of proxy addresses', () => {
    expect(loadConfig(env({ VIGIL_TRUST_PROXY: 'true' })).trustProxy).toBe(true);
    expect(loadConfig(env({ VIGIL_TRUST_PROXY: '1' })).trustProxy).toBe(1);
    expect(loadConfig(env({ VIGIL_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' })).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
  });

  it('lists every invalid key at once', () => {
    try {
      loadConfig(env({ VIGIL_PORT: '70000', VIGIL_DATABASE_URL: 'mysql://x', VIGIL_LOG_LEVEL: 'loud' }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['port', 'databaseUrl', 'logLevel']) expect(problems).toContain(key);
    }
  });
});
