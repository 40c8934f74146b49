import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems as axeProblems,
  freshEnv,
  haveBrowser,
  launchBrowser,
  type RunningServer,
  requireBuilt,
  signIn as signInAt,
  startServer,
  step as stepOn,
} from './kit.js';

// The walk a newcomer takes, in a real Chromium against the real built server:
// first-run setup → sign in → enrol MFA → sign out → sign in with TOTP → create a user → both in the audit trail.
const ADMIN_PASSWORD = 'Lantern-Orchid-Ferry-93';

function totpAt(secret: string, time: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: time,
  });
}

describe.skipIf(!haveBrowser)('browser walk-through', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let setupUrl: string;
  let base: string;

  beforeAll(async () => {
    requireBuilt();
    const { dataDir, env } = freshEnv();
    const started = await startServer(dataDir, env, /(http:\/\/\S+\/setup\?token=\S+)/);
    server = started;
    setupUrl = started.match[1]!;
    base = new URL(setupUrl).origin;
    ({ browser, page } = await launchBrowser());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  const step = (name: string, fn: () => Promise<void>) => stepOn(page, name, fn);
  const signIn = (username: string, password: string) => signInAt(page, base, username, password);

  it('sets up, signs in with MFA, creates an auditor, and shows both in the audit trail', async () => {
    let secret = '';
    let enrolledStep = 0;

    await step('setup', async () => {
      await page.goto(setupUrl);
      await page.getByLabel('Organisation name').fill('瀏覽器測試機關');
      // Required fields carry a '*' in their accessible name, hence the anchored patterns.
      await page.getByLabel(/^Username/).fill('first.admin');
      await page.getByLabel(/^Display name/).fill('第一位管理者');
      await page.getByLabel(/^Password/).fill(ADMIN_PASSWORD);
      await page.getByLabel(/^Repeat new password/).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    });

    await step('setup-link-dead', async () => {
      const res = await page.request.post(`${base}/api/setup`, {
        data: {
          token: new URL(setupUrl).searchParams.get('token'),
          username: 'intruder',
          displayName: 'x',
          password: ADMIN_PASSWORD,
        },
      });
      expect(res.status()).toBe(409);
    });

    await step('sign-in', async () => {
      await signIn('first.admin', ADMIN_PASSWORD);
      await page.getByText(/Welcome, 第一位管理者/).waitFor();
    });

    await step('enrol-mfa', async () => {
      await page.goto(`${base}/profile`);
      await page.getByRole('button', { name: 'Set up MFA' }).click();
      await page.getByRole('button', { name: 'Start setup' }).click();
      secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expect(
        page.getByAltText('QR code to scan with your authenticator app').isVisible(),
      ).resolves.toBe(true);
      enrolledStep = Math.floor(Date.now() / 30_000);
      await page.getByLabel('Authentication code').fill(totpAt(secret, Date.now()));
      await page.getByRole('button', { name: 'Confirm and turn on' }).click();
      const codes = (await page.getByTestId('recovery-codes').textContent()) ?? '';
      expect(codes.match(/[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/g)).toHaveLength(10);
      await page.getByRole('button', { name: 'I have stored these codes' }).click();
    });

    await step('sign-out', async () => {
      await page.getByRole('button', { name: /Account menu for/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    });

    await step('sign-in-with-totp', async () => {
      await signIn('first.admin', ADMIN_PASSWORD);
      await page.getByLabel('Authentication code').waitFor();
      // A code is accepted once: wait for the next 30-second step after the one used at enrolment.
      const wait = (enrolledStep + 1) * 30_000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait + 200));
      await page.getByLabel('Authentication code').fill(totpAt(secret, Date.now()));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByText(/Welcome, 第一位管理者/).waitFor();
    });

    let temporaryPassword = '';
    await step('create-user', async () => {
      await page.goto(`${base}/admin/users`);
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Username/).fill('audit.reader');
      await dialog.getByLabel(/^Display name/).fill('稽核員');
      await dialog.getByLabel(/^Roles/).click();
      await page.getByRole('option', { name: 'Auditor' }).click();
      await page.keyboard.press('Escape');
      await dialog.getByRole('button', { name: 'New user' }).click();
      temporaryPassword = ((await page.getByTestId('temporary-password').textContent()) ?? '').trim();
      expect(temporaryPassword).toMatch(/^\S{20}$/);
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('cell', { name: 'audit.reader' }).first().waitFor();
      // The home page points at users without MFA; the list opens filtered to them.
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Open users' }).click();
      await page.getByRole('cell', { name: 'audit.reader' }).first().waitFor();
      expect(await page.getByRole('cell', { name: 'first.admin' }).count()).toBe(0);
    });

    await step('audit-trail', async () => {
      await page.goto(`${base}/admin/audit`);
      const rows = page.getByTestId('audit-row');
      await rows.first().waitFor();
      const text = (await rows.allInnerTexts()).join('\n');
      expect(text).toContain('mfa.enabled');
      expect(text).toContain('user.created');
      expect(text).toContain('auth.mfa');
      await page.getByRole('button', { name: 'Verify chain' }).click();
      await expect(page.getByTestId('audit-verify-result').textContent()).resolves.toContain(
        'The audit trail is intact',
      );
    });

    await step('auditor-reads-but-cannot-change', async () => {
      await page.getByRole('button', { name: /Account menu for/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await signIn('audit.reader', temporaryPassword);
      await page.getByLabel(/^Current password/).fill(temporaryPassword);
      await page.getByLabel(/^New password/).fill('Quiet-Harbour-Lamp-58');
      await page.getByLabel(/^Repeat new password/).fill('Quiet-Harbour-Lamp-58');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText(/Welcome, 稽核員/).waitFor();
      await page.goto(`${base}/admin/audit`);
      await page.getByTestId('audit-row').first().waitFor();
      await page.goto(`${base}/admin/users`);
      await page.getByRole('cell', { name: 'first.admin' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    });
  }, 120_000);

  it('renders the OpenAPI documentation page under the server Content-Security-Policy', async () => {
    await step('api-docs', async () => {
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') blocked.push(m.text());
      });
      await page.goto(`${base}/api/docs`);
      await page.getByRole('heading', { name: /Vigil API/ }).waitFor();
      // Swagger UI renders the operation list lazily as it scrolls into view: scroll until it appears.
      const verify = page.getByText('/api/audit/verify').first();
      for (let i = 0; i < 80 && (await verify.count()) === 0; i++) {
        await page.mouse.wheel(0, 1200);
        await page.waitForTimeout(150);
      }
      await verify.waitFor();
      expect(blocked).toEqual([]);
    });
  }, 60_000);

  const accessibilityProblems = () => axeProblems(page);

  it('switches to Traditional Chinese, remembers it, and every page passes the accessibility rules in both languages', async () => {
    // Continues as the auditor signed in at the end of the walk-through: every page, read-only.
    const pages = [
      '/',
      '/profile',
      '/admin/users',
      '/admin/roles',
      '/admin/audit',
      '/admin/settings',
      '/admin/org',
    ];
    await step('a11y-en', async () => {
      for (const p of pages) {
        await page.goto(`${base}${p}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await accessibilityProblems(), `en ${p}`).toEqual([]);
      }
    });
    await step('switch-language', async () => {
      await page.getByRole('button', { name: /Change language/ }).click();
      await page.getByRole('menuitem', { name: '繁體中文' }).click();
      await page.getByRole('link', { name: '稽核軌跡' }).waitFor();
      await page.reload();
      await page.getByRole('link', { name: '稽核軌跡' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
    });
    await step('a11y-zh-TW', async () => {
      for (const p of pages) {
        await page.goto(`${base}${p}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await accessibilityProblems(), `zh-TW ${p}`).toEqual([]);
      }
    });
    await step('sign-in-page-zh-TW', async () => {
      await page.getByRole('button', { name: /帳號選單|Account menu/ }).click();
      await page.getByRole('menuitem', { name: '登出', exact: true }).click();
      await page.getByRole('button', { name: '登入', exact: true }).waitFor();
      expect(await accessibilityProblems(), 'zh-TW /login').toEqual([]);
    });
  }, 120_000);
});
