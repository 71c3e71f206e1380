// Corkboard's pin.it: /url_shortener/<code>/redirect/ answers 302 to a public pin's or board's web URL, 404 otherwise.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';
import { seed, type Seeded } from './public-helpers.js';
import { parseShortCode, shortCodeFor } from '../src/lib/short-links.js';

describe('short codes', () => {
  it('are deterministic, reversible, alphanumeric and one per id', () => {
    const id = '1137288271238219776';
    const code = shortCodeFor('pin', id);
    assert.equal(code, shortCodeFor('pin', id));
    assert.match(code, /^p[0-9A-Za-z]{1,11}$/);
    assert.deepEqual(parseShortCode(code), { kind: 'pin', id });
    assert.deepEqual(parseShortCode(shortCodeFor('board', id)), { kind: 'board', id });
    assert.notEqual(shortCodeFor('board', id), code);
    assert.deepEqual(parseShortCode(shortCodeFor('pin', '1')), { kind: 'pin', id: '1' });
    assert.deepEqual(parseShortCode(shortCodeFor('pin', '9223372036854775807')), { kind: 'pin', id: '9223372036854775807' });
    for (const bad of ['', 'x1', 'p', 'p0' + code.slice(1), 'pzzzzzzzzzzz', 'p!', `p${'1'.repeat(12)}`, 'P1']) assert.equal(parseShortCode(bad), null, bad);
    assert.throws(() => shortCodeFor('pin', 'abc'));
  });
});

forEachDialect('short links', (dialect) => {
  let s: TestServer;
  let d: Seeded;

  before(async () => {
    s = await startServer(dialect);
    d = await seed(s, { bigCount: 3 });
  });
  after(async () => { await s.close(); });

  const follow = (code: string, method = 'GET') => api(s.url, method, `/url_shortener/${code}/redirect/`);

  it('a pin code redirects (GET and HEAD) to the pin\'s web URL', async () => {
    const code = shortCodeFor('pin', d.imagePin);
    for (const method of ['GET', 'HEAD']) {
      const res = await follow(code, method);
      assert.equal(res.status, 302, method);
      assert.equal(res.headers.get('location'), `${s.url}/pin/${d.imagePin}/`);
    }
    assert.equal((await api(s.url, 'HEAD', `/url_shortener/${code}/redirect`)).status, 302);
  });

  it('a board code redirects to the board\'s current web URL', async () => {
    const code = shortCodeFor('board', d.board.id);
    assert.equal((await follow(code)).headers.get('location'), `${s.url}/${d.owner.username}/${d.board.slug}/`);
    await s.ctx.boards.update(d.principal, d.board.id, { name: 'Renamed Trips' });
    assert.equal((await follow(code)).headers.get('location'), `${s.url}/${d.owner.username}/renamed-trips/`);
  });

  it('secret, protected, deleted, unknown and malformed codes are 404', async () => {
    const gone = d.big.pinIds[0]!;
    await s.ctx.pins.delete(d.principal, gone);
    for (const code of [
      shortCodeFor('pin', d.secret.pinId), shortCodeFor('board', d.secret.id), shortCodeFor('pin', d.protectedBoard.pinId),
      shortCodeFor('board', d.protectedBoard.id), shortCodeFor('pin', gone), shortCodeFor('board', d.imagePin), shortCodeFor('pin', d.board.id),
      'pZZZZZZZZZZ', 'nope', 'p%21',
    ]) {
      const res = await follow(code);
      assert.equal(res.status, 404, code);
      assert.equal(res.data.code, 404);
      assert.equal(res.headers.get('location'), null);
    }
  });
});
