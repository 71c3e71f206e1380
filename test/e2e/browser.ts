// What the browser tests share: Debian's Chromium driven by playwright-core, a guard that collects console errors
// (CSP violations and uncaught errors show there), page errors and 5xx answers, and screenshots at the two
// widths the app is checked at, saved in test/e2e/artifacts/ (gitignored) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers.js';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './chromium.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test', 'e2e', 'artifacts');
const WIDTHS = [390, 1440];

/** The `skip` option of a browser test: false, or why it cannot run here. */
export const skipWithoutChromium: false | string = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium to run the browser test`;

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Console errors, page errors and 5xx answers seen so far: a test ends asserting it is empty. */
  problems: string[];
  /** Screenshots of the page as it is now, at each width, named `<name>-<tag>-<width>.png`. */
  shoot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(tag: string): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  // A refused request logs "Failed to load resource" too; the ones a test provokes (a 400) are expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`${m.text()} at ${m.location().url}:${m.location().lineNumber} on ${page.url()}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} from ${r.url()}`); });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    browser, page, problems,
    async shoot(name) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
        await page.waitForTimeout(600); // layouts that follow the window's size (Gestalt's Masonry, debounced) redo theirs
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${tag}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    },
    close: () => browser.close(),
  };
}

/** Polls `ok` from the test until it holds: page.waitForFunction polls by evaluating a string, which the CSP refuses. */
export async function until(page: Page, ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !(await ok()); await page.waitForTimeout(50)) if (Date.now() > end) throw new Error('timed out');
}

/** Signs up through the sign-up page, as a person does, and waits for home: the first step of most browser tests. */
export async function signUpInUi(page: Page, base: string, username: string, password = 'correct horse battery'): Promise<void> {
  await page.goto(`${base}/signup/`);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${base}/`);
}

/** Picks an item of the header's menu (Analytics, Downloads, Developers, Settings, Log out), opening it first. */
export async function fromMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: /^More:/ }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}
