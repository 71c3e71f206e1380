// Pinterest's web resource protocol served for Corkboard's own content: envelopes, every resource, paging a
// 300+ pin board without loss or repeats, a user's boards and created pins, search over every user's public pins,
// privacy (secret/protected are 404 like missing, and never found), bad input as 400.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';
import { otherUser, resource, seed, type OtherUser, type Seeded } from './public-helpers.js';

/** Every item of a paged resource, following bookmarks to -end-. */
async function all(base: string, name: string, options: Record<string, unknown>): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let bookmark: string | undefined;
  for (let pages = 1; pages < 100; pages++) {
    const res = await resource(base, name, { ...options, ...(bookmark ? { bookmarks: [bookmark] } : {}) });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    items.push(...res.data.resource_response.data);
    const next = res.data.resource.options.bookmarks[0];
    assert.equal(res.data.resource_response.bookmark, next);
    if (next === '-end-') return { items, pages };
    bookmark = next;
  }
  throw new Error('never reached -end-');
}

forEachDialect('web resources', (dialect) => {
  let s: TestServer;
  let d: Seeded;

  before(async () => {
    s = await startServer(dialect);
    d = await seed(s, { video: true });
  });
  after(async () => { await s.close(); });

  describe('PinResource', () => {
    it('answers an image pin in Pinterest\'s envelope and web shape', async () => {
      const res = await api(s.url, 'GET', `/resource/PinResource/get/?source_url=${encodeURIComponent(`/pin/${d.imagePin}/`)}&data=${encodeURIComponent(JSON.stringify({ options: { id: d.imagePin, field_set_key: 'detailed' }, context: {} }))}`,
        { headers: { 'X-Pinterest-PWS-Handler': `www/pin/${d.imagePin}/` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /application\/json/);
      const rr = res.data.resource_response;
      assert.deepEqual([rr.status, rr.code, rr.message], ['success', 0, 'ok']);
      assert.deepEqual(res.data.resource, { name: 'PinResource', options: { id: d.imagePin, field_set_key: 'detailed' } });
      const pin = rr.data;
      assert.equal(pin.id, d.imagePin);
      assert.equal(pin.type, 'pin');
      assert.equal(pin.title, 'Red square');
      assert.equal(pin.grid_title, 'Red square');
      assert.equal(pin.description, 'A red one');
      assert.equal(pin.link, 'https://www.example.com/red');
      assert.equal(pin.domain, 'example.com');
      assert.match(pin.dominant_color, /^#[0-9a-f]{6}$/);
      assert.match(pin.created_at, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/);
      assert.deepEqual(pin.pinner, { id: d.owner.id, username: d.owner.username, full_name: d.owner.username, image_small_url: `${s.url}/assets/default-avatar.svg`, profile_url: `${s.url}/${d.owner.username}/` });
      assert.deepEqual(pin.board, { id: d.board.id, name: 'Trips & Things', url: `/${d.owner.username}/${d.board.slug}/`, privacy: 'PUBLIC' });
      assert.equal(pin.repin_count, 0);
      assert.equal(pin.videos, null);
      assert.equal(pin.carousel_data, null);
      assert.equal(pin.story_pin_data, null);
      assert.deepEqual(Object.keys(pin.images).sort(), ['170x', '236x', '474x', '736x', 'orig']);
      assert.deepEqual([pin.images.orig.width, pin.images.orig.height], [64, 48]);
      assert.deepEqual([pin.images['236x'].width, pin.images['236x'].height], [400, 300]);
      assert.deepEqual([pin.images['170x'].width, pin.images['170x'].height], [150, 150]);
      assert.deepEqual([pin.images['474x'].width, pin.images['736x'].width], [64, 64]); // never upscaled
      const orig = await fetch(pin.images.orig.url);
      assert.equal(orig.status, 200);
      assert.deepEqual((await sharp(Buffer.from(await orig.arrayBuffer())).metadata()).width, 64);
    });

    it('a carousel carries every slot; its images are the first slot\'s', async () => {
      const pin = (await resource(s.url, 'Pin', { id: d.carouselPin })).data.resource_response.data;
      const slots = pin.carousel_data.carousel_slots;
      assert.equal(slots.length, 3);
      assert.deepEqual(slots.map((x: any) => x.title), ['R', 'G', '']);
      assert.deepEqual(slots.map((x: any) => x.link), ['https://example.com/r', null, null]);
      assert.equal(slots[2].description, 'B');
      assert.equal(new Set(slots.map((x: any) => x.id)).size, 3);
      assert.deepEqual([slots[1].images.orig.width, slots[1].images.orig.height], [900, 1350]);
      assert.deepEqual([slots[1].images['736x'].width, slots[1].images['474x'].width], [900, 600]);
      assert.deepEqual(pin.images, slots[0].images);
      assert.equal(pin.domain, 'Uploaded by user');
      assert.equal(pin.videos, null);
    });

    it('a video pin lists its MP4 as V_720P with duration in ms and a thumbnail', async () => {
      const pin = (await resource(s.url, 'Pin', { id: d.videoPin })).data.resource_response.data;
      assert.equal(pin.is_video, true);
      const v = pin.videos.video_list.V_720P;
      assert.match(v.url, /^http:\/\/127\.0\.0\.1:\d+\/media\/.+\.mp4$/);
      assert.deepEqual([v.width, v.height], [320, 240]);
      assert.ok(v.duration >= 1500 && v.duration <= 2500, String(v.duration));
      assert.match(v.thumbnail, /^http/);
      const head = await fetch(v.url, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('content-type'), 'video/mp4');
    });

    it('counts saves as repin_count', async () => {
      const u = await s.user();
      const app = await s.app_(u.username);
      const p = await s.ctx.oauth.authenticate(`Bearer ${(await s.token(u.username, app.client_id)).access_token}`);
      const mine = await s.ctx.boards.create(p, { name: 'Saves', privacy: 'SECRET' });
      await s.ctx.pins.save(p, d.imagePin, mine.id, null);
      assert.equal((await resource(s.url, 'Pin', { id: d.imagePin })).data.resource_response.data.repin_count, 1);
    });

    it('secret, protected, unknown and malformed pins are all the same 404', async () => {
      for (const id of [d.secret.pinId, d.protectedBoard.pinId, '1234567890123456789', 'abc', 12]) {
        const res = await resource(s.url, 'Pin', { id });
        assert.equal(res.status, 404, String(id));
        assert.deepEqual(res.data.resource_response, {
          status: 'failure', code: 50, message: 'Pin not found.', data: null, error: { message: 'Pin not found.', code: 50, http_status: 404 },
        });
      }
    });

    it('bad data is a 400 failure, never a 500', async () => {
      const bad = async (data: string) => api(s.url, 'GET', `/resource/PinResource/get/?data=${encodeURIComponent(data)}`);
      for (const data of ['{not json', '[]', '"x"', '{"options":[]}', '{"options":"x"}', '{"options":{}}', '{"options":{"id":{"a":1}}}']) {
        const res = await bad(data);
        assert.equal(res.status, 400, data);
        assert.equal(res.data.resource_response.status, 'failure');
        assert.equal(res.data.resource_response.error.http_status, 400);
        assert.equal(res.data.resource_response.data, null);
      }
      const twice = await api(s.url, 'GET', '/resource/PinResource/get/?data=%7B%7D&data=%7B%7D');
      assert.equal(twice.status, 400);
      const noData = await api(s.url, 'GET', '/resource/PinResource/get/');
      assert.equal(noData.status, 400);
      assert.match(noData.data.resource_response.message, /options\.id/);
    });

    it('an unknown resource is a 404 failure', async () => {
      for (const name of ['Nope', 'constructor', 'toString']) {
        const res = await api(s.url, 'GET', `/resource/${name}Resource/get/?data=%7B%7D`);
        assert.equal(res.status, 404);
        assert.equal(res.data.resource_response.status, 'failure');
      }
      assert.equal((await api(s.url, 'GET', '/resource/__proto__/get/?data=%7B%7D')).status, 404);
    });
  });

  describe('BoardResource and UserResource', () => {
    it('finds a board by username and slug, or by id', async () => {
      const bySlug = await resource(s.url, 'Board', { username: d.owner.username, slug: d.board.slug, field_set_key: 'detailed' });
      assert.equal(bySlug.status, 200);
      const b = bySlug.data.resource_response.data;
      assert.equal(b.id, d.board.id);
      assert.equal(b.type, 'board');
      assert.equal(b.name, 'Trips & Things');
      assert.equal(b.url, `/${d.owner.username}/${d.board.slug}/`);
      assert.equal(b.description, 'Places <b>');
      assert.equal(b.privacy, 'PUBLIC');
      assert.equal(b.pin_count, 3);
      assert.equal(b.section_count, 0);
      assert.deepEqual(b.owner, { id: d.owner.id, username: d.owner.username, full_name: d.owner.username, image_small_url: `${s.url}/assets/default-avatar.svg`, profile_url: `${s.url}/${d.owner.username}/` });
      assert.match(b.image_cover_url, /^http:\/\/127\.0\.0\.1:\d+\/media\//);
      assert.equal(bySlug.data.resource_response.bookmark, undefined);
      const byId = await resource(s.url, 'Board', { board_id: d.board.id });
      assert.deepEqual(byId.data.resource_response.data, b);
      const upper = await resource(s.url, 'Board', { username: d.owner.username.toUpperCase(), slug: d.board.slug.toUpperCase() });
      assert.equal(upper.data.resource_response.data.id, d.board.id);
      const big = (await resource(s.url, 'Board', { board_id: d.big.id })).data.resource_response.data;
      assert.deepEqual([big.pin_count, big.section_count], [310, 1]);
    });

    it('secret and protected boards are 404 by slug and by id, like unknown ones', async () => {
      for (const options of [
        { username: d.owner.username, slug: d.secret.slug }, { board_id: d.secret.id },
        { username: d.owner.username, slug: d.protectedBoard.slug }, { board_id: d.protectedBoard.id },
        { username: d.owner.username, slug: 'nope' }, { username: 'nobody_here', slug: d.board.slug }, { board_id: '1' },
      ]) {
        const res = await resource(s.url, 'Board', options);
        assert.equal(res.status, 404, JSON.stringify(options));
        assert.equal(res.data.resource_response.code, 40);
      }
      for (const name of ['BoardFeed', 'BoardSections']) {
        assert.equal((await resource(s.url, name, { board_id: d.secret.id })).status, 404);
        assert.equal((await resource(s.url, name, { board_id: d.protectedBoard.id })).status, 404);
      }
      assert.equal((await resource(s.url, 'BoardSectionPins', { section_id: d.secret.sectionId })).status, 404);
      assert.equal((await resource(s.url, 'BoardSection', { section_id: d.secret.sectionId })).status, 404);
    });

    it('UserResource counts only what others may see', async () => {
      const res = await resource(s.url, 'User', { username: d.owner.username });
      assert.equal(res.status, 200);
      const u = res.data.resource_response.data;
      assert.equal(u.id, d.owner.id);
      assert.equal(u.type, 'user');
      assert.equal(u.username, d.owner.username);
      assert.equal(u.full_name, d.owner.username);
      assert.equal(u.pin_count, 313);
      assert.equal(u.board_count, 2);
      const none = await resource(s.url, 'User', { username: 'nobody_here' });
      assert.equal(none.status, 404);
      assert.equal(none.data.resource_response.code, 30);
    });
  });

  describe('paged resources', () => {
    it('BoardFeedResource pages a 310-pin board: every pin outside its section once, newest first, ending at -end-', async () => {
      const { items, pages } = await all(s.url, 'BoardFeed', { board_id: d.big.id, board_url: `/${d.owner.username}/${d.big.slug}/`, page_size: 25 });
      const outside = d.big.pinIds.filter((id) => !d.section.pinIds.includes(id));
      assert.equal(outside.length, 279);
      assert.equal(pages, 12);
      assert.deepEqual(items.map((p) => p.id), outside.reverse()); // the section's 31 come from BoardSectionPinsResource
      assert.ok(items.every((p) => p.board.id === d.big.id && p.type === 'pin' && p.board_section_id === null));
    });

    it('page_size is clamped (0, 1000, junk) and never fails', async () => {
      const size = async (page_size: unknown) => (await resource(s.url, 'BoardFeed', { board_id: d.big.id, page_size })).data.resource_response.data.length;
      assert.equal(await size(0), 1);
      assert.equal(await size(-5), 1);
      assert.equal(await size(1000), 250);
      assert.equal(await size('100'), 100);
      assert.equal(await size('lots'), 25);
      assert.equal(await size(null), 25);
      const { items } = await all(s.url, 'BoardFeed', { board_id: d.big.id, page_size: 250 });
      assert.equal(new Set(items.map((p) => p.id)).size, 279);
    });

    it('also finds the feed by username and slug; a small board fits one page ending at -end-', async () => {
      const res = await resource(s.url, 'BoardFeed', { username: d.owner.username, slug: d.board.slug });
      assert.equal(res.data.resource_response.data.length, 3);
      assert.equal(res.data.resource_response.bookmark, '-end-');
      assert.deepEqual(res.data.resource.options.bookmarks, ['-end-']);
    });

    it('bookmarks: -end- is an empty page; garbage is a 400; empty or [] is the first page', async () => {
      const end = await resource(s.url, 'BoardFeed', { board_id: d.big.id, bookmarks: ['-end-'] });
      assert.equal(end.status, 200);
      assert.deepEqual(end.data.resource_response.data, []);
      assert.equal(end.data.resource_response.bookmark, '-end-');
      for (const bookmarks of [['garbage!'], ['eyJ4IjoxfQ'], [42]]) {
        const bad = await resource(s.url, 'BoardFeed', { board_id: d.big.id, bookmarks });
        assert.equal(bad.status, 400, JSON.stringify(bookmarks));
        assert.equal(bad.data.resource_response.status, 'failure');
      }
      for (const bookmarks of [[], [''], [null], null]) {
        const first = await resource(s.url, 'BoardFeed', { board_id: d.big.id, bookmarks });
        assert.equal(first.data.resource_response.data[0].id, d.big.pinIds.at(-1));
      }
    });

    it('BoardSectionsResource and BoardSectionPinsResource', async () => {
      const res = await resource(s.url, 'BoardSections', { board_id: d.big.id });
      assert.equal(res.status, 200);
      assert.deepEqual(res.data.resource_response.data, [{ id: d.section.id, type: 'board_section', title: 'Sub Section', slug: 'sub-section', pin_count: 31, board_id: d.big.id }]);
      assert.equal(res.data.resource_response.bookmark, '-end-');
      const { items } = await all(s.url, 'BoardSectionPins', { section_id: d.section.id, page_size: 7 });
      assert.deepEqual(items.map((p) => p.id), [...d.section.pinIds].reverse());
      // as Pinterest's web app (and gallery-dl) ask for one section: board_slug and section_slug, or section_id
      for (const options of [
        { username: d.owner.username, board_slug: d.big.slug, section_slug: 'sub-section' },
        { username: d.owner.username, board_slug: d.big.slug, section_slug: d.section.id }, { section_id: d.section.id },
      ]) {
        const one = await resource(s.url, 'BoardSection', options);
        assert.equal(one.status, 200, JSON.stringify(options));
        const { board, ...section } = one.data.resource_response.data;
        assert.deepEqual(section, { id: d.section.id, type: 'board_section', title: 'Sub Section', slug: 'sub-section', pin_count: 31, board_id: d.big.id });
        assert.deepEqual(board, (await resource(s.url, 'Board', { board_id: d.big.id })).data.resource_response.data);
      }
      const earlier = await resource(s.url, 'BoardSection', { username: d.owner.username, slug: d.big.slug, section_slug: 'sub-section' });
      assert.equal(earlier.data.resource_response.data.id, d.section.id); // the option's earlier name still works
      const noBoard = await resource(s.url, 'BoardSection', { username: d.owner.username, section_slug: 'sub-section' });
      assert.equal(noBoard.status, 400);
      assert.match(noBoard.data.resource_response.message, /options\.board_slug/);
      for (const options of [
        { username: d.owner.username, board_slug: d.secret.slug, section_slug: 'deep' },
        { username: d.owner.username, board_slug: d.big.slug, section_slug: 'nope' },
      ]) assert.equal((await resource(s.url, 'BoardSection', options)).status, 404, JSON.stringify(options));
      assert.equal((await resource(s.url, 'BoardSectionPins', { section_id: '99' })).data.resource_response.code, 2031);
      assert.equal((await resource(s.url, 'BoardSections', { board_id: d.board.id })).data.resource_response.data.length, 0);
    });

    it('UserPinsResource lists the user\'s pins on public boards only', async () => {
      const { items } = await all(s.url, 'UserPins', { username: d.owner.username, page_size: 100 });
      assert.equal(items.length, 313);
      const ids = new Set(items.map((p) => p.id));
      assert.equal(ids.size, 313);
      assert.ok(!ids.has(d.secret.pinId) && !ids.has(d.protectedBoard.pinId));
      assert.ok(ids.has(d.imagePin) && ids.has(d.carouselPin) && ids.has(d.videoPin!));
    });

    it('BoardsResource lists the user\'s public boards, newest first, as gallery-dl asks for a profile', async () => {
      const options = { sort: 'last_pinned_to', field_set_key: 'profile_grid_item', filter_stories: false, username: d.owner.username, page_size: 1, include_archived: true };
      const { items, pages } = await all(s.url, 'Boards', options);
      assert.equal(pages, 2);
      assert.deepEqual(items, [
        (await resource(s.url, 'Board', { board_id: d.big.id })).data.resource_response.data,
        (await resource(s.url, 'Board', { board_id: d.board.id })).data.resource_response.data,
      ]);
      const none = await resource(s.url, 'Boards', { username: 'nobody_here' });
      assert.deepEqual([none.status, none.data.resource_response.code], [404, 30]);
      assert.match((await resource(s.url, 'Boards', {})).data.resource_response.message, /options\.username/);
    });
  });

  describe('created pins and search', () => {
    let other: OtherUser;
    let saved: string;

    before(async () => {
      other = await otherUser(s, d, 'zebra');
      saved = other.savedPinId;
    });

    it('UserActivityPinsResource is the user\'s public pins without the ones saved from others', async () => {
      const options = { exclude_add_pin_rep: true, field_set_key: 'grid_item', is_own_profile_pins: false, username: d.owner.username, page_size: 100 };
      const created = (await all(s.url, 'UserActivityPins', options)).items.map((p) => p.id);
      const pins = (await all(s.url, 'UserPins', options)).items.map((p) => p.id);
      assert.deepEqual(pins, [saved, ...created]); // the save is the newest pin
      assert.equal(created.length, 313);
      assert.ok(!created.includes(d.secret.pinId) && !created.includes(d.protectedBoard.pinId));
      assert.deepEqual((await all(s.url, 'UserActivityPins', { username: other.username })).items.map((p) => p.id), [other.pinId]);
      assert.equal((await resource(s.url, 'UserActivityPins', { username: 'nobody_here' })).status, 404);
    });

    it('BaseSearchResource finds public pins of every user by their words, in {"results": [...]}, paged', async () => {
      const options = { query: 'zebra', scope: 'pins', rs: 'typed', page_size: 1 };
      const first = await resource(s.url, 'BaseSearch', options);
      assert.equal(first.status, 200);
      assert.equal(first.data.resource_response.data.results.length, 1);
      const found: string[] = [];
      let bookmarks: string[] | undefined;
      for (let i = 0; i < 10; i++) {
        const res = await resource(s.url, 'BaseSearch', { ...options, ...(bookmarks ? { bookmarks } : {}) });
        assert.equal(res.status, 200, JSON.stringify(res.data));
        found.push(...res.data.resource_response.data.results.map((p: any) => p.id));
        bookmarks = res.data.resource.options.bookmarks;
        assert.equal(res.data.resource_response.bookmark, bookmarks![0]);
        if (bookmarks![0] === '-end-') break;
      }
      assert.deepEqual(found.sort(), [other.pinId, saved].sort()); // never the secret or protected one
      const pin = (await resource(s.url, 'BaseSearch', { query: 'green zeb' })).data.resource_response.data.results;
      assert.equal(pin.length, 2);
      assert.deepEqual(pin[0], (await resource(s.url, 'Pin', { id: pin[0].id })).data.resource_response.data);
      const red = (await resource(s.url, 'BaseSearch', { query: 'Red square' })).data.resource_response.data.results;
      assert.deepEqual(red.map((p: any) => p.id), [d.imagePin]);
      for (const query of ['!!!', 'nothingmatchesthis']) {
        const res = await resource(s.url, 'BaseSearch', { query });
        assert.deepEqual([res.status, res.data.resource_response.data, res.data.resource_response.bookmark], [200, { results: [] }, '-end-'], query);
      }
    });

    it('BaseSearchResource: a missing query, another scope or a foreign bookmark is a 400', async () => {
      const feedBookmark = (await resource(s.url, 'BoardFeed', { board_id: d.big.id })).data.resource_response.bookmark;
      for (const options of [{}, { query: '' }, { query: ' ' }, { query: 'zebra', scope: 'boards' }, { query: 'zebra', bookmarks: [feedBookmark] }]) {
        const res = await resource(s.url, 'BaseSearch', options);
        assert.equal(res.status, 400, JSON.stringify(options));
        assert.equal(res.data.resource_response.status, 'failure');
        assert.match(res.data.resource_response.message, /query|scope|bookmark/);
      }
    });
  });
});
