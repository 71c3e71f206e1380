// JSON request bodies are typed, as Pinterest's document declares them: a value of the wrong type answers 400
// naming the field instead of being coerced ("name": true is not "true"), nullable fields still take null, and
// query strings (text) are still read as the schema's types.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { api, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

forEachDialect('request bodies', (dialect) => {
  let s: TestServer;
  let token: string;
  let board: string;
  before(async () => {
    s = await startServer(dialect);
    ({ token, board } = await ownerAndOther(s, 'Typed'));
  });
  after(() => s.close());

  const refused = async (method: string, path: string, json: unknown, field: string) => {
    const res = await api(s.url, method, path, { token, json });
    assert.equal(res.status, 400, `${JSON.stringify(json)}: ${res.status} ${JSON.stringify(res.data)}`);
    assert.equal(res.data.code, 1);
    assert.match(res.data.message, new RegExp(`\\b${field.replace(/[.[\]]/g, '\\$&')}\\b`), JSON.stringify(res.data));
  };

  it('refuses board and section fields of the wrong type, naming them', async () => {
    await refused('POST', '/v5/boards', { name: true }, 'name');
    await refused('POST', '/v5/boards', { name: 12 }, 'name');
    await refused('POST', '/v5/boards', { name: ['a'] }, 'name');
    await refused('POST', '/v5/boards', { name: 'ok', is_ads_only: null }, 'is_ads_only');
    await refused('POST', '/v5/boards', { name: 'ok', is_ads_only: 'false' }, 'is_ads_only');
    await refused('POST', '/v5/boards', { name: 'ok', description: 5 }, 'description');
    await refused('PATCH', `/v5/boards/${board}`, { name: false }, 'name');
    await refused('POST', `/v5/boards/${board}/sections`, { name: 7 }, 'name');
  });

  it('refuses pin fields of the wrong type, naming them', async () => {
    const media_source = b64(await png(5, 6, 7));
    await refused('POST', '/v5/pins', { board_id: Number(board), media_source }, 'board_id');
    await refused('POST', '/v5/pins', { board_id: board, title: false, media_source }, 'title');
    await refused('POST', '/v5/pins', { board_id: board, link: 1, media_source }, 'link');
    await refused('PATCH', '/v5/pins/1', { title: 3 }, 'title');
    await refused('POST', '/v5/pins/1/save', { board_id: Number(board) }, 'board_id');
    await refused('POST', '/v5/media', { media_type: 1 }, 'media_type');
  });

  it('still takes the spec types, null where the spec says nullable, and typed query strings', async () => {
    const made = await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Nulls', description: null, privacy: 'PUBLIC', is_ads_only: false } });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    const pin = await api(s.url, 'POST', '/v5/pins', {
      token, json: { board_id: board, board_section_id: null, title: null, description: null, link: null, alt_text: null, media_source: b64(await png(9, 9, 9)) },
    });
    assert.equal(pin.status, 201, JSON.stringify(pin.data));
    const patched = await api(s.url, 'PATCH', `/v5/pins/${pin.data.id}`, { token, json: { title: 'Titled', description: null } });
    assert.equal(patched.status, 200, JSON.stringify(patched.data));
    const page = await api(s.url, 'GET', '/v5/boards?page_size=1', { token });
    assert.equal(page.status, 200);
    assert.equal(page.data.items.length, 1);
    assert.equal((await api(s.url, 'GET', `/v5/pins/${pin.data.id}?pin_metrics=false`, { token })).status, 200);
  });
});
