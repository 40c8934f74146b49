import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  haveBrowser,
  launchBrowser,
  type RunningServer,
  signIn as signInOn,
  startDemoServer,
  step as stepOn,
} from './kit.js';

// Issue 4 in a real Chromium against the built server with the demo organisation loaded: the responsibility
// level drives the obligations calendar → evidence completes the vulnerability scan → a policy goes through
// review, approval and publication → a member of staff acknowledges it → the Statement of Applicability is
// approved and exported.

/** A small one-page PDF, as a scanner's summary report would be. */
function scanPdf(): Buffer {
  const stream = 'BT /F1 14 Tf 72 760 Td (Vulnerability scan 2026: 0 high findings) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An i18n key rendered instead of its text (job names such as obligations.reminders have one dot). */
const MISSING_KEY =
  /\b(?:common|compliance|obligations|documents|regulations|frameworks|notifications)(?:\.[A-Za-z_]+){2,}\b/g;
const POLICY_TITLE = '可接受使用政策';
const JUSTIFICATION = '訂閱 TWCERT/CC 及 N-ISAC 威脅情資，每週彙整研判';
const POLICY_BODY = `# 可接受使用政策

## 一、目的
規範同仁使用本府資通設備及網路之行為。

## 二、規定
1. 不得安裝未經核准之軟體。
2. 密碼不得告知他人。
`;

describe.skipIf(!haveBrowser)('ISMS in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let base: string;
  let password: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-isms-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, base, password } = await startDemoServer());
    ({ browser, page } = await launchBrowser());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const step = (name: string, fn: () => Promise<void>) => stepOn(page, `isms-${name}`, fn);
  // Accessibility findings are collected and asserted at the end, so one run lists every page's problems.
  const a11y: string[] = [];
  const noProblems = async (where: string) => {
    // Judge the page a person reads, not its loading spinners.
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
    a11y.push(...(await accessibilityProblems(page)).map((p) => `${where}: ${p}`));
  };
  const signIn = async (username: string) => {
    await signInOn(page, base, username, password);
    await page.getByRole('button', { name: /Account menu for/ }).waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  };
  /** The input of a labelled Select or MultiSelect (its option list carries the same label). */
  const input = (label: string) => page.getByLabel(label, { exact: true }).and(page.locator('input'));
  const setLevel = async (level: string) => {
    await page.goto(`${base}/admin/org`);
    await input('Security responsibility level (資通安全責任等級)').click();
    await page.getByRole('option', { name: `Level ${level}`, exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('The organisation profile has been saved.').waitFor();
  };
  /** Refreshes the calendar and answers the names offered by the list's obligation filter. */
  const refreshCalendar = async (level: string): Promise<string[]> => {
    await page.goto(`${base}/obligations`);
    await page.getByText(`Level ${level}`, { exact: true }).waitFor();
    await page.getByText('Level or settings changed: refresh the calendar').waitFor();
    await page.getByRole('button', { name: 'Refresh calendar' }).click();
    await page
      .getByRole('status')
      .getByText(/obligations; \d+ tasks added/)
      .waitFor();
    await page.getByRole('tab', { name: 'List' }).click();
    await input('Obligation').click();
    await page.getByRole('option').first().waitFor();
    const kinds = await page.getByRole('option').allTextContents();
    await page.keyboard.press('Escape');
    return kinds;
  };
  let versionUrl = '';
  let taskUrl = '';

  it('sets level B, completes the vulnerability scan with evidence, publishes a policy, has it acknowledged and exports the SoA', async () => {
    await step('sign-in', async () => {
      await signIn('lin.admin');
      // The demo left last month's SOC report undone: the home card says so.
      await page.getByText(/^\d+ overdue$/).waitFor();
    });

    await step('level', async () => {
      // The demo organisation is at level B already: go to C and back, so the calendar follows both changes.
      await setLevel('C');
      const atC = await refreshCalendar('C');
      expect(atC).toContain('Vulnerability scan');
      expect(atC).not.toContain('Monthly SOC device-status form');
      await setLevel('B');
      const atB = await refreshCalendar('B');
      for (const k of [
        'Vulnerability scan',
        'Penetration test',
        'Monthly SOC device-status form',
        'Social-engineering drill',
        'Internal information security audit',
      ])
        expect(atB).toContain(k);
      await noProblems('obligations list');
      await page.getByRole('tab', { name: 'Calendar' }).click();
      await page.getByRole('table', { name: /^Obligations due in/ }).waitFor();
      await noProblems('obligations calendar');
    });

    await step('evidence', async () => {
      await page.getByRole('tab', { name: 'List' }).click();
      await input('Obligation').click();
      await page.getByRole('option', { name: 'Vulnerability scan', exact: true }).click();
      await page.getByRole('link', { name: 'Vulnerability scan', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Vulnerability scan' }).waitFor();
      taskUrl = page.url();
      await page.getByText('Link at least one evidence item to complete the task.').waitFor();
      expect(await page.getByRole('button', { name: 'Complete task' }).isDisabled()).toBe(true);
      await noProblems('obligation task');

      const file = path.join(work, 'scan-report.pdf');
      fs.writeFileSync(file, scanPdf());
      const chooser = page.waitForEvent('filechooser');
      await page.getByLabel('Upload a file').click();
      await (await chooser).setFiles(file);
      await page.getByLabel('Evidence title (optional)').fill('115 年度弱點掃描報告');
      await page.getByRole('button', { name: 'Upload and link' }).click();
      const linked = page.getByRole('link', { name: '115 年度弱點掃描報告 (scan-report.pdf)' });
      await linked.waitFor();
      // The stored file comes back as an attachment with its sniffed type.
      const res = await page.request.get(`${base}${await linked.getAttribute('href')}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-disposition']).toMatch(/^attachment/);
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

      await page.getByLabel('Completion note').fill('外部弱掃完成，無高風險弱點');
      await page.getByRole('button', { name: 'Complete task' }).click();
      await page.getByText('外部弱掃完成，無高風險弱點', { exact: false }).waitFor();
      await page.getByText('Done', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Complete task' }).count()).toBe(0);
      await noProblems('completed task');
    });

    await step('policy-draft', async () => {
      await page.goto(`${base}/documents`);
      await page.getByRole('heading', { level: 1, name: 'ISMS documents' }).waitFor();
      await page.getByRole('button', { name: 'New document' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Title/).fill(POLICY_TITLE);
      await noProblems('new document dialog');
      await dialog.getByRole('button', { name: 'Create' }).click();
      // The demo's security policy is ISMS-P-001: the next policy number is suggested.
      await page.getByRole('heading', { level: 1, name: `ISMS-P-002 ${POLICY_TITLE}` }).waitFor();
      await noProblems('document page');
      await page.getByRole('button', { name: 'New Markdown version' }).click();
      await page.getByRole('heading', { level: 1, name: 'ISMS-P-002 version 1' }).waitFor();
      versionUrl = page.url();
      await page.getByLabel('Change summary').fill('初版');
      await page.getByLabel('Content (Markdown)').fill(POLICY_BODY);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('tab', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: '二、規定' }).waitFor();
      await noProblems('draft version');
    });

    await step('policy-review', async () => {
      for (const label of ['Reviewers', 'Approvers']) {
        await input(label).click();
        await page.getByRole('option', { name: '林志明' }).click();
        await page.keyboard.press('Escape');
      }
      await page.getByRole('button', { name: 'Send to review' }).click();
      await page.getByText('Waiting for reviewers').waitFor();
      await noProblems('version in review');
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText('Waiting for approvers').waitFor();
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByRole('heading', { name: 'Distribution and acknowledgement' }).waitFor();
      // Published is read-only: no editor any more.
      expect(await page.getByLabel('Content (Markdown)').count()).toBe(0);
      await input('Users').click();
      await page.getByRole('option', { name: '劉美玲' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Distribute', exact: true }).click();
      await page.getByText('0 of 1 acknowledged').first().waitFor();
      await page.getByRole('cell', { name: '劉美玲' }).waitFor();
      await noProblems('published version');
    });

    await step('acknowledge', async () => {
      await signOut();
      await signIn('liu.hr');
      await page.goto(`${base}/documents/to-read`);
      await page.getByRole('heading', { level: 1, name: 'Documents to read' }).waitFor();
      await noProblems('to read');
      await page.getByRole('link', { name: POLICY_TITLE }).click();
      await page.getByRole('heading', { name: '二、規定' }).waitFor();
      await page.getByRole('button', { name: 'I have read and acknowledge this version' }).click();
      await page.getByText('You acknowledged this version.').waitFor();
      await page.goto(`${base}/documents/to-read`);
      const row = page.getByRole('row').filter({ hasText: POLICY_TITLE });
      await row.waitFor();
      expect(await row.textContent()).not.toContain('Not yet');
      await signOut();
    });

    await step('progress', async () => {
      await signIn('lin.admin');
      await page.goto(versionUrl);
      await page.getByText('1 of 1 acknowledged').first().waitFor();
      const row = page.getByRole('row').filter({ hasText: '劉美玲' });
      expect(await row.textContent()).not.toContain('Not yet');
      const pending = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export record (XLSX)' }).click();
      const record = path.join(work, 'ack.xlsx');
      await (await pending).saveAs(record);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(record);
      const cells = wb.worksheets.flatMap((ws) =>
        ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : [])),
      );
      expect(cells.some((c) => c.includes('劉美玲'))).toBe(true);
    });

    await step('soa', async () => {
      await page.goto(`${base}/compliance/soa`);
      await page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
      // The demo's version 1 is approved; a new draft carries its rows over.
      await page.getByText(/^Approved by 林志明/).waitFor();
      await page.getByRole('button', { name: 'New draft' }).click();
      await expect.poll(() => input('Version').inputValue()).toBe('Version 2 (Draft)');
      await page.getByRole('table', { name: '93 Annex A controls' }).waitFor();
      // The demo's applied control for vulnerability management is on its Annex A row.
      expect(await page.getByRole('row').filter({ hasText: 'A.8.8' }).first().textContent()).toMatch(
        /CTL-\d{4}/,
      );
      await page.getByRole('button', { name: 'Edit A.5.7' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Justification/).fill(JUSTIFICATION);
      await dialog
        .locator('input')
        .and(dialog.getByLabel('Implementation', { exact: true }))
        .click();
      await page.getByRole('option', { name: 'Partially implemented' }).click();
      await noProblems('SoA entry dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: JUSTIFICATION }).waitFor();
      await noProblems('SoA draft');
      await page.getByLabel('Approval note').fill('115 年度管理審查核定');
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await expect.poll(() => input('Version').inputValue()).toBe('Version 2 (Approved)');
      await page.getByText(/^Approved by 林志明.*115 年度管理審查核定/).waitFor();

      const docx = page.waitForEvent('download');
      await page.getByRole('link', { name: 'DOCX (English)' }).click();
      const docxFile = path.join(work, 'soa.docx');
      await (await docx).saveAs(docxFile);
      const zip = await JSZip.loadAsync(fs.readFileSync(docxFile));
      const body = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(body).toContain('A.5.1');
      expect(body).toContain('A.8.34');

      const xlsx = page.waitForEvent('download');
      await page.getByRole('link', { name: 'XLSX (Chinese)' }).click();
      const download = await xlsx;
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const xlsxFile = path.join(work, 'soa.xlsx');
      await download.saveAs(xlsxFile);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsxFile);
      const xlsxText: string[] = [];
      for (const ws of wb.worksheets)
        ws.eachRow((row) => row.eachCell((cell) => xlsxText.push(String(cell.value ?? '').trim())));
      const refs = new Set(xlsxText.filter((v) => /^A\.[5-8]\.\d+$/.test(v)));
      expect(refs.size).toBe(93);
      expect(xlsxText.some((c) => c.includes(JUSTIFICATION))).toBe(true);
      expect(refs).toContain('A.5.1');
      expect(refs).toContain('A.8.34');
    });

    await step('pages', async () => {
      const pages = [
        '/compliance',
        '/compliance/evidence',
        '/compliance/soa',
        '/compliance/assessments',
        '/obligations',
        new URL(taskUrl).pathname,
        '/regulations',
        '/documents',
        '/documents/to-read',
        new URL(versionUrl).pathname,
        '/frameworks',
        '/admin/notifications',
      ];
      const untranslated: string[] = [];
      for (const language of ['en', 'zh-TW']) {
        await page.evaluate((l) => localStorage.setItem('vigil.language', l), language);
        for (const p of pages) {
          await page.goto(`${base}${p}`);
          const heading = page.getByRole('heading', { level: 1 }).first();
          await heading.waitFor();
          await noProblems(`${language} ${p}`);
          // A missing translation shows as its key; a Chinese page has a Chinese title.
          const text = (await page.locator('main').textContent()) ?? '';
          untranslated.push(...(text.match(MISSING_KEY) ?? []).map((k) => `${language} ${p}: ${k}`));
          const title = (await heading.textContent()) ?? '';
          if (language === 'zh-TW' && !/[\u4e00-\u9fff]/.test(title))
            untranslated.push(`${p}: English title ${title}`);
        }
      }
      await page.evaluate(() => localStorage.setItem('vigil.language', 'en'));
      expect(untranslated).toEqual([]);
    });
    expect(a11y).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
