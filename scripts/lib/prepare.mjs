// Shared by `npm start` and `npm test`: bring a checkout to a runnable state, doing only the work that is
// stale. Pure Node, no dependencies — this runs before `npm install` has ever happened.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const MIN_NODE = [20, 19];

/** One short progress line per step, so a first run does not look hung. */
export function say(tool, message) {
  console.log(`[${tool}] ${message}`);
}

export function fail(tool, message, code = 1) {
  console.error(`[${tool}] ${message}`);
  process.exit(code);
}

export function checkNodeVersion(tool) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    fail(tool, `Node.js ${MIN_NODE.join('.')} or newer is needed; this is ${process.versions.node}`);
  }
}

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest modification time of a file or of any file below a directory (0 when absent). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows up as a newer directory
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * npm, run the same way as the npm that started us when there is one (npm_execpath), so `npm start`
 * under a version manager does not pick up a different npm from PATH.
 */
function npmCommand(args) {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.[cm]?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
}

function run(tool, command, args, { mayFail = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32' && command.endsWith('.cmd'),
  });
  if (result.error) fail(tool, `could not run ${command}: ${result.error.message}`);
  if (result.status !== 0 && mayFail) return false;
  if (result.status !== 0) {
    fail(
      tool,
      `\`${[path.basename(command), ...args].join(' ')}\` failed (exit ${result.status ?? result.signal})`,
    );
  }
  return true;
}

function runNpm(tool, args, options) {
  const [command, fullArgs] = npmCommand(args);
  return run(tool, command, fullArgs, options);
}

/**
 * Installs dependencies when node_modules is missing (`npm ci`, exactly the lockfile) or older than
 * package-lock.json (`npm install`, e.g. after a pull that changed dependencies).
 */
export function installIfNeeded(tool) {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
    say(tool, 'installing dependencies (npm ci) — first run, this takes a minute');
    if (runNpm(tool, ['ci'], { mayFail: true })) return;
    // CI insists on `npm ci`; a person's first start should not stop at a lockfile quirk (npm ci also
    // refuses a lockfile that lacks other platforms' optional packages). npm install still honours it.
    say(tool, 'npm ci failed (see above); trying npm install instead');
    runNpm(tool, ['install']);
    return;
  }
  const lockTime = mtimeMs(lock);
  const installedTime = mtimeMs(installed);
  if (installedTime !== null && (lockTime === null || lockTime <= installedTime)) {
    say(tool, 'dependencies up to date');
    return;
  }
  say(tool, 'package-lock.json changed since the last install: running npm install');
  runNpm(tool, ['install']);
  // npm leaves node_modules/.package-lock.json alone when nothing needed installing (e.g. a checkout
  // that only touched the lockfile's mtime); mark it current so the next start does not repeat this.
  const now = new Date();
  if (fs.existsSync(installed) && (mtimeMs(installed) ?? 0) < (mtimeMs(lock) ?? 0)) {
    fs.utimesSync(installed, now, now);
  }
}

/** Compiles the server and shared packages; tsc's incremental build makes this cheap when current. */
export function buildServer(tool) {
  say(tool, 'building server (tsc -b tsconfig.build.json)');
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) fail(tool, 'typescript is not installed; run npm install');
  run(tool, process.execPath, [tsc, '-b', 'tsconfig.build.json']);
}

/** Inputs of the web UI bundle; the bundle is rebuilt when any of them is newer than dist/index.html. */
const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'apps/web/public',
  'packages/contracts/src',
];

export function webIsStale() {
  const built = mtimeMs(path.join(ROOT, 'apps/web/dist/index.html'));
  if (built === null) return 'apps/web/dist/index.html is missing';
  for (const input of WEB_INPUTS) {
    if (newestMtime(path.join(ROOT, input)) > built) return `${input} changed since the last build`;
  }
  return null;
}

export function buildWebIfStale(tool) {
  const reason = webIsStale();
  if (!reason) {
    say(tool, 'web UI up to date');
    return;
  }
  say(tool, `building web UI (${reason})`);
  runNpm(tool, ['run', 'build', '-w', '@vigil/web']);
}

export function prepare(tool) {
  checkNodeVersion(tool);
  installIfNeeded(tool);
  buildServer(tool);
  buildWebIfStale(tool);
}

/**
 * Runs a long-lived child (the server, vitest) in its own process group, forwards SIGINT/SIGTERM/SIGHUP
 * to it and exits with its exit code.
 *
 * Why its own group: on Ctrl-C the terminal signals the whole foreground group and npm forwards the
 * signal again, so a child in our group would get SIGINT two or three times — and the server treats a
 * second SIGINT as "stop now", cutting its graceful shutdown short. In its own group it hears exactly
 * what we forward: the first signal, plus any repeat more than a second later (a deliberate second
 * Ctrl-C, which forces the exit).
 */
export function runForwardingSignals(tool, command, args, options = {}) {
  const windows = process.platform === 'win32';
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', detached: !windows, ...options });
  let lastForward = 0;
  const forward = (signal) => {
    const now = Date.now();
    if (now - lastForward < 1000) return;
    lastForward = now;
    if (child.exitCode === null && child.signalCode === null)
      child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  // `kill <npm pid>` reaches npm's `sh -c` wrapper, which dies without passing the signal on, leaving us
  // orphaned; treat losing our parent as a stop request so the server does not outlive `npm start`.
  const parent = process.ppid;
  let orphaned = false;
  setInterval(() => {
    if (!orphaned && process.ppid !== parent) {
      orphaned = true;
      forward('SIGTERM');
    }
  }, 500).unref();
  // If we die for any other reason, do not leave the child running detached.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (err) => fail(tool, `could not start ${command}: ${err.message}`));
  child.on('exit', (code, signal) => {
    if (signal) {
      const number = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
      process.exit(128 + number);
    }
    process.exit(code ?? 1);
  });
  return child;
}
