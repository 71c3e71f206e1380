// The profile and board reads of /api/app/ (profiles-routes.ts) and board follows, over real HTTP with browsers'
// cookie jars: a guest and another user see PUBLIC content only, the owner all of theirs; counts follow the same
// rule; lists page by bookmark; every answer matches its documented schema; bad parameters answer 400 naming them.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { APP_ROUTES } from '../src/http/app-api/routes.js';
import { Browser, type Answer } from './browser-session.js';
import { b64, png } from './public-helpers.js';
import { forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';

function documented(route: keyof typeof APP_ROUTES, res: Answer, status: number): void {
  assert.equal(res.status, status, JSON.stringify(res.data));
  const schema = (APP_ROUTES[route].responses as Record<number, { schema?: TSchema }>)[status]?.schema;
  assert.ok(schema, `${route} does not document ${status}`);
  assert.ok(Value.Check(schema, res.data), `${route} ${status}: ${JSON.stringify(res.data)} does not match its schema`);
}

forEachDialect('app API: profiles and boards', (dialect) => {
  let s: TestServer;
  let owner: Browser; let other: Browser; let guest: Browser;
  let ownerName: string; let otherName: string;
  let publicBoard: string; let secretBoard: string; let section: string;
  const publicPins: string[] = [];
  let secretPin: string;

  before(async () => {
    s = await startServer(dialect);
    owner = new Browser(s.url); other = new Browser(s.url); guest = new Browser(s.url);
    ownerName = uniqueName('prof').slice(0, 30); otherName = uniqueName('peer').slice(0, 30);
    await owner.signUp(ownerName); await other.signUp(otherName); await guest.session();
    const made = async (path: string, json: unknown) => {
      const res = await owner.fetch('POST', path, { json });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      return res.data.id as string;
    };
    publicBoard = await made('/v5/boards', { name: 'Open kitchen', description: 'for all' });
    secretBoard = await made('/v5/boards', { name: 'Hidden drawer', privacy: 'SECRET' });
    section = await made(`/v5/boards/${publicBoard}/sections`, { name: 'Soups' });
    for (let i = 0; i < 3; i += 1) {
      publicPins.unshift(await made('/v5/pins', { board_id: publicBoard, ...(i === 2 ? { board_section_id: section } : {}), title: `open ${i}`, media_source: b64(await png(40 * i, 90, 20)) }));
    }
    secretPin = await made('/v5/pins', { board_id: secretBoard, title: 'hidden', media_source: b64(await png(9, 9, 9)) });
  });
  after(async () => { await s?.close(); });

  const ids = (res: Answer) => (res.data.items as Array<{ id: string }>).map((i) => i.id);

  it('a profile counts what the viewer may see: PUBLIC boards and their pins for others, everything for its owner', async () => {
    for (const viewer of [guest, other]) {
      const res = await viewer.fetch('GET', `/api/app/profiles/${ownerName}`);
      documented('profile', res, 200);
      assert.equal(res.data.username, ownerName);
      assert.equal(res.data.board_count, 1);
      assert.equal(res.data.pin_count, 3);
      assert.equal('monthly_views' in res.data, false);
    }
    const own = await owner.fetch('GET', `/api/app/profiles/${ownerName}`);
    documented('profile', own, 200);
    assert.deepEqual([own.data.board_count, own.data.pin_count], [2, 4]);
    // The username is found whatever its case; a missing one is 404 code 30.
    assert.equal((await guest.fetch('GET', `/api/app/profiles/${ownerName.toUpperCase()}`)).data.username, ownerName);
    const missing = await guest.fetch('GET', '/api/app/profiles/nobody_here_at_all');
    documented('profile', missing, 404);
    assert.equal(missing.data.code, 30);
  });

  it("a profile's boards: others see the PUBLIC ones, the owner the secret one too, newest first, with covers and counts", async () => {
    const seen = await guest.fetch('GET', `/api/app/profiles/${ownerName}/boards`);
    documented('profileBoards', seen, 200);
    assert.deepEqual(ids(seen), [publicBoard]);
    assert.equal(seen.data.items[0].pin_count, 3);
    assert.match(seen.data.items[0].media.image_cover_url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
    assert.deepEqual(ids(await other.fetch('GET', `/api/app/profiles/${ownerName}/boards`)), [publicBoard]);
    assert.deepEqual(ids(await owner.fetch('GET', `/api/app/profiles/${ownerName}/boards`)), [secretBoard, publicBoard]);
  });

  it("a profile's pins: those on PUBLIC boards for others, the secret one too for the owner; bookmark-paged", async () => {
    const first = await guest.fetch('GET', `/api/app/profiles/${ownerName}/pins?page_size=2`);
    documented('profilePins', first, 200);
    assert.deepEqual(ids(first), publicPins.slice(0, 2));
    assert.equal(first.data.items[0].is_owner, false);
    const second = await guest.fetch('GET', `/api/app/profiles/${ownerName}/pins?page_size=2&bookmark=${encodeURIComponent(first.data.bookmark)}`);
    assert.deepEqual(ids(second), publicPins.slice(2));
    assert.equal(second.data.bookmark, null);
    const own = await owner.fetch('GET', `/api/app/profiles/${ownerName}/pins`);
    assert.deepEqual(ids(own), [secretPin, ...publicPins]);
    assert.equal(own.data.items[0].is_owner, true);
  });

  it('a PUBLIC board reads for a guest as /v5 shows it: the board, its sections, its pins and a section\'s pins', async () => {
    const board = await guest.fetch('GET', `/api/app/boards/${publicBoard}`);
    documented('board', board, 200);
    const v5 = await owner.fetch('GET', `/v5/boards/${publicBoard}`);
    assert.deepEqual(board.data, v5.data);
    const sections = await guest.fetch('GET', `/api/app/boards/${publicBoard}/sections`);
    documented('boardSections', sections, 200);
    assert.deepEqual(sections.data.items, [{ id: section, name: 'Soups' }]);
    const pins = await guest.fetch('GET', `/api/app/boards/${publicBoard}/pins`);
    documented('boardPins', pins, 200);
    assert.deepEqual(ids(pins), publicPins);
    const inSection = await guest.fetch('GET', `/api/app/boards/${publicBoard}/sections/${section}/pins`);
    documented('sectionPins', inSection, 200);
    assert.deepEqual(ids(inSection), [publicPins[0]]);
  });

  it('a SECRET board is not there for a guest or another user (404), and is for its owner', async () => {
    for (const viewer of [guest, other]) {
      for (const path of [`/api/app/boards/${secretBoard}`, `/api/app/boards/${secretBoard}/pins`, `/api/app/boards/${secretBoard}/sections`]) {
        const res = await viewer.fetch('GET', path);
        assert.equal(res.status, 404, path);
        assert.equal(res.data.code, 40);
      }
    }
    assert.equal((await owner.fetch('GET', `/api/app/boards/${secretBoard}`)).data.privacy, 'SECRET');
    assert.deepEqual(ids(await owner.fetch('GET', `/api/app/boards/${secretBoard}/pins`)), [secretPin]);
    // A section of another board is not this board's.
    assert.equal((await guest.fetch('GET', `/api/app/boards/${secretBoard}/sections/${section}/pins`)).status, 404);
  });

  it('bad parameters answer 400 naming them', async () => {
    const cases: Array<[string, RegExp]> = [
      [`/api/app/boards/abc`, /board_id/],
      [`/api/app/boards/${publicBoard}/sections/x1/pins`, /section_id/],
      [`/api/app/profiles/${ownerName}/pins?page_size=0`, /page_size/],
      [`/api/app/profiles/${ownerName}/pins?page_size=251`, /page_size/],
      [`/api/app/profiles/${ownerName}/boards?page_size=ten`, /page_size/],
      [`/api/app/profiles/${ownerName}/pins?bookmark=not-a-bookmark`, /bookmark/],
      [`/api/app/boards/${publicBoard}/pins?colour=red`, /colour/],
      [`/api/app/profiles/${'x'.repeat(31)}`, /username/],
      ['/api/app/profiles/not.a.name/boards', /username/],
    ];
    for (const [path, field] of cases) {
      const res = await guest.fetch('GET', path);
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.data)}`);
      assert.match(res.data.message, field, path);
    }
  });

  it('following a board: signed in only, with the CSRF proof, not one\'s own or a secret one; the count follows', async () => {
    const path = `/api/app/boards/${publicBoard}/follow`;
    documented('boardFollowState', await guest.fetch('GET', path), 401);
    assert.equal((await guest.fetch('PUT', path)).status, 401);
    assert.equal((await other.fetch('PUT', path, { csrf: false })).status, 403);
    documented('boardFollowState', await other.fetch('GET', path), 200);
    assert.deepEqual((await other.fetch('GET', path)).data, { following: false, follower_count: 0 });
    const followed = await other.fetch('PUT', path);
    documented('followBoard', followed, 200);
    assert.deepEqual(followed.data, { following: true, follower_count: 1 });
    assert.deepEqual((await other.fetch('PUT', path)).data, { following: true, follower_count: 1 }); // again: no change
    assert.equal((await guest.fetch('GET', `/api/app/boards/${publicBoard}`)).data.follower_count, 1);
    assert.deepEqual((await owner.fetch('GET', path)).data, { following: false, follower_count: 1 });
    const own = await owner.fetch('PUT', path);
    documented('followBoard', own, 400);
    assert.match(own.data.message, /own board/);
    documented('followBoard', await other.fetch('PUT', `/api/app/boards/${secretBoard}/follow`), 404);
    const unfollowed = await other.fetch('DELETE', path);
    documented('unfollowBoard', unfollowed, 200);
    assert.deepEqual(unfollowed.data, { following: false, follower_count: 0 });
    assert.equal((await other.fetch('DELETE', path)).data.follower_count, 0);
  });
});
