// The home feed in a real browser (Debian's Chromium, playwright-core) against a real server, through the UI: a
// new user's empty feed says what to do; following another user's board from its page brings that board's pin
// into the feed; scrolling to the end of a 61-pin feed loads its second page; a 1,000-pin feed, scrolled to its
// end, never holds more than 200 pin nodes in the DOM (Masonry virtualizes) and shows its first pins again when
// scrolled back up. Pins are seeded straight into the database (bench/seed.ts) with real images. Screenshots at
// 390 and 1440 px go to test/e2e/artifacts/. Skips without /usr/bin/chromium.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { insertPins } from '../../bench/seed.js';
import type { ImageRow } from '../../src/repositories/images.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { b64, png } from '../public-helpers.js';
import { openBrowser, skipWithoutChromium as skip, until as untilIn, type BrowserSession, signUpInUi } from './browser.js';

const DOM_PIN_BOUND = 200;

forEachDialect('home feed in the web app', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;
  let images: ImageRow[];

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(dialect);
    page = browser.page;
    // A few real images (every variant made) of pin-like shapes, reused by the seeded pins.
    images = await Promise.all([[236, 354], [236, 236], [300, 200], [200, 400]].map(async ([w, h], i) =>
      s.ctx.images.ingest(await png(40 + 50 * i, 90, 160 - 30 * i, w, h), 'image')));
  });
  after(async () => { await browser?.close(); await s?.close(); });

  const until = (ok: () => Promise<boolean>, ms?: number) => untilIn(page, ok, ms);
  const feed = () => page.getByRole('group', { name: 'Home feed' });
  /** The pin links in the DOM now (each Masonry item is one), by href. */
  const pinHrefs = () => feed().locator('a[href^="/pin/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

  /** A user of the server's own with a PUBLIC board: the principal, the board's id and slug. */
  async function someoneWithBoard(name: string) {
    const u = await s.user(uniqueName('feedo').slice(0, 30));
    const p = s.ctx.sessions.principalFor(await s.ctx.users.byUsername(u.username));
    const board = await s.ctx.boards.create(p, { name });
    const slug = (await s.ctx.database.db.selectFrom('boards').select('slug').where('id', '=', board.id).executeTakeFirstOrThrow()).slug;
    return { username: u.username, p, board: board.id, path: `/${u.username}/${slug}/` };
  }

  /**
   * Scrolls the window down a screen at a time until `last` (a pin href) has been in the DOM and the page's end
   * is reached; returns every pin href seen and the most pin nodes the DOM held at once.
   */
  async function scrollToEnd(last: string, maxSteps = 400) {
    const seen = new Set<string>();
    let most = 0;
    for (let step = 0; step < maxSteps; step++) {
      const hrefs = await pinHrefs();
      hrefs.forEach((h) => seen.add(h));
      most = Math.max(most, hrefs.length);
      const atEnd = await page.evaluate(() => {
        const w = globalThis as unknown as { scrollY: number; innerHeight: number; document: { documentElement: { scrollHeight: number } } };
        return w.scrollY + w.innerHeight >= w.document.documentElement.scrollHeight - 4;
      });
      if (seen.has(last) && atEnd) return { seen, most };
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(120); // Masonry follows the scroll (throttled) and lays out what came
    }
    throw new Error(`never reached the end: ${seen.size} pins seen, ${last} not among them`);
  }

  it('empty feed, then a followed board\'s pin, a second page by scrolling, and 1,000 pins with at most 200 in the DOM', { skip }, async () => {
    const username = uniqueName('feed').slice(0, 30);
    await signUpInUi(page, s.url, username);
    await page.getByRole('heading', { name: 'Home feed' }).waitFor();
    await page.getByText('No pins yet.').waitFor();
    await page.getByText(/Follow boards you like/).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Create a pin' }).getAttribute('href'), '/pin-builder/');
    await browser.shoot('home-feed-empty');

    // Another user's board, followed from its page with its Follow button: its pin comes into the feed.
    const ann = await someoneWithBoard('Tulip Fields');
    const tulip = await s.ctx.pins.create(ann.p, { board_id: ann.board, title: 'Red tulips', alt_text: 'A field of red tulips', media_source: b64(await png(210, 30, 40, 300, 420)) });
    await page.goto(s.url + ann.path);
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    await page.goto(`${s.url}/`);
    const annPin = feed().getByRole('img', { name: 'A field of red tulips' });
    await annPin.waitFor();
    await until(() => annPin.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0));
    assert.equal(await feed().getByRole('link', { name: /Red tulips/ }).getAttribute('href'), `/pin/${tulip.id}/`);

    // 60 pins of my own, newer: 61 in all, past the first page of 50; scrolling to the end loads the second.
    const me = s.ctx.sessions.principalFor(await s.ctx.users.byUsername(username));
    const mine = await s.ctx.boards.create(me, { name: 'Mine' });
    const myIds = await insertPins(s.ctx, mine.id, images, 60);
    const feedRequests: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/app/home-feed')) feedRequests.push(r.url()); });
    await page.reload();
    await feed().locator(`a[href="/pin/${myIds.at(-1)}/"]`).waitFor(); // the newest first
    await browser.shoot('home-feed');
    const { seen } = await scrollToEnd(`/pin/${tulip.id}/`);
    assert.equal(seen.size, 61);
    assert.equal(feedRequests.length, 2, feedRequests.join('\n'));
    assert.match(feedRequests[1]!, /[?&]bookmark=/);

    // 1,000 more pins on a followed board: scrolled to the end, the DOM never holds more than 200 pin nodes.
    const bulk = await someoneWithBoard('Everything');
    const bulkIds = await insertPins(s.ctx, bulk.board, images, 1000);
    await s.ctx.follows.followBoard(me, bulk.board);
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.reload();
    const newest = `/pin/${bulkIds.at(-1)}/`;
    await feed().locator(`a[href="${newest}"]`).waitFor();
    const long = await scrollToEnd(`/pin/${tulip.id}/`, 1500);
    assert.equal(long.seen.size, 1061, 'every pin of the feed was shown on the way down');
    assert.ok(long.most <= DOM_PIN_BOUND, `${long.most} pin nodes in the DOM at once`);
    assert.ok(long.most >= 10, `${long.most}: the grid showed pins at all`);
    assert.ok((await pinHrefs()).length <= DOM_PIN_BOUND);
    assert.ok(!(await pinHrefs()).includes(newest), 'the first pins left the DOM');

    // Back at the top, the first pins are there again, images and all.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await until(async () => (await pinHrefs()).includes(newest));
    const first = feed().locator(`a[href="${newest}"] img`);
    await until(() => first.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0));
    assert.ok(await first.isVisible());
    assert.deepEqual(browser.problems, []);
  });
});
