// Search of one's own pins and boards: relevance order, what is searched, privacy, bookmarks, an index that
// follows every write, input that is query syntax to the engines, and pin id lists.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { migrations } from '../src/db/migrations/index.js';
import { SearchRepository } from '../src/repositories/search.js';
import { api, FIXTURES, forEachDialect, freshDatabase, startServer, type Dialect, type TestServer } from './helpers.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png')).toString('base64');

interface Text { title?: string; description?: string; alt_text?: string }
type Item = { id: string };
const ids = (res: { data: { items: Item[] } }) => res.data.items.map((i) => i.id);

forEachDialect('search', (dialect) => {
  let s: TestServer;
  const t: Record<string, string> = {};
  const boards: Record<string, string> = {};
  const pins: Record<string, string> = {};

  const board = async (who: string, name: string, extra: Record<string, unknown> = {}) =>
    (await api(s.url, 'POST', '/v5/boards', { token: t[who], json: { name, ...extra } })).data.id as string;
  const pin = async (who: string, boardId: string, text: Text) => {
    const res = await api(s.url, 'POST', '/v5/pins', { token: t[who], json: { board_id: boardId, ...text, media_source: { source_type: 'image_base64', content_type: 'image/png', data: PNG } } });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data.id as string;
  };
  const searchPins = (who: string, query: string, extra = '') => api(s.url, 'GET', `/v5/search/pins?query=${encodeURIComponent(query)}${extra}`, { token: t[who] });
  const searchBoards = (who: string, query: string, extra = '') => api(s.url, 'GET', `/v5/search/boards?query=${encodeURIComponent(query)}${extra}`, { token: t[who] });

  before(async () => {
    s = await startServer(dialect);
    for (const who of ['ann', 'ben']) {
      const u = await s.user(`${who}_search_${dialect}`);
      const app = await s.app_(u.username);
      t[who] = (await s.token(u.username, app.client_id)).access_token;
      if (who === 'ann') t.annNoSecret = (await s.token(u.username, app.client_id, ['boards:read', 'pins:read', 'boards:write', 'pins:write'])).access_token;
    }
    boards.dinners = await board('ann', 'Weeknight dinners', { description: 'quick meals' });
    boards.garden = await board('ann', 'Tomato garden');
    boards.secret = await board('ann', 'Secret plans', { privacy: 'SECRET', description: 'hidden tomato stash' });
    boards.ben = await board('ben', 'Tomato everything');
    // ranking: two title hits and a description hit > one description hit > one board-name hit
    pins.strong = await pin('ann', boards.dinners, { title: 'Tomato tomato soup', description: 'A tomato classic' });
    pins.medium = await pin('ann', boards.dinners, { title: 'Green soup', description: 'with a tomato' });
    pins.boardOnly = await pin('ann', boards.garden, { title: 'Basil', description: 'fresh leaves' });
    pins.secret = await pin('ann', boards.secret, { title: 'Secret tomato sauce', description: 'grandma' });
    pins.ben = await pin('ben', boards.ben, { title: 'Tomato tomato tomato', description: 'tomato tomato' });
    pins.unicode = await pin('ann', boards.dinners, { title: 'Crème brûlée', description: '抹茶 dessert', alt_text: 'a golden gazpacho-coloured crust' });
  });
  after(() => s.close());

  it('ranks by relevance: repeated and title hits first, board-name hits last; other users never appear', async () => {
    const res = await searchPins('ann', 'tomato');
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res), [pins.strong, pins.secret, pins.medium, pins.boardOnly]);
    // the items are the Pin shape of the list endpoints
    const first = res.data.items[0];
    const direct = (await api(s.url, 'GET', `/v5/pins/${pins.strong}`, { token: t.ann })).data;
    assert.deepEqual(first, direct);
    assert.equal(res.data.bookmark, null);
    // ben finds his own pin and nothing of ann's
    assert.deepEqual(ids(await searchPins('ben', 'tomato')), [pins.ben]);
    assert.deepEqual(ids(await searchPins('ben', 'soup')), []);
  });

  it('finds pins by the name of their board, by alt text, by a prefix of the last word, by stem, and in any script', async () => {
    assert.deepEqual(ids(await searchPins('ann', 'garden')), [pins.boardOnly]);
    assert.deepEqual(ids(await searchPins('ann', 'weeknight')).sort(), [pins.strong, pins.medium, pins.unicode].sort());
    assert.deepEqual(ids(await searchPins('ann', 'golden crust')), [pins.unicode]);
    assert.deepEqual(ids(await searchPins('ann', 'gazp')), [pins.unicode]); // prefix of the last word
    assert.deepEqual(ids(await searchPins('ann', 'gazp ')), []); // a finished word is matched whole
    assert.deepEqual(ids(await searchPins('ann', 'soups')).sort(), [pins.strong, pins.medium].sort()); // stemmed
    assert.deepEqual(ids(await searchPins('ann', 'crème')), [pins.unicode]);
    assert.deepEqual(ids(await searchPins('ann', 'BRÛLÉE')), [pins.unicode]);
    assert.deepEqual(ids(await searchPins('ann', '抹茶')), [pins.unicode]);
    assert.deepEqual(ids(await searchPins('ann', 'tomato basil')), [pins.boardOnly]); // every word, in any field
  });

  it('searches boards by name and description, best first; without a query lists them newest first', async () => {
    const res = await searchBoards('ann', 'tomato');
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res), [boards.garden, boards.secret]); // name outranks description
    const direct = (await api(s.url, 'GET', `/v5/boards/${boards.garden}`, { token: t.ann })).data;
    assert.deepEqual(res.data.items[0], direct);
    assert.deepEqual(ids(await searchBoards('ann', 'quick')), [boards.dinners]);
    assert.deepEqual(ids(await searchBoards('ben', 'tomato')), [boards.ben]);
    const all = await api(s.url, 'GET', '/v5/search/boards', { token: t.ann });
    assert.equal(all.status, 200);
    assert.deepEqual(ids(all), ids(await api(s.url, 'GET', '/v5/boards', { token: t.ann })));
    const paged = await api(s.url, 'GET', '/v5/search/boards?page_size=1', { token: t.ann });
    const next = await api(s.url, 'GET', `/v5/search/boards?page_size=1&bookmark=${paged.data.bookmark}`, { token: t.ann });
    assert.deepEqual([...ids(paged), ...ids(next)], ids(all).slice(0, 2));
  });

  it('SECRET boards and their pins only with the *_secret scopes', async () => {
    assert.ok(ids(await searchPins('ann', 'sauce')).includes(pins.secret!));
    assert.deepEqual(ids(await searchBoards('ann', 'stash')), [boards.secret]);
    // the spec's security lists the *_secret scopes for both operations: without them, no answer at all
    for (const res of [await searchPins('annNoSecret', 'sauce'), await searchBoards('annNoSecret', 'stash')]) {
      assert.equal(res.status, 401);
      assert.equal(res.data.code, 3);
    }
    // and the service's own filter, for a caller holding only the non-secret scopes
    const user = await s.ctx.users.byUsername(`ann_search_${dialect}`);
    const caller = { user, appId: 'test', scopes: new Set(['boards:read', 'pins:read']), grant: 'authorization_code' as const, tokenId: 'test' };
    const page = { pageSize: 25, after: null };
    assert.deepEqual((await s.ctx.search.pins(caller, 'tomato', page)).items.map((p) => p.id), [pins.strong, pins.medium, pins.boardOnly]);
    assert.deepEqual((await s.ctx.search.boards(caller, 'tomato', page)).items.map((b) => b.id), [boards.garden]);
    // a board's privacy change reaches the index, for the board and its pins
    const privacy = (value: string) => api(s.url, 'PATCH', `/v5/boards/${boards.garden}`, { token: t.ann, json: { privacy: value } });
    assert.equal((await privacy('SECRET')).status, 200);
    assert.deepEqual((await s.ctx.search.pins(caller, 'tomato', page)).items.map((p) => p.id), [pins.strong, pins.medium]);
    assert.deepEqual((await s.ctx.search.boards(caller, 'tomato', page)).items.map((b) => b.id), []);
    assert.ok(ids(await searchPins('ann', 'basil')).includes(pins.boardOnly!));
    assert.equal((await privacy('PUBLIC')).status, 200);
    assert.deepEqual((await s.ctx.search.pins(caller, 'tomato', page)).items.map((p) => p.id), [pins.strong, pins.medium, pins.boardOnly]);
  });

  it('pages by bookmark through ranked results, none missing or repeated', async () => {
    const b = await board('ann', 'Paging board');
    const made: string[] = [];
    for (let i = 0; i < 13; i++) {
      // three relevance levels, with ties inside each (ties go newest first)
      made.push(await pin('ann', b, { title: `Paginate ${i}`, description: i % 3 === 0 ? 'paginate paginate' : i % 3 === 1 ? 'paginate' : 'other words here' }));
    }
    const whole = await searchPins('ann', 'paginate', '&page_size=250');
    assert.equal(whole.data.items.length, 13);
    assert.equal(whole.data.bookmark, null);
    const seen: string[] = [];
    let bookmark: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; data: { items: Item[]; bookmark: string | null } } = await searchPins('ann', 'paginate', `&page_size=4${bookmark ? `&bookmark=${bookmark}` : ''}`);
      assert.equal(res.status, 200);
      seen.push(...ids(res));
      bookmark = res.data.bookmark;
      pages++;
    } while (bookmark);
    assert.equal(pages, 4);
    assert.deepEqual(seen, ids(whole));
    assert.deepEqual([...seen].sort(), [...made].sort());
    // newest first among equals: the first level's pins (i = 0, 3, 6, 9, 12) in descending id order
    assert.deepEqual(seen.slice(0, 5), [12, 9, 6, 3, 0].map((i) => made[i]));
    // bookmarks are checked
    for (const bad of ['garbage!', Buffer.from('[1,"x",5]').toString('base64url'), Buffer.from('[1,5]').toString('base64url')]) {
      assert.equal((await searchPins('ann', 'paginate', `&bookmark=${bad}`)).status, 400, bad);
    }
    for (const size of ['0', '251', 'x']) assert.equal((await searchPins('ann', 'paginate', `&page_size=${size}`)).status, 400, size);
  });

  it('the index follows pin and board writes: edits, moves, renames and deletes', async () => {
    const b = await board('ann', 'Zucchini patch', { description: 'courgettes' });
    const p = await pin('ann', b, { title: 'Zucchini fritters', description: 'crispy' });
    assert.deepEqual(ids(await searchPins('ann', 'fritters')), [p]);
    assert.equal((await api(s.url, 'PATCH', `/v5/pins/${p}`, { token: t.ann, json: { title: 'Eggplant parmigiana', description: null } })).status, 200);
    assert.deepEqual(ids(await searchPins('ann', 'fritters')), []);
    assert.deepEqual(ids(await searchPins('ann', 'parmigiana')), [p]);
    // board rename: its pins are found by the new name only
    assert.deepEqual(ids(await searchPins('ann', 'zucchini')), [p]);
    assert.equal((await api(s.url, 'PATCH', `/v5/boards/${b}`, { token: t.ann, json: { name: 'Aubergine bed', description: 'nightshades' } })).status, 200);
    assert.deepEqual(ids(await searchPins('ann', 'zucchini')), []);
    assert.deepEqual(ids(await searchPins('ann', 'aubergine')), [p]);
    assert.deepEqual(ids(await searchBoards('ann', 'courgettes')), []);
    assert.deepEqual(ids(await searchBoards('ann', 'nightshades')), [b]);
    // a move takes the other board's name
    assert.equal((await api(s.url, 'PATCH', `/v5/pins/${p}`, { token: t.ann, json: { board_id: boards.garden } })).status, 200);
    assert.deepEqual(ids(await searchPins('ann', 'aubergine')), []);
    assert.ok(ids(await searchPins('ann', 'garden')).includes(p));
    // deletes: a pin, then a board with its pins
    assert.equal((await api(s.url, 'DELETE', `/v5/pins/${p}`, { token: t.ann })).status, 204);
    assert.deepEqual(ids(await searchPins('ann', 'parmigiana')), []);
    const q = await pin('ann', b, { title: 'Moussaka' });
    assert.deepEqual(ids(await searchPins('ann', 'moussaka')), [q]);
    assert.equal((await api(s.url, 'DELETE', `/v5/boards/${b}`, { token: t.ann })).status, 204);
    assert.deepEqual(ids(await searchPins('ann', 'moussaka')), []);
    assert.deepEqual(ids(await searchBoards('ann', 'aubergine')), []);
  });

  it('input that is query syntax to FTS5 or tsquery answers 200 or 400, never 500', async () => {
    const hostile = ['"', '""', "'", '\\', 'AND', 'OR', 'NOT', 'AND OR NOT', '*', 'tomato*', '^tomato', '-tomato', '+', '(', ')', '(((', 'NEAR(',
      'NEAR(tomato soup, 2)', 'NEAR/2', 'a:b', 'title:tomato', '{title}: tomato', 'owner : x', ':*', 'tomato:*', '<->', 'a & b | !c', "a' | 'b",
      '%', '_', '0', '1,2,abc', ',', ', ,', '\u0301', '\u0000', '😀', '中文', 'ﬁ', 'İstanbul', 'x'.repeat(1000), 'a '.repeat(40), '1,'.repeat(300)];
    for (const query of hostile) {
      for (const res of [await searchPins('ann', query), await searchBoards('ann', query)]) {
        assert.ok(res.status === 200 || res.status === 400, `${JSON.stringify(query)} answered ${res.status} ${JSON.stringify(res.data)}`);
      }
    }
    assert.deepEqual(ids(await searchPins('ann', '"tomato" (soup*')), [pins.strong, pins.medium]); // just the words
    assert.equal((await searchPins('ann', 'x'.repeat(1001))).status, 400);
  });

  it('query is required for pins and never empty; unknown parameters are ignored', async () => {
    const missing = await api(s.url, 'GET', '/v5/search/pins', { token: t.ann });
    assert.equal(missing.status, 400);
    assert.match(missing.data.message, /query/);
    for (const empty of ['', '   ', '\t']) {
      assert.equal((await searchPins('ann', empty)).status, 400);
      assert.equal((await searchBoards('ann', empty)).status, 400);
    }
    assert.deepEqual(ids(await searchPins('ann', 'garden', '&whatever=1')), [pins.boardOnly]);
  });

  it('a query of comma-separated ids looks those pins up, the caller\'s own only', async () => {
    const res = await searchPins('ann', `${pins.medium},${pins.strong}, ${pins.ben},1234567890123456789`);
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res), [pins.medium, pins.strong].sort().reverse());
    assert.deepEqual(ids(await searchPins('ann', pins.boardOnly!)), [pins.boardOnly]);
    assert.deepEqual(ids(await searchPins('ben', `${pins.strong},${pins.ben}`)), [pins.ben]);
    const paged = await searchPins('ann', `${pins.medium},${pins.strong},${pins.boardOnly}`, '&page_size=2');
    const rest = await searchPins('ann', `${pins.medium},${pins.strong},${pins.boardOnly}`, `&page_size=2&bookmark=${paged.data.bookmark}`);
    assert.deepEqual([...ids(paged), ...ids(rest)], [pins.medium, pins.strong, pins.boardOnly].sort().reverse());
    assert.equal((await searchPins('ann', Array.from({ length: 251 }, (_, i) => String(i + 1)).join(','))).status, 400);
  });
});

