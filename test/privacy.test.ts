// The privacy matrix: owner or another user, x PUBLIC / PROTECTED / SECRET, x read / write,
// x with or without the *_secret scopes. Every cell is asserted.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';
import { api, FIXTURES, forEachDialect, startServer, type TestServer } from './helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png')).toString('base64');
const image = { source_type: 'image_base64', content_type: 'image/png', data: PNG };
const PRIVACIES = ['PUBLIC', 'PROTECTED', 'SECRET'] as const;
type Privacy = (typeof PRIVACIES)[number];
const NO_SECRET = ORGANIC_SCOPES.filter((s) => !s.endsWith('_secret'));

forEachDialect('privacy matrix', (dialect) => {
  let s: TestServer;
  const tokens: Record<'owner' | 'ownerNoSecret' | 'other' | 'otherNoSecret', string> = {} as never;
  const boards = {} as Record<Privacy, string>;
  const pins = {} as Record<Privacy, string>;

  before(async () => {
    s = await startServer(dialect);
    const owner = await s.user();
    const other = await s.user();
    const app = await s.app_(owner.username);
    tokens.owner = (await s.token(owner.username, app.client_id)).access_token;
    tokens.ownerNoSecret = (await s.token(owner.username, app.client_id, NO_SECRET)).access_token;
    tokens.other = (await s.token(other.username, app.client_id)).access_token;
    tokens.otherNoSecret = (await s.token(other.username, app.client_id, NO_SECRET)).access_token;
    for (const privacy of PRIVACIES) {
      const b = await api(s.url, 'POST', '/v5/boards', { token: tokens.owner, json: { name: `Board ${privacy}`, privacy } });
      assert.equal(b.status, 201, JSON.stringify(b.data));
      boards[privacy] = b.data.id;
      const p = await api(s.url, 'POST', '/v5/pins', { token: tokens.owner, json: { board_id: b.data.id, title: `Pin ${privacy}`, media_source: image } });
      assert.equal(p.status, 201, JSON.stringify(p.data));
      pins[privacy] = p.data.id;
    }
  });
  after(() => s.close());

  // expected status of each read, per caller and privacy
  const read: Record<keyof typeof tokens, Record<Privacy, number>> = {
    owner: { PUBLIC: 200, PROTECTED: 200, SECRET: 200 },
    ownerNoSecret: { PUBLIC: 200, PROTECTED: 200, SECRET: 404 },
    other: { PUBLIC: 200, PROTECTED: 404, SECRET: 404 },
    otherNoSecret: { PUBLIC: 200, PROTECTED: 404, SECRET: 404 },
  };
  // expected status of each write: others may see a PUBLIC board but not change it (403)
  const write: Record<keyof typeof tokens, Record<Privacy, number>> = {
    owner: { PUBLIC: 200, PROTECTED: 200, SECRET: 200 },
    ownerNoSecret: { PUBLIC: 200, PROTECTED: 200, SECRET: 404 },
    other: { PUBLIC: 403, PROTECTED: 404, SECRET: 404 },
    otherNoSecret: { PUBLIC: 403, PROTECTED: 404, SECRET: 404 },
  };

  for (const who of Object.keys(read) as Array<keyof typeof tokens>) {
    for (const privacy of PRIVACIES) {
      it(`${who} reads a ${privacy} board, its pins and a pin: ${read[who][privacy]}`, async () => {
        const want = read[who][privacy];
        const t = tokens[who];
        assert.equal((await api(s.url, 'GET', `/v5/boards/${boards[privacy]}`, { token: t })).status, want);
        assert.equal((await api(s.url, 'GET', `/v5/boards/${boards[privacy]}/pins`, { token: t })).status, want);
        const pin = await api(s.url, 'GET', `/v5/pins/${pins[privacy]}`, { token: t });
        assert.equal(pin.status, want);
        if (want === 200) assert.equal(pin.data.is_owner, who.startsWith('owner'));
        else assert.deepEqual(Object.keys(pin.data).sort(), ['code', 'message']);
      });

      it(`${who} changes a ${privacy} board, adds and edits a pin: ${write[who][privacy]}`, async () => {
        const want = write[who][privacy];
        const t = tokens[who];
        const b = await api(s.url, 'PATCH', `/v5/boards/${boards[privacy]}`, { token: t, json: { description: `edited by ${who}` } });
        assert.equal(b.status, want, JSON.stringify(b.data));
        const created = await api(s.url, 'POST', '/v5/pins', { token: t, json: { board_id: boards[privacy], media_source: image } });
        assert.equal(created.status, want === 200 ? 201 : want, JSON.stringify(created.data));
        const edited = await api(s.url, 'PATCH', `/v5/pins/${pins[privacy]}`, { token: t, json: { title: `edited by ${who}` } });
        assert.equal(edited.status, want);
        if (want === 200) assert.equal(edited.data.title, `edited by ${who}`);
      });
    }
  }

  it('boards/list shows SECRET boards only with boards:read_secret', async () => {
    const ids = async (t: string) => (await api(s.url, 'GET', '/v5/boards?page_size=250', { token: t })).data.items.map((b: { id: string }) => b.id);
    assert.deepEqual(new Set(await ids(tokens.owner)), new Set(Object.values(boards)));
    assert.deepEqual(new Set(await ids(tokens.ownerNoSecret)), new Set([boards.PUBLIC, boards.PROTECTED]));
    const secretOnly = await api(s.url, 'GET', '/v5/boards?privacy=SECRET', { token: tokens.owner });
    assert.deepEqual(secretOnly.data.items.map((b: { id: string }) => b.id), [boards.SECRET]);
    assert.ok([401, 403].includes((await api(s.url, 'GET', '/v5/boards?privacy=SECRET', { token: tokens.ownerNoSecret })).status));
    assert.equal((await api(s.url, 'GET', '/v5/boards?privacy=NOPE', { token: tokens.owner })).status, 400);
  });

  it('pins/list hides SECRET without pins:read_secret and PROTECTED unless include_protected_pins', async () => {
    const boardsOf = async (t: string, q = '') => new Set((await api(s.url, 'GET', `/v5/pins?page_size=250${q}`, { token: t })).data.items.map((p: { board_id: string }) => p.board_id));
    assert.deepEqual(await boardsOf(tokens.owner), new Set([boards.PUBLIC, boards.SECRET]));
    assert.deepEqual(await boardsOf(tokens.owner, '&include_protected_pins=true'), new Set(Object.values(boards)));
    assert.deepEqual(await boardsOf(tokens.ownerNoSecret, '&include_protected_pins=true'), new Set([boards.PUBLIC, boards.PROTECTED]));
    assert.deepEqual(await boardsOf(tokens.owner, '&pin_type=PRIVATE'), new Set([boards.SECRET]));
  });

  it('creating a SECRET board needs boards:write_secret', async () => {
    const res = await api(s.url, 'POST', '/v5/boards', { token: tokens.ownerNoSecret, json: { name: 'Hidden', privacy: 'SECRET' } });
    assert.ok([401, 403].includes(res.status));
    assert.match(res.data.message, /boards:write_secret/);
  });

  it('a pin cannot move to another user\'s board, nor be saved there', async () => {
    const mine = await api(s.url, 'POST', '/v5/boards', { token: tokens.other, json: { name: 'Other board' } });
    const move = await api(s.url, 'PATCH', `/v5/pins/${pins.PUBLIC}`, { token: tokens.owner, json: { board_id: mine.data.id } });
    assert.equal(move.status, 403);
    const save = await api(s.url, 'POST', `/v5/pins/${pins.PUBLIC}/save`, { token: tokens.owner, json: { board_id: mine.data.id } });
    assert.equal(save.status, 403);
    assert.equal((await api(s.url, 'GET', `/v5/boards/${mine.data.id}`, { token: tokens.other })).data.pin_count, 0);
  });
});
