import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestApp, testAdmin, type TestApp } from '../../server/test/harness.js';

/** An amount as the console writes it: its spaces are no-break spaces ("8 266,79 DA" never wraps). */
export function money(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** Debian's `chromium` (installed by .ci/run); `CHROMIUM_PATH` points elsewhere. */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A test file's app and browser, ready in its tests once `beforeAll` has run. */
export interface BrowserTest {
  readonly t: TestApp;
  readonly browser: Browser;
  /** A new page at 1280 × 900 (downloads accepted), signed in at `path` as `email` (the test administrator by default); its CSP violations are watched. */
  signIn(path: string, email?: string, password?: string): Promise<Page>;
  /**
   * Notes what the browser refuses by the server's Content-Security-Policy on `target` (a page, or
   * every page of a context): each test fails when something was refused (a feature that broke).
   */
  watchCsp(target: Page | BrowserContext): void;
}

/**
 * Starts, for the test file that calls it, the real app (with `env` added to its configuration) on its own database and a headless Chromium
 * (Debian's, driven by playwright-core); both are stopped after the file's tests.
 */
export function browserTest(env: Record<string, string> = {}): BrowserTest {
  const state: { t?: TestApp; browser?: Browser } = {};
  const refused: string[] = [];
  const watchCsp = (target: Page | BrowserContext) => {
    target.on('console', (message) => {
      if (/content security policy/i.test(message.text())) refused.push(message.text());
    });
  };
  afterEach(async () => {
    expect(refused.splice(0)).toEqual([]);
    // A language chosen in one test is saved to the account (setMyLanguage), and the next test's sign-in
    // in a new browser would take it: every test starts with its users in French.
    await state.t?.sql("update app_user set language = 'FR' where language <> 'FR'");
  });
  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
      );
    }
    state.t = await startTestApp(env);
    state.browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.t?.stop();
  });
  return {
    get t() {
      return state.t!;
    },
    get browser() {
      return state.browser!;
    },
    watchCsp,
    async signIn(path, email = testAdmin.email, password = testAdmin.password) {
      const page = await state.browser!.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      watchCsp(page);
      await page.goto(`${state.t!.url}${path}`);
      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      return page;
    },
  };
}
