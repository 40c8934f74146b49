// Helpers shared by the benchmarks under bench/: the machine they ran on, child servers, temp resources.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'apps/server/bin/vigil.js');

export { sleep };

/** Progress goes to stderr so a benchmark's stdout stays free for whoever runs it. */
export function log(name, message) {
  process.stderr.write(`[bench:${name}] ${message}\n`);
}

/** Fails early with the fix when the server has not been built. */
export function requireBuiltServer() {
  if (!fs.existsSync(path.join(ROOT, 'apps/server/dist/cli/main.js'))) {
    throw new Error('apps/server/dist is missing: run `npm run build` first');
  }
}

/** What the figures were measured on; every result file carries it. */
export function machineInfo() {
  let cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux: os.cpus() is the best we have
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

// What the benchmarks themselves write; changes there do not make the measured code "uncommitted".
const OWN_OUTPUT = [':!bench/results', ':!docs/benchmarks.md'];

/** The commit measured, and whether the working tree differed from it. */
export function gitInfo() {
  const git = (...args) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: git('status', '--porcelain', '--', '.', ...OWN_OUTPUT).length > 0,
    };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** The parent's environment minus every VIGIL_* variable, so a developer's own settings cannot leak in. */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VIGIL_')));
  return { ...env, ...extra };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs a CLI command to completion; resolves with its stdout, rejects with its output on failure. */
export function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`vigil ${args.join(' ')} exited ${code}:\n${out}${err}`));
    });
  });
}

/**
 * Starts `vigil serve` as a child and waits for /healthz. Its output is kept (last 50 lines) to explain
 * a failure; `pid` is the server process itself, so /proc/<pid> measures the server and nothing else.
 * `nodeArgs` go to node itself, e.g. ['--cpu-prof'] when looking for a bottleneck.
 */
export async function startServer(env, port, nodeArgs = []) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, CLI, 'serve', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const tail = [];
  const keep = (d) => {
    tail.push(...String(d).split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 50));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const server = {
    base,
    pid: child.pid,
    output: () => tail.join('\n'),
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited ${child.exitCode} during start:\n${server.output()}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`server did not answer /healthz within 60 s:\n${server.output()}`);
}

/** SIGTERM (graceful), then SIGKILL if it has not gone after 30 s. */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in MiB (VmRSS), or null where /proc is unavailable. */
export function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return Number.isFinite(kib) ? Math.round((kib / 1024) * 10) / 10 : null;
  } catch {
    try {
      const kib = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      return Number.isFinite(kib) && kib > 0 ? Math.round((kib / 1024) * 10) / 10 : null;
    } catch {
      return null;
    }
  }
}

let clockTicks = null;

/** CPU time (user + system) a process has used so far, in seconds, or null where /proc is unavailable. */
export function cpuSeconds(pid) {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return null;
  }
}

/** Cleanup steps run once, in reverse order, on normal exit and on Ctrl-C alike. */
export function cleanupStack() {
  const steps = [];
  let running = null;
  const runAll = async () => {
    running ??= (async () => {
      while (steps.length > 0) {
        const step = steps.pop();
        try {
          await step();
        } catch (err) {
          process.stderr.write(`cleanup failed: ${err.message}\n`);
        }
      }
    })();
    return running;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: cleaning up…\n`);
      runAll().then(() => process.exit(130));
    });
  }
  return {
    add: (step) => steps.push(step),
    /** Runs the steps added since `mark` was taken (used per benchmark case). */
    mark: () => steps.length,
    async unwind(mark = 0) {
      while (steps.length > mark) {
        const step = steps.pop();
        try {
          await step();
        } catch (err) {
          process.stderr.write(`cleanup failed: ${err.message}\n`);
        }
      }
    },
    runAll,
  };
}

/** Writes a result file atomically (the runner reads whatever is there). */
export function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Signs in over the API; answers the session cookie and the CSRF token. */
export async function signIn(base, username, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /^(__Host-)?vigil_session=/.test(c));
  if (!session || !body.csrfToken) throw new Error('sign-in answered without a session cookie or CSRF token');
  return { cookie: session, csrfToken: body.csrfToken };
}
