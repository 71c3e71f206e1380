// Create Pin with a video, in a real browser against a real server, through the UI: the file chosen through the
// file chooser previews in a <video> (a blob: URL the CSP allows), uploads to the media's upload_url on this
// origin with its progress shown (the upload is slowed through Chromium's network emulation so the progress is
// seen between 0 and 100), then shows the API's processing status (the server's job workers are held for a moment
// so "processing" is seen for certain) with Publish disabled, and Publish once it succeeded; the pin exists as a
// video in /v5/pins/{id} with the cover picked by its frame time. A file that is no video fails with the server's
// reason, and a video cannot be mixed with images. axe finds no serious or critical violation on the page.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createPinterestClient } from '../../src/sdk/index.js';
import { FIXTURES, forEachDialect, startServer, uniqueName, type TestServer } from '../helpers.js';
import { axeViolations } from './axe.js';
import { openBrowser, skipWithoutChromium as skip, until, type BrowserSession, signUpInUi } from './browser.js';

const VIDEO = path.join(FIXTURES, 'sample-1s-1280x720.mp4');
const PNG = path.join(FIXTURES, 'sample-900x1350.png');

forEachDialect('pin builder video in a browser', (dialect) => {
  let s: TestServer;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    if (skip) return;
    s = await startServer(dialect);
    browser = await openBrowser(`pbv-${dialect}`);
    page = browser.page;
  });
  after(async () => { await browser?.close(); await s?.close(); });

  async function choose(files: Parameters<import('playwright-core').FileChooser['setFiles']>[0]) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
    await chooser.setFiles(files);
  }
  const status = () => page.getByRole('region', { name: 'Images or video' }).locator('.upload-status');
  const publish = () => page.getByRole('button', { name: 'Publish' });

  it('uploads a video with progress, shows processing, publishes a video pin', { skip }, async () => {
    const username = uniqueName('pbv').slice(0, 30);
    await signUpInUi(page, s.url, username);
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Clips');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await page.getByRole('list', { name: 'Your boards' }).getByText('Clips', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Create Pin' }).click();
    await page.getByRole('heading', { name: 'Create Pin' }).waitFor();

    // A video and an image together: refused, saying why; nothing uploads.
    await choose([VIDEO, PNG]);
    await page.getByRole('alert').filter({ hasText: 'A pin holds one video, or 1 to 5 images' }).waitFor();

    // The upload at 100 KB/s (the file is 371 KB), and no processing until the workers are started again.
    const uploads: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/uploads/') uploads.push(r.url()); });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 100 * 1024 });
    await s.ctx.jobs.stop();
    await choose(VIDEO);
    const preview = page.getByLabel('Video: sample-1s-1280x720.mp4');
    await preview.waitFor();
    const progress = page.getByRole('progressbar', { name: 'Upload progress' });
    await progress.waitFor();
    const seen = new Set<number>();
    const sample = async () => { if (await progress.count()) seen.add(Number(await progress.getAttribute('value').catch(() => null) ?? NaN)); };
    await until(page, async () => { await sample(); return [...seen].some((v) => v > 0); });
    await browser.shoot('pin-builder-video-uploading');
    await until(page, async () => {
      await sample();
      return /Processing/.test(await status().innerText());
    }, 30_000);
    const between = [...seen].filter((v) => v > 0 && v < 100);
    assert.ok(between.length >= 2, `progress seen between 0 and 100: ${[...seen].join(', ')}`);
    await browser.shoot('pin-builder-video-processing');
    await status().getByText('Status: processing', { exact: false }).waitFor();
    assert.equal(await publish().isDisabled(), true);
    assert.deepEqual(uploads, [`${s.url}/uploads/`]); // the media's upload_url: this origin, as connect-src 'self' needs
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // The preview plays the local file: the browser decoded its size.
    await until(page, async () => (await preview.evaluate((v: any) => v.readyState)) >= 1);
    assert.deepEqual(await preview.evaluate((v: any) => [v.videoWidth, v.videoHeight]), [1280, 720]);
    assert.match(await preview.evaluate((v: any) => v.currentSrc), /^blob:/);

    await s.ctx.jobs.start();
    await status().getByText('Ready to publish').waitFor({ timeout: 60_000 });
    assert.equal(await publish().isDisabled(), false);

    // The cover: the frame at 1 s (whole seconds, as the spec types cover_image_key_frame_time), by keyboard.
    const slider = page.getByRole('slider', { name: /Cover: the frame at/ });
    await page.getByText('Cover: the frame at 0 s').waitFor();
    await slider.focus();
    await slider.press('ArrowRight');
    await page.getByText('Cover: the frame at 1 s').waitFor();
    assert.equal(await preview.evaluate((v: any) => v.currentTime), 1); // the preview shows that frame
    await page.getByLabel('Title', { exact: true }).fill('Waves');
    await page.getByLabel('Alt text', { exact: true }).fill('Waves on a beach');
    await browser.shoot('pin-builder-video-ready');
    assert.deepEqual(await axeViolations(page, ['header']), []); // the header is another test's
    const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/v5/pins');
    await publish().click();
    const request = await posted;
    const body = JSON.parse(request.postData() ?? '{}');
    assert.equal((await request.response())?.status(), 201);
    assert.equal(body.media_source.source_type, 'video_id');
    assert.equal(body.media_source.cover_image_key_frame_time, 1);
    await page.waitForURL(`${s.url}/${username}/clips/`);

    // /v5/pins/{id} with the browser's session cookie: a video pin of that media, with its MP4 served.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const client = createPinterestClient({ baseUrl: s.url, headers: { cookie } });
    const list = (await client.GET('/pins', {})).data!.items!;
    assert.equal(list.length, 1);
    const { data: pin } = await client.GET('/pins/{pin_id}', { params: { path: { pin_id: list[0]!.id! } } });
    const media = pin!.media as any;
    assert.equal(media.media_type, 'video');
    assert.equal(pin!.title, 'Waves');
    assert.ok(media.duration >= 900 && media.duration <= 1100, `duration ${media.duration}`);
    assert.equal(media.width, 1280);
    const served = await fetch(media.video_url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'video/mp4');
    await served.arrayBuffer();
    assert.equal((await fetch(media.cover_image_url)).status, 200);
    const mediaId = body.media_source.media_id as string;
    assert.equal((await client.GET('/media/{media_id}', { params: { path: { media_id: mediaId } } })).data!.status, 'succeeded');

    // A file that is not a video: the server's reason, and no Publish; removing it brings the drop zone back.
    await page.goto(`${s.url}/pin-builder/`);
    await choose({ name: 'broken.mp4', mimeType: 'video/mp4', buffer: await readFile(path.join(FIXTURES, 'not-an-image.jpg')) });
    await page.getByRole('alert').filter({ hasText: 'The video could not be processed: the file is not a video ffprobe can read.' }).waitFor({ timeout: 60_000 });
    assert.equal(await publish().isDisabled(), true);
    await browser.shoot('pin-builder-video-failed');
    await page.getByRole('button', { name: 'Remove video' }).press('Enter');
    await page.getByText('Drag and drop images or a video here').waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
