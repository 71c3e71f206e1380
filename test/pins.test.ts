// Pins end to end: every media source (good and bad), image variants, counts, saves, moves and deletes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { api, FIXTURES, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png'));
const JPG = readFileSync(path.join(FIXTURES, 'sample-1600x1200.jpg'));
const NOT_IMAGE = readFileSync(path.join(FIXTURES, 'not-an-image.jpg'));
const b64 = (buf: Buffer, content_type = 'image/png') => ({ source_type: 'image_base64', content_type, data: buf.toString('base64') });

/** Every file under a folder (the blob store of the embedded mode). */
function files(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((f) => { const p = path.join(dir, f); return statSync(p).isDirectory() ? files(p) : [p]; });
  } catch { return []; }
}

/** A local HTTP server for image_url: serves fixtures, junk, redirects and endless bodies. */
async function imageHost(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/photo.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPG);
    if (req.url === '/lying.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(NOT_IMAGE);
    if (req.url === '/redirect') return res.writeHead(302, { location: '/photo.jpg' }).end();
    if (req.url === '/missing') return res.writeHead(404).end('no');
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(1 << 20, 0xff);
      let sent = 0;
      const pump = () => { while (sent < 64 && res.write(chunk)) sent++; if (sent < 64) res.once('drain', pump); else res.end(); };
      return pump();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, server };
}

