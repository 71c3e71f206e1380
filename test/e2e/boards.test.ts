// Profiles, boards and sections in the web app, in a real browser (Debian's Chromium, playwright-core) against a
// real server, through the UI: sign up -> create a board from the profile and a section from the board page ->
// pins (set up through /v5 with the session) show on the board and on the section page -> rename the board (the
// URL follows, the old one is 404) -> a second user sees the profile with the board and follows it (1 follower)
// -> the board made SECRET -> a logged-out visitor gets 404 on its URL (the HTTP status and the app's page) and the
// profile no longer lists it -> the section and the board are deleted. The second user and the visitor each have
// their own browser. Screenshots at 390 and 1440 px go to
// test/e2e/artifacts/ (gitignored). Skips without /usr/bin/chromium.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { png } from '../public-helpers.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, until as untilIn, type BrowserSession, signUpInUi } from './browser.js';

forEachDialect('profiles, boards and sections in the web app', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;
  const others: BrowserSession[] = []; // the second user's and the visitor's browsers, closed even when a step fails

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(dialect);
    page = browser.page;
  });
  after(async () => { for (const b of [browser, ...others]) await b?.close().catch(() => undefined); await s?.close(); });

  const shoot = (name: string, on: BrowserSession = browser) => on.shoot(`boards-${name}`);
  const until = (ok: () => Promise<boolean>, on: Page = page) => untilIn(on, ok);

  async function signUp(on: Page, username: string) {
    await signUpInUi(on, s.url, username);
  }

  /** Pins made from the page through /v5 with the session cookie and CSRF token, as the app would (setup only). */
  function makePins(boardId: string, pins: Array<{ title: string; section?: string; image: string }>) {
    return page.evaluate(async ({ boardId, pins }) => {
      const { csrf_token } = await (await fetch('/api/app/session')).json() as { csrf_token: string };
      for (const p of pins) {
        const res = await fetch('/v5/pins', {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token },
          body: JSON.stringify({ board_id: boardId, board_section_id: p.section, title: p.title, media_source: { source_type: 'image_base64', content_type: 'image/png', data: p.image } }),
        });
        if (res.status !== 201) throw new Error(`pin: ${res.status} ${await res.text()}`);
      }
    }, { boardId, pins });
  }

  const pinTitles = async (grid: string, count: number, on: Page = page) => {
    const links = on.getByRole('group', { name: grid }).getByRole('link');
    await until(async () => await links.count() >= count, on);
    await on.waitForTimeout(200); // and no more come
    return (await links.allInnerTexts()).map((t) => t.trim()).sort();
  };

  it('creates, fills, renames, shares, hides and deletes a board and its section', { skip }, async () => {
    const alice = uniqueName('bd').slice(0, 30);
    await signUp(page, alice);

    // The profile, from the header; Create board there.
    await page.getByRole('link', { name: new RegExp(`^Your profile`) }).click();
    await page.waitForURL(`${s.url}/${alice}/`);
    await page.getByRole('heading', { name: alice, level: 1 }).waitFor();
    await page.getByText('You have no boards yet').waitFor();
    await page.getByRole('button', { name: 'Create board' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Soup Ideas');
    await dialog.getByLabel('Description').fill('Warm bowls for cold days');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const boardLink = page.getByRole('list', { name: `Boards of ${alice}` }).getByRole('link');
    await boardLink.getByText('Soup Ideas', { exact: true }).waitFor();
    await page.getByText('0 pins · 1 board · 0 followers · 0 following').waitFor();
    await until(async () => (await boardLink.first().getAttribute('href')) === `/${alice}/soup-ideas/`);
    await boardLink.first().click();
    await page.waitForURL(`${s.url}/${alice}/soup-ideas/`);
    await page.getByRole('heading', { name: 'Soup Ideas', level: 1 }).waitFor();
    await page.getByText('Warm bowls for cold days').waitFor();
    await page.getByText('No pins here yet.').waitFor();

    // A section, from the board page.
    await page.getByRole('button', { name: 'Add section' }).click();
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText('Give the section a name.').waitFor(); // nothing sent without a name
    await dialog.getByLabel('Section name').fill('Winter');
    await dialog.getByRole('button', { name: 'Add' }).click();
    const sectionNav = page.getByRole('navigation', { name: 'Sections' });
    await sectionNav.getByRole('link', { name: 'Winter' }).waitFor();
    assert.equal(await dialog.count(), 0);
    // The same name again: the API's message is shown in the dialog.
    await page.getByRole('button', { name: 'Add section' }).click();
    await dialog.getByLabel('Section name').fill('Winter');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByText(/already has a section with that name/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Pins (setup through /v5), shown on the board and, the section's own, on the section page.
    const boardId = await page.evaluate(async () => ((await (await fetch('/v5/boards')).json()) as { items: Array<{ id: string }> }).items[0]!.id);
    const sectionId = await page.evaluate(async (id) => ((await (await fetch(`/v5/boards/${id}/sections`)).json()) as { items: Array<{ id: string }> }).items[0]!.id, boardId);
    await makePins(boardId, [
      { title: 'Tomato soup', image: (await png(200, 40, 30, 600, 800)).toString('base64') },
      { title: 'Pumpkin soup', section: sectionId, image: (await png(230, 140, 20, 800, 600)).toString('base64') },
    ]);
    await page.reload();
    assert.deepEqual(await pinTitles('Pins of Soup Ideas', 2), ['Pumpkin soup', 'Tomato soup']);
    await page.getByText('2 pins · 0 followers').waitFor();
    await shoot('board');
    await sectionNav.getByRole('link', { name: 'Winter' }).click();
    await page.waitForURL(`${s.url}/${alice}/soup-ideas/winter/`);
    await page.getByRole('heading', { name: 'Winter', level: 1 }).waitFor();
    assert.deepEqual(await pinTitles('Pins of Winter', 1), ['Pumpkin soup']);
    await shoot('section');
    await page.getByRole('link', { name: 'Soup Ideas' }).click(); // back to the board
    await page.waitForURL(`${s.url}/${alice}/soup-ideas/`);
    await page.getByRole('heading', { name: 'Soup Ideas', level: 1 }).waitFor();

    // Rename the board: the URL follows the name; the old one is gone (404 from the server and the app).
    await page.getByRole('button', { name: 'Edit board' }).click();
    await dialog.getByLabel('Name').fill('Hearty Soups');
    await shoot('edit-board');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${s.url}/${alice}/hearty-soups/`);
    await page.getByRole('heading', { name: 'Hearty Soups', level: 1 }).waitFor();
    await until(async () => (await sectionNav.getByRole('link', { name: 'Winter' }).getAttribute('href')) === `/${alice}/hearty-soups/winter/`);
    const old = await page.goto(`${s.url}/${alice}/soup-ideas/`);
    assert.equal(old?.status(), 404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    // A second user (their own browser context) sees the profile with the board, and follows it.
    const bobs = await openBrowser(`${dialect}-second-user`);
    others.push(bobs);
    const bob = bobs.page;
    await signUp(bob, uniqueName('bf').slice(0, 30));
    await bob.goto(`${s.url}/${alice}/`);
    await bob.getByRole('heading', { name: alice, level: 1 }).waitFor();
    await bob.getByText('2 pins · 1 board · 0 followers · 0 following').waitFor();
    const bobBoards = bob.getByRole('list', { name: `Boards of ${alice}` }).getByRole('link');
    await bobBoards.getByText('Hearty Soups', { exact: true }).waitFor();
    assert.equal(await bobBoards.count(), 1);
    await bob.getByRole('button', { name: 'Create board' }).waitFor({ state: 'detached' }); // not their profile
    await shoot('other-profile', bobs);
    await until(async () => (await bobBoards.first().getAttribute('href')) === `/${alice}/hearty-soups/`, bob);
    await bobBoards.first().click();
    await bob.waitForURL(`${s.url}/${alice}/hearty-soups/`);
    assert.equal(await bob.getByRole('button', { name: 'Edit board' }).count(), 0); // not their board
    await bob.getByRole('button', { name: 'Follow Hearty Soups' }).click();
    await bob.getByRole('status').getByText('1 follower', { exact: true }).waitFor();
    await bob.getByRole('button', { name: 'Unfollow Hearty Soups' }).waitFor();
    await shoot('followed', bobs);
    assert.equal(await bob.evaluate(async (id) => ((await (await fetch(`/v5/boards/${id}`)).json()) as { follower_count: number }).follower_count, boardId), 1);
    await bob.reload();
    await bob.getByRole('button', { name: 'Unfollow Hearty Soups' }).waitFor(); // remembered by the server
    await bob.getByRole('status').getByText('1 follower', { exact: true }).waitFor();

    // The owner makes it SECRET.
    await page.goto(`${s.url}/${alice}/hearty-soups/`);
    await page.getByRole('button', { name: 'Edit board' }).click();
    await dialog.getByText('Secret', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/· Secret$/).waitFor();
    assert.equal(page.url(), `${s.url}/${alice}/hearty-soups/`);

    // A logged-out visitor: 404 on its URL (status and page), and the profile no longer lists it.
    const guests = await openBrowser(`${dialect}-guest`);
    others.push(guests);
    const guest = guests.page;
    const hidden = await guest.goto(`${s.url}/${alice}/hearty-soups/`);
    assert.equal(hidden?.status(), 404);
    await guest.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.equal((await guest.goto(`${s.url}/${alice}/hearty-soups/winter/`))?.status(), 404);
    const profile = await guest.goto(`${s.url}/${alice}/`);
    assert.equal(profile?.status(), 200);
    await guest.getByRole('heading', { name: alice, level: 1 }).waitFor();
    await guest.getByText('No boards to show yet.').waitFor();
    await guest.getByText('0 pins · 0 boards · 0 followers · 0 following').waitFor();
    await shoot('guest-profile', guests);
    await guest.goto(`${s.url}/${alice}/pins/`);
    await guest.getByText('No pins to show yet.').waitFor();
    await bob.goto(`${s.url}/${alice}/hearty-soups/`);
    await bob.getByRole('heading', { name: 'Page not found' }).waitFor(); // nor for the follower
    const guestProblems = [...guests.problems];

    // Delete the section (its pin stays on the board), then the board.
    await page.getByRole('button', { name: 'Edit section Winter' }).click();
    await dialog.getByRole('button', { name: 'Delete section' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this section?' }).getByRole('button', { name: 'Delete' }).click();
    await sectionNav.waitFor({ state: 'detached' });
    assert.deepEqual(await pinTitles('Pins of Hearty Soups', 2), ['Pumpkin soup', 'Tomato soup']);
    await page.getByRole('button', { name: 'Edit board' }).click();
    await dialog.getByRole('button', { name: 'Delete board' }).click();
    await shoot('delete-board');
    await page.getByRole('alertdialog', { name: 'Delete this board?' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${s.url}/${alice}/`);
    await page.getByText('You have no boards yet').waitFor();
    assert.equal((await page.goto(`${s.url}/${alice}/hearty-soups/`))?.status(), 404);

    const bobProblems = [...bobs.problems];
    assert.deepEqual([...browser.problems, ...bobProblems, ...guestProblems], []);
  });
});
