// The minimal pages on Pinterest's web paths: public content shows, everything else is one 404 page, text is
// escaped, and the catch-all paths never shadow the API, OAuth, media or any other route.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';
import { b64, png, seed, type Seeded } from './public-helpers.js';

forEachDialect('web pages', (dialect) => {
  let s: TestServer;
  let d: Seeded;

  before(async () => {
    s = await startServer(dialect);
    d = await seed(s, { bigCount: 55 });
  });
  after(async () => { await s.close(); });

  const get = async (path: string) => {
    const res = await fetch(s.url + path, { redirect: 'manual' });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it('a pin page shows the pin, by id or slug--id', async () => {
    for (const path of [`/pin/${d.imagePin}/`, `/pin/${d.imagePin}`, `/pin/red-square--${d.imagePin}/`]) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.type, /^text\/html/);
      assert.match(res.text, /<h1>Red square<\/h1>/);
      assert.match(res.text, /\/media\/images\/[^"]+\/1200x\.\w+"/);
      assert.match(res.text, /Trips &amp; Things/);
      assert.match(res.text, /url_shortener\/p[0-9A-Za-z]+\/redirect\//);
    }
    const carousel = await get(`/pin/${d.carouselPin}/`);
    assert.equal((carousel.text.match(/<figure>/g) ?? []).length, 3);
  });

  it('profile, pins, board and section pages', async () => {
    const profile = await get(`/${d.owner.username}/`);
    assert.equal(profile.status, 200);
    assert.ok(profile.text.includes(`/${d.owner.username}/${d.big.slug}/`));
    assert.ok(!profile.text.includes(d.secret.slug) && !profile.text.includes('Hidden'));
    assert.equal((await get(`/${d.owner.username}`)).status, 200);
    const pins = await get(`/${d.owner.username}/pins/`);
    assert.equal(pins.status, 200);
    assert.ok(!pins.text.includes(d.secret.pinId));
    const board = await get(`/${d.owner.username}/${d.board.slug}/`);
    assert.equal(board.status, 200);
    assert.match(board.text, /<h1>Trips &amp; Things<\/h1>/);
    assert.match(board.text, /Places &lt;b&gt;/);
    const big = await get(`/${d.owner.username}/${d.big.slug}/`);
    assert.equal((big.text.match(/class="tile"/g) ?? []).length, 50);
    assert.match(big.text, /href="\/[^"]+\/sub-section\/"/);
    const more = /href="([^"]+\?bookmark=[^"]+)"/.exec(big.text)![1]!.replace(/&amp;/g, '&');
    const next = await get(more);
    assert.equal((next.text.match(/class="tile"/g) ?? []).length, 5);
    const section = await get(`/${d.owner.username}/${d.big.slug}/sub-section/`);
    assert.equal(section.status, 200);
    assert.match(section.text, /<h1>Sub Section<\/h1>/);
    assert.equal((section.text.match(/class="tile"/g) ?? []).length, d.section.pinIds.length);
    assert.equal((await get(`/${d.owner.username}/${d.big.slug}/?bookmark=garbage!`)).status, 400);
  });

  it('secret, protected and unknown content is one 404 page', async () => {
    for (const path of [
      `/pin/${d.secret.pinId}/`, `/pin/${d.protectedBoard.pinId}/`, '/pin/123/', '/pin/abc/', `/${d.owner.username}/${d.secret.slug}/`,
      `/${d.owner.username}/${d.protectedBoard.slug}/`, `/${d.owner.username}/${d.secret.slug}/deep/`, '/nobody_here/', '/nobody_here/pins/',
      `/${d.owner.username}/nope/`, `/${d.owner.username}/${d.big.slug}/nope/`,
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.match(res.type, /^text\/html/);
      assert.ok(!res.text.includes('Secret pin') && !res.text.includes('Protected pin'), path);
    }
  });

  it('escapes what users wrote', async () => {
    const board = await s.ctx.boards.create(d.principal, { name: '<script>alert(1)</script>', description: '"><img src=x onerror=alert(2)>' });
    const pin = await s.ctx.pins.create(d.principal, { board_id: board.id, title: '<b>bold</b>', description: '</p><script>x</script>', media_source: b64(await png(1, 2, 3)) });
    const slug = (await s.ctx.database.db.selectFrom('boards').select('slug').where('id', '=', board.id).executeTakeFirstOrThrow()).slug;
    for (const path of [`/pin/${pin.id}/`, `/${d.owner.username}/${slug}/`]) {
      const res = await get(path);
      assert.equal(res.status, 200);
      assert.ok(!/<script>(?!<)/.test(res.text.replace(/<style>[\s\S]*?<\/style>/, '')) && !res.text.includes('<img src=x') && !res.text.includes('<b>bold'), res.text);
    }
  });

  it('never shadows the API and the other routes', async () => {
    assert.equal((await api(s.url, 'GET', '/v5/boards')).status, 401);
    assert.match((await api(s.url, 'GET', '/v5/boards/')).headers.get('content-type')!, /application\/json/);
    const unbuilt = await api(s.url, 'GET', '/v5/ad_accounts');
    assert.equal(unbuilt.status, 501);
    for (const path of ['/v5/nope', '/v5/nope/x/', '/media/x/', '/media/nope', '/v3/pidgets/', '/v3/nope/x/', '/resource/', '/api/v1/', '/logout/', '/uploads/x/y/', '/assets/x/']) {
      const res = await api(s.url, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.equal(res.data.code, 404, path);
    }
    assert.equal((await get('/oauth')).status, 301);
    for (const path of ['/', '/login']) assert.match((await get(path)).text, /<div id="root">/, path); // the web app's shell
    assert.equal((await get('/assets/default-avatar.svg')).status, 200);
    assert.equal((await api(s.url, 'GET', `/resource/PinResource/get/?data=${encodeURIComponent(JSON.stringify({ options: { id: d.imagePin } }))}`)).status, 200);
  });
  describe('security headers', () => {
    /** Every kind of HTML page the server renders, and what each should answer. */
    async function htmlPages(): Promise<Array<[string, string, RequestInit, number]>> {
      const app = await s.app_(d.owner.username, ['http://localhost:8085/cb']);
      const authorize = `/oauth/?${new URLSearchParams({ client_id: app.client_id, redirect_uri: 'http://localhost:8085/cb', response_type: 'code', scope: 'boards:read' })}`;
      const user = await s.user();
      const session = (await s.ctx.sessions.logIn(user.username, user.password))!.sessionId;
      return [
        ['oauth log-in page', authorize, {}, 200],
        ['oauth consent page', authorize, { headers: { cookie: `cb_session=${session}` } }, 200],
        ['oauth error page', '/oauth/?client_id=1&redirect_uri=x', {}, 400],
        ['log-in form refused', '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a&password=b' }, 403],
        ['home page', '/', {}, 200],
        ['pin page', `/pin/${d.imagePin}/`, {}, 200],
        ['profile page', `/${d.owner.username}/`, {}, 200],
        ['board page (signed in, with a form)', `/${d.owner.username}/${d.board.slug}/`, { headers: { cookie: `cb_session=${session}` } }, 200],
        ['section page', `/${d.owner.username}/${d.big.slug}/sub-section/`, {}, 200],
        ['404 page', '/nobody_here/', {}, 404],
        ['400 page', `/${d.owner.username}/${d.big.slug}/?bookmark=garbage!`, {}, 400],
      ];
    }

    it('every HTML page has a strict Content-Security-Policy, cannot be framed, and is nosniff', async () => {
      for (const [name, path, init, status] of await htmlPages()) {
        const res = await fetch(s.url + path, { redirect: 'manual', ...init });
        const body = await res.text();
        assert.equal(res.status, status, name);
        assert.match(res.headers.get('content-type')!, /^text\/html/, name);
        const csp = res.headers.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, name);
        assert.match(csp, /default-src 'none'/, name);
        assert.match(csp, /script-src 'self'(;|$)/, name);
        assert.match(csp, /style-src 'self'(;|$)/, name);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, name);
        assert.equal(res.headers.get('x-frame-options'), 'DENY', name);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', name);
        // nothing inline the policy would block: scripts and styles come from /assets/
        assert.doesNotMatch(body, /<style|<script(?![^>]*\ssrc=)|\sstyle=|\son[a-z]+=/i, name);
        for (const [, href] of body.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)) {
          const asset = await fetch(s.url + href!.replace(/&amp;/g, '&'));
          assert.equal(asset.status, 200, `${name}: ${href}`);
          await asset.arrayBuffer();
        }
      }
    });

    it('the page assets are served with their types', async () => {
      const { FORM_CSS, PUBLIC_CSS, PLAYER_BEACON_JS } = await import('../src/http/web/static-assets.js');
      for (const [asset, type] of [[FORM_CSS, /^text\/css/], [PUBLIC_CSS, /^text\/css/], [PLAYER_BEACON_JS, /^application\/javascript/]] as const) {
        const res = await fetch(s.url + asset.path);
        assert.equal(res.status, 200, asset.path);
        assert.match(res.headers.get('content-type')!, type);
        assert.equal(await res.text(), asset.body);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      }
    });

    it('widgets, web resources and the outbound redirect stay embeddable', async () => {
      const pidget = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${d.imagePin}&callback=cb`);
      assert.equal(pidget.status, 200);
      assert.equal(pidget.headers.get('access-control-allow-origin'), '*');
      const outbound = await fetch(`${s.url}/events/outbound/${d.imagePin}/`, { redirect: 'manual' });
      const resourceRes = await fetch(`${s.url}/resource/PinResource/get/?data=${encodeURIComponent(JSON.stringify({ options: { id: d.imagePin } }))}`);
      for (const res of [pidget, outbound, resourceRes]) {
        assert.equal(res.headers.get('x-frame-options'), null);
        assert.equal(res.headers.get('content-security-policy'), null);
        await res.arrayBuffer();
      }
    });
  });
});
