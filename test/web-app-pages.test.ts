// The shareable paths as the web app serves them: the shell with the status of what this visitor may see there
// (an owner's secret board is 200 for them, 404 for everyone else), Open Graph tags of public content for link
// previews, and the same verdict from GET /api/app/pages/resolve; board and section paths by id.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from './browser-session.js';
import { b64, png } from './public-helpers.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';

forEachDialect('web app pages', (dialect) => {
  let s: TestServer;
  let owner: Browser;
  let other: Browser;
  let username: string;
  const made = {} as Record<"pub" | "secret" | "section" | "pin" | "secretPin", string>;

  before(async () => {
    s = await startServer(dialect);
    owner = new Browser(s.url);
    other = new Browser(s.url);
    username = uniqueName('pages').slice(0, 30);
    await owner.signUp(username);
    await other.signUp(uniqueName('other').slice(0, 30));
    const board = async (name: string, privacy: string) => (await owner.fetch('POST', '/v5/boards', { json: { name, privacy, description: `About ${name}` } })).data.id as string;
    made.pub = await board('Red Things', 'PUBLIC');
    made.secret = await board('Hidden Things', 'SECRET');
    made.section = (await owner.fetch('POST', `/v5/boards/${made.pub}/sections`, { json: { name: 'Deep Reds' } })).data.id;
    const pin = await owner.fetch('POST', '/v5/pins', { json: { board_id: made.pub, title: 'A red pin', description: 'Very red', media_source: b64(await png(200, 10, 10)) } });
    assert.equal(pin.status, 201, JSON.stringify(pin.data));
    made.pin = pin.data.id;
    made.secretPin = (await owner.fetch('POST', '/v5/pins', { json: { board_id: made.secret, title: 'Shh', media_source: b64(await png(10, 10, 200)) } })).data.id;
  });
  after(async () => { await s?.close(); });

  const page = async (who: Browser | null, path: string) => {
    const res = who ? await who.fetch('GET', path) : await fetch(s.url + path).then(async (r) => ({ status: r.status, data: await r.text() }));
    return { status: res.status, text: String(res.data) };
  };

  it('a secret board and its pin are pages for their owner only; public ones for all, with link-preview tags', async () => {
    for (const path of [`/${username}/hidden-things/`, `/pin/${made.secretPin}/`]) {
      assert.equal((await page(owner, path)).status, 200, path);
      assert.equal((await page(other, path)).status, 404, path);
      const anon = await page(null, path);
      assert.equal(anon.status, 404, path);
      assert.ok(!anon.text.includes('Hidden Things') && !anon.text.includes('Shh'), path);
      assert.match(anon.text, /<div id="root"><\/div>/); // the app shows its not-found page
    }
    const board = await page(null, `/${username}/red-things/`);
    assert.equal(board.status, 200);
    assert.match(board.text, /<title>Red Things · Corkboard<\/title>/);
    assert.match(board.text, /<meta property="og:title" content="Red Things">/);
    assert.match(board.text, /<meta property="og:description" content="About Red Things">/);
    assert.match(board.text, /<meta property="og:image" content="http[^"]+\/media\/images\//);
    const pin = await page(null, `/pin/${made.pin}/`);
    assert.match(pin.text, /<meta property="og:type" content="article">/);
    assert.match(pin.text, new RegExp(`<meta property="og:url" content="${s.url}/pin/${made.pin}/">`));
    assert.match(pin.text, /<noscript>[\s\S]*<h1>A red pin<\/h1>[\s\S]*<\/noscript>/);
    // The owner's own view of a secret page has no public rendering to preview.
    const own = await page(owner, `/${username}/hidden-things/`);
    assert.ok(!own.text.includes('og:description'));
  });

  it('resolve answers what a path shows, with the page status', async () => {
    const resolve = (who: Browser, path: string) => who.fetch('GET', `/api/app/pages/resolve?path=${encodeURIComponent(path)}`);
    assert.deepEqual((await resolve(owner, `/${username}/red-things/`)).data, { kind: 'board', username, board_id: made.pub });
    assert.deepEqual((await resolve(other, `/${username.toUpperCase()}/red-things/deep-reds/`)).data, { kind: 'section', username, board_id: made.pub, section_id: made.section });
    assert.deepEqual((await resolve(other, `/${username}/red-things/${made.section}/`)).data.section_id, made.section);
    assert.deepEqual((await resolve(other, `/pin/a-red-pin--${made.pin}/`)).data, { kind: 'pin', pin_id: made.pin });
    assert.deepEqual((await resolve(other, `/${username}`)).data, { kind: 'user', username });
    assert.deepEqual((await resolve(other, `/${username}/pins/`)).data, { kind: 'user-pins', username });
    assert.deepEqual((await resolve(owner, `/${username}/hidden-things/`)).data.board_id, made.secret);
    for (const path of [`/${username}/hidden-things/`, `/pin/${made.secretPin}/`, '/settings/', '/nobody_x/', '/a/b/c/d/', '/%E0%A4%A/', '/pin/x/']) {
      const res = await resolve(other, path);
      assert.equal(res.status, 404, path);
      assert.equal(typeof res.data.message, 'string');
    }
    const missing = await other.fetch('GET', '/api/app/pages/resolve');
    assert.equal(missing.status, 400);
    assert.match(missing.data.message, /path/);
  });

  it('paths of boards and sections by id, only those the visitor may see', async () => {
    const q = `board_ids=${made.pub},${made.secret},123,junk&section_ids=${made.section}`;
    assert.deepEqual((await owner.fetch('GET', `/api/app/pages/paths?${q}`)).data, {
      boards: { [made.pub]: `/${username}/red-things/`, [made.secret]: `/${username}/hidden-things/` },
      sections: { [made.section]: `/${username}/red-things/deep-reds/` },
    });
    assert.deepEqual((await other.fetch('GET', `/api/app/pages/paths?${q}`)).data.boards, { [made.pub]: `/${username}/red-things/` });
    const many = await other.fetch('GET', `/api/app/pages/paths?board_ids=${Array.from({ length: 251 }, (_, i) => i + 1).join(',')}`);
    assert.equal(many.status, 400);
    assert.match(many.data.message, /board_ids/);
  });
});

