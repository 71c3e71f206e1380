// Downloads end to end: a second Corkboard process is the upstream; the download API and the CLI each fetch its
// board, and every file is compared byte for byte with the original the upstream serves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { forEachDialect, REPO_ROOT, startServer, type TestServer } from './helpers.js';
import { startUpstream, type Upstream } from './upstream-fixture.js';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');
const IMAGE_PINS = 320; // past three pages of the feed, so paging matters

const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

/** Entries in a ZIP, from its end-of-central-directory record. */
function zipEntries(zip: Buffer): number {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return zip.readUInt16LE(eocd + 10);
}

let upstream: Upstream;
before(async () => { upstream = await startUpstream(IMAGE_PINS); });
after(() => upstream.close());

forEachDialect('download API against another Corkboard', (dialect) => {
  let s: TestServer;
  let key: string;
  let secret: string;
  let hook: Server;
  let hookUrl = '';
  const callbacks: Array<{ body: string; timestamp: string; signature: string }> = [];

  const post = async (p: string, body: Record<string, string>) => {
    const res = await fetch(s.url + p, { method: 'POST', headers: { authorization: key, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
    return { status: res.status, data: await res.json() as any };
  };
  const downloadAll = async (url: string, extra: Record<string, string> = {}) => {
    const { status, data } = await post('/api/v1/submit/', { url, ...extra });
    assert.equal(status, 200, JSON.stringify(data));
    for (let i = 0; i < 600; i++) {
      const res = await post('/api/v1/results/', { uuid: data.uuid });
      assert.equal(res.status, 200);
      if (!res.data.loading) return { uuid: data.uuid, ...res.data };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('download never finished');
  };

  before(async () => {
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    const u = await s.user();
    ({ api_key: key, webhook_secret: secret } = await s.ctx.downloads.createKey(u.id, 'e2e', 1000));
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { callbacks.push({ body, timestamp: String(req.headers['x-corkboard-timestamp']), signature: String(req.headers['x-corkboard-signature']) }); res.writeHead(204).end(); });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
  });
  after(async () => { await s.close(); hook.close(); });

  it('a board: every file of every pin, byte for byte, plus one ZIP, and a signed callback', async () => {
    const res = await downloadAll(`${upstream.url}/${upstream.username}/${upstream.board.slug}/`, { callback_url: hookUrl });
    assert.equal(res.error, undefined, res.error);
    assert.equal(res.results.length, upstream.expectedFiles);
    assert.equal(new Set(res.results.map((r: any) => r.filename)).size, upstream.expectedFiles);
    for (const r of res.results) {
      for (const f of ['url', 'type', 'width', 'height', 'filename', 'pin_id', 'title']) assert.ok(f in r, f);
      const [mine, theirs] = await Promise.all([bytesOf(r.url), bytesOf(r.source_url)]);
      assert.ok(mine.equals(theirs), `${r.filename} differs from the upstream's file`);
      if (r.type === 'image') {
        const meta = await sharp(mine).metadata();
        assert.deepEqual([meta.width, meta.height], [r.width, r.height]);
      }
    }
    const video = res.results.find((r: any) => r.pin_id === upstream.pinIds.video);
    assert.equal(video.type, 'video');
    assert.equal(res.results.filter((r: any) => r.pin_id === upstream.pinIds.carousel).length, 2);
    assert.equal(zipEntries(await bytesOf(res.zip)), upstream.expectedFiles);
    for (let i = 0; i < 50 && !callbacks.length; i++) await new Promise((r) => setTimeout(r, 100));
    const cb = callbacks[0]!;
    const expected = createHmac('sha256', secret).update(`${cb.timestamp}.${cb.body}`).digest('hex');
    assert.equal(cb.signature, `sha256=${expected}`);
    assert.equal(JSON.parse(cb.body).uuid, res.uuid);
  });

  it('a pin, a section, a profile, and a short link', async () => {
    const pin = await downloadAll(`${upstream.url}/pin/${upstream.pinIds.carousel}/`);
    assert.equal(pin.results.length, 2);
    assert.equal(pin.zip, null);
    const section = await downloadAll(`${upstream.url}/${upstream.username}/${upstream.board.slug}/${upstream.board.sectionSlugs[0]}/`);
    assert.equal(section.results.length, IMAGE_PINS / 10 + 1); // every tenth image pin, and the video
    const profile = await downloadAll(`${upstream.url}/${upstream.username}/`);
    assert.equal(profile.results.length, upstream.expectedFiles);
  });

  it('an unknown board fails with a clear message', async () => {
    const res = await downloadAll(`${upstream.url}/${upstream.username}/no-such-board/`);
    assert.equal(res.loading, false);
    assert.match(res.error, /not found/);
  });
});

describe('corkboard download (CLI) against another Corkboard', () => {
  it('fetches the board into a folder, skips what is there on a second run, and writes sidecars', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'corkboard-cli-dl-'));
    try {
      const env = { ...process.env, CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' };
      const url = `${upstream.url}/${upstream.username}/${upstream.board.slug}/`;
      const first = JSON.parse((await run(process.execPath, [BIN, 'download', url, '-o', out, '--zip'], { env })).stdout);
      assert.equal(first.files, upstream.expectedFiles);
      const media = readdirSync(first.dir).filter((f) => !f.endsWith('.json'));
      assert.equal(media.length, upstream.expectedFiles);
      assert.ok(readdirSync(first.dir).some((f) => f === `${upstream.pinIds.video}.json`));
      const sidecar = JSON.parse(readFileSync(path.join(first.dir, `${upstream.pinIds.carousel}.json`), 'utf8'));
      assert.equal(sidecar.files.length, 2);
      for (const f of sidecar.files) assert.ok(readFileSync(path.join(first.dir, f.filename)).equals(await bytesOf(f.source_url)));
      assert.equal(zipEntries(readFileSync(first.zip)), upstream.expectedFiles);
      const second = JSON.parse((await run(process.execPath, [BIN, 'download', url, '-o', out], { env })).stdout);
      assert.equal(second.skipped, upstream.expectedFiles);
      const videosOnly = JSON.parse((await run(process.execPath, [BIN, 'download', url, '-o', path.join(out, 'v'), '--only', 'video'], { env })).stdout);
      assert.equal(videosOnly.files, 1);
      assert.ok(statSync(path.join(videosOnly.dir)).isDirectory());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('an unsupported link exits 2 with the message', async () => {
    await assert.rejects(run(process.execPath, [BIN, 'download', 'https://www.pinterest.com/search/pins/']), (err: any) => err.code === 2 && /board/.test(err.stderr));
  });
});
