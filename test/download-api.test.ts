// The download API's contract at its edges: keys, bad links, unknown uuids, quotas; all answered as JSON.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startServer, type TestServer } from './helpers.js';

forEachDialect('download API', (dialect) => {
  let s: TestServer;
  let key: string;
  let tiny: string;
  const post = async (path: string, body: Record<string, string>, auth?: string, form = false) => {
    const headers: Record<string, string> = auth ? { authorization: auth } : {};
    headers['content-type'] = form ? 'application/x-www-form-urlencoded' : 'application/json';
    const res = await fetch(s.url + path, { method: 'POST', headers, body: form ? new URLSearchParams(body).toString() : JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type'), data: await res.json() as any };
  };

  before(async () => {
    // pinterest.com links go to a closed local port: refused as a private address, so no job lingers
    s = await startServer(dialect, { CORKBOARD_PINTEREST_UPSTREAM: 'http://127.0.0.1:9' });
    const u = await s.user();
    key = (await s.ctx.downloads.createKey(u.id, 'test', 1000)).api_key;
    tiny = (await s.ctx.downloads.createKey(u.id, 'tiny', 2)).api_key;
  });
  after(() => s.close());

  it('a missing or wrong key answers 401 JSON', async () => {
    for (const auth of [undefined, 'cbk_nope', 'Bearer cbk_nope']) {
      const res = await post('/api/v1/submit/', { url: 'https://www.pinterest.com/pin/1/' }, auth);
      assert.equal(res.status, 401);
      assert.match(res.type!, /json/);
      assert.equal(typeof res.data.message, 'string');
    }
  });

  it('a malformed or unsupported link answers 400 saying which links work', async () => {
    for (const url of ['not a link', 'https://www.pinterest.com/search/pins/?q=soup', 'ftp://x/y']) {
      const res = await post('/api/v1/submit/', { url }, key, true);
      assert.equal(res.status, 400, url);
      assert.match(res.data.message, /pin.*board.*section.*profile/);
    }
    assert.equal((await post('/api/v1/submit/', {}, key)).status, 400);
    assert.equal((await post('/api/v1/submit/', { url: 'https://www.pinterest.com/pin/1/', callback_url: 'javascript:alert(1)' }, key)).status, 400);
  });

  it('an unknown uuid answers 404; another key cannot read a job', async () => {
    assert.equal((await post('/api/v1/results/', { uuid: '6f1c2f4e-8a2b-4f59-9d3e-0c1b2a3d4e5f' }, key)).status, 404);
    assert.equal((await post('/api/v1/results/', { uuid: 'garbage' }, key)).status, 404);
    assert.equal((await post('/api/v1/results/', {}, key)).status, 400);
    const { data } = await post('/api/v1/submit/', { url: 'http://127.0.0.1:1/pin/5/' }, key);
    assert.match(data.uuid, /^[0-9a-f-]{36}$/);
    assert.equal((await post('/api/v1/results/', { uuid: data.uuid }, tiny)).status, 404);
  });

  it('a spent quota answers 429', async () => {
    assert.equal((await post('/api/v1/submit/', { url: 'https://www.pinterest.com/pin/1/' }, tiny)).status, 200);
    assert.equal((await post('/api/v1/submit/', { url: 'https://www.pinterest.com/pin/2/' }, tiny)).status, 200);
    const third = await post('/api/v1/submit/', { url: 'https://www.pinterest.com/pin/3/' }, tiny);
    assert.equal(third.status, 429);
    assert.match(third.data.message, /2 downloads per 24 hours/);
  });

  it('a link the server may not reach fails with the reason, not a hang', async () => {
    // private networks are not allowed here: the job fails at once and says why
    const { data } = await post('/api/v1/submit/', { url: 'http://127.0.0.1:9/pin/5/' }, key);
    let res;
    for (let i = 0; i < 100; i++) {
      res = await post('/api/v1/results/', { uuid: data.uuid }, key);
      if (!res.data.loading) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(res!.data.loading, false);
    assert.match(res!.data.error, /private network/);
  });
});
