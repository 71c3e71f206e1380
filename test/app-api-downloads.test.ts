// The web app's downloads API (/api/app/downloads) over real HTTP with a browser's cookie jar: a signed-in user
// submits a link to a board of this very server (read back through its public web protocol), polls the job's
// progress until its files and ZIP are there, byte for byte what the server serves; lists their jobs newest first,
// paged; and is refused as the download API refuses (bad links 400 naming url), logged out (401), without the CSRF
// proof (403), and for another user's job (404). Jobs made before the migration keep their key's owner.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { APP_ROUTES } from '../src/http/app-api/routes.js';
import { migrate } from '../src/db/database.js';
import { migrations } from '../src/db/migrations/index.js';
import { Browser, type Answer } from './browser-session.js';
import { forEachDialect, freshDatabase, startServer, uniqueName, type Dialect, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';
import { zipEntries } from './zip-entries.js';

type RouteName = keyof typeof APP_ROUTES;

/** The answer has the status and matches the schema the route table documents for it. */
function documented(route: RouteName, res: Answer, status: number): void {
  assert.equal(res.status, status, JSON.stringify(res.data));
  const schema = (APP_ROUTES[route].responses as Record<number, { schema?: TSchema }>)[status]?.schema;
  assert.ok(schema, `${route} does not document ${status}`);
  assert.ok(Value.Check(schema, res.data), `${route} ${status}: ${JSON.stringify(res.data)} does not match its schema`);
}

const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

forEachDialect('app API /api/app/downloads', (dialect) => {
  let s: TestServer;
  let alice: Browser;
  let aliceName: string;
  let boardUrl: string;
  const originals: string[] = []; // the pins' original image URLs, newest pin first

  before(async () => {
    // The server downloads from itself: its public pages are on 127.0.0.1.
    s = await startServer(dialect, { CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' });
    alice = new Browser(s.url);
    aliceName = uniqueName('dl').slice(0, 30);
    await alice.signUp(aliceName);
    const board = await alice.fetch('POST', '/v5/boards', { json: { name: 'Soup Pictures' } });
    assert.equal(board.status, 201, JSON.stringify(board.data));
    for (const [r, g, b] of [[200, 30, 30], [30, 200, 30]] as const) {
      const pin = await alice.fetch('POST', '/v5/pins', { json: { board_id: board.data.id, title: `Soup ${r}`, media_source: b64(await png(r, g, b, 320, 240)) } });
      assert.equal(pin.status, 201, JSON.stringify(pin.data));
      originals.unshift(pin.data.media.images.originals.url);
    }
    boardUrl = `${s.url}/${aliceName}/soup-pictures/`;
  });
  after(() => s.close());

  /** Polls the job until it stops loading; every answer on the way is as documented, progress never going back. */
  async function settle(b: Browser, id: string): Promise<Answer> {
    let done = -1;
    for (let i = 0; i < 300; i++) {
      const res = await b.fetch('GET', `/api/app/downloads/${id}`);
      documented('getDownload', res, 200);
      assert.ok(res.data.progress.files_done >= done, 'progress went back');
      done = res.data.progress.files_done;
      if (res.data.status !== 'loading') return res;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the download never finished');
  }

  it('submits a board link, reports progress, then every file and the ZIP with the bytes the server serves', async () => {
    const submitted = await alice.fetch('POST', '/api/app/downloads', { json: { url: ` ${boardUrl} ` } });
    documented('submitDownload', submitted, 201);
    assert.equal(submitted.data.status, 'loading');
    assert.equal(submitted.data.url, boardUrl);
    assert.equal(submitted.data.via, 'web_app');
    assert.deepEqual(submitted.data.results, []);
    assert.equal(submitted.headers.get('cache-control'), 'no-store');

    const res = await settle(alice, submitted.data.id);
    const job = res.data;
    assert.equal(job.status, 'done', job.error);
    assert.equal(job.kind, 'board');
    assert.equal(job.title, 'Soup Pictures');
    assert.deepEqual(job.progress, { pins_found: 2, files_total: 2, files_done: 2 });
    assert.equal(job.count, 2);
    assert.ok(job.finished_at >= job.created_at);
    assert.equal(job.results.length, 2);
    for (const [i, file] of job.results.entries()) {
      assert.equal(file.type, 'image');
      assert.deepEqual([file.width, file.height], [320, 240]);
      assert.equal(file.source_url, originals[i]); // newest pin first, as the board's feed has them
      const [mine, served] = await Promise.all([bytesOf(file.url), bytesOf(originals[i]!)]);
      assert.ok(mine.equals(served), `${file.filename} differs from the pin's original`);
      assert.equal(file.size, served.length);
    }
    const zip = zipEntries(await bytesOf(job.zip));
    assert.deepEqual([...zip.keys()].sort(), job.results.map((f: { filename: string }) => f.filename).sort());
    for (const file of job.results) assert.ok(zip.get(file.filename)!.equals(await bytesOf(file.url)), `${file.filename} in the ZIP`);
  });

  it('a link that fails upstream ends the job with the reason', async () => {
    const submitted = await alice.fetch('POST', '/api/app/downloads', { json: { url: `${s.url}/${aliceName}/no-such-board/` } });
    documented('submitDownload', submitted, 201);
    const job = (await settle(alice, submitted.data.id)).data;
    assert.equal(job.status, 'failed');
    assert.match(job.error, /not found/i);
    assert.deepEqual(job.results, []);
    assert.equal(job.zip, null);
  });

  it('refuses what the download API refuses, naming url', async () => {
    for (const url of ['not a link', 'https://www.pinterest.com/search/pins/?q=soup', 'ftp://x/y', '']) {
      const res = await alice.fetch('POST', '/api/app/downloads', { json: { url } });
      documented('submitDownload', res, 400);
      assert.match(res.data.message, /\burl\b/, url);
      if (url) assert.match(res.data.message, /pin.*board.*section.*profile/, url);
    }
    for (const json of [{}, { url: 5 }, { url: boardUrl, callback_url: 'https://example.com/' }, { url: 'x'.repeat(4097) }]) {
      const res = await alice.fetch('POST', '/api/app/downloads', { json });
      documented('submitDownload', res, 400);
      assert.match(res.data.message, /url/, JSON.stringify(json).slice(0, 80));
    }
  });

  it('lists my jobs newest first, a page at a time, with the download API\'s jobs of my keys', async () => {
    const key = (await s.ctx.downloads.createKey((await s.ctx.users.byUsername(aliceName)).id, 'script', 5)).api_key;
    const viaKey = await fetch(`${s.url}/api/v1/submit/`, { method: 'POST', headers: { authorization: key, 'content-type': 'application/json' }, body: JSON.stringify({ url: `${s.url}/pin/1/` }) });
    const { uuid } = await viaKey.json() as { uuid: string };

    const all = await alice.fetch('GET', '/api/app/downloads');
    documented('listDownloads', all, 200);
    assert.equal(all.data.bookmark, null);
    assert.equal(all.data.items.length, 3);
    assert.deepEqual(all.data.items.map((j: { via: string }) => j.via), ['api_key', 'web_app', 'web_app']);
    assert.equal(all.data.items[0].id, uuid);
    assert.deepEqual(all.data.items.slice(1).map((j: { url: string }) => j.url), [`${s.url}/${aliceName}/no-such-board/`, boardUrl]);
    assert.ok(all.data.items.every((j: object) => !('results' in j)), 'the list leaves the files out');
    const created = all.data.items.map((j: { created_at: string }) => j.created_at);
    assert.deepEqual(created, [...created].sort().reverse());

    const seen: string[] = [];
    let bookmark: string | null = null;
    do {
      const page: Answer = await alice.fetch('GET', `/api/app/downloads?page_size=2${bookmark ? `&bookmark=${bookmark}` : ''}`);
      documented('listDownloads', page, 200);
      assert.ok(page.data.items.length <= 2);
      seen.push(...page.data.items.map((j: { id: string }) => j.id));
      bookmark = page.data.bookmark;
    } while (bookmark);
    assert.deepEqual(seen, all.data.items.map((j: { id: string }) => j.id));

    for (const q of ['page_size=0', 'page_size=251', 'page_size=two', 'bookmark=garbage', 'colour=red']) {
      const res = await alice.fetch('GET', `/api/app/downloads?${q}`);
      documented('listDownloads', res, 400);
      assert.match(res.data.message, new RegExp(q.split('=')[0]!), q);
    }
    // The key reads its own job; a job of the web app is no key's.
    const webJob = all.data.items[1].id;
    const read = await fetch(`${s.url}/api/v1/results/`, { method: 'POST', headers: { authorization: key, 'content-type': 'application/json' }, body: JSON.stringify({ uuid: webJob }) });
    assert.equal(read.status, 404);
  });

  it('another user sees none of my jobs; logged out is 401; no CSRF proof is 403', async () => {
    const mine = (await alice.fetch('GET', '/api/app/downloads')).data.items.map((j: { id: string }) => j.id) as string[];
    const bob = new Browser(s.url);
    await bob.signUp(uniqueName('bob').slice(0, 30));
    for (const id of [...mine, '6f1c2f4e-8a2b-4f59-9d3e-0c1b2a3d4e5f', 'garbage']) {
      documented('getDownload', await bob.fetch('GET', `/api/app/downloads/${id}`), 404);
    }
    const bobs = await bob.fetch('GET', '/api/app/downloads');
    documented('listDownloads', bobs, 200);
    assert.deepEqual(bobs.data, { items: [], bookmark: null });

    const anonymous = new Browser(s.url);
    await anonymous.session();
    documented('submitDownload', await anonymous.fetch('POST', '/api/app/downloads', { json: { url: boardUrl } }), 401);
    documented('listDownloads', await anonymous.fetch('GET', '/api/app/downloads'), 401);
    documented('getDownload', await anonymous.fetch('GET', `/api/app/downloads/${mine[0]}`), 401);

    const before = (await alice.fetch('GET', '/api/app/downloads')).data.items.length;
    const noHeader = await alice.fetch('POST', '/api/app/downloads', { json: { url: boardUrl }, csrf: false });
    documented('submitDownload', noHeader, 403);
    assert.match(noHeader.data.message, /CSRF/);
    const crossSite = await alice.fetch('POST', '/api/app/downloads', { json: { url: boardUrl }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    documented('submitDownload', crossSite, 403);
    assert.equal((await alice.fetch('GET', '/api/app/downloads')).data.items.length, before, 'a refused submit made a job');
  });
});

forEachDialect('migration 0009 (download owners)', (dialect: Dialect) => {
  it('gives the jobs made before it their key owner, and lets a job have no key', async () => {
    const database = await freshDatabase(dialect);
    const url = database.env.CORKBOARD_DATABASE_URL;
    const sqlite = () => {
      const file = new SQLite(path.join(database.env.CORKBOARD_DATA_DIR!, 'corkboard.sqlite'));
      file.pragma('foreign_keys = ON'); // as the server opens it
      return file;
    };
    const db = new Kysely<any>({
      dialect: url ? new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) : new SqliteDialect({ database: sqlite() }),
    });
    try {
      const provider = { getMigrations: async () => migrations };
      const before = await new Migrator({ db, provider }).migrateTo('2026-11-23-0008-analytics');
      assert.equal(before.error, undefined);
      const now = new Date().toISOString();
      await db.insertInto('users').values({ id: '1', username: 'old', username_key: 'old', password_hash: 'x', account_type: 'PINNER', created_at: now }).execute();
      await db.insertInto('api_keys').values({ id: 'k1', owner_id: '1', name: 'k', key_hash: 'h', key_prefix: 'cbk_', webhook_secret: 'w', daily_quota: 5, created_at: now }).execute();
      await db.insertInto('downloads').values({ id: 'd1', api_key_id: 'k1', url: 'https://www.pinterest.com/pin/1/', status: 'done', result: '{}', created_at: now }).execute();

      await migrate(db);
      const row = await db.selectFrom('downloads').selectAll().where('id', '=', 'd1').executeTakeFirstOrThrow();
      assert.deepEqual({ owner: row.owner_id, key: row.api_key_id, status: row.status, result: row.result, done: Number(row.files_done), pins: row.pins_found },
        { owner: '1', key: 'k1', status: 'done', result: '{}', done: 0, pins: null });
      await db.insertInto('downloads').values({ id: 'd2', owner_id: '1', api_key_id: null, url: 'u', status: 'loading', created_at: now }).execute();
      await assert.rejects(db.insertInto('downloads').values({ id: 'd3', api_key_id: 'k1', url: 'u', status: 'loading', created_at: now }).execute(), /owner_id/);
      await db.deleteFrom('users').where('id', '=', '1').execute(); // a user's jobs go with them
      assert.equal((await db.selectFrom('downloads').selectAll().execute()).length, 0);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
