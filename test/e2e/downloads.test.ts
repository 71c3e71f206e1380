// The downloads page in a real browser (Debian's Chromium, driven by playwright-core) against a real server that
// downloads from itself: sign up through the UI, make a board of three pins through /v5 with the session (as the
// app would), then through the UI only: a bad link shows the server's message under the field; the board's
// Corkboard link shows the job's progress, then a thumbnail per pin; "Download all (zip)" saves a ZIP holding every
// file with the bytes the server serves for the pins, and one file's own link saves that file; a link that fails
// upstream shows why; after a reload, both jobs are in "Your downloads" and the done one opens again.
// Screenshots at 390 and 1440 px go to test/e2e/artifacts/ (gitignored). Skips without /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { png } from '../public-helpers.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { openBrowser, skipWithoutChromium as skip, until as untilIn, type BrowserSession, signUpInUi, fromMenu } from './browser.js';
import { axeViolations } from './axe.js';
import { zipEntries } from '../zip-entries.js';

const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

forEachDialect('downloads in the web app', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    // The server reads its own public pages, on 127.0.0.1.
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    browser = await openBrowser(dialect);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  const shoot = (name: string) => browser.shoot(`downloads-${name}`);
  const until = (ok: () => Promise<boolean>, ms?: number) => untilIn(page, ok, ms);

  /** A public board and its pins, made from the page through /v5 with the session; the pins' original image URLs. */
  function createBoard(name: string, pins: Array<{ title: string; image: string }>): Promise<string[]> {
    // No named functions inside: the test runner's transform would wrap them in a helper the page lacks.
    return page.evaluate(async ({ name, pins }) => {
      const { csrf_token } = await (await fetch('/api/app/session')).json() as { csrf_token: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf_token };
      const board = await fetch('/v5/boards', { method: 'POST', headers, body: JSON.stringify({ name }) });
      if (board.status !== 201) throw new Error(`board: ${board.status} ${await board.text()}`);
      const boardId = ((await board.json()) as { id: string }).id;
      const originals: string[] = [];
      for (const p of pins) {
        const res = await fetch('/v5/pins', { method: 'POST', headers, body: JSON.stringify({ board_id: boardId, title: p.title,
          media_source: { source_type: 'image_base64', content_type: 'image/png', data: p.image } }) });
        if (res.status !== 201) throw new Error(`pin: ${res.status} ${await res.text()}`);
        originals.push(((await res.json()) as { media: { images: { originals: { url: string } } } }).media.images.originals.url);
      }
      return originals;
    }, { name, pins });
  }

  it('downloads a board: progress, thumbnails, the ZIP and each file; failures say why; past jobs stay listed', { skip }, async () => {
    const username = uniqueName('dl').slice(0, 30);
    await signUpInUi(page, s.url, username);
    await page.getByRole('heading', { name: 'Your boards' }).waitFor();

    const pins = [
      { title: 'Tomato soup', image: (await png(200, 40, 30, 640, 480)).toString('base64') },
      { title: 'Pea soup', image: (await png(60, 170, 60, 480, 640)).toString('base64') },
      { title: 'Miso soup', image: (await png(190, 160, 120, 500, 500)).toString('base64') },
    ];
    const originals = await createBoard('Soup Week', pins);
    const boardUrl = `${s.url}/${username}/soup-week/`;

    // The header's link opens the page; nothing downloaded yet.
    await fromMenu(page, 'Downloads');
    await page.waitForURL(`${s.url}/downloads/`);
    await page.getByRole('heading', { name: 'Downloads', level: 1 }).waitFor();
    await page.getByText('Nothing downloaded yet', { exact: false }).waitFor();
    await shoot('empty');

    // A link the downloader cannot take: the server's message under the field, and no job.
    const field = page.getByLabel('Pinterest or Corkboard link');
    await field.fill('not a link');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    await page.getByText('That is not a URL', { exact: false }).waitFor();
    assert.match(await page.getByText('That is not a URL', { exact: false }).innerText(), /pin.*board.*section.*profile/);
    assert.equal(page.url(), `${s.url}/downloads/`);
    await shoot('bad-link');

    // The board's link, from the keyboard: the job's progress, then a thumbnail per pin.
    await field.fill(boardUrl);
    await field.press('Enter');
    await page.waitForURL(/\/downloads\/\?job=[0-9a-f-]{36}$/);
    const jobId = new URL(page.url()).searchParams.get('job')!;
    const progress = page.getByRole('status').filter({ hasText: /Reading the link|files? downloaded/ });
    await progress.waitFor();
    assert.equal(await field.inputValue(), '', 'the field is emptied for the next link');
    const files = page.getByRole('list', { name: 'Downloaded files' });
    await files.waitFor({ timeout: 30_000 });
    assert.equal(await progress.count(), 0, 'progress gone once done');
    const job = page.getByRole('region', { name: 'Soup Week' }); // the job, named by its board once done
    await job.getByText('3 files from a board').waitFor();
    assert.equal(await job.getByText(boardUrl).count(), 1);
    const thumbs = files.getByRole('img');
    assert.deepEqual((await thumbs.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))).sort(), ['Miso soup', 'Pea soup', 'Tomato soup']);
    await until(async () => (await thumbs.evaluateAll((imgs) => imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length)) === 3);
    await shoot('done');
    assert.deepEqual(await axeViolations(page, ['header']), []);

    // Download all: a ZIP with every file, each the bytes the server serves for its pin.
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all (zip)' }).click()]);
    assert.equal(zipDownload.suggestedFilename(), 'Soup-Week.zip');
    const zip = zipEntries(readFileSync((await zipDownload.path())!));
    assert.equal(zip.size, 3);
    const served = await Promise.all(originals.map(bytesOf));
    for (const bytes of served) {
      assert.equal([...zip.values()].filter((entry) => entry.equals(bytes)).length, 1, 'a pin\'s image is in the ZIP exactly once');
    }
    // One file's own link saves that file.
    const fileLinks = files.getByRole('link', { name: /^Download / });
    assert.equal(await fileLinks.count(), 3);
    const name = (await fileLinks.first().getAttribute('aria-label'))!.replace(/^Download /, '');
    const [fileDownload] = await Promise.all([page.waitForEvent('download'), fileLinks.first().click()]);
    assert.equal(fileDownload.suggestedFilename(), name);
    assert.ok(readFileSync((await fileDownload.path())!).equals(zip.get(name)!), 'the file is the one in the ZIP');

    // A board that is not there: the job fails and says why.
    await field.fill(`${s.url}/${username}/no-such-board/`);
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'This download failed' });
    await failure.waitFor({ timeout: 30_000 });
    assert.match(await failure.innerText(), /not found/i);
    await shoot('failed');
    assert.deepEqual(await axeViolations(page, ['header']), []);

    // After a reload, both jobs are listed, newest first, with their link, status and date; the done one opens again.
    await page.reload();
    const history = page.getByRole('list', { name: 'Your downloads' });
    await history.getByRole('listitem').nth(1).waitFor();
    const rows = await history.getByRole('listitem').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /no-such-board/);
    assert.match(rows[0]!, /Failed/);
    assert.match(rows[1]!, new RegExp(boardUrl.replace(/[.?/]/g, '\\$&')));
    assert.match(rows[1]!, /Soup Week/);
    assert.match(rows[1]!, /Done/);
    assert.match(rows[1]!, /3 files/);
    assert.match(rows[1]!, new RegExp(String(new Date().getFullYear())));
    assert.equal(await history.getByRole('link', { name: /^Download the ZIP of Soup Week/ }).count(), 1);
    await history.getByRole('link', { name: 'Open Soup Week' }).click();
    await page.waitForURL(`${s.url}/downloads/?job=${jobId}`);
    await page.getByRole('list', { name: 'Downloaded files' }).getByRole('img').nth(2).waitFor();
    await shoot('history');
    assert.deepEqual(await axeViolations(page, ['header']), []);

    // Logged out, the page sends the visitor to log in.
    await fromMenu(page, 'Log out');
    await page.getByRole('heading', { name: 'Get your next idea' }).waitFor();
    await page.goto(`${s.url}/downloads/`);
    await page.waitForURL(`${s.url}/login/`);
    assert.deepEqual(browser.problems, []);
  });
});
