// Website claiming, checked for real against a local site, and the rest of user_account's organic operations.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';

forEachDialect('user_account websites and the rest', (dialect) => {
  let s: TestServer;
  let token: string;
  let other: string;
  let site: Server;
  let host = '';
  let pages: Record<string, string> = {};

  before(async () => {
    site = createServer((req, res) => {
      const body = pages[req.url!];
      if (body === undefined) return res.writeHead(404).end('no');
      res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(site.address() as { port: number }).port}`;
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    const a = await s.user();
    const b = await s.user();
    token = (await s.token(a.username, (await s.app_(a.username)).client_id)).access_token;
    other = (await s.token(b.username, (await s.app_(b.username)).client_id)).access_token;
  });
  after(async () => { await s.close(); site.close(); });

  it('a site is verified only once it shows this account\'s meta tag', async () => {
    const code = (await api(s.url, 'GET', '/v5/user_account/websites/verification', { token })).data;
    assert.match(code.verification_code, /^[0-9a-f]{32}$/);
    assert.equal(code.metatag, `<meta name="p:domain_verify" content="${code.verification_code}"/>`);
    const theirs = (await api(s.url, 'GET', '/v5/user_account/websites/verification', { token: other })).data;
    assert.notEqual(theirs.verification_code, code.verification_code);

    pages = { '/': '<html><head><title>x</title></head></html>' };
    const before = await api(s.url, 'POST', '/v5/user_account/websites', { token, json: { website: host } });
    assert.equal(before.status, 400);
    assert.match(before.data.message, /meta tag/);
    pages = { '/': `<html><head>${theirs.metatag}</head></html>` }; // another account's code does not count
    assert.equal((await api(s.url, 'POST', '/v5/user_account/websites', { token, json: { website: host } })).status, 400);
    pages = { '/': `<html><head>${code.metatag}</head></html>` };
    const ok = await api(s.url, 'POST', '/v5/user_account/websites', { token, json: { website: `http://${host}/` } });
    assert.equal(ok.status, 200, JSON.stringify(ok.data));
    assert.equal(ok.data.website, host);
    assert.equal(ok.data.status, 'success');

    pages = { [`/${code.filename}`]: code.file_content };
    const byFile = await api(s.url, 'POST', '/v5/user_account/websites', { token, json: { website: `${host}/shop`, verification_method: 'FILENAME' } });
    assert.equal(byFile.status, 200, JSON.stringify(byFile.data));

    const list = await api(s.url, 'GET', '/v5/user_account/websites', { token });
    assert.deepEqual(list.data.items.map((w: { website: string }) => w.website), [host, `${host}/shop`]);
    assert.equal((await api(s.url, 'GET', '/v5/user_account/websites', { token: other })).data.items.length, 0);
    assert.equal((await api(s.url, 'DELETE', `/v5/user_account/websites?website=${encodeURIComponent(host)}`, { token })).status, 204);
    assert.equal((await api(s.url, 'DELETE', `/v5/user_account/websites?website=${encodeURIComponent(host)}`, { token })).status, 404);
    assert.equal((await api(s.url, 'POST', '/v5/user_account/websites', { token, json: { website: 'not a site!' } })).status, 400);
  });

  it('linked business accounts and followed interests are truthfully empty', async () => {
    assert.deepEqual((await api(s.url, 'GET', '/v5/user_account/businesses', { token })).data, []);
    const me = (await api(s.url, 'GET', '/v5/user_account', { token })).data;
    assert.deepEqual((await api(s.url, 'GET', `/v5/users/${me.username}/interests/follow`, { token })).data, { items: [], bookmark: null });
    assert.equal((await api(s.url, 'GET', '/v5/users/nobody_here/interests/follow', { token })).status, 404);
  });
});
