// Benchmark: @vigil/frameworks (the built package) in one process — loading and validating every shipped
// framework and mappings file, a generated framework at the format's 5,000-node limit (clean, and with the
// defects the validation report must name), and obligation scheduling for every level-A item over 24 months.
//
//   node bench/frameworks.mjs [--out FILE] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitInfo, log, machineInfo, ROOT, writeJson } from './lib/common.mjs';
import { generatedJson, generatedYaml } from './lib/generated-framework.mjs';
import { repeat, round } from './lib/measure.mjs';

const NAME = 'frameworks';
const { values: argv } = parseArgs({
  options: { out: { type: 'string' }, runs: { type: 'string', default: '20' } },
});
const loadBefore = os.loadavg()[0];
const SETTINGS = { runs: Number(argv.runs), largeRuns: Math.max(3, Math.round(Number(argv.runs) / 4)) };

if (!fs.existsSync(path.join(ROOT, 'packages/frameworks/dist/index.js')))
  throw new Error('packages/frameworks/dist is missing: run `npm run build` first');
const fw = await import('@vigil/frameworks');
const DATA = fw.DATA_DIR;
const files = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();

const cases = [];
function record(label, r, { items = null, problems = null, bytes = null, note = null } = {}) {
  const metrics = {
    medianMs: round(r.medianMs, 2),
    minMs: round(r.minMs, 2),
    items,
    itemsPerSec: items === null ? null : round(items / (r.medianMs / 1000), 0),
    problems,
    sizeKiB: bytes === null ? null : round(bytes / 1024, 0),
  };
  log(NAME, `${label}: median ${metrics.medianMs} ms${items === null ? '' : `, ${metrics.itemsPerSec}/s`}`);
  cases.push({ label, skipped: null, metrics, targets: [], valid: true, ...(note ? { note } : {}) });
}

