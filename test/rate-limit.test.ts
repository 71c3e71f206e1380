// Rate limits on /v5: per user, per app and per x-ratelimit-category, announced in X-RateLimit-* headers,
// and a 429 {code: 8} with Retry-After once spent.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';

const LIMIT = 3;
const WINDOW = 60;

function rateHeaders(res: { headers: Headers }) {
  const get = (name: string) => {
    const v = res.headers.get(name);
    assert.ok(v !== null, `missing ${name}`);
    assert.match(v, /^\d+$/, `${name}: ${v}`);
    return Number(v);
  };
  return { limit: get('x-ratelimit-limit'), remaining: get('x-ratelimit-remaining'), reset: get('x-ratelimit-reset') };
}

forEachDialect('rate limits', (dialect) => {
  let s: TestServer;
  let alice: { username: string };
  let bob: { username: string };
  let app1: { client_id: string };
  let app2: { client_id: string };

  before(async () => {
    s = await startServer(dialect, { CORKBOARD_RATE_LIMIT_ORG_READ: String(LIMIT), CORKBOARD_RATE_LIMIT_WINDOW: String(WINDOW) });
    alice = await s.user();
    bob = await s.user();
    app1 = await s.app_(alice.username);
    app2 = await s.app_(bob.username);
  });
  after(() => s.close());

  it(`announces the limit, counts down, and answers the ${LIMIT + 1}th read with 429 {code: 8} and Retry-After`, async () => {
    const { access_token: token } = await s.token(alice.username, app1.client_id);
    const remaining: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await api(s.url, 'GET', '/v5/user_account', { token });
      assert.equal(res.status, 200, JSON.stringify(res.data));
      const h = rateHeaders(res);
      assert.equal(h.limit, LIMIT);
      assert.ok(h.reset >= 1 && h.reset <= WINDOW, `reset ${h.reset}`);
      remaining.push(h.remaining);
    }
    assert.deepEqual(remaining, [2, 1, 0]);

    const refused = await api(s.url, 'GET', '/v5/user_account', { token });
    assert.equal(refused.status, 429);
    assert.deepEqual(Object.keys(refused.data).sort(), ['code', 'message']);
    assert.equal(refused.data.code, 8);
    assert.match(refused.data.message, /rate limit/i);
    const retryAfter = refused.headers.get('retry-after');
    assert.match(retryAfter ?? '', /^\d+$/);
    assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= WINDOW, `retry-after ${retryAfter}`);
    const h = rateHeaders(refused);
    assert.equal(h.limit, LIMIT);
    assert.equal(h.remaining, 0);

    // still refused: a refused request does not reset anything
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).status, 429);
  });

  it('the limit is per user and app, shared by every token of that pair and every operation of the category', async () => {
    const first = await s.token(alice.username, app2.client_id);
    for (let i = 0; i < LIMIT; i++) assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: first.access_token })).status, 200);
    // another token for the same user and app: the same budget
    const second = await s.token(alice.username, app2.client_id);
    const sameUser = await api(s.url, 'GET', '/v5/user_account', { token: second.access_token });
    assert.equal(sameUser.status, 429);
    assert.equal(sameUser.data.code, 8);
    // another org_read operation: the same budget
    assert.equal((await api(s.url, 'GET', '/v5/boards', { token: second.access_token })).status, 429);

    // another user on the same app still works, with a full budget
    const other = await s.token(bob.username, app2.client_id);
    const bobRes = await api(s.url, 'GET', '/v5/user_account', { token: other.access_token });
    assert.equal(bobRes.status, 200);
    assert.equal(bobRes.data.username, bob.username);
    assert.equal(rateHeaders(bobRes).remaining, LIMIT - 1);
  });

  it('the same user on another app has its own budget', async () => {
    const a = await s.token(bob.username, app1.client_id);
    for (let i = 0; i < LIMIT; i++) assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: a.access_token })).status, 200);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: a.access_token })).status, 429);
    const b = await s.token(bob.username, app2.client_id);
    // bob on app2 spent one read in the test before; whatever is left, he is not refused for app1's spending
    const res = await api(s.url, 'GET', '/v5/user_account', { token: b.access_token });
    assert.equal(res.status, 200);
  });

  it('another category (org_write) keeps its own budget when reads are spent', async () => {
    const { access_token: token } = await s.token(alice.username, app1.client_id); // alice on app1 spent her reads above
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).status, 429);
    const created = await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Written while reads are limited' } });
    assert.equal(created.status, 201, JSON.stringify(created.data));
    const h = rateHeaders(created);
    assert.equal(h.limit, 300); // CORKBOARD_RATE_LIMIT_ORG_WRITE default
    assert.equal(h.remaining, 299);
  });
});
