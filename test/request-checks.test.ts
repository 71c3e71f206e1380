// The checks every request gets at the edge, on both databases alike: NUL characters in any text answer 400
// naming the field (PostgreSQL refuses them, SQLite would store them), and a query parameter given twice
// answers 400 unless the route takes a list.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';
import { toApiError } from '../src/http/plugins/errors.js';

forEachDialect('request checks', (dialect) => {
  let s: TestServer;
  let token: string;
  let board: string;
  let username: string;
  let clientId: string;
  before(async () => {
    s = await startServer(dialect);
    const made = await ownerAndOther(s, 'Checked');
    ({ token, board } = made);
    username = made.owner.username;
    clientId = made.app.client_id;
  });
  after(() => s.close());

  const nul = (res: { status: number; data: any }, field: string) => {
    assert.equal(res.status, 400, JSON.stringify(res.data));
    assert.equal(res.data.code, 1);
    assert.equal(res.data.message, `Invalid parameters: ${field} must not contain NUL characters.`);
  };

  it('answers 400 naming the field for NUL in board, section and pin text', async () => {
    nul(await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'a\0b' } }), 'name');
    nul(await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'ok', description: 'x\0' } }), 'description');
    nul(await api(s.url, 'PATCH', `/v5/boards/${board}`, { token, json: { name: '\0' } }), 'name');
    nul(await api(s.url, 'POST', `/v5/boards/${board}/sections`, { token, json: { name: 'sec\0tion' } }), 'name');
    const media = b64(await png(1, 2, 3));
    nul(await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, title: 't\0', media_source: media } }), 'title');
    nul(await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'image_url', url: 'https://e.com/\0' } } }), 'media_source.url');
    nul(await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: { source_type: 'multiple_image_base64', items: [media, { ...media, title: '\0' }] } } }), 'media_source.items[1].title');
  });

  it('answers 400 naming the path parameter or query field for NUL in them', async () => {
    nul(await api(s.url, 'GET', '/v5/boards/1%00', { token }), 'board_id');
    nul(await api(s.url, 'GET', `/v5/boards/${board}/sections/2%00/pins`, { token }), 'section_id');
    nul(await api(s.url, 'GET', '/v5/pins/1%002', { token }), 'pin_id');
    nul(await api(s.url, 'GET', '/v5/search/pins?query=a%00', { token }), 'query');
    nul(await api(s.url, 'GET', '/v5/boards?bookmark=%00', { token }), 'bookmark');
    nul(await api(s.url, 'GET', `/${username}%00/`), 'user');
    nul(await api(s.url, 'GET', `/${username}/checked%00/`), 'board');
    nul(await api(s.url, 'GET', `/v3/pidgets/users/${username}%00/pins/`), 'user');
    nul(await api(s.url, 'GET', `/v3/pidgets/boards/${username}/b%00/pins/`), 'board');
    nul(await api(s.url, 'GET', '/v3/pidgets/pins/info/?pin_ids=1%00'), 'pin_ids');
    nul(await api(s.url, 'GET', '/v1/urls/count.json?url=https://e.com/%00'), 'url');
    nul(await api(s.url, 'GET', `/oauth/?client_id=${clientId}&redirect_uri=http://localhost:8085/%00&response_type=code&scope=boards:read`), 'redirect_uri');
    nul(await api(s.url, 'GET', '/oauth/?client_id=%00'), 'client_id');
  });

  it('answers 400 for NUL in form bodies and in JSON inside a query parameter', async () => {
    const form = await fetch(`${s.url}/v5/oauth/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'a\0' }),
    });
    nul({ status: form.status, data: await form.json() }, 'code');
    // JSON inside data= is parsed by the route, which checks it the same way.
    const data = encodeURIComponent(JSON.stringify({ options: { username: 'a\0b' } }));
    const res = await api(s.url, 'GET', `/resource/UserResource/get/?data=${data}`);
    assert.equal(res.status, 400);
    assert.equal(res.data.resource_response.message, 'Invalid parameters: data.options.username must not contain NUL characters.');
  });

  it('a NUL that reaches PostgreSQL past the edge is still a 400, not a 500', { skip: dialect !== 'postgres' }, async () => {
    const p = await s.ctx.oauth.authenticate(`Bearer ${token}`);
    const err = await s.ctx.boards.create(p, { name: 'inside\0' }).then(() => null, (e: Error) => e);
    assert.ok(err, 'PostgreSQL refused the NUL');
    assert.deepEqual({ status: toApiError(err).status, code: toApiError(err).code }, { status: 400, code: 1 });
  });

  it('answers 400 for a query parameter given twice where the route takes one value', async () => {
    const twice = async (path: string, field: string, opts = {}) => {
      const res = await api(s.url, 'GET', path, opts);
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.data)}`);
      assert.deepEqual(res.data, { code: 1, message: `Invalid parameters: ${field} must be given once.` });
    };
    await twice(`/oauth/?client_id=${clientId}&redirect_uri=http://localhost:8085/&redirect_uri=http://evil.example/&response_type=code&scope=boards:read`, 'redirect_uri');
    await twice('/v5/boards?bookmark=a&bookmark=b', 'bookmark', { token });
    await twice('/v5/boards?page_size=2&page_size=3', 'page_size', { token });
    await twice('/v1/urls/count.json?url=a&url=b', 'url');
    await twice(`/v3/pidgets/users/${username}/pins/?callback=a&callback=b`, 'callback');
    await twice(`/${username}/?x=1&x=2`, 'x');
  });

  it('still takes repeated parameters where the route takes a list', async () => {
    const listed = await api(s.url, 'GET', '/v5/pins?creative_types=REGULAR&creative_types=VIDEO', { token });
    assert.equal(listed.status, 200, JSON.stringify(listed.data));
    const pidget = await api(s.url, 'GET', '/v3/pidgets/pins/info/?pin_ids=1&pin_ids=2');
    assert.equal(pidget.status, 200, JSON.stringify(pidget.data));
    assert.deepEqual(pidget.data.data.map((p: { id: string }) => p.id), ['1', '2']);
  });
});
