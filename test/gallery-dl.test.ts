// Debian's gallery-dl downloads from a Corkboard instance with its Pinterest extractor (`extractor.pinterest.domain`
// set to the instance's origin): a pin of each kind, a board (its sections fetched separately), a section by slug
// and by `id:`, a profile, /<user>/pins/, /<user>/_created/ and a search, every file exactly once: the files are
// exactly the pins' media (one per carousel slot, a video's MP4), and each media URL is fetched once per file.
// gallery-dl follows a board's sections and a profile's boards through links it builds on the domain, and takes
// only links shaped like pinterest.com's (`[<name>.]pinterest.<tld>` on the default port). So the instance answers
// as http://www.pinterest.test and gallery-dl reaches it through a forwarding proxy on 127.0.0.1 (its `proxy`
// option), which refuses every other host: nothing leaves loopback.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { forEachDialect, startServer, type TestServer } from './helpers.js';
import { otherUser, resource, seed, type OtherUser, type Seeded } from './public-helpers.js';
import { shortCodeFor } from '../src/lib/short-links.js';

const ORIGIN = 'http://www.pinterest.test';
const version = spawnSync('gallery-dl', ['--version'], { encoding: 'utf8' });
const installed = version.status === 0;

interface Proxy { url: string; media: string[]; close(): Promise<void> }

