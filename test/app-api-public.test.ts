// The public pin reads of the app API (/api/app/public/pins/...), over real HTTP: a guest reads a pin of a PUBLIC
// board exactly as /v5 answers it (as a non-owner), and who saved it where; a SECRET or PROTECTED board's pin is
// 404 for a guest and for another user, but its owner's session reads it; bad ids are 400 naming the field.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Browser, documented } from './browser-session.js';
import { api, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

forEachDialect('app API public pins', (dialect) => {
  let s: TestServer;
  before(async () => { s = await startServer(dialect); });
  after(() => s?.close());

  it('a guest reads a public pin as /v5 shows it to others, and who saved it where', async () => {
    const { owner, token, otherToken, board } = await ownerAndOther(s, 'Sea Shells');
    const section = (await api(s.url, 'POST', `/v5/boards/${board}/sections`, { token, json: { name: 'Spirals' } })).data.id as string;
    const made = await api(s.url, 'POST', '/v5/pins', { token, json: {
      board_id: board, board_section_id: section, title: 'Nautilus', description: 'A spiral shell', link: 'https://example.com/shell',
      media_source: { source_type: 'multiple_image_base64', items: [b64(await png(200, 30, 30)), b64(await png(30, 200, 30))].map(({ source_type: _, ...i }) => i) },
    } });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    const pinId = made.data.id as string;

    const guest = new Browser(s.url);
    const read = await guest.fetch('GET', `/api/app/public/pins/${pinId}`);
    documented('publicPin', read, 200);
    const asOther = await api(s.url, 'GET', `/v5/pins/${pinId}`, { token: otherToken });
    assert.deepEqual(read.data, asOther.data);
    assert.equal(read.data.is_owner, false);
    assert.equal(read.data.media.media_type, 'multiple_images');
    assert.equal(read.data.media.items.length, 2);

    const place = await guest.fetch('GET', `/api/app/public/pins/${pinId}/place`);
    documented('pinPlace', place, 200);
    assert.deepEqual(place.data, {
      pinner: { username: owner.username, full_name: owner.username, profile_image: null, path: `/${owner.username}/` },
      board: { id: board, name: 'Sea Shells', privacy: 'PUBLIC', path: `/${owner.username}/sea-shells/` },
      section: { id: section, name: 'Spirals', path: `/${owner.username}/sea-shells/spirals/` },
    });
    // The paths are the pages the server serves for them.
    for (const path of [place.data.pinner.path, place.data.board.path, place.data.section.path]) {
      assert.equal((await fetch(s.url + path)).status, 200, path);
    }
  });

  it("a non-public board's pin is 404 for a guest and another user, read by its owner's session", async () => {
    const { owner, token, board } = await ownerAndOther(s, 'Diary');
    const other = await s.user();
    for (const privacy of ['SECRET', 'PROTECTED'] as const) {
      assert.equal((await api(s.url, 'PATCH', `/v5/boards/${board}`, { token, json: { privacy } })).status, 200);
      const pinId = (await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, title: `Note ${privacy}`, media_source: b64(await png(9, 9, 9)) } })).data.id as string;
      const guest = new Browser(s.url);
      const someone = new Browser(s.url);
      await someone.logIn(other.username, other.password);
      for (const b of [guest, someone]) {
        documented('publicPin', await b.fetch('GET', `/api/app/public/pins/${pinId}`), 404);
        const gone = await b.fetch('GET', `/api/app/public/pins/${pinId}/place`);
        documented('pinPlace', gone, 404);
        assert.equal(gone.data.code, 50);
      }
      const self = new Browser(s.url);
      assert.equal((await self.logIn(owner.username, 'correct horse battery')).status, 200);
      const own = await self.fetch('GET', `/api/app/public/pins/${pinId}`);
      documented('publicPin', own, 200);
      assert.equal(own.data.is_owner, true);
      const place = await self.fetch('GET', `/api/app/public/pins/${pinId}/place`);
      documented('pinPlace', place, 200);
      assert.equal(place.data.board.privacy, privacy);
      assert.equal(place.data.section, null);
    }
  });

  it('refuses ids that are not ids, naming pin_id, and unknown ids are 404', async () => {
    const guest = new Browser(s.url);
    for (const bad of ['abc', '12345678901234567890', '1e5']) {
      const res = await guest.fetch('GET', `/api/app/public/pins/${bad}`);
      documented('publicPin', res, 400);
      assert.match(res.data.message, /pin_id/);
      documented('pinPlace', await guest.fetch('GET', `/api/app/public/pins/${bad}/place`), 400);
    }
    documented('publicPin', await guest.fetch('GET', '/api/app/public/pins/1234567890'), 404);
    documented('pinPlace', await guest.fetch('GET', '/api/app/public/pins/1234567890/place'), 404);
  });
});
