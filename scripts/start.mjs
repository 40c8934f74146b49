#!/usr/bin/env node
// `npm start`: from a fresh clone to a running server. Installs dependencies if they are missing or older
// than package-lock.json, rebuilds what is stale, then runs `vigil serve` in the foreground.
// Extra arguments go to `vigil serve`:  npm start -- --port 9000 --host 0.0.0.0
import path from 'node:path';
import { prepare, ROOT, runForwardingSignals, say } from './lib/prepare.mjs';

const TOOL = 'start';
prepare(TOOL);
say(TOOL, 'starting the server (Ctrl-C stops it)');
runForwardingSignals(TOOL, process.execPath, [
  path.join(ROOT, 'apps/server/bin/vigil.js'),
  'serve',
  ...process.argv.slice(2),
]);