/** An HTTP proxy that hands requests for ORIGIN to the instance and records the media paths fetched. */
async function forwardingProxy(target: string): Promise<Proxy> {
  const to = new URL(target);
  const media: string[] = [];
  const server = http.createServer((req, res) => {
    let url: URL;
    try { url = new URL(req.url ?? ''); } catch { res.writeHead(400).end(); return; }
    if (url.origin !== ORIGIN) { res.writeHead(502).end(`not forwarded: ${url.origin}`); return; }
    if (req.method === 'GET' && url.pathname.startsWith('/media/')) media.push(url.pathname);
    const up = http.request({ host: to.hostname, port: to.port, method: req.method, path: url.pathname + url.search, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    media,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Every file under `dir` (relative paths). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
}

if (!installed) {
  it('gallery-dl downloads from Corkboard', { skip: 'gallery-dl is not installed (apt-get install -y gallery-dl; .ci/run does)' }, () => {});
} else {
  forEachDialect(`gallery-dl (${version.stdout.trim()})`, (dialect) => {
    let s: TestServer;
    let d: Seeded;
    let proxy: Proxy;
    let work: string;
    let other: OtherUser;

    before(async () => {
      s = await startServer(dialect);
      d = await seed(s, { video: true, bigCount: 30 });
      other = await otherUser(s, d, 'leaf'); // "leaf" finds their public pin and the owner's save of it, nothing else
      s.config.publicUrl = ORIGIN; // after seeding: uploads went to the real address
      proxy = await forwardingProxy(s.url);
      work = mkdtempSync(path.join(os.tmpdir(), 'corkboard-gallery-dl-'));
      writeFileSync(path.join(work, 'config.json'), JSON.stringify({
        cache: { file: null },
        extractor: { proxy: proxy.url, retries: 0, timeout: 30, pinterest: { domain: ORIGIN } },
        downloader: { retries: 0 },
      }));
    });
    after(async () => {
      await proxy?.close();
      await s.close();
      rmSync(work, { recursive: true, force: true });
    });

    /** The files gallery-dl makes of these pins, and the media path each is fetched from. */
    const expected = async (pinIds: string[]) => {
      const files: Array<{ name: string; media: string }> = [];
      for (const id of pinIds) {
        const res = await resource(s.url, 'Pin', { id });
        assert.equal(res.status, 200, id);
        const pin = res.data.resource_response.data;
        const file = (suffix: string, url: string) => files.push({ name: `pinterest_${pin.id}${suffix}${path.extname(new URL(url).pathname)}`, media: new URL(url).pathname });
        if (pin.carousel_data) for (const slot of pin.carousel_data.carousel_slots) file(`_${slot.id}`, slot.images.orig.url);
        else if (pin.videos) file('', pin.videos.video_list.V_720P.url);
        else file('', pin.images.orig.url);
      }
      return files;
    };

    let runs = 0;
    /** Runs gallery-dl on `url` into a fresh folder and checks it made exactly the files of `pinIds`, each fetched once. */
    async function download(url: string, pinIds: string[]) {
      const dir = path.join(work, `run-${++runs}`);
      const fetchedBefore = proxy.media.length;
      const child = spawn('gallery-dl', ['--ignore-config', '-c', path.join(work, 'config.json'), '-d', dir, url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (b) => { out += b; });
      child.stderr.on('data', (b) => { out += b; });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, `gallery-dl ${url}:\n${out}`);
      assert.doesNotMatch(out, /\[(error|warning)\]/, out);
      const want = await expected(pinIds);
      const files = filesUnder(dir);
      const names = files.map((f) => path.basename(f)).sort();
      assert.deepEqual(names, want.map((f) => f.name).sort(), `${url}: files\n${files.join('\n')}`);
      assert.deepEqual(proxy.media.slice(fetchedBefore).sort(), want.map((f) => f.media).sort(), `${url}: media fetched`);
      for (const f of want) {
        const onDisk = files.find((x) => path.basename(x) === f.name)!;
        const served = Buffer.from(await (await fetch(`${s.url}${f.media}`)).arrayBuffer());
        assert.ok(readFileSync(path.join(dir, onDisk)).equals(served), `${onDisk} is not ${f.media}`);
      }
      return files;
    }

    const user = () => `${ORIGIN}/${d.owner.username}`;
    const sectioned = () => new Set(d.section.pinIds);
    const publicPins = () => [d.imagePin, d.carouselPin, d.videoPin!, other.savedPinId, ...d.big.pinIds];

    it('a pin: an image, every slot of a carousel, a video\'s MP4', async () => {
      await download(`${ORIGIN}/pin/${d.imagePin}/`, [d.imagePin]);
      await download(`${ORIGIN}/pin/${d.carouselPin}/`, [d.carouselPin]);
      const files = await download(`${ORIGIN}/pin/${d.videoPin}/`, [d.videoPin!]);
      assert.match(files[0]!, /\.mp4$/);
    });

    it('a board: its own pins from the feed, its section\'s from the section, each once', async () => {
      const files = await download(`${user()}/${d.big.slug}/`, d.big.pinIds);
      const inSection = files.filter((f) => f.includes(`${path.sep}Sub Section${path.sep}`));
      assert.equal(inSection.length, sectioned().size);
    });

    it('a section, by slug and by id:', async () => {
      await download(`${user()}/${d.big.slug}/${d.section.slug}`, d.section.pinIds);
      await download(`${user()}/${d.big.slug}/id:${d.section.id}`, d.section.pinIds);
    });

    it('a profile: every public board with its sections; secret and protected ones are not there', async () => {
      await download(`${user()}/`, publicPins());
    });

    it('/<user>/pins/: the user\'s pins on public boards, saves included', async () => {
      await download(`${user()}/pins/`, publicPins());
    });

    it('/<user>/_created/: the public pins the user made, not the ones saved from others', async () => {
      await download(`${user()}/_created/`, publicPins().filter((id) => id !== other.savedPinId));
    });

    it('a search: public pins of every user holding the words', async () => {
      await download(`${ORIGIN}/search/pins/?q=leaf`, [other.pinId, other.savedPinId]);
      await download(`${ORIGIN}/search/pins/?q=${encodeURIComponent('red squ')}`, [d.imagePin]);
    });

    it('a short link of the instance leads gallery-dl to the pin', async () => {
      const res = await fetch(`${s.url}/url_shortener/${shortCodeFor('pin', d.carouselPin)}/redirect`, { method: 'HEAD', redirect: 'manual' });
      assert.equal(res.status, 302);
      const location = res.headers.get('location')!;
      assert.equal(location, `${ORIGIN}/pin/${d.carouselPin}/`);
      await download(location, [d.carouselPin]);
    });
  });
}
