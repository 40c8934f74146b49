// Benchmark: rendering a 5,000-row asset table with @vigil/reports (the built package) to PDF, DOCX, XLSX
// and CSV, plus a 10-page PDF to check that the subset font keeps it small. Time, output size, pages, memory.
//
//   node bench/reports.mjs [--out FILE] [--rows N] [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitInfo, log, machineInfo, ROOT, writeJson } from './lib/common.mjs';

const NAME = 'reports';
const { values: argv } = parseArgs({
  options: {
    out: { type: 'string' },
    rows: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
  },
});
const SETTINGS = { rows: Number(argv.rows), runs: Number(argv.runs), tenPageRows: 170 };
const TEN_PAGE_LIMIT = 1024 * 1024;

const DIST = path.join(ROOT, 'packages/reports/dist/index.js');
if (!fs.existsSync(DIST)) throw new Error('packages/reports/dist is missing: run `npm run build` first');
const { renderCsv, renderDocx, renderPdf, renderXlsx } = await import('@vigil/reports');

const COLUMNS = [
  { title: '資產編號', width: 1.4 },
  { title: '資產名稱', width: 2.4 },
  { title: '資產類別', width: 1.6 },
  { title: '保管單位', width: 1.4 },
  { title: '機密性', width: 0.8, align: 'center' },
  { title: '風險等級', width: 0.9, align: 'center' },
  { title: '說明', width: 3 },
];
const HEAT = ['#2E7D32', '#9CCC65', '#FFF59D', '#FFB74D', '#C62828'];

function rows(count) {
  return Array.from({ length: count }, (_, i) => [
    `AST-${String(i + 1).padStart(5, '0')}`,
    `${i % 3 === 0 ? '核心資通系統' : '辦公室個人電腦'} ${i + 1}`,
    ['硬體', '軟體', '資料', '人員', '服務'][i % 5],
    i % 2 === 0 ? '資訊室' : '總務處',
    (i % 3) + 1,
    { text: ['極低', '低', '中', '高', '極高'][i % 5], fill: HEAT[i % 5] },
    i % 7 === 0
      ? '存放於機房 A 區機櫃 3，每季由資訊室檢查一次並記錄於保養紀錄。Backup nightly to site B.'
      : '無',
  ]);
}

function report(count) {
  return {
    meta: {
      title: '資產清冊',
      subtitle: `${count.toLocaleString('en-US')} 筆資產`,
      organisation: '守望示範機關',
      generatedAt: new Date().toISOString(),
      generatedBy: '效能測試',
      locale: 'zh-TW',
    },
    landscape: true,
    blocks: [
      { type: 'heading', level: 1, text: '資產清冊' },
      { type: 'paragraph', text: '本清冊列出機關全部資訊資產。' },
      { type: 'table', columns: COLUMNS, rows: rows(count) },
    ],
  };
}

function plain(cell) {
  return cell !== null && typeof cell === 'object' ? cell.text : cell;
}

const CASES = [
  {
    name: 'pdf',
    label: `PDF, ${SETTINGS.rows.toLocaleString('en-US')} rows`,
    render: () => renderPdf(report(SETTINGS.rows)),
  },
  {
    name: 'docx',
    label: `DOCX, ${SETTINGS.rows.toLocaleString('en-US')} rows`,
    render: () => renderDocx(report(SETTINGS.rows)),
  },
  {
    name: 'xlsx',
    label: `XLSX, ${SETTINGS.rows.toLocaleString('en-US')} rows`,
    render: () =>
      renderXlsx(
        [
          {
            name: '資產清冊',
            title: '資產清冊',
            columns: COLUMNS.map((c) => ({ header: c.title })),
            rows: rows(SETTINGS.rows),
          },
        ],
        report(0).meta,
      ),
  },
  {
    name: 'csv',
    label: `CSV, ${SETTINGS.rows.toLocaleString('en-US')} rows`,
    render: async () =>
      renderCsv(
        COLUMNS.map((c) => c.title),
        rows(SETTINGS.rows).map((r) => r.map(plain)),
      ),
  },
  {
    name: 'pdf-10-pages',
    label: `PDF, ${SETTINGS.tenPageRows} rows (about 10 pages)`,
    render: () => renderPdf(report(SETTINGS.tenPageRows)),
    target: { label: '10-page PDF < 1 MiB', met: (m) => m.outputKiB * 1024 < TEN_PAGE_LIMIT },
  },
];

function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function pdfPages(buf) {
  return (buf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

async function measure(c) {
  // One warm-up run loads the font and the libraries and lets the JIT settle.
  await c.render();
  const times = [];
  let out;
  for (let i = 0; i < SETTINGS.runs; i++) {
    const started = performance.now();
    out = await c.render();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const metrics = {
    medianMs: round(times[Math.floor(times.length / 2)], 0),
    minMs: round(times[0], 0),
    outputKiB: round(out.length / 1024, 0),
    pages: c.name.startsWith('pdf') ? pdfPages(out) : null,
    rssMiB: round(process.memoryUsage().rss / 1024 ** 2),
  };
  const targets = c.target
    ? [{ label: c.target.label, met: c.target.met(metrics), actual: metrics.outputKiB }]
    : [];
  log(
    NAME,
    `${c.label}: median ${metrics.medianMs} ms, ${metrics.outputKiB} KiB${metrics.pages ? `, ${metrics.pages} pages` : ''}, RSS ${metrics.rssMiB} MiB`,
  );
  return { name: c.name, label: c.label, skipped: null, metrics, targets, valid: true };
}

const ranAt = new Date().toISOString();
const loadBefore = os.loadavg()[0];
const cases = [];
for (const c of CASES) cases.push(await measure(c));
const result = {
  benchmark: NAME,
  title: 'Render a 5,000-row report to PDF, DOCX, XLSX and CSV',
  description:
    `@vigil/reports (built) renders an asset inventory with a ${SETTINGS.rows.toLocaleString('en-US')}-row, 7-column table ` +
    '(Traditional Chinese text, heat-map fills in one column; A4 landscape for PDF and DOCX) in one process: one warm-up, ' +
    `then the median of ${SETTINGS.runs} runs. A ${SETTINGS.tenPageRows}-row PDF checks the size of a 10-page report ` +
    '(Noto Sans TC is embedded as a subset). RSS is the process after the case.',
  ranAt,
  machine: machineInfo(),
  loadAverage1mBefore: round(loadBefore, 2),
  git: gitInfo(),
  settings: SETTINGS,
  columns: [
    { key: 'medianMs', label: 'Median (ms)', format: 'int' },
    { key: 'minMs', label: 'Fastest (ms)', format: 'int' },
    { key: 'outputKiB', label: 'Output (KiB)', format: 'int' },
    { key: 'pages', label: 'Pages', format: 'int' },
    { key: 'rssMiB', label: 'RSS (MiB)', format: 'mib' },
  ],
  targets: ['10-page PDF < 1 MiB'],
  cases,
};
if (argv.out) writeJson(argv.out, result);
else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
