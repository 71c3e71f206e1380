// The pin closeup in a real browser (Debian's Chromium, playwright-core) against a real server, through the UI:
// the owner (boards, a section and pins set up through /v5 with the session) opens a carousel pin from the board
// page's grid and steps through its images by button and by keyboard, sees who saved it where and more like this
// (a pin sharing a word); a second user, in a browser of their own, makes a board from the closeup, saves the pin
// there, follows "Saved to" to the board and /v5 agrees; their opening is a PIN_CLICK in the owner's analytics
// (through the beacon); the owner edits the title (a bad link refused under its field first) and moves the pin to
// another board; a logged-out visitor sees the public pin; the owner deletes it and its path is 404 afterwards.
// Screenshots at 390 and 1440 px go to test/e2e/artifacts/ (gitignored); axe-core finds nothing serious on the
// closeup. Skips without /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { png } from '../public-helpers.js';
import { api, FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { settled, upload, type Registered } from '../media-helpers.js';
import { openBrowser, skipWithoutChromium as skip, until as untilIn, type BrowserSession, signUpInUi } from './browser.js';
import { axeViolations } from './axe.js';

forEachDialect('pin closeup in the web app', (dialect) => {
  let s: TestServer;
  const browsers: BrowserSession[] = []; // closed even when a step fails

  before(async () => { if (!skip) s = await startServer(dialect); });
  after(async () => { for (const b of browsers) await b.close().catch(() => undefined); await s?.close(); });

  async function open(tag: string): Promise<BrowserSession> {
    const b = await openBrowser(`closeup-${tag}-${dialect}`);
    browsers.push(b);
    return b;
  }
  const until = (page: Page, ok: () => Promise<boolean>) => untilIn(page, ok);

  async function signUp(page: Page, username: string) {
    await signUpInUi(page, s.url, username);
  }

  /** A JSON call from the page with its session cookie and CSRF token, as the app makes them (setup and checks). */
  function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> {
    return page.evaluate(async ({ method, path, body }) => {
      const { csrf_token } = await (await fetch('/api/app/session')).json() as { csrf_token: string };
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, data: text ? JSON.parse(text) : undefined };
    }, { method, path, body });
  }

  async function made(page: Page, path: string, body: unknown): Promise<any> {
    const res = await call(page, 'POST', path, body);
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data;
  }

  /** axe-core's serious and critical findings on the page below the header (the header has its own tests). */
  async function axe(page: Page, name: string) {
    assert.deepEqual(await axeViolations(page, ['header']), [], `axe on ${name}`);
  }

  it('opens, steps through, saves, edits, moves, shows to a guest and deletes a carousel pin', { skip }, async () => {
    const owner = await open('owner');
    const page = owner.page;
    const alice = uniqueName('cu').slice(0, 30);
    await signUp(page, alice);

    // Setup through /v5 with the session: two boards, a section, the carousel (three images, the first two with
    // their own words) and a pin sharing the word "tide".
    const pools = (await made(page, '/v5/boards', { name: 'Tide Pools' })).id as string;
    const finds = (await made(page, '/v5/boards', { name: 'Shore Finds' })).id as string;
    const rocks = (await made(page, `/v5/boards/${pools}/sections`, { name: 'Rocks' })).id as string;
    const image = async (r: number, g: number, b: number, w: number, h: number) => ({ content_type: 'image/png', data: (await png(r, g, b, w, h)).toString('base64') });
    const carousel = await made(page, '/v5/pins', {
      board_id: pools, board_section_id: rocks, title: 'Tide pool treasures', description: 'Anemones and crabs at low water', link: 'https://www.example.com/tides',
      media_source: { source_type: 'multiple_image_base64', items: [
        { ...await image(200, 60, 40, 900, 1200), title: 'Red anemone', description: 'Closed up in the sun' },
        { ...await image(40, 90, 200, 1200, 800), title: 'Blue crab' },
        await image(60, 160, 80, 800, 800),
      ] },
    });
    const pinId = carousel.id as string;
    await made(page, '/v5/pins', { board_id: finds, title: 'Starfish on tide rocks', media_source: { source_type: 'image_base64', ...await image(230, 150, 30, 600, 900) } });
    await made(page, '/v5/pins', { board_id: finds, title: 'Driftwood', media_source: { source_type: 'image_base64', ...await image(120, 100, 80, 600, 600) } });

    // From the board page's grid to the closeup.
    await page.goto(`${s.url}/${alice}/tide-pools/`);
    await page.getByRole('group', { name: 'Pins of Tide Pools' }).getByRole('link', { name: /Tide pool treasures/ }).click();
    await page.waitForURL(`${s.url}/pin/${pinId}/`);
    await page.getByRole('heading', { name: 'Tide pool treasures', level: 1 }).waitFor();
    await page.getByText('Anemones and crabs at low water').waitFor();
    const outbound = page.getByRole('link', { name: 'example.com' });
    assert.equal(await outbound.getAttribute('href'), `/events/outbound/${pinId}/`);

    // The carousel: each slot its image (srcset variants, loaded, in a box at its aspect ratio) and its words.
    const slides = page.getByRole('group', { name: 'Images of Tide pool treasures' });
    const shown = slides.getByRole('img');
    const slide = async () => {
      await shown.evaluate((e: any) => e.decode());
      return shown.evaluate((e: any) => {
        const box = e.parentElement.getBoundingClientRect();
        return { alt: e.alt as string, srcset: e.srcset as string, loaded: e.naturalWidth > 0, ratio: box.width / box.height, color: e.parentElement.style.backgroundColor as string };
      });
    };
    const previous = page.getByRole('button', { name: 'Previous image' });
    const next = page.getByRole('button', { name: 'Next image' });
    let now = await slide();
    assert.equal(now.alt, 'Tide pool treasures: Red anemone (image 1 of 3)');
    assert.ok(now.loaded);
    assert.match(now.srcset, /600x\.\w+ 600w, .*1200x\.\w+ 900w/); // 900 px wide: no 1200x upscale, the original listed once
    assert.ok(Math.abs(now.ratio - 900 / 1200) < 0.02, `ratio ${now.ratio}`);
    assert.notEqual(now.color, '');
    await page.getByText('Closed up in the sun').waitFor();
    assert.equal(await previous.isDisabled(), true);
    await next.click();
    now = await slide();
    assert.equal(now.alt, 'Tide pool treasures: Blue crab (image 2 of 3)');
    assert.ok(now.loaded && Math.abs(now.ratio - 1200 / 800) < 0.02, `ratio ${now.ratio}`);
    await page.getByText('Blue crab', { exact: true }).waitFor();
    await page.getByText('Image 2 of 3').waitFor(); // the live region says where one is
    await owner.shoot('closeup-carousel');
    await slides.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal((await slide()).alt, 'Tide pool treasures (image 3 of 3)');
    assert.equal(await next.isDisabled(), true);
    await page.keyboard.press('ArrowRight'); // the last stays
    assert.equal((await slide()).alt, 'Tide pool treasures (image 3 of 3)');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await slide()).alt, 'Tide pool treasures: Blue crab (image 2 of 3)');
    await page.keyboard.press('Home');
    assert.equal((await slide()).alt, 'Tide pool treasures: Red anemone (image 1 of 3)');

    // Who saved it where, each a link to its page.
    assert.equal(await page.getByRole('link', { name: `${alice}'s profile` }).getAttribute('href'), `/${alice}/`);
    assert.equal(await page.getByRole('link', { name: 'Tide Pools', exact: true }).getAttribute('href'), `/${alice}/tide-pools/`);
    assert.equal(await page.getByRole('link', { name: 'Rocks', exact: true }).getAttribute('href'), `/${alice}/tide-pools/rocks/`);

    // More like this: the pin sharing "tide", not the pin itself nor the one sharing nothing.
    const more = page.getByRole('group', { name: 'More like this' });
    await more.getByRole('link', { name: /Starfish on tide rocks/ }).waitFor();
    assert.equal(await more.getByRole('link').count(), 1);
    await owner.shoot('closeup-owner');
    await axe(page, 'closeup (owner)');

    // A second user, in a browser of their own: no boards yet, so one is made from the closeup, then Save.
    const second = await open('second');
    const bob = uniqueName('cu').slice(0, 30);
    await signUp(second.page, bob);
    const shown2 = second.page;
    await shown2.goto(`${s.url}/pin/${pinId}/`);
    await shown2.getByRole('heading', { name: 'Tide pool treasures', level: 1 }).waitFor();
    assert.equal(await shown2.getByRole('button', { name: 'Edit this pin' }).count(), 0); // not theirs
    await shown2.getByText('Make a board to save this pin to.').waitFor();
    await shown2.getByRole('button', { name: 'Create board' }).click();
    await shown2.getByRole('dialog').getByLabel('Name').fill('Beach Days');
    await shown2.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await until(shown2, async () => (await shown2.getByLabel('Board', { exact: true }).locator('option:checked').innerText().catch(() => '')) === 'Beach Days');
    await shown2.getByRole('button', { name: 'Save', exact: true }).click();
    const savedTo = shown2.getByRole('status').filter({ hasText: 'Saved to Beach Days' });
    await savedTo.waitFor();
    await second.shoot('closeup-saved');
    await savedTo.getByRole('link', { name: 'Beach Days' }).click();
    await shown2.waitForURL(`${s.url}/${bob}/beach-days/`);
    await shown2.getByRole('group', { name: 'Pins of Beach Days' }).getByRole('link', { name: /Tide pool treasures/ }).waitFor();
    const bobBoards = (await call(shown2, 'GET', '/v5/boards')).data.items as Array<{ id: string; name: string }>;
    assert.deepEqual(bobBoards.map((b) => b.name), ['Beach Days']);
    const onBoard = (await call(shown2, 'GET', `/v5/boards/${bobBoards[0]!.id}/pins`)).data.items as Array<{ title: string; parent_pin_id: string; media: { items: unknown[] } }>;
    assert.equal(onBoard.length, 1);
    assert.equal(onBoard[0]!.parent_pin_id, pinId);
    assert.equal(onBoard[0]!.title, 'Tide pool treasures');
    assert.equal(onBoard[0]!.media.items.length, 3);

    // The second user's opening reached the owner's analytics through the beacon (the owner's own views do not count).
    const today = new Date().toISOString().slice(0, 10);
    const clicks = async () => (await call(page, 'GET', `/v5/pins/${pinId}/analytics?start_date=${today}&end_date=${today}&metric_types=PIN_CLICK`)).data?.all?.summary_metrics?.PIN_CLICK ?? 0;
    await until(page, async () => await clicks() >= 1);
    assert.equal(await clicks(), 1);

    // The owner edits: a bad link is refused under its field; then a new title and a move to Shore Finds.
    await page.getByRole('button', { name: 'Edit this pin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit this pin' });
    await dialog.getByLabel('Title', { exact: true }).fill('Tide pool treasures, revisited');
    await dialog.getByLabel('Link', { exact: true }).fill('not a link');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/invalid URL \(link\)/).waitFor(); // the server's message, under the field it names
    assert.equal(await dialog.getByLabel('Link', { exact: true }).getAttribute('aria-invalid'), 'true');
    await dialog.getByLabel('Link', { exact: true }).fill('https://example.org/revisited');
    assert.equal(await dialog.getByText(/invalid URL/).count(), 0); // changing the field clears its message
    assert.equal(await dialog.getByLabel('Section (optional)').locator('option:checked').innerText(), 'Rocks');
    await dialog.getByLabel('Board', { exact: true }).selectOption({ label: 'Shore Finds' });
    await owner.shoot('closeup-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Tide pool treasures, revisited', level: 1 }).waitFor();
    await until(page, async () => await page.getByRole('link', { name: 'Shore Finds', exact: true }).count() === 1);
    assert.equal(await page.getByRole('link', { name: 'Rocks', exact: true }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'example.org' }).count(), 1);
    const moved = (await call(page, 'GET', `/v5/pins/${pinId}`)).data;
    assert.deepEqual([moved.title, moved.board_id, moved.board_section_id, moved.link], ['Tide pool treasures, revisited', finds, null, 'https://example.org/revisited']);

    // A logged-out visitor sees the public pin (the page's status is 200), without Save or Edit.
    const guest = await open('guest');
    const visit = await guest.page.goto(`${s.url}/pin/${pinId}/`);
    assert.equal(visit?.status(), 200);
    await guest.page.getByRole('heading', { name: 'Tide pool treasures, revisited', level: 1 }).waitFor();
    await guest.page.getByRole('group', { name: /^Images of/ }).getByRole('img').first().waitFor();
    assert.equal(await guest.page.getByRole('link', { name: 'Shore Finds', exact: true }).getAttribute('href'), `/${alice}/shore-finds/`);
    await guest.page.getByRole('link', { name: 'Log in to save' }).waitFor();
    assert.equal(await guest.page.getByRole('button', { name: 'Edit this pin' }).count(), 0);
    await guest.shoot('closeup-guest');
    await axe(guest.page, 'closeup (guest)');

    // The owner deletes it (confirmed), lands on its board, and its path is a 404 afterwards.
    await page.getByRole('button', { name: 'Edit this pin' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this pin?' }).or(page.getByRole('dialog', { name: 'Delete this pin?' }));
    await confirm.getByRole('button', { name: 'Cancel' }).last().click(); // not yet (its corner button is named Cancel too): back to the edit dialog
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${s.url}/${alice}/shore-finds/`);
    await page.getByRole('heading', { name: 'Shore Finds', level: 1 }).waitFor();
    assert.equal((await call(page, 'GET', `/v5/pins/${pinId}`)).status, 404);
    const gone = await guest.page.goto(`${s.url}/pin/${pinId}/`);
    assert.equal(gone?.status(), 404);
    await guest.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto(`${s.url}/pin/${pinId}/`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    for (const b of browsers) assert.deepEqual(b.problems, []);
  });

  it("shows a video pin's player to a guest, and its play reaches the owner's analytics", { skip }, async () => {
    // Setup through /v5 with a token: a video uploaded and processed, pinned on a public board.
    const owner = await s.user(uniqueName('cv').slice(0, 30));
    const token = (await s.token(owner.username, (await s.app_(owner.username)).client_id)).access_token;
    const board = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Waves' } })).data.id as string;
    const reg = (await api(s.url, 'POST', '/v5/media', { token, json: { media_type: 'video' } })).data as Registered;
    assert.equal((await upload(reg, readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4')))).status, 204);
    assert.equal((await settled(s.url, token, reg.media_id)).status, 'succeeded');
    const pin = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, title: 'Breaking wave', media_source: { source_type: 'video_id', media_id: reg.media_id } } });
    assert.equal(pin.status, 201, JSON.stringify(pin.data));
    const pinId = pin.data.id as string;

    const guest = await open('video');
    await guest.page.goto(`${s.url}/pin/${pinId}/`);
    await guest.page.getByRole('heading', { name: 'Breaking wave', level: 1 }).waitFor();
    const video = guest.page.locator('video[aria-label="Breaking wave"]');
    await video.waitFor();
    assert.equal(await video.getAttribute('src'), pin.data.media.video_url);
    assert.equal(await video.getAttribute('poster'), pin.data.media.cover_image_url);
    assert.equal(await video.getAttribute('controls'), '');
    await video.evaluate(async (v: any) => { v.muted = true; await v.play(); });
    await until(guest.page, async () => await video.evaluate((v: any) => v.currentTime > 0.3));
    await guest.shoot('closeup-video');
    const today = new Date().toISOString().slice(0, 10);
    const metrics = async () => (await api(s.url, 'GET', `/v5/pins/${pinId}/analytics?start_date=${today}&end_date=${today}&metric_types=VIDEO_START,IMPRESSION`, { token })).data?.all?.summary_metrics ?? {};
    await until(guest.page, async () => ((await metrics()).VIDEO_START ?? 0) >= 1);
    assert.equal((await metrics()).VIDEO_START, 1);
    assert.deepEqual(guest.problems, []);
  });
});
