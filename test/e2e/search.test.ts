// Search in the web app, in a real browser (Debian's Chromium, driven by playwright-core) against a real server:
// sign up through the UI, make two boards and three pins through /v5 with the session (as the app would), then
// through the UI only: a word typed in the header search finds just its pins (their images loaded), the Boards tab
// finds the board holding it, a word matching nothing shows the empty state, and a logged-out visitor is sent to
// log in. Screenshots at 390 and 1440 px go to test/e2e/artifacts/ (gitignored). Skips without /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { png } from '../public-helpers.js';
import { FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, until as untilIn, type BrowserSession, signUpInUi, fromMenu } from './browser.js';

interface NewPin { title: string; image: string; alt_text?: string }

forEachDialect('search in the web app', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(dialect);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  const shoot = (name: string) => browser.shoot(`search-${name}`);

  /** A board and its pins, made from the page through /v5 with the session cookie and the CSRF token. */
  function createBoard(name: string, description: string, pins: NewPin[]) {
    // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
    return page.evaluate(async ({ name, description, pins }) => {
      const { csrf_token } = await (await fetch('/api/app/session')).json() as { csrf_token: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf_token };
      let boardId = '';
      for (const [url, body] of [['/v5/boards', { name, description }] as const, ...pins.map((p) => ['/v5/pins', p] as const)]) {
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(url === '/v5/boards' ? body : { board_id: boardId,
          title: (body as NewPin).title, alt_text: (body as NewPin).alt_text,
          media_source: { source_type: 'image_base64', content_type: 'image/png', data: (body as NewPin).image } }) });
        if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        if (url === '/v5/boards') boardId = ((await res.json()) as { id: string }).id;
      }
    }, { name, description, pins });
  }

  const search = async (words: string) => {
    const field = page.getByRole('searchbox', { name: 'Search your pins and boards' });
    await field.fill(words);
    await field.press('Enter');
  };
  const pinGrid = () => page.getByRole('group', { name: 'Pins found' });
  /** The pins shown, once Masonry has laid out `count` of them (it measures and places them a batch at a time). */
  async function pinTitles(count: number): Promise<string[]> {
    await until(async () => await pinGrid().getByRole('link').count() >= count);
    await page.waitForTimeout(200); // and no more come
    return (await pinGrid().getByRole('link').allInnerTexts()).map((t) => t.trim());
  }
  const until = (ok: () => Promise<boolean>) => untilIn(page, ok);

  it('the header search finds the matching pins, the Boards tab the board, and nothing shows the empty state', { skip }, async () => {
    const username = uniqueName('search').slice(0, 30);
    await signUpInUi(page, s.url, username);
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();

    const tall = readFileSync(path.join(FIXTURES, 'sample-900x1350.png')).toString('base64');
    await createBoard('Garden Ideas', 'Crimson flowers for the spring', [
      { title: 'Crimson tulip field', image: tall, alt_text: 'Tulips in rows' },
      { title: 'Crimson rose bouquet', image: (await png(200, 20, 60, 800, 600)).toString('base64') },
      { title: 'Azure lagoon', image: (await png(20, 120, 220, 640, 480)).toString('base64') },
    ]);
    await createBoard('Weekend Trips', 'Places to go', []);

    await search('crimson');
    await page.waitForURL(`${s.url}/search/pins/?q=crimson`);
    const links = pinGrid().getByRole('link');
    await links.first().waitFor();
    await page.getByRole('heading', { name: 'Results for "crimson"' }).waitFor();
    assert.deepEqual((await pinTitles(2)).sort(), ['Crimson rose bouquet', 'Crimson tulip field']);
    assert.equal(await page.getByRole('searchbox', { name: 'Search your pins and boards' }).inputValue(), 'crimson');
    // alt text where the pin has it, else its title; each image from its variants, and loaded.
    const tulip = pinGrid().getByRole('img', { name: 'Tulips in rows' });
    assert.match(await tulip.getAttribute('srcset') ?? '', /^\S+ 600w, \S+ 900w$/);
    await pinGrid().getByRole('img', { name: 'Crimson rose bouquet' }).waitFor();
    await until(async () => (await pinGrid().locator('img').evaluateAll((imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length)) === 2);
    assert.match(await links.first().getAttribute('href') ?? '', /^\/pin\/\d+\/$/);
    // Under each image, a box of the pin's dominant colour at the image's aspect ratio (800x600 here).
    const box = await pinGrid().getByRole('img', { name: 'Crimson rose bouquet' }).locator('..')
      .evaluate((b) => ({ color: (b as unknown as { style: { backgroundColor: string } }).style.backgroundColor, ratio: b.clientWidth / b.clientHeight }));
    const [r, g, b] = box.color.match(/\d+/g)!.map(Number);
    assert.ok(Math.abs(r! - 200) < 16 && Math.abs(g! - 20) < 16 && Math.abs(b! - 60) < 16, box.color);
    assert.ok(Math.abs(box.ratio - 4 / 3) < 0.02, String(box.ratio));
    await shoot('pins');

    const tab = (name: string) => page.getByRole('navigation', { name: 'Search in' }).getByRole('link', { name });
    assert.equal(await tab('Pins').getAttribute('aria-current'), 'page');
    await tab('Boards').click();
    await page.waitForURL(`${s.url}/search/boards/?q=crimson`);
    const boards = page.getByRole('list', { name: 'Boards found' }).getByRole('link');
    await boards.first().waitFor();
    assert.deepEqual(await boards.allInnerTexts().then((t) => t.map((x) => x.split('\n')[0]!.trim())), ['Garden Ideas']);
    await until(async () => (await boards.first().getAttribute('href')) === `/${username}/garden-ideas/`); // the path comes from the server
    assert.equal(await page.getByRole('searchbox', { name: 'Search your pins and boards' }).inputValue(), 'crimson');
    await shoot('boards');

    assert.equal(await tab('Boards').getAttribute('aria-current'), 'page');
    await tab('Pins').focus();
    await page.keyboard.press('Enter'); // the tabs work from the keyboard too
    await page.waitForURL(`${s.url}/search/pins/?q=crimson`);
    await pinGrid().getByRole('link').first().waitFor();

    await search('zebra');
    await page.waitForURL(`${s.url}/search/pins/?q=zebra`);
    await page.getByText('No results for "zebra" in your pins.').waitFor();
    assert.equal(await pinGrid().count(), 0);
    await shoot('empty');

    // The API's refusal is shown where the results would be.
    await search(Array.from({ length: 33 }, (_, i) => `word${i}`).join(' '));
    await page.getByRole('alert').getByText('query has 33 words (at most 32)', { exact: false }).waitFor();

    // More than a page of results: the rest come by the bookmark.
    const pebble = (await png(120, 120, 110, 90, 120)).toString('base64');
    await createBoard('Stones', 'Round ones', Array.from({ length: 27 }, (_, i) => ({ title: `Pebble ${i + 1}`, image: pebble })));
    await search('pebble');
    await pinGrid().getByRole('link').first().waitFor();
    assert.equal((await pinTitles(25)).length, 25);
    await page.getByRole('button', { name: 'Show more pins' }).click();
    await page.getByRole('button', { name: 'Show more pins' }).waitFor({ state: 'detached' });
    const all = await pinTitles(27);
    assert.equal(all.length, 27);
    assert.deepEqual(new Set(all), new Set(Array.from({ length: 27 }, (_, i) => `Pebble ${i + 1}`)));

    // Logged out, a search page sends the visitor to log in.
    await fromMenu(page, 'Log out');
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    await page.goto(`${s.url}/search/pins/?q=crimson`);
    await page.waitForURL(`${s.url}/login/`);
    assert.deepEqual(browser.problems, []);
  });
});
