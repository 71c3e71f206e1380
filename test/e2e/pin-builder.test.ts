// Create Pin in a real browser (Debian's Chromium, playwright-core) against a real server, through the UI: sign
// up, create a board, open Create Pin from the header, upload the PNG fixture through the file chooser, publish
// (landing on the board's server page); then an image URL the server refuses and a GIF, each with the reason
// shown, and a two-image carousel. Home's feed shows both, images loaded, and /v5/pins (the SDK with the
// session cookie) agrees; more pins than a page come in as the grid is scrolled. Screenshots at 390 and 1440 px
// go to test/e2e/artifacts/.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { createPinterestClient } from '../../src/sdk/index.js';
import { b64, png } from '../public-helpers.js';
import { api, FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, type BrowserSession, signUpInUi } from './browser.js';

const PNG = path.join(FIXTURES, 'sample-900x1350.png');
const JPEG = path.join(FIXTURES, 'sample-1600x1200.jpg');

forEachDialect('pin builder in a browser', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(`pb-${dialect}`);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  /** Chooses files through the file chooser the "Choose files" / "Add images" button opens. */
  async function choose(files: Parameters<import('playwright-core').FileChooser['setFiles']>[0]) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /^(Choose files|Add images)$/ }).click()]);
    assert.equal(chooser.isMultiple(), true);
    await chooser.setFiles(files);
  }

  /** Waits for n previews, each drawn (its canvas marked once the image is on it). */
  async function previewsDrawn(n: number) {
    await page.locator('canvas.pin-preview[data-drawn]').nth(n - 1).waitFor();
    assert.equal(await page.locator('canvas.pin-preview').count(), n);
  }

  async function openCreatePin() {
    await page.goto(`${s.url}/`);
    await page.getByRole('link', { name: 'Create Pin' }).click(); // the header's Create button
    await page.waitForURL(`${s.url}/pin-builder/`);
    await page.getByRole('heading', { name: 'Create Pin' }).waitFor();
  }

  it('publishes an image pin and a carousel from uploads, and home shows them', { skip }, async () => {
    const username = uniqueName('pb').slice(0, 30);
    await signUpInUi(page, s.url, username);
    await page.getByRole('heading', { name: 'Home feed' }).waitFor();
    await page.getByText('No pins yet').waitFor();

    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Mountain Walks');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('list', { name: 'Your boards' }).getByText('Mountain Walks', { exact: true }).waitFor();

    // One image: an image pin.
    await openCreatePin();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Add an image/).waitFor(); // nothing chosen yet: said, nothing sent
    await choose(PNG);
    await previewsDrawn(1);
    await page.getByText('One image: an image pin').waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Lake at dawn');
    await page.getByLabel('Alt text', { exact: true }).fill('A still lake under mountains');
    assert.equal(await page.getByLabel('Board', { exact: true }).inputValue() !== '', true);
    await browser.shoot('pin-builder-image');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(`${s.url}/${username}/mountain-walks/`); // the board's page, rendered in the app
    await page.getByRole('group', { name: /^Pins of / }).getByText('Lake at dawn').first().waitFor();

    // A section of the board, made through the API (the app has no section editor yet), to choose below.
    const app = await s.app_(username);
    const token = (await s.token(username, app.client_id)).access_token;
    const board = (await api(s.url, 'GET', '/v5/boards', { token })).data.items[0].id as string;
    const section = (await api(s.url, 'POST', `/v5/boards/${board}/sections`, { token, json: { name: 'Ridges' } })).data.id as string;

    // An image URL the server cannot fetch (a loopback address): its message, by the images.
    await openCreatePin();
    await page.getByLabel('Or save from an image URL').fill(`${s.url}/nothing-here.png`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alert').filter({ hasText: /media_source\.url could not be fetched/ }).waitFor();
    assert.equal(page.url(), `${s.url}/pin-builder/`);

    // A GIF is refused with the reason; then two images make a carousel (one removed and added again, by keyboard).
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00f' } }).gif().toBuffer();
    await choose({ name: 'spin.gif', mimeType: 'image/gif', buffer: gif });
    await page.getByRole('alert').filter({ hasText: /spin\.gif is not a JPEG or PNG image \(GIF and WebP cannot be uploaded/ }).waitFor();
    assert.equal(await page.locator('canvas.pin-preview').count(), 0);
    await choose([PNG, JPEG]);
    await previewsDrawn(2);
    await page.getByText('2 images: a carousel').waitFor();
    await page.getByRole('button', { name: 'Remove image 1' }).press('Enter');
    await page.getByText('One image: an image pin').waitFor();
    // Dropped onto the drop zone this time (a drop event carrying the file, as a drag from the desktop makes).
    const dropped = await page.evaluateHandle((data) => {
      const w = globalThis as any; // the page's window (the tests are typed without the DOM library)
      const transfer = new w.DataTransfer();
      transfer.items.add(new w.File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'again.png', { type: 'image/png' }));
      return transfer;
    }, (await readFile(PNG)).toString('base64'));
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await previewsDrawn(2);
    assert.deepEqual(await page.getByRole('list', { name: 'Chosen images' }).getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
      ['Image 1: sample-1600x1200.jpg', 'Image 2: again.png']);
    await page.getByLabel('Section (optional)').selectOption({ label: 'Ridges' });
    await page.getByLabel('Title', { exact: true }).fill('Two views');
    await page.getByLabel('Description', { exact: true }).fill('The ridge, then the lake');
    await page.getByLabel('Link', { exact: true }).fill('https://example.com/walks');
    await browser.shoot('pin-builder-carousel');
    await page.getByLabel('Title', { exact: true }).press('Enter'); // Enter submits, as the button does
    await page.waitForURL(`${s.url}/${username}/mountain-walks/`);

    // Home: both pins, newest first, each image loaded; the carousel shows its first image.
    await page.goto(`${s.url}/`);
    const grid = page.getByRole('group', { name: 'Home feed' });
    const lake = grid.getByRole('img', { name: 'A still lake under mountains' });
    const views = grid.getByRole('img', { name: 'Two views' }); // no alt text: the title
    await lake.waitFor();
    await views.waitFor();
    for (const img of [lake, views]) await img.evaluate((e: any) => e.decode());
    assert.ok(await lake.evaluate((e: any) => e.naturalWidth) > 0);
    assert.ok(await views.evaluate((e: any) => e.naturalWidth) > 0);
    assert.deepEqual(await grid.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('alt'))), ['Two views', 'A still lake under mountains']);
    assert.match(await views.getAttribute('srcset') ?? '', /600x\.\w+ \d+w, .*1200x\.\w+ \d+w/);
    assert.equal(await grid.getByRole('link', { name: /Two views/ }).count(), 1);
    await browser.shoot('home-pins');

    // /v5/pins through the SDK with the browser's session cookie agrees.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const client = createPinterestClient({ baseUrl: s.url, headers: { cookie } });
    const { data } = await client.GET('/pins', {});
    const items = data!.items as Array<{ id: string; title: string; alt_text: string | null; board_section_id: string | null; media: any }>;
    assert.deepEqual(items.map((p) => p.title), ['Two views', 'Lake at dawn']);
    const [carousel, image] = items as [typeof items[0], typeof items[0]];
    assert.equal(carousel.media.media_type, 'multiple_images');
    assert.equal(carousel.media.items.length, 2);
    assert.equal(carousel.board_section_id, section);
    assert.equal(image.board_section_id, null);
    assert.equal(carousel.media.items[0].images['600x'].width, 600); // the JPEG (1600x1200) first, as chosen
    assert.equal(carousel.media.items[0].images['600x'].height, 450);
    assert.equal(await views.evaluate((e: any) => e.currentSrc.replace(/\d+x\.\w+$/, '')), carousel.media.items[0].images['600x'].url.replace(/\d+x\.\w+$/, ''));
    assert.equal(image.media.media_type, 'image');
    assert.equal(image.alt_text, 'A still lake under mountains');
    assert.equal(await grid.getByRole('link', { name: /Two views/ }).getAttribute('href'), `/pin/${carousel.id}/`);
    // The placeholder box has the image's aspect ratio and dominant colour before the image is in.
    const box = await lake.evaluate((e) => { const b = e.parentElement!.getBoundingClientRect(); return { ratio: b.width / b.height, color: e.parentElement!.style.backgroundColor }; });
    assert.ok(Math.abs(box.ratio - 900 / 1350) < 0.02, `box ratio ${box.ratio}`);
    assert.ok(box.color !== '');

    // Six images are one too many for a carousel: five are kept, and the sixth is said to be left out.
    await openCreatePin();
    await choose(await Promise.all([0, 1, 2, 3, 4, 5].map(async (i) => ({ name: `c${i}.png`, mimeType: 'image/png', buffer: await png(40 * i, 90, 90) }))));
    await previewsDrawn(5);
    await page.getByRole('alert').filter({ hasText: 'A pin holds at most 5 images: one was left out.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add images' }).isDisabled(), true);

    // More pins than the feed's first page (25): the rest come as the grid's end is scrolled to.
    for (let i = 0; i < 26; i++) {
      assert.equal((await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, title: `Extra ${i}`, media_source: b64(await png(i * 9, 120, 200 - i * 7, 60, 40 + i)) } })).status, 201);
    }
    const pages: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/app/home-feed') pages.push(new URL(r.url()).searchParams.get('bookmark') ? 'next' : 'first'); });
    await page.goto(`${s.url}/`);
    await grid.getByRole('img', { name: 'Extra 25' }).waitFor();
    // The home feed is virtualized: the oldest pin comes into the DOM at the end, the first ones may leave it.
    const oldest = grid.getByRole('img', { name: 'A still lake under mountains' });
    for (let tries = 0; tries < 20 && await oldest.count() === 0; tries++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(250);
    }
    assert.deepEqual(pages, ['first', 'next']);
    await grid.getByRole('img', { name: 'A still lake under mountains' }).waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
