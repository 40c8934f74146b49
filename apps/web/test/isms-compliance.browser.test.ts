import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../server/src/platform/notify/smtp.testkit.js';
import {
  accessibilityProblems,
  haveBrowser,
  launchBrowser,
  type RunningServer,
  signIn as signInOn,
  startDemoServer,
  step as stepOn,
} from './kit.js';

// The rest of issue 4 in a real Chromium against the built server with `vigil demo` loaded (the first walk-
// through, isms.browser.test.ts, covers level → obligations → policy → SoA): the framework library with its
// mappings and file import, applied controls and compliance assessments (copy from the previous one, a gap,
// the Schedule 10 baseline of one system), the regulations register and its export, and SMTP e-mail to a
// real SMTP server on 127.0.0.1.

const ISO = 'ISO/IEC 27001:2022 (clauses and Annex A)';
const SCHEDULE_10 = 'Schedule 10 system protection baseline';
const ISO_ASSESSMENT = '115 年度 ISO/IEC 27001 符合性評估';
const SYSTEM_ASSESSMENT = '市政府全球資訊網 附表十防護基準評估';
const NEW_ASSESSMENT = '116 年度 ISO/IEC 27001 符合性評估';
const CONTROL = '威脅情資蒐集與研判';
const IMPORTED = 'Water utility OT baseline (e2e)';

// Two structural problems (a ref used twice, an unknown parent) on lines 14 and 15.
const BROKEN_YAML = `key: e2e-broken
version: "1"
name:
  en: "Broken framework"
  zh-TW: "錯誤框架"
nodes:
  - ref: "S1"
    kind: section
    title: { en: "Section", zh-TW: "章節" }
  - ref: "R1"
    parent: "S1"
    kind: requirement
    title: { en: "Requirement", zh-TW: "要求" }
  - ref: "R1"
    parent: "S9"
    kind: requirement
    title: { en: "Again", zh-TW: "重複" }
`;
const VALID_YAML = `key: e2e-ot-baseline
version: "2026.1"
name:
  en: "${IMPORTED}"
  zh-TW: "自來水營運技術基準（測試）"
publisher: "示範市政府資訊局"
nodes:
  - ref: "OT"
    kind: section
    title: { en: "Operational technology", zh-TW: "營運技術" }
  - ref: "OT-1"
    parent: "OT"
    kind: requirement
    title: { en: "SCADA network separated from the office network", zh-TW: "SCADA 網路與辦公網路實體隔離" }
  - ref: "OT-2"
    parent: "OT"
    kind: requirement
    title: { en: "PLC firmware changes approved and recorded", zh-TW: "PLC 韌體變更經核准並留存紀錄" }
`;