forEachDialect('pins', (dialect) => {
  let s: TestServer;
  let token: string;
  let otherToken: string;
  let board: string;
  let host: { url: string; server: Server };

  before(async () => {
    host = await imageHost();
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    ({ token, otherToken, board } = await ownerAndOther(s, 'Pins under test'));
  });
  after(async () => { await s.close(); host.server.close(); });

  const create = (json: Record<string, unknown>, t = token) => api(s.url, 'POST', '/v5/pins', { token: t, json: { board_id: board, ...json } });
  const pinCount = async (id = board) => (await api(s.url, 'GET', `/v5/boards/${id}`, { token })).data.pin_count as number;
  const mediaFiles = () => files(path.join(s.config.dataDir, 'media')).length;

  describe('media sources', () => {
    it('image_base64 gives every variant at its true size, served as an image', async () => {
      const res = await create({ title: 'Tall', media_source: b64(PNG) });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      const im = res.data.media.images;
      assert.equal(res.data.media.media_type, 'image');
      assert.deepEqual([im['150x150'].width, im['150x150'].height], [150, 150]);
      assert.deepEqual([im['400x300'].width, im['400x300'].height], [400, 300]);
      assert.deepEqual([im['600x'].width, im['600x'].height], [600, 900]);
      assert.deepEqual([im['1200x'].width, im['1200x'].height], [900, 1350]); // never upscaled
      assert.deepEqual([im.originals.width, im.originals.height], [900, 1350]);
      assert.match(res.data.dominant_color, /^#[0-9a-f]{6}$/);
      assert.match(res.data.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      const served = await fetch(im['400x300'].url);
      assert.equal(served.status, 200);
      assert.match(served.headers.get('content-type')!, /^image\//);
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      assert.deepEqual([meta.width, meta.height], [400, 300]);
      assert.ok(served.headers.get('etag'));
      assert.match(served.headers.get('cache-control')!, /immutable/);
      assert.equal(served.headers.get('content-security-policy'), "default-src 'none'; sandbox"); // never run as a page
      const again = await fetch(im['400x300'].url, { headers: { 'if-none-match': served.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });

    it('the same image twice is stored once', async () => {
      const before = mediaFiles();
      assert.equal((await create({ media_source: b64(PNG) })).status, 201);
      assert.equal(mediaFiles(), before);
    });

    it('image_url is fetched server-side, following redirects', async () => {
      const res = await create({ media_source: { source_type: 'image_url', url: `${host.url}/redirect` } });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      assert.deepEqual([res.data.media.images.originals.width, res.data.media.images.originals.height], [1600, 1200]);
    });

    it('carousels: multiple_image_base64 and multiple_image_urls with per-item fields', async () => {
      const res = await create({ media_source: { source_type: 'multiple_image_base64', items: [
        { ...b64(PNG), title: 'one', link: 'https://example.com/1' }, { ...b64(JPG, 'image/jpeg'), description: 'two' }] } });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      assert.equal(res.data.media.media_type, 'multiple_images');
      assert.equal(res.data.creative_type, 'CAROUSEL');
      assert.deepEqual(res.data.media.items.map((i: any) => [i.title, i.description, i.link]), [['one', null, 'https://example.com/1'], [null, 'two', null]]);
      const urls = await create({ media_source: { source_type: 'multiple_image_urls', items: [{ url: `${host.url}/photo.jpg` }, { url: `${host.url}/redirect` }] } });
      assert.equal(urls.status, 201, JSON.stringify(urls.data));
      assert.equal(urls.data.media.items.length, 2);
    });

    const bad: Array<[string, () => Record<string, unknown>, RegExp]> = [
      ['bytes that are not an image', () => b64(NOT_IMAGE, 'image/jpeg'), /image/i],
      ['a truncated JPEG', () => b64(JPG.subarray(0, Math.floor(JPG.length / 2)), 'image/jpeg'), /image/i],
      ['data that is not base64', () => ({ source_type: 'image_base64', content_type: 'image/png', data: '***' }), /data/],
      ['a content_type outside the spec', () => ({ ...b64(PNG), content_type: 'image/tiff' }), /content_type/],
      ['an unknown source_type', () => ({ source_type: 'image_ftp', url: 'x' }), /source_type/],
      ['image_url without url', () => ({ source_type: 'image_url' }), /url/],
      ['image_url that is not http(s)', () => ({ source_type: 'image_url', url: 'file:///etc/passwd' }), /url/],
      ['image_url answering 404', () => ({ source_type: 'image_url', url: `${host.url}/missing` }), /url/],
      ['image_url serving something else than an image', () => ({ source_type: 'image_url', url: `${host.url}/lying.png` }), /url|image/i],
      ['image_url with an endless body', () => ({ source_type: 'image_url', url: `${host.url}/huge` }), /url|large|size/i],
      ['a carousel of one', () => ({ source_type: 'multiple_image_base64', items: [b64(PNG)] }), /items/],
      ['a carousel of six', () => ({ source_type: 'multiple_image_base64', items: Array(6).fill(b64(PNG)) }), /items/],
      ['a carousel with a bad item', () => ({ source_type: 'multiple_image_base64', items: [b64(PNG), b64(NOT_IMAGE)] }), /items\[1\]|image/i],
      ['pin_url (not supported)', () => ({ source_type: 'pin_url' }), /pin_url/],
    ];
    for (const [name, source, message] of bad) {
      it(`refuses ${name} with a 400 and stores nothing`, async () => {
        const pins = await pinCount();
        const stored = mediaFiles();
        const res = await create({ media_source: source() });
        assert.equal(res.status, 400, JSON.stringify(res.data));
        assert.equal(res.data.code, 1);
        assert.match(res.data.message, message);
        assert.equal(await pinCount(), pins);
        assert.equal(mediaFiles(), stored);
      });
    }

    it('refuses a decompression bomb', async () => {
      const bomb = await sharp({ create: { width: 12000, height: 12000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
      const res = await create({ media_source: b64(bomb) });
      assert.equal(res.status, 400, JSON.stringify(res.data));
    });

    it('applies EXIF orientation and strips metadata (GPS included) from every stored variant', async () => {
      // 300x200 pixels tagged "rotate 90° clockwise", with a GPS position and a camera model
      const tagged = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
        .withExif({ IFD0: { Make: 'TestCam', Model: 'Leaky 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' } })
        .withMetadata({ orientation: 6 }).jpeg().toBuffer();
      assert.ok((await sharp(tagged).metadata()).exif, 'the fixture carries EXIF');
      const res = await create({ media_source: b64(tagged, 'image/jpeg') });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      const { originals } = res.data.media.images;
      assert.deepEqual([originals.width, originals.height], [200, 300]);
      const stored = Buffer.from(await (await fetch(originals.url)).arrayBuffer());
      const meta = await sharp(stored).metadata();
      assert.deepEqual([meta.width, meta.height], [200, 300]);
      assert.equal(meta.exif, undefined);
      assert.ok(!stored.includes('TestCam') && !stored.includes('Leaky'));
    });

    it('refuses titles over 100 characters, bad links and a missing board_id', async () => {
      assert.equal((await create({ title: 'x'.repeat(101), media_source: b64(PNG) })).status, 400);
      assert.equal((await create({ link: 'not a url', media_source: b64(PNG) })).status, 400);
      const noBoard = await api(s.url, 'POST', '/v5/pins', { token, json: { media_source: b64(PNG) } });
      assert.equal(noBoard.status, 400);
      assert.match(noBoard.data.message, /board_id/);
    });
  });

  describe('counts, saves, moves, deletes', () => {
    it('pin_count, covers and board_pins_modified_at follow create, move and delete', async () => {
      const b1 = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Counted one' } })).data;
      const b2 = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Counted two' } })).data;
      assert.equal(b1.pin_count, 0);
      assert.equal(b1.media.image_cover_url, null);
      const p = (await create({ board_id: b1.id, media_source: b64(JPG, 'image/jpeg') })).data;
      const after1 = (await api(s.url, 'GET', `/v5/boards/${b1.id}`, { token })).data;
      assert.equal(after1.pin_count, 1);
      assert.equal(after1.media.image_cover_url, p.media.images['400x300'].url);
      assert.deepEqual(after1.media.pin_thumbnail_urls, [p.media.images['150x150'].url]);
      const moved = await api(s.url, 'PATCH', `/v5/pins/${p.id}`, { token, json: { board_id: b2.id } });
      assert.equal(moved.status, 200);
      assert.equal(moved.data.board_id, b2.id);
      assert.equal(await pinCount(b1.id), 0);
      assert.equal(await pinCount(b2.id), 1);
      assert.equal((await api(s.url, 'DELETE', `/v5/pins/${p.id}`, { token })).status, 204);
      assert.equal(await pinCount(b2.id), 0);
      const me = (await api(s.url, 'GET', '/v5/user_account', { token })).data;
      assert.ok(me.board_count >= 3);
    });

    it('saving makes a new pin with parent_pin_id that survives the original', async () => {
      const original = (await create({ title: 'Original', media_source: b64(JPG, 'image/jpeg') })).data;
      const theirs = (await api(s.url, 'POST', '/v5/boards', { token: otherToken, json: { name: 'Saved things' } })).data;
      const saved = await api(s.url, 'POST', `/v5/pins/${original.id}/save`, { token: otherToken, json: { board_id: theirs.id } });
      assert.equal(saved.status, 201, JSON.stringify(saved.data));
      assert.notEqual(saved.data.id, original.id);
      assert.equal(saved.data.parent_pin_id, original.id);
      assert.equal(saved.data.is_owner, true);
      assert.equal(saved.data.title, 'Original');
      assert.equal((await api(s.url, 'GET', `/v5/boards/${theirs.id}`, { token: otherToken })).data.pin_count, 1);
      assert.equal((await api(s.url, 'DELETE', `/v5/pins/${original.id}`, { token })).status, 204);
      const copy = await api(s.url, 'GET', `/v5/pins/${saved.data.id}`, { token: otherToken });
      assert.equal(copy.status, 200);
      const img = await fetch(copy.data.media.images.originals.url);
      assert.equal(img.status, 200); // shared image files stay while a copy uses them
      const only = await api(s.url, 'GET', '/v5/pins?pin_filter=exclude_native', { token: otherToken });
      assert.deepEqual(only.data.items.map((p: any) => p.id), [saved.data.id]);
      const native = await api(s.url, 'GET', '/v5/pins?pin_filter=exclude_repins', { token: otherToken });
      assert.deepEqual(native.data.items, []);
    });

    it('deleting a section keeps its pins on the board; deleting a board deletes them and reclaims files', async () => {
      const b = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Short lived' } })).data;
      const sec = (await api(s.url, 'POST', `/v5/boards/${b.id}/sections`, { token, json: { name: 'Gone soon' } })).data;
      const unique = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
      const inSection = (await create({ board_id: b.id, board_section_id: sec.id, media_source: b64(unique, 'image/jpeg') })).data;
      const outside = (await create({ board_id: b.id, media_source: b64(PNG) })).data;
      assert.equal(await pinCount(b.id), 2);
      const before = mediaFiles();
      assert.equal((await api(s.url, 'DELETE', `/v5/boards/${b.id}/sections/${sec.id}`, { token })).status, 204);
      const kept = await api(s.url, 'GET', `/v5/pins/${inSection.id}`, { token });
      assert.equal(kept.status, 200);
      assert.equal(kept.data.board_section_id, null);
      assert.equal(await pinCount(b.id), 2);
      assert.equal(mediaFiles(), before);
      assert.equal((await api(s.url, 'DELETE', `/v5/boards/${b.id}`, { token })).status, 204);
      assert.equal(mediaFiles(), before - 5); // the unique image's five variants; PNG is still used elsewhere
      assert.equal((await fetch(inSection.media.images.originals.url)).status, 404);
      assert.equal((await api(s.url, 'GET', `/v5/pins/${inSection.id}`, { token })).status, 404);
      assert.equal((await api(s.url, 'GET', `/v5/pins/${outside.id}`, { token })).status, 404);
      assert.equal((await api(s.url, 'GET', `/v5/boards/${b.id}`, { token })).status, 404);
    });

    it('sections: duplicate names conflict, pins of another board\'s section are refused', async () => {
      const b = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Sectioned' } })).data;
      const other = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Elsewhere' } })).data;
      const sec = (await api(s.url, 'POST', `/v5/boards/${b.id}/sections`, { token, json: { name: 'Soups' } })).data;
      assert.equal((await api(s.url, 'POST', `/v5/boards/${b.id}/sections`, { token, json: { name: 'Soups' } })).status, 409);
      const stews = (await api(s.url, 'POST', `/v5/boards/${b.id}/sections`, { token, json: { name: 'Stews' } })).data;
      assert.equal((await api(s.url, 'PATCH', `/v5/boards/${b.id}/sections/${stews.id}`, { token, json: { name: 'soups!' } })).status, 409);
      const same = await api(s.url, 'PATCH', `/v5/boards/${b.id}/sections/${stews.id}`, { token, json: { name: 'STEWS' } }); // its own slug
      assert.deepEqual([same.status, same.data.name], [200, 'STEWS']);
      const wrong = await create({ board_id: other.id, board_section_id: sec.id, media_source: b64(PNG) });
      assert.equal(wrong.status, 404);
    });
  });

  describe('pagination', () => {
    it('walks a board by bookmark without repeats or gaps', async () => {
      const b = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Paged' } })).data;
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await create({ board_id: b.id, title: `p${i}`, media_source: b64(PNG) })).data.id);
      const seen: string[] = [];
      let bookmark: string | null = null;
      do {
        const res: any = await api(s.url, 'GET', `/v5/boards/${b.id}/pins?page_size=3${bookmark ? `&bookmark=${bookmark}` : ''}`, { token });
        assert.equal(res.status, 200);
        assert.ok(res.data.items.length <= 3);
        seen.push(...res.data.items.map((p: any) => p.id));
        bookmark = res.data.bookmark;
        if (bookmark) assert.match(bookmark, /^[A-Za-z0-9_-]+$/); // appended to URLs without encoding
      } while (bookmark);
      assert.deepEqual(seen, [...made].reverse());
      for (const q of ['page_size=0', 'page_size=251', 'page_size=3e', 'bookmark=%00%ff!!', 'bookmark=eyJ4IjoxfQ']) {
        assert.equal((await api(s.url, 'GET', `/v5/boards/${b.id}/pins?${q}`, { token })).status, 400, q);
      }
      assert.equal((await api(s.url, 'GET', `/v5/boards/${b.id}/pins?include_empty=true&include_archived=true`, { token })).status, 200);
      assert.equal((await api(s.url, 'GET', `/v5/boards/${b.id}/pins?creative_types=VIDEO`, { token })).data.items.length, 0);
      assert.equal((await api(s.url, 'GET', `/v5/boards/${b.id}/pins?creative_types=REGULAR,NOPE`, { token })).status, 400);
    });
  });
});

forEachDialect('image_url SSRF guard', (dialect) => {
  let s: TestServer;
  let token: string;
  let board: string;
  let host: { url: string; server: Server };
  before(async () => {
    host = await imageHost();
    s = await startServer(dialect); // private networks not allowed: the default
    const a = await s.user();
    token = (await s.token(a.username, (await s.app_(a.username)).client_id)).access_token;
    board = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Guarded' } })).data.id;
  });
  after(async () => { await s.close(); host.server.close(); });

  for (const url of ['http://127.0.0.1:1/x.jpg', 'HOST/photo.jpg', 'http://localhost/x.jpg', 'http://10.0.0.1/x.jpg', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/x.jpg', 'http://0.0.0.0/x.jpg']) {
    it(`refuses ${url}`, async () => {
      const res = await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'image_url', url: url.replace('HOST', host.url) } } });
      assert.equal(res.status, 400, JSON.stringify(res.data));
      assert.match(res.data.message, /media_source\.url/);
      assert.equal((await api(s.url, 'GET', `/v5/boards/${board}`, { token })).data.pin_count, 0);
    });
  }
});
