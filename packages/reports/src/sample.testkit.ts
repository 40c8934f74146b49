// Test-only: a 資產清冊-style report and helpers to read the rendered files back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cell, ReportDocument, ReportLocale } from './types.js';

export const HEAT_RED = '#C62828';
export const HEAT_YELLOW = '#FFF59D';

export function assetRows(count: number): Cell[][] {
  return Array.from({ length: count }, (_, i) => [
    `AST-${String(i + 1).padStart(5, '0')}`,
    i % 3 === 0 ? '核心資通系統' : '一般資產',
    i % 2 === 0 ? '資訊室' : '總務處',
    { text: i % 2 === 0 ? '高' : '低', fill: i % 2 === 0 ? HEAT_RED : HEAT_YELLOW },
    i + 1,
  ]);
}

export function inventoryReport(rows: number, locale: ReportLocale = 'zh-TW'): ReportDocument {
  return {
    meta: {
      title: '資產清冊',
      subtitle: '114 年度資產盤點',
      organisation: '守望示範機關',
      generatedAt: '2026-11-22T06:05:00.000Z',
      generatedBy: '林管理員',
      locale,
    },
    blocks: [
      { type: 'heading', level: 1, text: '資產清冊' },
      { type: 'paragraph', text: '本清冊列出機關全部資訊資產，依資產類別與保管單位排列。' },
      { type: 'bullets', items: ['核心資通系統須每年重新評估', '一般資產每兩年盤點一次'] },
      {
        type: 'keyValue',
        rows: [
          ['資產總數', String(rows)],
          ['核心資通系統', String(Math.ceil(rows / 3))],
        ],
      },
      { type: 'heading', level: 2, text: '風險評估報告' },
      {
        type: 'table',
        caption: '資產一覽',
        columns: [
          { title: '資產編號', width: 1.5 },
          { title: '資產類別', width: 2 },
          { title: '保管單位', width: 1.5 },
          { title: '風險等級', width: 1, align: 'center' },
          { title: '序號', width: 0.8, align: 'right' },
        ],
        rows: assetRows(rows),
      },
    ],
  };
}

/** `pdftotext -layout` of a PDF, one string per page (pages are separated by form feeds). */
export function pdfPages(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-reports-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The document information `pdfinfo` (poppler-utils, beside pdftotext) reads, e.g. { Title, Author }. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-reports-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const out = execFileSync(path.join(path.dirname(PDFTOTEXT), 'pdfinfo'), ['-enc', 'UTF-8', file], {
      encoding: 'utf8',
    });
    return Object.fromEntries(
      out
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] ?? '', m[2] ?? '']),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const PDFTOTEXT = process.env.VIGIL_TEST_PDFTOTEXT ?? '/usr/bin/pdftotext';
export const havePdftotext = fs.existsSync(PDFTOTEXT);

/** Fails when pdftotext is required (CI) and missing; otherwise says loudly that PDF text checks were skipped. */
export function announcePdftotext(): void {
  if (havePdftotext) return;
  if (process.env.VIGIL_TEST_REQUIRE_PDFTOTEXT === '1')
    throw new Error(
      `VIGIL_TEST_REQUIRE_PDFTOTEXT=1 but no pdftotext at ${PDFTOTEXT} (apt-get install poppler-utils)`,
    );
  process.stderr.write(
    `\n*** No pdftotext at ${PDFTOTEXT}: the PDF text checks were NOT run (apt-get install poppler-utils).\n`,
  );
}
