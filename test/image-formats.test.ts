// Originals keep the uploaded format: PNG stays PNG (same pixels), GIF stays GIF with every frame, WebP stays
// WebP, JPEG stays JPEG; the URL's extension and the served Content-Type say which. Variants are JPEG (PNG with
// alpha) whatever the original.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { api, FIXTURES, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { resource } from './public-helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png'));
const JPG = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg'));

/** A 3-frame animated GIF, 120x90, red, green then blue, 100/200/300 ms per frame. */
async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((c) =>
    sharp({ create: { width: 120, height: 90, channels: 3, background: c } }).raw().toBuffer()));
  return sharp(Buffer.concat(frames), { raw: { width: 120, height: 270, channels: 3, pageHeight: 90 } })
    .gif({ delay: [100, 200, 300], loop: 0 }).toBuffer();
}

/** Pixels as 8-bit RGB, for comparing images across encodings. */
const pixels = (buf: Buffer) => sharp(buf).removeAlpha().raw().toBuffer();

forEachDialect('image formats', (dialect) => {
  let s: TestServer;
  let token: string;
  let board: string;
  let host: Server;
  let hostUrl: string;
  const served = new Map<string, { type: string; body: Buffer }>();

  before(async () => {
    const photo = sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
    served.set('/anim.gif', { type: 'image/gif', body: await animatedGif() });
    served.set('/anim.webp', { type: 'image/webp', body: await sharp(await animatedGif(), { animated: true }).webp({ quality: 80 }).toBuffer() });
    served.set('/lossless.webp', { type: 'image/webp', body: await sharp(PNG).webp({ lossless: true }).toBuffer() });
    served.set('/lossy.webp', { type: 'image/webp', body: await photo.clone().webp({ quality: 80 }).toBuffer() });
    served.set('/photo.png', { type: 'image/png', body: PNG });
    served.set('/photo.jpg', { type: 'image/jpeg', body: JPG });
    host = createServer((req, res) => {
      const file = served.get(req.url!);
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.type }).end(file.body);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const addr = host.address();
    hostUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    ({ token, board } = await ownerAndOther(s, 'Formats'));
  });
  after(async () => { await s.close(); host.close(); });

  /** Pins the image at `file` on the local host by image_url; its sizes. */
  const pin = async (file: string) => {
    const res = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'image_url', url: hostUrl + file } } });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data.media.images as Record<string, { url: string; width: number; height: number }>;
  };
  const get = async (url: string) => {
    const res = await fetch(url);
    assert.equal(res.status, 200, url);
    return { type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  it('a PNG upload serves a PNG original with the same pixels; its variants are JPEG', async () => {
    const im = await pin('/photo.png');
    assert.match(im.originals!.url, /\/originals\.png$/);
    const original = await get(im.originals!.url);
    assert.equal(original.type, 'image/png');
    assert.equal((await sharp(original.body).metadata()).format, 'png');
    assert.ok(original.body.length > 600_000, `a ${original.body.length}-byte original is not the lossless PNG`);
    assert.ok((await pixels(original.body)).equals(await pixels(PNG)), 'the PNG original lost pixels');
    for (const name of ['1200x', '600x', '400x300', '150x150']) {
      assert.match(im[name]!.url, /\.jpg$/, name);
      assert.equal((await get(im[name]!.url)).type, 'image/jpeg', name);
    }
    assert.deepEqual([im['1200x']!.width, im['1200x']!.height], [900, 1350]);
  });

  it('an animated GIF serves a GIF original with all its frames and timings', async () => {
    const im = await pin('/anim.gif');
    assert.match(im.originals!.url, /\/originals\.gif$/);
    const original = await get(im.originals!.url);
    assert.equal(original.type, 'image/gif');
    const meta = await sharp(original.body, { animated: true }).metadata();
    assert.equal(meta.format, 'gif');
    assert.equal(meta.pages, 3);
    assert.deepEqual(meta.delay, [100, 200, 300]);
    assert.deepEqual([im.originals!.width, im.originals!.height], [120, 90]);
    const frames = await sharp(original.body, { animated: true }).removeAlpha().raw().toBuffer();
    const frame = 120 * 90 * 3;
    assert.deepEqual([0, 1, 2].map((i) => [...frames.subarray(i * frame, i * frame + 3)]), [[255, 0, 0], [0, 255, 0], [0, 0, 255]]);
    // the variants are stills of the first frame
    const small = await get(im['150x150']!.url);
    assert.equal((await sharp(small.body).metadata()).pages ?? 1, 1);
  });

  it('a WebP upload serves a WebP original: lossless stays lossless, animated keeps its frames', async () => {
    const lossless = await pin('/lossless.webp');
    assert.match(lossless.originals!.url, /\/originals\.webp$/);
    const original = await get(lossless.originals!.url);
    assert.equal(original.type, 'image/webp');
    assert.ok((await pixels(original.body)).equals(await pixels(PNG)), 'the lossless WebP original lost pixels');

    const animated = await pin('/anim.webp');
    const frames = await sharp((await get(animated.originals!.url)).body, { animated: true }).metadata();
    assert.deepEqual([frames.format, frames.pages, frames.delay], ['webp', 3, [100, 200, 300]]);

    const lossy = await pin('/lossy.webp');
    assert.match(lossy.originals!.url, /\/originals\.webp$/);
    const got = await get(lossy.originals!.url);
    assert.equal(got.type, 'image/webp');
    assert.equal((await sharp(got.body).metadata()).format, 'webp');
    assert.match(lossy['600x']!.url, /\.jpg$/);
  });

  it('a JPEG upload still serves JPEG everywhere', async () => {
    const im = await pin('/photo.jpg');
    for (const name of ['originals', '1200x', '600x']) {
      assert.match(im[name]!.url, /\.jpg$/, name);
      assert.equal((await get(im[name]!.url)).type, 'image/jpeg', name);
    }
  });

  it('the web resources give the original\'s own URL and type (what downloaders save)', async () => {
    const res = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'image_url', url: `${hostUrl}/anim.gif` } } });
    const web = await resource(s.url, 'Pin', { id: res.data.id, field_set_key: 'detailed' });
    assert.equal(web.status, 200, JSON.stringify(web.data));
    const orig = web.data.resource_response.data.images.orig;
    assert.equal(orig.url, res.data.media.images.originals.url);
    assert.equal((await get(orig.url)).type, 'image/gif');
  });
});
