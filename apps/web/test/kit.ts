import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

// What the browser tests share: the built server in a throw-away data directory, Debian's Chromium,
// screenshots of failed steps, and the accessibility check.
const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROMIUM = process.env.VIGIL_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const haveBrowser = fs.existsSync(CHROMIUM);
const SHOTS = path.join(ROOT, 'test-results');
const VIGIL = path.join(ROOT, 'apps/server/bin/vigil.js');

if (!haveBrowser) {
  if (process.env.VIGIL_TEST_REQUIRE_BROWSER === '1')
    throw new Error(`VIGIL_TEST_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}`);
  console.warn(
    `\n*** No Chromium at ${CHROMIUM}: the browser test was NOT run (apt-get install chromium).\n`,
  );
}

export function requireBuilt(): void {
  for (const f of ['apps/server/dist/cli/main.js', 'apps/web/dist/index.html']) {
    if (!fs.existsSync(path.join(ROOT, f)))
      throw new Error(`${f} is missing: run \`npm test\` (it builds first) or \`npm run build\``);
  }
}

export interface RunningServer {
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): void;
  env: NodeJS.ProcessEnv;
}

/** A fresh data directory and the environment the CLI and the server run with. */
export function freshEnv(): { dataDir: string; env: NodeJS.ProcessEnv } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
  return {
    dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      VIGIL_DATA_DIR: dataDir,
      VIGIL_LOG_LEVEL: 'warn',
      VIGIL_ARGON2_MEMORY_KIB: '8192',
    },
  };
}

/** Runs a `vigil` CLI command to completion and answers its output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [VIGIL, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0)
    throw new Error(`vigil ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

/** Starts `vigil serve` on a free port and waits until its output matches `ready`. */
export async function startServer(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<RunningServer & { match: RegExpExecArray }> {
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [VIGIL, 'serve', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  const until = Date.now() + 20_000;
  let match = ready.exec(output);
  while (!match) {
    if (Date.now() > until) throw new Error(`server did not print ${ready}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
    match = ready.exec(output);
  }
  return {
    dataDir,
    env,
    match,
    output: () => output,
    stop() {
      server.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh data directory with the demo organisation loaded and the server started on it. */
export async function startDemoServer(): Promise<{ server: RunningServer; base: string; password: string }> {
  requireBuilt();
  const { dataDir, env } = freshEnv();
  const demo = runCli(['demo'], env);
  const password = /Every demo account uses the password: (\S+)/.exec(demo)?.[1];
  if (!password) throw new Error(`vigil demo printed no password:\n${demo}`);
  const started = await startServer(dataDir, { ...env, VIGIL_LOG_LEVEL: 'info' }, /"url":"(http[^"]+)"/);
  return { server: started, base: started.match[1] ?? '', password };
}

export async function launchBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Asia/Taipei',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { browser, page };
}

/** Runs a step; on failure keeps a screenshot named after it in test-results/. */
export async function step(page: Page, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page
      .screenshot({ path: path.join(SHOTS, `e2e-${name}.png`), fullPage: true })
      .catch(() => undefined);
    throw err;
  }
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** axe-core's rules against the rendered page; serious and critical findings fail the test. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which Vigil's Content-Security-Policy rightly does not allow inline.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  // axe reports text drawn in its own background colour as "needs review", not as a violation.
  const invisible = await page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-root, button, a')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return el.textContent?.trim() && style.color === style.backgroundColor;
      })
      .map((el) => `invisible text: ${el.textContent?.trim()}`),
  );
  return [
    ...invisible,
    ...result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
  ];
}
