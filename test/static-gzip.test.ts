// The web app's scripts and stylesheets go gzipped (the build's precompressed NAME.gz, src/http/web/app-shell.ts)
// to clients that take gzip, as they are to those that do not, with Vary: Accept-Encoding; the .gz files are not
// paths of their own. Needs dist/web, which `npm test` builds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip } from '../src/http/web/app-shell.js';
import { startServer, type TestServer } from './helpers.js';

/** GET with exactly these headers, the body as sent (no decompression). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('gzipped web app files', () => {
  let s: TestServer;
  let files: string[];
  before(async () => {
    s = await startServer('sqlite');
    const shell = await (await fetch(`${s.url}/`)).text();
    files = [...shell.matchAll(/(?:src|href)="(\/static\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  });
  after(() => s.close());

  it('reads Accept-Encoding as RFC 9110 does: gzip or *, unless with q=0', () => {
    for (const yes of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.5', '*', 'GZIP']) assert.equal(acceptsGzip(yes), true, yes);
    for (const no of [undefined, '', 'identity', 'br', 'gzip;q=0', 'gzip; q=0.000', 'x-gzip2']) assert.equal(acceptsGzip(no), false, String(no));
  });

  it('sends each script and stylesheet gzipped when asked, the same bytes once unzipped, smaller, with Vary', async () => {
    assert.ok(files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.css')), files.join());
    for (const file of files) {
      const plain = await rawGet(s.url, file, {});
      const zipped = await rawGet(s.url, file, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(plain.status, 200, file);
      assert.equal(plain.headers['content-encoding'], undefined, file);
      assert.equal(zipped.status, 200, file);
      assert.equal(zipped.headers['content-encoding'], 'gzip', file);
      for (const res of [plain, zipped]) {
        assert.equal(res.headers.vary, 'accept-encoding', file);
        assert.equal(Number(res.headers['content-length']), res.body.length, file);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', file);
      }
      assert.match(String(zipped.headers['content-type']), file.endsWith('.js') ? /^application\/javascript/ : /^text\/css/);
      assert.ok(zipped.body.length < plain.body.length / 2, `${file}: ${zipped.body.length} of ${plain.body.length}`);
      assert.ok(gunzipSync(zipped.body).equals(plain.body), file);
      assert.equal((await rawGet(s.url, file, { 'accept-encoding': 'gzip;q=0, br' })).headers['content-encoding'], undefined);
      assert.equal((await rawGet(s.url, `${file}.gz`, { 'accept-encoding': 'gzip' })).status, 404, `${file}.gz`);
    }
  });

  it('leaves other files as they are', async () => {
    const icon = await rawGet(s.url, '/static/favicon.svg', { 'accept-encoding': 'gzip' });
    assert.equal(icon.status, 200);
    assert.equal(icon.headers['content-encoding'], undefined);
    assert.equal(icon.headers.vary, undefined);
  });
});
