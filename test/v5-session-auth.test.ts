// /v5 from the browser: with no Authorization header, a live cb_session cookie acts as its user through the
// first-party web app (every organic scope, rate-limited as the user and that app); a state-changing call also
// needs the CSRF proof. An Authorization header always wins over the cookie.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Browser } from './browser-session.js';
import { api, forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

forEachDialect('/v5 with a web session cookie', (dialect) => {
  let s: TestServer;
  let b: Browser;
  let username: string;
  before(async () => {
    s = await startServer(dialect);
    b = new Browser(s.url);
    username = uniqueName('web');
    await b.signUp(username);
  });
  after(() => s.close());

  const boardNames = async (token: string) =>
    (await api(s.url, 'GET', '/v5/boards', { token })).data.items.map((x: { name: string }) => x.name) as string[];

  it('a GET works with the cookie alone, with rate-limit headers', async () => {
    const me = await b.fetch('GET', '/v5/user_account');
    assert.equal(me.status, 200, JSON.stringify(me.data));
    assert.equal(me.data.username, username);
    assert.equal(me.headers.get('x-ratelimit-limit'), '1000'); // org_read
    assert.ok(Number(me.headers.get('x-ratelimit-remaining')) < 1000);
    assert.ok(Number(me.headers.get('x-ratelimit-reset')) > 0);
    const boards = await b.fetch('GET', '/v5/boards');
    assert.equal(boards.status, 200);
    assert.deepEqual(boards.data.items, []);
  });

  it('a POST needs the CSRF proof: without, wrong or cross-site 403 and nothing made; with it 201', async () => {
    const json = { name: 'From the browser', privacy: 'SECRET' };
    for (const [what, opts] of [
      ['no header', { json: { ...json, name: 'no header' }, csrf: false as const }],
      ['wrong header', { json: { ...json, name: 'wrong header' }, csrf: 'y'.repeat(32) }],
      ['cross-site Origin', { json: { ...json, name: 'cross site' }, headers: { origin: 'https://evil.example' } }],
    ] as const) {
      const res = await b.fetch('POST', '/v5/boards', opts);
      assert.equal(res.status, 403, what);
      assert.equal(res.data.code, 403);
      assert.match(res.data.message, /^CSRF check failed: /, what);
    }
    const made = await b.fetch('POST', '/v5/boards', { json });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    assert.equal(made.data.privacy, 'SECRET');
    assert.equal(made.data.owner.username, username);
    const listed = await b.fetch('GET', '/v5/boards');
    assert.deepEqual(listed.data.items.map((x: { name: string }) => x.name), ['From the browser']);
    // PATCH and DELETE are state changes too
    assert.equal((await b.fetch('PATCH', `/v5/boards/${made.data.id}`, { json: { name: 'Renamed' }, csrf: false })).status, 403);
    assert.equal((await b.fetch('DELETE', `/v5/boards/${made.data.id}`, { csrf: false })).status, 403);
    assert.equal((await b.fetch('PATCH', `/v5/boards/${made.data.id}`, { json: { name: 'Renamed' } })).status, 200);
  });

  it('pins made through the web app work like any app\'s (image upload, save)', async () => {
    const board = (await b.fetch('POST', '/v5/boards', { json: { name: uniqueName('pins') } })).data.id as string;
    const pin = await b.fetch('POST', '/v5/pins', { json: { board_id: board, title: 'Web pin', media_source: b64(await png(200, 40, 40)) } });
    assert.equal(pin.status, 201, JSON.stringify(pin.data));
    assert.equal(pin.data.board_id, board);
    const saved = await b.fetch('POST', `/v5/pins/${pin.data.id}/save`, { json: { board_id: board } });
    assert.equal(saved.status, 201, JSON.stringify(saved.data));
    assert.equal((await b.fetch('GET', `/v5/boards/${board}/pins`)).data.items.length, 2);
  });

  it('an Authorization header wins over the cookie, even a bad one; a token call needs no CSRF proof', async () => {
    const other = await s.user();
    const app = await s.app_(other.username);
    const token = (await s.token(other.username, app.client_id)).access_token;
    const asOther = await b.fetch('GET', '/v5/user_account', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(asOther.data.username, other.username);
    const bad = await b.fetch('GET', '/v5/user_account', { headers: { authorization: 'Bearer pina_not_a_token' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.data.code, 2);
    const made = await b.fetch('POST', '/v5/boards', { json: { name: 'Token board' }, csrf: false, headers: { authorization: `Bearer ${token}` } });
    assert.equal(made.status, 201);
    assert.deepEqual(await boardNames(token), ['Token board']);
  });

  it('logged out, or with an unknown or ended session, /v5 is 401', async () => {
    assert.equal((await api(s.url, 'GET', '/v5/user_account')).status, 401);
    for (const cookie of ['cb_session=not-a-session', 'cb_csrf=abc', 'cb_session=', 'garbage;;=']) {
      const res = await api(s.url, 'GET', '/v5/user_account', { headers: { cookie } });
      assert.equal(res.status, 401, cookie);
      assert.equal(res.data.code, 2);
    }
    const leaving = new Browser(s.url);
    await leaving.signUp(uniqueName('leaving'));
    const sessionId = leaving.cookies.get('cb_session')!;
    assert.equal((await leaving.fetch('POST', '/api/app/logout')).status, 204);
    const replay = await api(s.url, 'POST', '/v5/boards', { json: { name: 'x' }, headers: { cookie: `cb_session=${sessionId}; cb_csrf=${leaving.csrf}`, 'x-csrf-token': leaving.csrf! } });
    assert.equal(replay.status, 401);
  });
});

forEachDialect('/v5 rate limits for the web app', (dialect) => {
  let s: TestServer;
  before(async () => { s = await startServer(dialect, { CORKBOARD_RATE_LIMIT_ORG_READ: '3' }); });
  after(() => s.close());

  it('are counted per user and the web app: the same user through another app has its own budget', async () => {
    const b = new Browser(s.url);
    const name = uniqueName('limited');
    await b.signUp(name);
    for (let i = 3; i > 0; i--) {
      const res = await b.fetch('GET', '/v5/boards');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-ratelimit-remaining'), String(i - 1));
    }
    const over = await b.fetch('GET', '/v5/boards');
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) > 0);
    const app = await s.app_(name);
    const token = (await s.token(name, app.client_id)).access_token;
    assert.equal((await api(s.url, 'GET', '/v5/boards', { token })).status, 200);
    const second = new Browser(s.url);
    await second.signUp(uniqueName('limited'));
    assert.equal((await second.fetch('GET', '/v5/boards')).status, 200);
  });
});
