// The SDK's committed types (src/sdk/*.generated.ts) are what `npm run gen:sdk` makes from spec/ now, and the
// package exports the built SDK as "corkboard/sdk"; its clients prove state changes with the CSRF token.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateSdk } from '../scripts/gen-sdk.js';
import { createCorkboardClient, createPinterestClient, CsrfToken } from '../src/sdk/index.js';
import { REPO_ROOT } from './helpers.js';

describe('SDK', () => {
  it('the generated files match a fresh generation from spec/ (run `npm run gen:sdk`)', async () => {
    for (const { out, text } of await generateSdk()) {
      assert.ok(readFileSync(path.join(REPO_ROOT, out), 'utf8') === text, `${out} is stale: run \`npm run gen:sdk\``);
    }
  });

  it('is exported as corkboard/sdk, built into dist/sdk', async () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.exports['./sdk'].default, './dist/sdk/index.js');
    assert.equal(pkg.bin.corkboard, 'bin/corkboard.js');
    const specifier = 'corkboard/sdk'; // a variable: typechecking must not need dist/ built
    const sdk = await import(specifier);
    assert.equal(typeof sdk.createPinterestClient, 'function');
    assert.equal(typeof sdk.createCorkboardClient, 'function');
  });

  it('adds X-CSRF-Token from GET /api/app/session to state changes, not to reads nor to token-authenticated calls', async () => {
    const seen: Array<{ method: string; url: string; csrf: string | undefined }> = [];
    let sessions = 0;
    const server = createServer((req, res) => {
      seen.push({ method: req.method!, url: req.url!, csrf: req.headers['x-csrf-token'] as string | undefined });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/app/session') { sessions++; res.end(JSON.stringify({ user: null, csrf_token: 'token-from-session' })); return; }
      if (req.url === '/api/app/login') { res.end(JSON.stringify({ user: { id: '1', username: 'ann' }, csrf_token: 'token-after-login' })); return; }
      res.end(JSON.stringify({ items: [], bookmark: null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const csrf = new CsrfToken(baseUrl);
      const corkboard = createCorkboardClient({ baseUrl, csrf });
      const pinterest = createPinterestClient({ baseUrl, csrf });
      await pinterest.GET('/boards');
      await pinterest.POST('/boards', { body: { name: 'a', privacy: 'PUBLIC' } });
      await pinterest.POST('/boards', { body: { name: 'b', privacy: 'PUBLIC' } });
      await corkboard.POST('/api/app/login', { body: { username: 'ann', password: 'long enough' } });
      await pinterest.POST('/boards', { body: { name: 'c', privacy: 'PUBLIC' } });
      await createPinterestClient({ baseUrl, headers: { authorization: 'Bearer pina_x' } }).POST('/boards', { body: { name: 'd', privacy: 'PUBLIC' } });
      const calls = seen.filter((c) => c.url !== '/api/app/session').map((c) => `${c.method} ${c.url} ${c.csrf ?? '-'}`);
      assert.deepEqual(calls, [
        'GET /v5/boards -',
        'POST /v5/boards token-from-session',
        'POST /v5/boards token-from-session',
        'POST /api/app/login token-from-session',
        'POST /v5/boards token-after-login',
        'POST /v5/boards -',
      ]);
      assert.equal(sessions, 1, 'the token is asked for once');
    } finally { server.close(); }
  });
});