/** A database migrated up to just before search, with rows in it; then the search migration indexes them. */
async function migrateAcross(dialect: Dialect) {
  const fresh = await freshDatabase(dialect);
  const db = new Kysely<any>({
    dialect: fresh.env.CORKBOARD_DATABASE_URL
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.env.CORKBOARD_DATABASE_URL, max: 2 }) })
      : new SqliteDialect({ database: new SQLite(path.join(fresh.env.CORKBOARD_DATA_DIR!, 'corkboard.sqlite')) }),
  });
  const names = Object.keys(migrations);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return { db, fresh, migrator, before: names[names.indexOf('2026-11-23-0007-search') - 1]! };
}

forEachDialect('search migration', (dialect) => {
  it('indexes the pins and boards that exist before it', async () => {
    const { db, fresh, migrator, before } = await migrateAcross(dialect);
    try {
      assert.equal((await migrator.migrateTo(before)).error, undefined);
      const now = new Date().toISOString();
      await db.insertInto('users').values({ id: '1000000000000000001', username: 'old', username_key: 'old', password_hash: 'x', account_type: 'PINNER', created_at: now }).execute();
      await db.insertInto('boards').values({ id: '1000000000000000002', owner_id: '1000000000000000001', name: 'Legacy larder', slug: 'legacy-larder', description: 'pickles', privacy: 'PUBLIC', board_pins_modified_at: now, created_at: now }).execute();
      await db.insertInto('pins').values({ id: '1000000000000000003', owner_id: '1000000000000000001', board_id: '1000000000000000002', title: 'Pickled onions', media_type: 'image', creative_type: 'REGULAR', created_at: now }).execute();
      const latest = await migrator.migrateToLatest();
      assert.equal(latest.error, undefined, String(latest.error));
      const repo = new SearchRepository(db, dialect === 'sqlite' ? 'fts5' : 'tsvector');
      const page = { pageSize: 25, after: null };
      const found = await repo.pins('1000000000000000001', ['PUBLIC'], { words: ['larder'], prefixLast: false }, page);
      assert.deepEqual(found.map((r) => r.id), ['1000000000000000003']);
      const onions = await repo.pins('1000000000000000001', ['PUBLIC'], { words: ['onion'], prefixLast: false }, page);
      assert.deepEqual(onions.map((r) => r.id), ['1000000000000000003']);
      const boards = await repo.boards('1000000000000000001', ['PUBLIC'], { words: ['pickles'], prefixLast: false }, page);
      assert.deepEqual(boards.map((r) => r.id), ['1000000000000000002']);
    } finally {
      await db.destroy();
      await fresh.drop();
    }
  });
});
