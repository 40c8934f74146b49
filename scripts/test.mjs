#!/usr/bin/env node
// `npm test`: the same install/build-if-stale steps as `npm start` (the browser tests drive the built
// server and web UI), then `vitest run`. Extra arguments go to vitest:  npm test -- apps/server -t login
import fs from 'node:fs';
import path from 'node:path';
import { fail, prepare, ROOT, runForwardingSignals, say } from './lib/prepare.mjs';

const TOOL = 'test';
prepare(TOOL);
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
if (!fs.existsSync(vitest)) fail(TOOL, 'vitest is not installed; run npm install');
const args = ['run', ...process.argv.slice(2)];
say(TOOL, `vitest ${args.join(' ')}`);
runForwardingSignals(TOOL, process.execPath, [vitest, ...args]);