/** Today in Taipei (YYYY-MM-DD) and the same day a year later, clamped to the month's end. */
function todayAndNextYear(): [string, string] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const next = `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return [today, next];
}

describe.skipIf(!haveBrowser)('frameworks, compliance, regulations and e-mail in the browser', () => {
  let server: RunningServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let password: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-compliance-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, base, password } = await startDemoServer());
    smtp = await startTestSmtp();
    ({ browser, page } = await launchBrowser());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await smtp?.close();
    server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const step = (name: string, fn: () => Promise<void>) => stepOn(page, `compliance-${name}`, fn);
  const a11y: string[] = [];
  const noProblems = async (where: string) => {
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
    // The first node of each finding is enough to find it (a badge in every row would fill the screen).
    a11y.push(...(await accessibilityProblems(page)).map((p) => `${where}: ${p.slice(0, 300)}`));
  };
  /** The input of a labelled Select or MultiSelect (its option list carries the same label). */
  const input = (label: string | RegExp, within: Page | ReturnType<Page['getByRole']> = page) =>
    within.getByLabel(label, { exact: true }).and(page.locator('input'));
  const choose = async (label: string | RegExp, option: string, within?: ReturnType<Page['getByRole']>) => {
    await input(label, within).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  /** Turns a switch on by its label and waits until it shows as on. */
  const toggle = async (label: string) => {
    const control = page.getByRole('switch', { name: label });
    await control.check();
    await expect.poll(() => control.isChecked()).toBe(true);
  };
  const upload = async (name: string, content: string) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, content);
    const dialog = page.getByRole('dialog');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByLabel(/^Framework file/).click();
    await (await chooser).setFiles(file);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  };
  /** The score badge of an assessment section, read off the section named by its heading. */
  const sectionScore = (section: string) =>
    page.getByRole('region', { name: section }).locator('.mantine-Badge-root').first().textContent();
  const downloadTo = async (name: string, click: () => Promise<void>): Promise<string> => {
    const pending = page.waitForEvent('download');
    await click();
    const file = path.join(work, name);
    await (await pending).saveAs(file);
    return file;
  };

  it('walks the framework library, compliance assessments, the regulations register and e-mail', async () => {
    await step('sign-in', async () => {
      await signInOn(page, base, 'lin.admin', password);
      await page.getByRole('button', { name: /Account menu for/ }).waitFor();
    });

    await step('framework-library', async () => {
      await page.goto(`${base}/frameworks`);
      await page.getByRole('heading', { level: 1, name: 'Framework library' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: ISO });
      const origin = row.getByText('Shipped with Vigil');
      await origin.waitFor();
      // The whole word is visible, not cut to "Shipped with…".
      expect(await origin.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await noProblems('framework library');
      await row.getByRole('link', { name: ISO }).click();
      await page.getByRole('heading', { level: 1, name: ISO }).waitFor();
      await page.getByLabel('Search requirements').fill('vulnerab');
      await page.getByText('1 requirement shown', { exact: true }).waitFor();
      const card = page.getByRole('article', { name: 'A.8.8 Technical vulnerabilities managed' });
      await card.waitFor();
      expect(await page.getByRole('article').count()).toBe(1);
      await noProblems('ISO 27001 search');
      // The mapping leads to Schedule 10's flaw-remediation measure, outlined and focused, search cleared.
      await card.getByRole('link', { name: `${SCHEDULE_10} SI-1` }).click();
      await page.getByRole('heading', { level: 1, name: SCHEDULE_10 }).waitFor();
      expect(new URL(page.url()).searchParams.get('ref')).toBe('SI-1');
      const target = page.getByRole('article', { name: 'SI-1 Flaw remediation' });
      await expect.poll(() => target.getAttribute('aria-current')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('req-SI-1');
      expect(await page.getByLabel('Search requirements').inputValue()).toBe('');
      await page.getByText(/^\d+ requirements shown$/).waitFor();
      expect(await target.textContent()).toContain('Technical vulnerabilities managed');
      await noProblems('Schedule 10 framework');
    });

    await step('framework-import', async () => {
      await page.goto(`${base}/frameworks`);
      await page.getByRole('button', { name: 'Import a framework' }).click();
      await upload('broken-framework.yaml', BROKEN_YAML);
      const report = page.getByRole('table', { name: 'Problems found in the file' });
      await report.waitFor();
      await page.getByText('Fix these problems and import the file again. Nothing was stored.').waitFor();
      const problems = (await report.getByRole('row').allTextContents()).slice(1);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^broken-framework\.yaml14:\d+nodes\[2\]\.refref R1 is used twice/);
      expect(problems[1]).toMatch(/^broken-framework\.yaml15:\d+nodes\[2\]\.parentunknown parent S9/);
      await noProblems('import report');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await page.getByRole('row').filter({ hasText: 'Broken framework' }).count()).toBe(0);
      expect(await page.getByRole('row').count()).toBe(5);

      await page.getByRole('button', { name: 'Import a framework' }).click();
      await upload('ot-baseline.yaml', VALID_YAML);
      await page.getByRole('heading', { level: 1, name: IMPORTED }).waitFor();
      await page.getByRole('status').getByText(`Imported ${IMPORTED} version 2026.1.`).waitFor();
      await page.getByText('2 requirements shown').waitFor();
      await page.getByRole('link', { name: 'All frameworks' }).click();
      const row = page.getByRole('row').filter({ hasText: IMPORTED });
      await row.getByText('Imported', { exact: true }).waitFor();
      expect(await row.textContent()).toContain('2026.1');
      await noProblems('framework library with an import');
    });

    await step('applied-control', async () => {
      await page.goto(`${base}/compliance`);
      await page.getByRole('heading', { level: 1, name: 'Applied controls' }).waitFor();
      await page.getByRole('button', { name: 'New control' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill(CONTROL);
      await choose('Category', 'Process', dialog);
      await choose('Owner', '陳怡君 (chen.se)', dialog);
      // The picker: an ISO control searched by number, then a NIST CSF subcategory by its words.
      await choose('Framework', ISO, dialog);
      await input('Requirement', dialog).fill('A.5.7');
      await page.getByRole('option', { name: 'A.5.7 Threat intelligence gathered and analysed' }).click();
      await choose('Framework', 'NIST Cybersecurity Framework 2.0', dialog);
      await input('Requirement', dialog).fill('threat intelligence');
      await page.getByRole('option', { name: /^ID\.RA-02 / }).click();
      const chosen = dialog.getByLabel('Linked requirements');
      // Both keep their titles although only NIST's requirements are loaded now.
      await chosen.getByText(`${ISO} · A.5.7 Threat intelligence gathered and analysed`).waitFor();
      await chosen
        .getByText(/^NIST Cybersecurity Framework 2\.0 · ID\.RA-02 Cyber threat intelligence/)
        .waitFor();
      await noProblems('new control dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: CONTROL });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/CTL-\d{4}.*A\.5\.7.*ID\.RA-02/);
      await noProblems('controls');
    });

    await step('complete-previous', async () => {
      await page.goto(`${base}/compliance/assessments`);
      await page.getByRole('heading', { level: 1, name: 'Compliance assessments' }).waitFor();
      // The demo's assessments are listed; badges show whole words.
      const row = page.getByRole('row').filter({ hasText: ISO_ASSESSMENT });
      const status = row.getByText('In progress', { exact: true });
      await status.waitFor();
      expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await noProblems('assessments');
      await row.getByRole('link', { name: ISO_ASSESSMENT }).click();
      await page.getByRole('heading', { level: 1, name: ISO_ASSESSMENT }).waitFor();
      await noProblems('demo ISO assessment');
      await page.getByRole('button', { name: 'Complete assessment' }).click();
      const confirm = page.getByRole('dialog', { name: 'Complete this assessment?' });
      await confirm.getByRole('button', { name: 'Complete assessment' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByText('Completed', { exact: true }).waitFor();
      await page.getByText(/^Completed by 林志明\./).waitFor();
      expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    });

    await step('assessment-from-previous', async () => {
      await page.getByRole('link', { name: 'Back to assessments' }).click();
      await page.getByRole('button', { name: 'New assessment' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Title/).fill(NEW_ASSESSMENT);
      await expect.poll(() => input(/^Framework/, dialog).inputValue()).toBe(ISO);
      await choose('Start from a completed assessment', `${ISO_ASSESSMENT} (2022)`, dialog);
      await noProblems('new assessment dialog');
      await dialog.getByRole('button', { name: 'New assessment' }).click();
      await page.getByRole('heading', { level: 1, name: NEW_ASSESSMENT }).waitFor();
      // The previous results came along: the vulnerability gap with its owner and evidence.
      const gaps = page.getByRole('region', { name: 'Gaps' });
      await gaps.getByRole('row').filter({ hasText: 'A.8.8' }).filter({ hasText: '王俊傑' }).waitFor();
      expect(await gaps.getByRole('row').count()).toBe(4);
      const scan = page
        .getByRole('region', { name: 'A.8 Technological controls' })
        .getByRole('row')
        .filter({ hasText: 'Technical vulnerabilities managed' });
      expect(await scan.textContent()).toContain('核心系統弱點掃描報告');
      expect(await scan.textContent()).toContain('Partially compliant');
    });

    await step('gap', async () => {
      const section = 'A.5 Organisational controls';
      const before = await sectionScore(section);
      await page.getByRole('button', { name: 'Edit A.5.7' }).click();
      const dialog = page.getByRole('dialog');
      await choose('Result', 'Partially compliant', dialog);
      await choose('Gap owner', '陳怡君 (chen.se)', dialog);
      await dialog.getByLabel('Fix by').fill('2027-06-30');
      await input('Evidence', dialog).click();
      await page.getByRole('option', { name: '資通安全政策公告（機關內網）' }).click();
      await dialog.getByLabel('Note').click(); // closes the option list (Escape would close the dialog)
      // The control made above for A.5.7 is offered; one click links it.
      const offered = dialog.getByRole('region', { name: 'Satisfied elsewhere' });
      await offered.getByRole('button', { name: new RegExp(`^Attach CTL-\\d{4} ${CONTROL}$`) }).click();
      await offered.getByRole('button', { name: /^Attach CTL-/ }).waitFor({ state: 'detached' });
      await noProblems('result dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => sectionScore(section)).not.toBe(before);
      // 2 compliant of 37 was 5 %; a partial adds half a point: 7 %.
      expect(before).toBe('5%');
      expect(await sectionScore(section)).toBe('7%');
      const row = page
        .getByRole('region', { name: section })
        .getByRole('row')
        .filter({ hasText: 'Threat intelligence gathered and analysed' });
      expect(await row.textContent()).toMatch(/Partially compliant.*資通安全政策公告（機關內網）.*CTL-\d{4}/);
      const gap = page.getByRole('region', { name: 'Gaps' }).getByRole('row').filter({ hasText: 'A.5.7' });
      expect(await gap.textContent()).toMatch(/Threat intelligence.*Partially compliant.*陳怡君.*2027-06-30/);
      await noProblems('assessment with a new gap');
    });

    await step('schedule-10', async () => {
      await page.goto(`${base}/compliance/assessments`);
      await page.getByRole('link', { name: SYSTEM_ASSESSMENT }).click();
      await page.getByRole('heading', { level: 1, name: SYSTEM_ASSESSMENT }).waitFor();
      await page.getByText('SYS-0004 市政府全球資訊網 · Medium (中)').waitFor();
      await page.getByText('3 measures not required at Medium (中) are not listed.').waitFor();
      const refs = async () =>
        (
          await page.locator('section[aria-labelledby^="section-"] tbody tr td:first-child').allTextContents()
        ).map((r) => r.trim());
      const listed = await refs();
      for (const r of ['AC-1', 'AC-2', 'IA-4', 'SA-2', 'SI-3']) expect(listed).toContain(r);
      for (const r of ['CP-2', 'SC-1', 'SC-2']) expect(listed).not.toContain(r);
      expect(await page.getByRole('heading', { name: /^SC / }).count()).toBe(0);
      await noProblems('Schedule 10 assessment');
      await toggle('Show them');
      await page
        .getByRole('row')
        .filter({ hasText: 'CP-2' })
        .getByText('Not required at this protection level')
        .waitFor();
      expect(await refs()).toContain('SC-1');
    });

    await step('regulations', async () => {
      const [today, nextYear] = todayAndNextYear();
      await page.goto(`${base}/regulations`);
      await page.getByRole('heading', { level: 1, name: 'Applicable regulations list' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Personal Data Protection Act' }).first();
      expect(await row.textContent()).toContain('Never reviewed');
      await noProblems('regulations');
      await row.getByRole('link', { name: 'Personal Data Protection Act', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Personal Data Protection Act' }).waitFor();
      await page.getByText('Review due', { exact: true }).waitFor();
      await noProblems('regulation');
      await page.getByRole('button', { name: 'Mark reviewed' }).click();
      await page
        .getByRole('status')
        .getByText(`Marked reviewed on ${today}. Next review: ${nextYear}.`)
        .waitFor();
      await page.getByText(`${nextYear} (every 12 months)`).waitFor();
      expect(await page.getByText('Review due', { exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: '← Applicable regulations list' }).click();
      const after = page.getByRole('row').filter({ hasText: 'Personal Data Protection Act' }).first();
      await after.getByText(nextYear).waitFor();
      expect(await after.textContent()).not.toContain('Never reviewed');
    });

    await step('regulations-export', async () => {
      await page.evaluate(() => localStorage.setItem('vigil.language', 'zh-TW'));
      await page.goto(`${base}/regulations`);
      await page.getByRole('heading', { level: 1, name: '適用法規清單' }).waitFor();
      await noProblems('zh-TW regulations');
      const file = await downloadTo('regulations.xlsx', () =>
        page.getByRole('link', { name: '匯出 XLSX' }).click(),
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const rows: string[][] = [];
      for (const ws of wb.worksheets)
        ws.eachRow((r) => {
          const cells: string[] = [];
          r.eachCell({ includeEmpty: true }, (c) => cells.push(String(c.value ?? '').trim()));
          rows.push(cells);
        });
      const text = rows.flat();
      expect(text.some((c) => c.includes('適用法規清單'))).toBe(true);
      expect(text).toContain('下次檢視');
      const pdpa = rows.find((r) => r.includes('個人資料保護法'));
      const [today, nextYear] = todayAndNextYear();
      expect(pdpa).toEqual(expect.arrayContaining([today, nextYear, '劉美玲']));
      expect(rows.filter((r) => /^\d+$/.test(r[0] ?? '')).length).toBeGreaterThanOrEqual(8);
      await page.evaluate(() => localStorage.setItem('vigil.language', 'en'));
    });

    await step('e-mail', async () => {
      await page.goto(`${base}/admin/notifications`);
      await page.getByRole('heading', { level: 1, name: 'E-mail notifications' }).waitFor();
      await noProblems('notifications before');
      await toggle('Send e-mail');
      await choose('Connection security', 'None (plain text, port 25)');
      await page.getByLabel(/^SMTP host/).fill('127.0.0.1');
      await page.getByLabel(/^Port/).fill(String(smtp.port));
      await page.getByLabel(/^Sender address/).fill('vigil@demo.example.tw');
      await page.getByLabel('Sender name').fill('守望 Vigil');
      await page.getByLabel(/^Public address of Vigil/).fill(base);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').getByText('E-mail settings saved.').waitFor();
      await page.getByRole('button', { name: 'Send test message' }).click();
      await page.getByRole('status').getByText('Test message sent to lin.admin@demo.example.tw.').waitFor();
      await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
      const mail = smtp.mails[0]!;
      // Demo accounts have no language of their own, so mail comes in Chinese.
      expect(mail.subject).toBe('[Vigil] 測試信件');
      expect(mail.to).toEqual(['lin.admin@demo.example.tw']);
      expect(mail.from).toBe('vigil@demo.example.tw');
      expect(mail.text).toContain(base);
      await noProblems('notifications after a test mail');
    });

    await step('zh-TW', async () => {
      await page.evaluate(() => localStorage.setItem('vigil.language', 'zh-TW'));
      for (const [p, title] of [
        ['/frameworks', '框架庫'],
        ['/frameworks/tw-schedule-10?ref=SI-1', '附表十 資通系統防護基準'],
        ['/compliance', null],
        ['/compliance/assessments', '符合性評估'],
        ['/admin/notifications', null],
      ] as const) {
        await page.goto(`${base}${p}`);
        const heading = page.getByRole('heading', { level: 1 }).first();
        await heading.waitFor();
        if (title) expect(await heading.textContent()).toBe(title);
        await noProblems(`zh-TW ${p}`);
      }
      await page.goto(`${base}/compliance/assessments`);
      await page.getByRole('link', { name: NEW_ASSESSMENT }).click();
      await page.getByRole('heading', { level: 1, name: NEW_ASSESSMENT }).waitFor();
      await page.getByRole('region', { name: 'A.5 組織控制措施' }).getByText('部分符合').first().waitFor();
      await noProblems('zh-TW assessment');
      await page.evaluate(() => localStorage.setItem('vigil.language', 'en'));
    });

    expect(a11y).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
