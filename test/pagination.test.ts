// Bookmark pagination over HTTP on a list endpoint (GET /v5/boards): pages walk the list exactly once, query
// parameters the spec does not define are ignored, and bookmarks or page sizes this server did not issue answer 400.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeBookmark } from '../src/lib/bookmark.js';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';

const BOARDS = 5;

forEachDialect('pagination', (dialect) => {
  let s: TestServer;
  let token: string;
  const created: string[] = [];

  before(async () => {
    s = await startServer(dialect);
    const alice = await s.user();
    const app = await s.app_(alice.username);
    token = (await s.token(alice.username, app.client_id)).access_token;
    // another user's boards must never show up in alice's pages
    const bob = await s.user();
    const bobToken = (await s.token(bob.username, app.client_id)).access_token;
    assert.equal((await api(s.url, 'GET', '/v5/boards', { token })).status, 200, 'GET /v5/boards is not built yet');
    for (let i = 0; i < BOARDS; i++) {
      const res = await api(s.url, 'POST', '/v5/boards', { token, json: { name: `Board ${i}` } });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      created.push(res.data.id);
      assert.equal((await api(s.url, 'POST', '/v5/boards', { token: bobToken, json: { name: `Bob ${i}` } })).status, 201);
    }
  });
  after(() => s.close());

  /** Follows bookmarks from the first page to the last; returns the ids in order and the pages' sizes. */
  async function walk(query: string): Promise<{ ids: string[]; sizes: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    let bookmark: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res = await api(s.url, 'GET', `/v5/boards?${query}${bookmark ? `&bookmark=${bookmark}` : ''}`, { token });
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assert.deepEqual(Object.keys(res.data).sort(), ['bookmark', 'items']);
      ids.push(...res.data.items.map((b: { id: string }) => b.id));
      sizes.push(res.data.items.length);
      bookmark = res.data.bookmark;
      if (bookmark === null) return { ids, sizes };
      assert.match(bookmark, /^[A-Za-z0-9_-]+$/, 'bookmarks are used in URLs as they are');
    }
    throw new Error('bookmarks never ended');
  }

  it('pages of page_size walk every board once, newest first, and the last page has bookmark null', async () => {
    const { ids, sizes } = await walk('page_size=2');
    assert.deepEqual(sizes, [2, 2, 1]);
    assert.deepEqual(ids, [...created].reverse());
    const all = await api(s.url, 'GET', '/v5/boards', { token });
    assert.equal(all.data.items.length, BOARDS); // default page_size 25
    assert.equal(all.data.bookmark, null);
  });

  it('unknown query parameters (include_empty, include_archived, ...) are ignored', async () => {
    const plain = await walk('page_size=2');
    const extra = await walk('page_size=2&include_empty=true&include_archived=true&utm_source=newsletter');
    assert.deepEqual(extra, plain);
    const once = await api(s.url, 'GET', '/v5/boards?include_empty=false&include_archived=false', { token });
    assert.equal(once.status, 200, JSON.stringify(once.data));
    assert.deepEqual(once.data.items.map((b: { id: string }) => b.id), [...created].reverse());
  });

  for (const [label, bookmark] of [
    ['garbage', 'not-a-bookmark'],
    ['characters outside base64url', 'abc$def'],
    ['base64url of something else', Buffer.from('{"offset":10}').toString('base64url')],
    ['a bookmark of another list shape', encodeBookmark(['2026-01-01T00:00:00.000Z', '1'])],
  ] as const) {
    it(`a ${label} bookmark answers 400 {code: 1} naming bookmark`, async () => {
      const res = await api(s.url, 'GET', `/v5/boards?page_size=2&bookmark=${encodeURIComponent(bookmark)}`, { token });
      assert.equal(res.status, 400, JSON.stringify(res.data));
      assert.deepEqual(Object.keys(res.data).sort(), ['code', 'message']);
      assert.equal(res.data.code, 1);
      assert.match(res.data.message, /bookmark/);
    });
  }

  for (const size of ['0', '251', 'abc', '-1', '2.5']) {
    it(`page_size=${size} answers 400 {code: 1} naming page_size`, async () => {
      const res = await api(s.url, 'GET', `/v5/boards?page_size=${size}`, { token });
      assert.equal(res.status, 400, JSON.stringify(res.data));
      assert.equal(res.data.code, 1);
      assert.match(res.data.message, /page_size/);
    });
  }

  it('page_size=250 is allowed', async () => {
    const res = await api(s.url, 'GET', '/v5/boards?page_size=250', { token });
    assert.equal(res.status, 200);
    assert.equal(res.data.items.length, BOARDS);
  });
});
