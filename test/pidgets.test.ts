// The v3 widget endpoints and the URL pin count: envelopes, shapes the embed script reads, JSONP, privacy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';
import { seed, type Seeded } from './public-helpers.js';
import { CALLBACK } from '../src/http/v3/pidgets.js';

describe('JSONP callback names', () => {
  it('take dotted names and pinit.js\'s indexed callbacks, nothing else', () => {
    for (const ok of ['receiveCount', 'cb', '$', '_x.y', 'PIN_1700000000000.f.callback[0]', 'a.b[12].c']) assert.ok(CALLBACK.test(ok), ok);
    for (const bad of ['', '1a', 'a b', 'alert(1)', 'a;b', 'a..b', 'a.', 'a[x]', 'a]', 'a\n', '<script>', 'a-b', 'a["b"]']) assert.ok(!CALLBACK.test(bad), bad);
  });
});

forEachDialect('pidgets', (dialect) => {
  let s: TestServer;
  let d: Seeded;
  const shown: Array<{ ids: string[]; appType: string }> = [];

  before(async () => {
    s = await startServer(dialect);
    d = await seed(s, { bigCount: 60 });
    (s.ctx.pidgets as any).impressions = async (ids: string[], viewer: { appType: string }) => { shown.push({ ids, appType: viewer.appType }); };
  });
  after(async () => { await s.close(); });

  /** Runs a JSONP answer in a sandbox and returns what the callback received. */
  function runJsonp(body: string, name: string): any {
    let got: any;
    const sandbox: any = {};
    const parts = name.split('.');
    let obj = sandbox;
    for (const p of parts.slice(0, -1)) obj = obj[p] = {};
    obj[parts.at(-1)!] = (x: any) => { got = x; };
    vm.runInNewContext(body, sandbox);
    return got === undefined ? undefined : JSON.parse(JSON.stringify(got)); // out of the sandbox's realm
  }

  describe('/v3/pidgets/pins/info/', () => {
    it('answers the pins asked for, in order, with a missing or secret one as an error entry', async () => {
      const ids = [d.imagePin, '1234567890123456789', d.secret.pinId, d.carouselPin, 'junk'];
      const res = await api(s.url, 'GET', `/v3/pidgets/pins/info/?pin_ids=${ids.join(',')}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.deepEqual([res.data.status, res.data.code, res.data.message], ['success', 0, 'ok']);
      const data = res.data.data;
      assert.equal(data.length, 5);
      assert.deepEqual(data.map((p: any) => p.id), ids);
      for (const i of [1, 2, 4]) assert.deepEqual(data[i], { id: ids[i], error: 'Pin not found.' });
      const pin = data[0];
      assert.equal(pin.description, 'A red one');
      assert.equal(pin.link, 'https://www.example.com/red');
      assert.equal(pin.domain, 'example.com');
      assert.match(pin.dominant_color, /^#[0-9a-f]{6}$/);
      assert.equal(pin.repin_count, 0);
      assert.equal(pin.story_pin_data, null);
      assert.equal(pin.videos, null);
      assert.deepEqual(Object.keys(pin.images).sort(), ['236x', '237x', '564x']);
      for (const k of ['236x', '237x', '564x']) assert.match(pin.images[k].url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
      assert.deepEqual([pin.images['236x'].width, pin.images['236x'].height], [400, 300]);
      assert.deepEqual([pin.images['237x'].width, pin.images['237x'].height], [64, 48]);
      assert.equal(pin.pinner.username, d.owner.username);
      assert.equal(pin.pinner.full_name, d.owner.username);
      assert.equal(pin.pinner.profile_url, `${s.url}/${d.owner.username}/`);
      assert.match(pin.pinner.image_small_url, /^http/);
      assert.deepEqual(pin.board, { id: d.board.id, name: 'Trips & Things', url: `/${d.owner.username}/${d.board.slug}/`, pin_count: 2, image_thumbnail_url: pin.board.image_thumbnail_url });
      assert.deepEqual([data[3].images['564x'].width], [64]);
    });

    it('counts the pins shown as impressions, once per answer, and a failing recorder never fails the answer', async () => {
      shown.length = 0;
      await api(s.url, 'GET', `/v3/pidgets/pins/info/?pin_ids=${d.imagePin},${d.secret.pinId},${d.carouselPin}`);
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(shown, [{ ids: [d.imagePin, d.carouselPin], appType: 'WEB' }]); // analytics.test.ts checks the real recorder
      const saved = (s.ctx.pidgets as any).impressions;
      (s.ctx.pidgets as any).impressions = async () => { throw new Error('events log down'); };
      try {
        assert.equal((await api(s.url, 'GET', `/v3/pidgets/pins/info/?pin_ids=${d.imagePin}`)).status, 200);
      } finally { (s.ctx.pidgets as any).impressions = saved; }
    });

    it('no ids, too many ids: 400 failure', async () => {
      for (const q of ['', '?pin_ids=', '?pin_ids=,,', `?pin_ids=${Array.from({ length: 51 }, (_, i) => i + 1).join(',')}`]) {
        const res = await api(s.url, 'GET', `/v3/pidgets/pins/info/${q}`);
        assert.equal(res.status, 400, q);
        assert.deepEqual([res.data.status, res.data.code, res.data.data], ['failure', 1, null]);
      }
    });

    it('JSONP: callback= wraps the answer as JavaScript; a bad callback is a 400', async () => {
      for (const name of ['cb', 'PIN_1700000000000.f.callback[0]'.replace('[0]', ''), 'receiveCount']) {
        const res = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${d.imagePin}&callback=${encodeURIComponent(name)}`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /^application\/javascript/);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        const got = runJsonp(await res.text(), name);
        assert.equal(got.status, 'success');
        assert.equal(got.data[0].id, d.imagePin);
      }
      const indexed = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${d.imagePin}&callback=${encodeURIComponent('PIN_1.f.callback[0]')}`);
      assert.match(await indexed.text(), /^\/\*\*\/ PIN_1\.f\.callback\[0\]\(\{"status":"success"/);
      for (const bad of ['alert(1)//', 'a b', '1x', 'x'.repeat(65), '<script>']) {
        const res = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${d.imagePin}&callback=${encodeURIComponent(bad)}`);
        assert.equal(res.status, 400, bad);
        assert.match(res.headers.get('content-type')!, /^application\/json/);
        const body = await res.text();
        assert.ok(!body.includes('<script>') && !body.startsWith('alert'), body);
        assert.equal(JSON.parse(body).status, 'failure');
      }
      const twice = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${d.imagePin}&callback=a&callback=b`);
      assert.equal(twice.status, 400);
    });
  });

  describe('board, section and user widgets', () => {
    it('a board widget answers its newest 50 pins, the board and its owner', async () => {
      const res = await api(s.url, 'GET', `/v3/pidgets/boards/${d.owner.username}/${d.big.slug}/pins/`);
      assert.equal(res.status, 200);
      const { pins, board, user } = res.data.data;
      assert.equal(pins.length, 50);
      assert.deepEqual(pins.map((p: any) => p.id), [...d.big.pinIds].reverse().slice(0, 50));
      assert.ok(pins.every((p: any) => p.images['237x'].width > 0 && p.images['237x'].height > 0 && p.board.id === d.big.id));
      assert.equal(board.id, d.big.id);
      assert.equal(board.name, 'Big board');
      assert.equal(board.url, `/${d.owner.username}/${d.big.slug}/`);
      assert.equal(board.pin_count, 60);
      assert.equal(user.username, d.owner.username);
      assert.equal(user.full_name, d.owner.username);
      assert.match(user.image_small_url, /^http/);
      assert.equal(user.pin_count, 62);
      const noSlash = await api(s.url, 'GET', `/v3/pidgets/boards/${d.owner.username}/${d.big.slug}/pins`);
      assert.equal(noSlash.status, 200);
    });

    it('a section widget answers the section\'s pins', async () => {
      const res = await api(s.url, 'GET', `/v3/pidgets/sections/${d.owner.username}/${d.big.slug}/${d.section.slug}/pins/`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.data.data.pins.map((p: any) => p.id), [...d.section.pinIds].reverse());
      assert.deepEqual(res.data.data.section, { id: d.section.id, title: 'Sub Section', slug: 'sub-section', pin_count: d.section.pinIds.length });
      assert.equal(res.data.data.board.id, d.big.id);
      assert.equal(res.data.data.user.id, d.owner.id);
    });

    it('a user widget answers only pins on public boards', async () => {
      const res = await api(s.url, 'GET', `/v3/pidgets/users/${d.owner.username}/pins/`);
      assert.equal(res.status, 200);
      const ids = res.data.data.pins.map((p: any) => p.id);
      assert.equal(ids.length, 50);
      assert.ok(!ids.includes(d.secret.pinId) && !ids.includes(d.protectedBoard.pinId));
      assert.equal(res.data.data.user.username, d.owner.username);
    });

    it('secret, protected and unknown boards, sections and users are 404 failures (JSONP too)', async () => {
      for (const path of [
        `/v3/pidgets/boards/${d.owner.username}/${d.secret.slug}/pins/`, `/v3/pidgets/boards/${d.owner.username}/${d.protectedBoard.slug}/pins/`,
        `/v3/pidgets/boards/${d.owner.username}/nope/pins/`, `/v3/pidgets/boards/nobody_here/${d.big.slug}/pins/`,
        `/v3/pidgets/sections/${d.owner.username}/${d.secret.slug}/deep/pins/`, `/v3/pidgets/sections/${d.owner.username}/${d.big.slug}/nope/pins/`,
        `/v3/pidgets/users/nobody_here/pins/`,
      ]) {
        const res = await api(s.url, 'GET', path);
        assert.equal(res.status, 404, path);
        assert.equal(res.data.status, 'failure');
        assert.equal(res.data.data, null);
        assert.ok(!JSON.stringify(res.data).includes('Secret pin'));
      }
      const jsonp = await fetch(`${s.url}/v3/pidgets/boards/${d.owner.username}/${d.secret.slug}/pins/?callback=cb`);
      assert.equal(jsonp.status, 404);
      assert.equal(runJsonp(await jsonp.text(), 'cb').status, 'failure');
    });
  });

  describe('/v1/urls/count.json', () => {
    it('counts public pins linking to the URL, as JSON or JSONP', async () => {
      const res = await api(s.url, 'GET', `/v1/urls/count.json?url=${encodeURIComponent('https://www.example.com/red')}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.data, { url: 'https://www.example.com/red', count: 1 }); // the secret board's pin links to another URL
      const secretLinked = await api(s.url, 'GET', `/v1/urls/count.json?url=${encodeURIComponent('https://example.com/red')}`);
      assert.deepEqual(secretLinked.data, { url: 'https://example.com/red', count: 0 }); // only a secret pin links here
      const slash = await api(s.url, 'GET', `/v1/urls/count.json?url=${encodeURIComponent('https://www.example.com/red/')}`);
      assert.equal(slash.data.count, 1);
      const jsonp = await fetch(`${s.url}/v1/urls/count.json?callback=receiveCount&url=${encodeURIComponent('https://www.example.com/red')}`);
      assert.match(jsonp.headers.get('content-type')!, /^application\/javascript/);
      const text = await jsonp.text();
      assert.equal(text, '/**/ receiveCount({"url":"https://www.example.com/red","count":1});');
      assert.deepEqual(runJsonp(text, 'receiveCount'), { url: 'https://www.example.com/red', count: 1 });
      assert.deepEqual((await api(s.url, 'GET', '/v1/urls/count.json?url=https%3A%2F%2Fnowhere.example%2F')).data.count, 0);
      assert.equal((await api(s.url, 'GET', '/v1/urls/count.json?url=x&callback=a(b)')).status, 400);
    });
  });
});