function expectOk(result, what) {
  if (!result.ok) throw new Error(`${what} did not load: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.value;
}

// ---- shipped content ---------------------------------------------------------------------------------
const cold = performance.now();
const first = fw.readShippedContent();
const coldMs = performance.now() - cold;
if (first.problems.length > 0)
  throw new Error(`shipped content has problems: ${JSON.stringify(first.problems)}`);
const nodeTotal = first.frameworks.reduce((n, f) => n + f.definition.nodes.length, 0);
record(
  'Every shipped file (4 frameworks + 4 mappings, integrity checked), first call in the process',
  { medianMs: coldMs, minMs: coldMs },
  { items: nodeTotal, problems: 0 },
);
record('Every shipped file, warm', await repeat(() => fw.readShippedContent(), { runs: SETTINGS.runs }), {
  items: nodeTotal,
  problems: 0,
});
for (const name of files(DATA)) {
  const text = fs.readFileSync(path.join(DATA, name), 'utf8');
  const r = await repeat(() => expectOk(fw.loadFramework(text, name), name), { runs: SETTINGS.runs });
  record(`${name}`, r, { items: r.last.nodes.length, problems: 0, bytes: Buffer.byteLength(text) });
}
const refs = new Map(
  first.frameworks.map((f) => [f.definition.key, new Set(f.definition.nodes.map((n) => n.ref))]),
);
const known = (key, ref) => Boolean(refs.get(key)?.has(ref));
for (const name of files(path.join(DATA, 'mappings'))) {
  const text = fs.readFileSync(path.join(DATA, 'mappings', name), 'utf8');
  const file = `mappings/${name}`;
  const r = await repeat(() => expectOk(fw.loadMappings(text, file, known), file), { runs: SETTINGS.runs });
  record(`${file} (with integrity check)`, r, {
    items: r.last.length,
    problems: 0,
    bytes: Buffer.byteLength(text),
  });
}

// ---- a generated framework at the 5,000-node limit ---------------------------------------------------
const large = [
  ['Generated 5,000 nodes, YAML, valid', generatedYaml(), 'g.yaml', null],
  ['Generated 5,000 nodes, JSON, valid', generatedJson(), 'g.json', null],
  [
    'Generated 5,000 nodes, YAML, 99 structure problems (duplicate refs, unknown parents)',
    generatedYaml({ defects: 'structure' }),
    'g.yaml',
    'structure',
  ],
  [
    'Generated 5,000 nodes, YAML, 4,950 missing zh-TW titles (report capped at 200)',
    generatedYaml({ defects: 'schema' }),
    'g.yaml',
    'schema',
  ],
  [
    'Generated 5,000 nodes, YAML, syntax error near the end',
    generatedYaml({ defects: 'syntax' }),
    'g.yaml',
    'syntax',
  ],
];
for (const [label, text, file, defects] of large) {
  const r = await repeat(() => fw.loadFramework(text, file), { runs: SETTINGS.largeRuns });
  if (r.last.ok === (defects !== null)) throw new Error(`${label}: unexpected result ok=${r.last.ok}`);
  if (!r.last.ok && r.last.problems.some((p) => p.line === null && !/more problems/.test(p.message)))
    throw new Error(`${label}: a problem without a line: ${JSON.stringify(r.last.problems[0])}`);
  record(label, r, {
    items: 5000,
    problems: r.last.ok ? 0 : r.last.problems.length,
    bytes: Buffer.byteLength(text),
  });
}

// ---- obligation scheduling ---------------------------------------------------------------------------
const levels = first.frameworks.find((f) => f.definition.key === 'tw-responsibility-levels')?.definition;
const levelA = (levels?.nodes ?? []).flatMap((n) =>
  n.obligation?.byLevel?.A ? [n.obligation.byLevel.A] : [],
);
const anchor = '2026-03-31';
for (const timeZone of ['Asia/Taipei', 'UTC']) {
  const window = { anchor, from: anchor, to: fw.addMonths(anchor, 24), timeZone };
  const all = () => levelA.reduce((n, s) => n + fw.occurrences(s, window).length, 0);
  const r = await repeat(all, { runs: SETTINGS.runs * 5, warmup: 5 });
  record(`Occurrences of all ${levelA.length} level-A items over 24 months (${timeZone})`, r, {
    items: r.last,
  });
}
const single = { kind: 'monthly', day: 5 };
const horizon = { anchor, from: anchor, to: fw.addMonths(anchor, 24), timeZone: 'Asia/Taipei' };
const r = await repeat(() => fw.occurrences(single, horizon).length, { runs: SETTINGS.runs * 5, warmup: 5 });
record('Occurrences of one monthly item (SOC report by the 5th) over 24 months (Asia/Taipei)', r, {
  items: r.last,
});

// The due instant (23:59:59 local) of one date: what the calendar presents on every task it lists.
const dates = Array.from({ length: 1000 }, (_, i) => fw.addDays('2026-01-01', i));
const instants = await repeat(() => dates.map((d) => fw.dueInstant(d, 'Asia/Taipei')).length, {
  runs: SETTINGS.runs,
});
record('dueInstant() of 1,000 dates (Asia/Taipei)', instants, { items: 1000 });

const result = {
  benchmark: NAME,
  title: 'Framework files: loading, validation and obligation scheduling',
  description:
    `@vigil/frameworks (built) in one process: each case is run once to warm up, then the median of ${SETTINGS.runs} ` +
    `runs (${SETTINGS.largeRuns} for the 5,000-node files; ${SETTINGS.runs * 5} for scheduling). "Items" are nodes for ` +
    'framework files, mapping pairs for mappings files and due dates for scheduling; items/s is items ÷ the median. ' +
    'The first row is the very first read of the shipped content in the process (module and schema warm-up included).',
  ranAt: new Date().toISOString(),
  machine: machineInfo(),
  loadAverage1mBefore: round(loadBefore, 2),
  /** Other work on the machine during the run shows here (the run itself keeps about one core busy). */
  loadAverage1mAfter: round(os.loadavg()[0], 2),
  git: gitInfo(),
  settings: SETTINGS,
  columns: [
    { key: 'medianMs', label: 'Median (ms)', format: 'ms' },
    { key: 'minMs', label: 'Fastest (ms)', format: 'ms' },
    { key: 'items', label: 'Items', format: 'int' },
    { key: 'itemsPerSec', label: 'Items/s', format: 'int' },
    { key: 'problems', label: 'Problems reported', format: 'int' },
    { key: 'sizeKiB', label: 'File (KiB)', format: 'int' },
  ],
  targets: [],
  cases,
};
if (argv.out) writeJson(argv.out, result);
else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
