// The web app's shell and files (src/http/web/app-shell.ts): the shell on the app's paths under the strict CSP,
// hashed files cached for good with their right types, JSON 404s for anything else under /static/, and 503 when
// the app is not built. Needs dist/web, which `npm test` builds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import http from 'node:http';
import { appShellRoutes } from '../../src/http/web/app-shell.js';
import { registerErrorHandling } from '../../src/http/plugins/errors.js';
import { startServer, type TestServer } from '../helpers.js';

/** GET with the path sent as written (fetch would resolve its dot segments first). */
function rawGet(base: string, path: string): Promise<{ status: number; data: any }> {
  return new Promise((resolve, reject) => {
    http.get(base + '/', { path }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => { text += c; }).on('end', () => resolve({ status: res.statusCode!, data: JSON.parse(text) }));
    }).on('error', reject);
  });
}

describe('web app shell', () => {
  let s: TestServer;
  before(async () => { s = await startServer('sqlite'); });
  after(async () => { await s.close(); });

  it('answers the app paths with the shell, under a CSP allowing only this origin and no inline script', async () => {
    for (const path of ['/', '/login/', '/login', '/signup/', '/signup', '/settings/', '/settings', '/pin-builder/', '/pin-builder']) {
      const res = await fetch(s.url + path, { redirect: 'manual' });
      const body = await res.text();
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type')!, /^text\/html/, path);
      assert.match(res.headers.get('content-security-policy')!, /script-src 'self'; style-src 'self'/, path);
      assert.match(body, /<div id="root"><\/div>/, path);
      assert.ok(!/<script(?![^>]*\ssrc=)[^>]*>/.test(body), `${path}: inline script`);
      assert.ok(!/\sstyle=|<style/.test(body), `${path}: inline style`);
    }
  });

  it('answers the search pages with the shell, the query kept out of the routing', async () => {
    for (const path of ['/search/pins/?q=red+fox', '/search/pins', '/search/boards/?q=trips', '/search/boards']) {
      const res = await fetch(s.url + path, { redirect: 'manual' });
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type')!, /^text\/html/, path);
      assert.match(await res.text(), /<div id="root"><\/div>/, path);
    }
  });

  it('serves the files the shell names with their types, cached for a year', async () => {
    const shell = await (await fetch(`${s.url}/`)).text();
    const files = [...shell.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(files.some((f) => /^\/static\/assets\/[\w-]+-[\w-]{8}\.js$/.test(f)), shell);
    assert.ok(files.some((f) => /^\/static\/assets\/[\w-]+-[\w-]{8}\.css$/.test(f)), shell);
    for (const file of files) {
      const res = await fetch(s.url + file);
      assert.equal(res.status, 200, file);
      const type = file.endsWith('.js') ? /^application\/javascript/ : file.endsWith('.css') ? /^text\/css/ : /^image\/svg\+xml/;
      assert.match(res.headers.get('content-type')!, type, file);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      if (file.startsWith('/static/assets/')) assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', file);
      assert.ok((await res.arrayBuffer()).byteLength > 0, file);
    }
  });

  it('answers 404 {code, message} for any other path under /static/, outside dist/web above all', async () => {
    for (const path of ['/static/assets/nope-12345678.js', '/static/', '/static/assets/', '/static/../package.json',
      '/static/%2e%2e/package.json', '/static/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/static/.vite/manifest.json']) {
      const res = await rawGet(s.url, path);
      assert.equal(res.status, 404, path);
      assert.equal(res.data.code, 404, path);
      assert.equal(typeof res.data.message, 'string', path);
    }
  });

  it('answers 503 saying to build when dist/web is missing, and the server still starts', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    appShellRoutes(app, '/nonexistent/corkboard-web/');
    await app.ready();
    for (const url of ['/', '/login/', '/static/assets/index-12345678.js']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 503, url);
      assert.equal(res.json().code, 503, url);
      assert.match(res.json().message, /npm run build/, url);
    }
    await app.close();
  });
});
