// Analytics in a real browser against a real server, through the UI: the owner signs up and creates a pin; a
// second user, signed in in another browser context, opens the pin's page twice and the board's page once, and a
// phone (another context, an iPhone's User-Agent) opens the pin once, as the server's page recorder counts them.
// The owner's /analytics/?pin_id= shows exactly the figures GET /v5/pins/{id}/analytics answers (summary, the
// app type split, the daily table under the uPlot chart), and /analytics/ those of /v5/user_account/analytics;
// a start date past Pinterest's 90 days shows the API's message by the field. No console errors (the CSP's
// refusals among them) on any of it, and no serious or critical axe violation. Screenshots at 390 and 1440 px.
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createPinterestClient, type PinterestClient } from '../../src/sdk/index.js';
import { FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { axeViolations } from './axe.js';
import { openBrowser, skipWithoutChromium as skip, until, type BrowserSession, signUpInUi, fromMenu } from './browser.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const PNG = path.join(FIXTURES, 'sample-900x1350.png');
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const PIN_METRICS = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'SAVE_RATE', 'PROFILE_VISIT', 'USER_FOLLOW', 'TOTAL_COMMENTS', 'TOTAL_REACTIONS'];
const ACCOUNT_METRICS = ['IMPRESSION', 'ENGAGEMENT', 'ENGAGEMENT_RATE', 'SAVE', 'SAVE_RATE', 'PIN_CLICK', 'PIN_CLICK_RATE', 'OUTBOUND_CLICK', 'OUTBOUND_CLICK_RATE'];
const RATES = new Set(['SAVE_RATE', 'PIN_CLICK_RATE', 'OUTBOUND_CLICK_RATE', 'ENGAGEMENT_RATE']);

const utcDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A figure as the page writes it: counts grouped, rates as percentages. */
const shown = (metric: string, v: number) => (RATES.has(metric)
  ? new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 }).format(v) : new Intl.NumberFormat('en-US').format(v));
const number = (text: string) => Number(text.replace(/,/g, ''));

