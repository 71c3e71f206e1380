// The web app in a real browser (Debian's Chromium, driven by playwright-core) against a real server, through the
// UI only: sign up, land on / logged in, create a PUBLIC and a SECRET board, see both, check what a logged-out
// visitor gets on their server pages, log out, log back in, find the boards again. Screenshots at 390 and 1440 px
// go to test/e2e/artifacts/ (gitignored) for a person to look at. Skips when /usr/bin/chromium is absent.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { png } from '../public-helpers.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, until, type BrowserSession, fromMenu } from './browser.js';

forEachDialect('web app in a browser', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;
  let problems: string[];
  let shoot: BrowserSession['shoot'];

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(dialect);
    ({ page, problems, shoot } = browser);
  });
  after(async () => { await browser?.close(); await s?.close(); });

  async function createBoard(name: string, privacy: 'Public' | 'Secret') {
    await page.getByRole('button', { name: 'Create board' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill(`All about ${name}`);
    await dialog.getByLabel(privacy).check({ force: true }); // Gestalt draws its own radio over the input
    if (privacy === 'Secret') await shoot('create-board');
    // The public one by the Create button, the secret one by the keyboard (Enter in the name field).
    if (privacy === 'Secret') await dialog.getByLabel('Name').press('Enter');
    else await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Your boards' }).getByText(name, { exact: true }).waitFor();
  }

  const boardLink = (name: string) => page.getByRole('list', { name: 'Your boards' }).getByRole('link').filter({ hasText: name });

  it('sign up, create boards, log out, log in: the boards stay, and only the public one is public', { skip }, async () => {
    const username = uniqueName('web').slice(0, 30);
    await page.goto(`${s.url}/`);
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    await shoot('welcome');
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.waitForURL(`${s.url}/signup/`);

    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/8 characters/).first().waitFor(); // the API's message, under the field
    await shoot('signup-error');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${s.url}/`);
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();
    await page.getByRole('link', { name: new RegExp(`Your profile, ${username}`) }).waitFor();
    await shoot('home-empty');

    await createBoard('Summer Trips', 'Public');
    await createBoard('Secret Plans', 'Secret');
    await shoot('home-boards');

    const publicHref = await boardLink('Summer Trips').getAttribute('href');
    const secretHref = await boardLink('Secret Plans').getAttribute('href');
    assert.equal(publicHref, `/${username}/summer-trips/`);
    assert.equal(secretHref, `/${username}/secret-plans/`);
    // A logged-out visitor (no cookie): the public board's page is there, the secret one's is not.
    assert.equal((await fetch(s.url + publicHref)).status, 200);
    assert.equal((await fetch(s.url + secretHref)).status, 404);

    await fromMenu(page, 'Log out');
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    assert.equal((await page.context().cookies()).some((c) => c.name === 'cb_session'), false);
    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.waitForURL(`${s.url}/login/`);
    assert.equal(await page.getByText(/created/).count(), 0, 'a message stays on the page it was about');
    await shoot('login');
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${s.url}/`);
    await boardLink('Summer Trips').waitFor();
    await boardLink('Secret Plans').waitFor();
    assert.ok(await page.getByRole('img', { name: 'Secret board' }).count() >= 1);

    // A pin saved to the public board (from the page, as the web app would: the session cookie and the CSRF
    // token, there being no pin builder yet) becomes its cover, loaded under the page's CSP.
    const image = (await png(230, 0, 35, 400, 300)).toString('base64');
    const saved = await page.evaluate(async (data) => {
      const { csrf_token } = await (await fetch('/api/app/session')).json() as { csrf_token: string };
      const boards = await (await fetch('/v5/boards')).json() as { items: Array<{ id: string; name: string }> };
      const board = boards.items.find((b) => b.name === 'Summer Trips')!;
      const res = await fetch('/v5/pins', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf_token },
        body: JSON.stringify({ board_id: board.id, title: 'Red', media_source: { source_type: 'image_base64', content_type: 'image/png', data } }) });
      return res.status;
    }, image);
    assert.equal(saved, 201);
    await page.reload();
    const cover = page.getByRole('img', { name: 'Cover of Summer Trips' });
    await cover.waitFor();
    await until(page, () => cover.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0)); // it loaded
    await page.getByText('1 Pin', { exact: true }).waitFor();
    await shoot('home-cover');
    assert.deepEqual(problems, []);
  });
});
