// image_url naming this instance's own /media/ files is read from the blob store, so copying a pin within the
// instance (Pinterest's clients copy boards by the largest image's URL) works with the default config, where
// server-side fetches may not reach private networks; every other URL still goes through the guarded fetch.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api, FIXTURES, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png'));
const JPG = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg'));
const MP4 = readFileSync(path.join(FIXTURES, 'sample-2s-320x240.mp4'));

forEachDialect('own media as image_url', (dialect) => {
  let s: TestServer;
  let token: string;
  let board: string;

  before(async () => {
    s = await startServer(dialect); // CORKBOARD_ALLOW_PRIVATE_NETWORKS unset: loopback fetches are refused
    ({ token, board } = await ownerAndOther(s, 'Copies'));
  });
  after(() => s.close());

  const create = (media_source: Record<string, unknown>) => api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source } });
  const fromUrl = (url: string) => create({ source_type: 'image_url', url });
  const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

  for (const [name, file, type] of [['PNG', PNG, 'image/png'], ['JPEG', JPG, 'image/jpeg']] as const) {
    it(`a ${name} pin copied by its originals URL or another size's URL has identical original bytes`, async () => {
      const source = await create({ source_type: 'image_base64', content_type: type, data: file.toString('base64') });
      assert.equal(source.status, 201, JSON.stringify(source.data));
      const images = source.data.media.images;
      const original = await bytes(images.originals.url);
      for (const size of ['originals', '1200x', '600x']) {
        const copy = await fromUrl(images[size].url);
        assert.equal(copy.status, 201, `${size}: ${JSON.stringify(copy.data)}`);
        assert.ok((await bytes(copy.data.media.images.originals.url)).equals(original), `copy by ${size} changed the original`);
        assert.deepEqual(copy.data.media.images, images, size);
      }
    });
  }

  it('carousel items take own media URLs too', async () => {
    const a = (await create({ source_type: 'image_base64', content_type: 'image/png', data: PNG.toString('base64') })).data.media.images;
    const b = (await create({ source_type: 'image_base64', content_type: 'image/jpeg', data: JPG.toString('base64') })).data.media.images;
    const carousel = await create({ source_type: 'multiple_image_urls', items: [{ url: a.originals.url }, { url: b['1200x'].url }] });
    assert.equal(carousel.status, 201, JSON.stringify(carousel.data));
    assert.deepEqual(carousel.data.media.items.map((i: any) => i.images.originals.url), [a.originals.url, b.originals.url]);
  });

  it('a missing own media path answers the 400 a failed fetch answers', async () => {
    for (const missing of [`${s.url}/media/images/00/00/${'0'.repeat(64)}/originals.png`, `${s.url}/media/nothing-here.jpg`, `${s.url}/media/..%2F..%2Fetc%2Fpasswd`]) {
      const res = await fromUrl(missing);
      assert.equal(res.status, 400, missing);
      assert.deepEqual(res.data, { code: 1, message: 'Invalid parameters: media_source.url could not be fetched: it answered HTTP 404.' });
    }
  });

  it('an own media file that is not an image answers 400 naming the field', async () => {
    await s.ctx.blobs.put('videos/test/clip.mp4', MP4, 'video/mp4');
    const res = await fromUrl(`${s.url}/media/videos/test/clip.mp4`);
    assert.equal(res.status, 400);
    assert.match(res.data.message, /media_source\.url is not a usable image/);
  });

  it('the same path on another origin still goes through the guarded fetch', async () => {
    const source = await create({ source_type: 'image_base64', content_type: 'image/png', data: PNG.toString('base64') });
    const elsewhere = new URL(source.data.media.images.originals.url);
    elsewhere.hostname = 'localhost'; // the same server, but not the public URL's origin
    const res = await fromUrl(elsewhere.toString());
    assert.equal(res.status, 400);
    assert.match(res.data.message, /media_source\.url could not be fetched: .*private network/);
  });
});