forEachDialect('analytics in a browser', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(`an-${dialect}`);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  async function signUp(p: Page, username: string) {
    await signUpInUi(p, s.url, username);
  }
  async function clientOf(p: Page): Promise<PinterestClient> {
    const cookie = (await p.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    return createPinterestClient({ baseUrl: s.url, headers: { cookie } });
  }
  async function visit(b: Browser, options: Parameters<Browser['newContext']>[0], urls: string[], signUpAs?: string) {
    const context = await b.newContext(options);
    const p = await context.newPage();
    if (signUpAs) await signUp(p, signUpAs);
    for (const url of urls) {
      assert.equal((await p.goto(url))?.status(), 200, url);
      await p.getByRole('main').waitFor(); // the page is drawn (the app's pages report what they show)
    }
    await p.goto('about:blank'); // leaving the page sends what its recorder still holds
    await context.close();
  }
  /** The summary figures on the page, by metric (a Datapoint's last line is its value; its "," lines are pauses for screen readers). */
  async function summary(): Promise<Record<string, string>> {
    const items = page.getByRole('list', { name: 'Summary figures' }).getByRole('listitem');
    await items.first().waitFor();
    const out: Record<string, string> = {};
    for (const li of await items.all()) out[(await li.getAttribute('data-metric'))!] = (await li.innerText()).split('\n').map((l) => l.trim()).filter((l) => l && l !== ',').pop()!;
    return out;
  }

  it("shows a visitor's views in the owner's pin and account analytics, as the API answers them", { skip }, async () => {
    const owner = uniqueName('an').slice(0, 30);
    await signUp(page, owner);
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Gardens');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('list', { name: 'Your boards' }).getByText('Gardens', { exact: true }).waitFor();
    await page.goto(`${s.url}/pin-builder/`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
    await chooser.setFiles(PNG);
    await page.getByLabel('Title', { exact: true }).fill('Rose arch');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(`${s.url}/${owner}/gardens/`);
    const ownerApi = await clientOf(page);
    const pinId = (await ownerApi.GET('/pins', {})).data!.items![0]!.id!;

    // The visitors: a second user on a desktop browser, and a phone that is not signed in.
    await visit(browser.browser, {}, [`${s.url}/pin/${pinId}/`, `${s.url}/pin/${pinId}/`, `${s.url}/${owner}/gardens/`], uniqueName('vis').slice(0, 30));
    // A browser of its own with the phone's User-Agent: a context's userAgent option does not reach the beacons
    // that sendBeacon sends, the browser's --user-agent does.
    const phone = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, `--user-agent=${IPHONE}`] });
    try { await visit(phone, { viewport: { width: 390, height: 844 } }, [`${s.url}/pin/${pinId}/`]); } finally { await phone.close(); }

    const range = { start_date: utcDay(-29), end_date: utcDay() }; // the page's default: the last 30 days
    const pinReport = async (split: 'NO_SPLIT' | 'APP_TYPE') => (await ownerApi.GET('/pins/{pin_id}/analytics', { params: {
      path: { pin_id: pinId }, query: { ...range, metric_types: PIN_METRICS as any, split_field: split } } })).data as any;
    await until(page, async () => (await pinReport('NO_SPLIT')).all.summary_metrics.PIN_CLICK === 3);

    // The pin's analytics: from the owner's closeup of the pin.
    await page.goto(`${s.url}/pin/${pinId}/`);
    await page.getByRole('link', { name: "See this pin's analytics" }).click();
    await page.waitForURL(`${s.url}/analytics/?pin_id=${pinId}`);
    await page.getByRole('heading', { name: 'Pin analytics' }).waitFor();
    await page.getByRole('heading', { name: 'Rose arch' }).waitFor();
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), range.start_date);
    assert.equal(await page.getByLabel('To', { exact: true }).inputValue(), range.end_date);
    const api = (await pinReport('NO_SPLIT')).all;
    const figures = await summary();
    assert.deepEqual(Object.keys(figures).sort(), [...PIN_METRICS].sort()); // an image pin: no video metrics
    for (const m of PIN_METRICS) {
      const v = m.startsWith('TOTAL_') ? api.lifetime_metrics[m] : api.summary_metrics[m];
      assert.equal(figures[m], shown(m, v), m);
    }
    assert.equal(number(figures.PIN_CLICK!), 3);
    assert.ok(number(figures.IMPRESSION!) > 0, 'the board page showed the pin');
    const chart = page.getByRole('img', { name: `Impressions per day, ${range.start_date} to ${range.end_date}` });
    await page.locator('.analytics-chart[data-drawn] canvas').waitFor();
    await chart.waitFor();
    await page.getByLabel('Chart', { exact: true }).selectOption('PIN_CLICK');
    await page.getByRole('img', { name: /^Pin clicks per day/ }).waitFor();
    await page.locator('summary', { hasText: 'Daily figures' }).press('Enter'); // a <details>, opened by keyboard
    const days = page.getByRole('table', { name: /Pin clicks per day.*: daily figures/ }).getByRole('row');
    assert.equal(await days.count(), 31); // the header and 30 days
    const lastDay = api.daily_metrics.at(-1);
    assert.equal(lastDay.date, range.end_date);
    assert.deepEqual((await days.last().innerText()).split(/\s+/), [range.end_date, String(lastDay.metrics.PIN_CLICK)]);
    await browser.shoot('analytics-pin');
    assert.deepEqual(await axeViolations(page, ['header']), []); // the header is another test's

    // Split by app type: each app type's figures as the API splits them (the phone is MOBILE, the desktop WEB).
    await page.getByLabel('Split by', { exact: true }).selectOption('APP_TYPE');
    const split = await pinReport('APP_TYPE');
    const table = page.getByRole('table', { name: 'Summary by app type' });
    await table.waitFor();
    assert.deepEqual((await table.getByRole('row').first().innerText()).split(/\t|\n/).map((t) => t.trim()).filter(Boolean), ['Metric', 'Mobile', 'Tablet', 'Web']);
    const clicks = (await table.getByRole('row').filter({ hasText: /^Pin clicks/ }).innerText()).split(/\t|\n/).map((t) => t.trim()).filter(Boolean);
    assert.deepEqual(clicks, ['Pin clicks', ...['MOBILE', 'TABLET', 'WEB'].map((k) => String(split[k].summary_metrics.PIN_CLICK))]);
    assert.deepEqual(clicks.slice(1), ['1', '0', '2']);
    await page.getByRole('img', { name: /^Pin clicks per day, .*, by app type$/ }).waitFor();
    await browser.shoot('analytics-pin-split');

    // Past Pinterest's 90 days: the API's message, by the field it names.
    await page.getByLabel('From', { exact: true }).fill(utcDay(-100));
    await page.getByText(/start_date cannot be more than 90 days back from today/).first().waitFor();

    // The account: the figures of /v5/user_account/analytics, from the header's link.
    await page.goto(`${s.url}/`);
    await fromMenu(page, 'Analytics');
    await page.waitForURL(`${s.url}/analytics/`);
    await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
    const account = (await ownerApi.GET('/user_account/analytics', { params: { query: { ...range, metric_types: ACCOUNT_METRICS as any } } })).data as any;
    const accountFigures = await summary();
    for (const m of ACCOUNT_METRICS) assert.equal(accountFigures[m], shown(m, account.all.summary_metrics[m]), m);
    assert.equal(number(accountFigures.PIN_CLICK!), 3);
    assert.ok(number(accountFigures.IMPRESSION!) > 0);
    await page.locator('.analytics-chart[data-drawn] canvas').waitFor();
    await browser.shoot('analytics-account');
    assert.deepEqual(await axeViolations(page, ['header']), []); // the header is another test's
    assert.deepEqual(browser.problems, []);
  });
});
