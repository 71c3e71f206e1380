// GET /api/app/home-feed over real HTTP with a browser's session cookie: the pins of followed boards (and of the
// PUBLIC boards of followed users) and the user's own (sections and secret boards included), newest first by
// created_at, bookmark-paged with nothing missing or repeated, each item exactly what GET /v5/pins/{id} answers;
// privacy (a followed board made SECRET or PROTECTED leaves), follows and unfollows, refusals, and the query plan.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { CompiledQuery } from 'kysely';
import { HomeFeed } from '../src/http/app-api/feed-schemas.js';
import { encodeBookmark } from '../src/lib/bookmark.js';
import { FeedRepository } from '../src/repositories/feed.js';
import type { Principal } from '../src/services/oauth.js';
import { Browser } from './browser-session.js';
import { api, forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

interface Person { id: string; username: string; p: Principal; token: string; browser: Browser }

forEachDialect('home feed /api/app/home-feed', (dialect) => {
  let s: TestServer;
  let image: ReturnType<typeof b64>;
  let me: Person;
  let ann: Person;
  let ben: Person;

  async function person(): Promise<Person> {
    const username = uniqueName('feed').slice(0, 30);
    const browser = new Browser(s.url);
    await browser.signUp(username);
    const user = await s.ctx.users.byUsername(username);
    const token = (await s.token(username, (await s.app_(username)).client_id)).access_token;
    return { id: user.id, username, p: s.ctx.sessions.principalFor(user), token, browser };
  }
  const board = (who: Person, name: string, privacy: 'PUBLIC' | 'PROTECTED' | 'SECRET' = 'PUBLIC') =>
    s.ctx.boards.create(who.p, { name, privacy }).then((b) => b.id);
  const pin = (who: Person, boardId: string, title: string, extra: { board_section_id?: string } = {}, createdAt?: string) =>
    s.ctx.pins.create(who.p, { board_id: boardId, title, media_source: image, ...extra }, createdAt ? { createdAt } : {}).then((x) => x.id);

  const feed = (who: Person, query = '') => who.browser.fetch('GET', `/api/app/home-feed${query}`);
  /** Every pin of the feed, page by page; checks each page against the schema and that pages never overlap. */
  async function wholeFeed(who: Person, pageSize = 3): Promise<string[]> {
    const ids: string[] = [];
    let bookmark: string | null = null;
    do {
      const res = await feed(who, `?page_size=${pageSize}${bookmark ? `&bookmark=${bookmark}` : ''}`);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assert.ok(Value.Check(HomeFeed, res.data), JSON.stringify(res.data));
      assert.ok(res.data.items.length <= pageSize);
      ids.push(...res.data.items.map((i: { id: string }) => i.id));
      bookmark = res.data.bookmark;
    } while (bookmark);
    assert.equal(new Set(ids).size, ids.length, `a pin was served twice: ${ids}`);
    return ids;
  }

  before(async () => {
    s = await startServer(dialect);
    image = b64(await png(200, 40, 40, 60, 90));
    [me, ann, ben] = [await person(), await person(), await person()];
  });
  after(() => s?.close());

  it('refuses a visitor without a session (401), and a bad page_size or bookmark naming it (400)', async () => {
    const anonymous = new Browser(s.url);
    const res = await anonymous.fetch('GET', '/api/app/home-feed');
    assert.equal(res.status, 401);
    assert.match(res.data.message, /Log in/);
    for (const [query, field] of [['?page_size=0', 'page_size'], ['?page_size=251', 'page_size'], ['?page_size=ten', 'page_size'],
      ['?bookmark=not*base64', 'bookmark'], [`?bookmark=${encodeBookmark(['123'])}`, 'bookmark'], [`?bookmark=${encodeBookmark(['yesterday', '123'])}`, 'bookmark'],
      [`?bookmark=${encodeBookmark(['2026-01-01T00:00:00.000Z', 'x1'])}`, 'bookmark'], ['?limit=3', 'limit']] as const) {
      const bad = await feed(me, query);
      assert.equal(bad.status, 400, `${query}: ${JSON.stringify(bad.data)}`);
      assert.equal(bad.data.code, 1);
      assert.match(bad.data.message, new RegExp(field), query);
    }
    assert.deepEqual((await feed(me)).data, { items: [], bookmark: null }); // nothing followed, nothing made yet
  });

  it('is my pins (sections, secret boards) and followed boards\' pins, newest first by created_at, each once and exactly as /v5/pins/{id} answers it', async () => {
    const mine = await board(me, 'Mine');
    const mySecret = await board(me, 'My secret', 'SECRET');
    const section = (await s.ctx.sections.create(me.p, mine, 'Part')).id;
    const annPublic = await board(ann, 'Ann public');
    const annOther = await board(ann, 'Ann not followed');
    const annSecret = await board(ann, 'Ann secret', 'SECRET');
    await s.ctx.follows.followBoard(me.p, annPublic);

    const made: string[] = [];
    made.push(await pin(me, mine, 'mine 1'));
    made.push(await pin(ann, annPublic, 'ann 1'));
    made.push(await pin(me, mine, 'mine in section', { board_section_id: section }));
    await pin(ann, annOther, 'ann unfollowed');
    await pin(ann, annSecret, 'ann secret');
    made.push(await pin(me, mySecret, 'my secret'));
    made.push(await pin(ann, annPublic, 'ann 2'));
    // Made last but dated a year back (an import keeps the source's time): it sorts by that time, at the end.
    const old = await pin(ann, annPublic, 'ann imported', {}, new Date(Date.now() - 365 * 86400_000).toISOString());

    const expected = [...made.reverse(), old];
    assert.deepEqual(await wholeFeed(me, 2), expected);
    assert.deepEqual(await wholeFeed(me, 250), expected);

    const first = await feed(me, '?page_size=250');
    for (const item of first.data.items) {
      const asV5 = await api(s.url, 'GET', `/v5/pins/${item.id}`, { token: me.token });
      assert.deepEqual(item, asV5.data);
    }
    assert.deepEqual(first.data.items.map((i: { is_owner: boolean }) => i.is_owner), [false, true, true, false, true, false]);

    // Following the board's owner too (every PUBLIC board of theirs counts) shows each pin still once, now with
    // their other PUBLIC board's; never their SECRET one.
    await s.ctx.follows.followUser(me.p, ann.username);
    const withUser = await wholeFeed(me, 4);
    const titles = await Promise.all(withUser.map(async (id) => (await s.ctx.pins.get(me.p, id).catch(() => ({ title: 'unseen' }))).title));
    assert.ok(titles.includes('ann unfollowed'), String(titles));
    assert.ok(!titles.includes('ann secret') && !titles.includes('unseen'), String(titles));
    assert.equal(withUser.length, expected.length + 1);
  });

  it('a followed board\'s new pin comes first; made SECRET or PROTECTED, its pins leave; unfollowed, they leave', async () => {
    const benBoard = await board(ben, 'Ben public');
    const before = await pin(ben, benBoard, 'ben before');
    assert.ok(!(await wholeFeed(me, 250)).includes(before));
    await s.ctx.follows.followBoard(me.p, benBoard);
    assert.ok((await wholeFeed(me, 250)).includes(before));
    const fresh = await pin(ben, benBoard, 'ben new');
    assert.equal((await feed(me, '?page_size=1')).data.items[0].id, fresh);

    for (const privacy of ['SECRET', 'PROTECTED'] as const) {
      await s.ctx.boards.update(ben.p, benBoard, { privacy });
      const ids = await wholeFeed(me, 250);
      assert.ok(!ids.includes(fresh) && !ids.includes(before), privacy);
      // the owner still has them in their own feed
      assert.deepEqual((await wholeFeed(ben, 250)).slice(0, 2), [fresh, before]);
    }
    await s.ctx.boards.update(ben.p, benBoard, { privacy: 'PUBLIC' });
    assert.equal((await feed(me, '?page_size=1')).data.items[0].id, fresh);
    await s.ctx.follows.unfollowBoard(me.p, benBoard);
    const ids = await wholeFeed(me, 250);
    assert.ok(!ids.includes(fresh) && !ids.includes(before));
  });

  it('reads each feed board from the (board_id, created_at, id) index, a page from the bookmark on', async () => {
    const repo = new FeedRepository(s.ctx.database.db);
    const q = repo.homeQuery({ userId: me.id, ownPrivacies: ['PUBLIC', 'PROTECTED', 'SECRET'] }, { pageSize: 25, after: ['2026-01-01T00:00:00.000Z', '1'] }).compile();
    if (dialect === 'sqlite') {
      const plan = (await s.ctx.database.db.executeQuery(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters])))
        .rows.map((r) => (r as { detail: string }).detail);
      assert.ok(plan.some((d) => /SEARCH n USING COVERING INDEX pins_board_created \(board_id=\? AND \(created_at,id\)<\(\?,\?\)\)/.test(d)), plan.join('\n'));
      assert.deepEqual(plan.filter((d) => /^SCAN /.test(d)), [], plan.join('\n')); // no table read whole
    } else {
      // PostgreSQL plans from statistics, and a few test rows are cheaper to scan: with scans priced out, the
      // index serves the per-board read, bookmark condition included.
      const plan = await s.ctx.database.db.transaction().execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
        return (await trx.executeQuery(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => (r as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
      });
      assert.match(plan, /Index Only Scan Backward using pins_board_created on pins n[^\n]*\n\s+Index Cond: \(\(board_id = b\.id\) AND \(ROW\(created_at, id\) < ROW\(/, plan);
    }
  });
});
