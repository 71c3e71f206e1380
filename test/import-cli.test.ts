// `corkboard import` from a host speaking Pinterest's web resource protocol (test/fake-pinterest.ts) into a fresh
// database: the copy keeps the pins' order, texts and created_at, the board's description, carousel slot texts and
// sections; a section link imports into a section of a board named by --board (default the source board's name).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../src/config.js';
import { createContext, type Context } from '../src/context.js';
import { pageRequest } from '../src/lib/bookmark.js';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';
import type { Principal } from '../src/services/oauth.js';
import { forEachDialect, freshDatabase, REPO_ROOT, type TestDatabase } from './helpers.js';
import { startFakePinterest, type FakePinterest, type Json } from './fake-pinterest.js';

const BIN = path.join(REPO_ROOT, 'bin', 'corkboard.js');

forEachDialect('corkboard import', (dialect) => {
  let db: TestDatabase;
  let fake: FakePinterest;
  const username = `importer_${process.pid}`;

  const cli = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CORKBOARD_'))), ...db.env, CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true', CORKBOARD_LOG_LEVEL: 'warn' };
    execFile(process.execPath, [BIN, ...args], { env }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
  /** Runs `fn` with a context on the test database and the importing user's principal. */
  const inspect = async <T>(fn: (ctx: Context, p: Principal) => Promise<T>) => {
    const ctx = await createContext(loadConfig({ ...db.env, CORKBOARD_LOG_LEVEL: 'silent' }));
    try {
      const user = await ctx.users.byUsername(username);
      return await fn(ctx, { user, appId: 'test', scopes: new Set(ORGANIC_SCOPES), grant: 'client_credentials', tokenId: 'test' });
    } finally { await ctx.close(); }
  };
  const page = pageRequest({ page_size: 250 });

  const pinAt = async (id: string, n: number, day: number, extra: Json = {}): Promise<Json> => {
    const png = await sharp({ create: { width: 64 + n, height: 64, channels: 3, background: { r: 30 * n, g: 80, b: 120 } } }).png().toBuffer();
    fake.media.set(`${id}.png`, png);
    return {
      id, type: 'pin', title: `Jar ${n}`, description: `Jar number ${n}`, link: `https://example.com/jar/${n}`, alt_text: `a jar (${n})`,
      dominant_color: '#a0b0c0', created_at: new Date(Date.UTC(2025, 0, day, 8, 30)).toUTCString().replace('GMT', '+0000'),
      images: { orig: { url: `${fake.url}/m/${id}.png`, width: 64 + n, height: 64 } }, ...extra,
    };
  };

  before(async () => {
    db = await freshDatabase(dialect);
    fake = await startFakePinterest();
    // Newest first, as boards list; created_at days run backwards, one day apart.
    const feed = [await pinAt('701', 1, 20), await pinAt('702', 2, 19), await pinAt('703', 3, 18)];
    const shelf = [await pinAt('704', 4, 17), await pinAt('705', 5, 16)];
    const slot = async (i: number) => {
      const png = await sharp({ create: { width: 70 + i, height: 70, channels: 3, background: '#336699' } }).png().toBuffer();
      fake.media.set(`slot${i}.png`, png);
      return { id: `c${i}`, title: `Lid ${i}`, description: `The lid, side ${i}`, link: `https://example.com/lid/${i}`, images: { orig: { url: `${fake.url}/m/slot${i}.png`, width: 70 + i, height: 70 } } };
    };
    feed.push(await pinAt('706', 6, 15, { carousel_data: { carousel_slots: [await slot(1), await slot(2)] } }));
    fake.boards.set('pat/pantry', { board: { id: 'BP', name: 'Pantry', description: 'Jars and tins' }, pins: [...feed, ...shelf], sections: [{ section: { id: 'SS', slug: 'shelf', title: 'Shelf' }, pins: shelf }] });
    const made = await cli('user', 'create', username, '--password', 'correct horse battery');
    assert.equal(made.code, 0, made.stderr);
  });
  after(async () => { await fake.close(); await db.drop(); });

  it('a board: order, texts, created_at, description, slot texts and sections', async () => {
    const r = await cli('import', `${fake.url}/pat/pantry/`, '--user', username);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.pins, out.skipped], [6, []]);
    await inspect(async (ctx, p) => {
      const board = await ctx.boards.get(p, out.board_id);
      assert.equal(board.name, 'Pantry');
      assert.equal(board.description, 'Jars and tins');
      const pins = (await ctx.pins.listOnBoard(p, out.board_id, undefined, page)).items;
      assert.deepEqual(pins.map((x) => x.title), ['Jar 1', 'Jar 2', 'Jar 3', 'Jar 6', 'Jar 4', 'Jar 5']);
      const first = pins[0]!;
      assert.equal(first.created_at, '2025-01-20T08:30:00');
      assert.deepEqual([first.description, first.link, first.alt_text, first.dominant_color], ['Jar number 1', 'https://example.com/jar/1', 'a jar (1)', '#a0b0c0']);
      assert.deepEqual(pins.map((x) => x.created_at.slice(0, 10)), ['2025-01-20', '2025-01-19', '2025-01-18', '2025-01-15', '2025-01-17', '2025-01-16']);
      const carousel = pins.find((x) => x.title === 'Jar 6')!;
      assert.equal(carousel.media.media_type, 'multiple_images');
      const items = (carousel.media as { items: Array<{ title: string | null; description: string | null; link: string | null }> }).items;
      assert.deepEqual(items.map((i) => [i.title, i.description, i.link]), [1, 2].map((i) => [`Lid ${i}`, `The lid, side ${i}`, `https://example.com/lid/${i}`]));
      const sections = (await ctx.sections.list(p, out.board_id, page)).items;
      assert.deepEqual(sections.map((s) => s.name), ['Shelf']);
      assert.deepEqual((await ctx.pins.listInSection(p, out.board_id, sections[0]!.id, page)).items.map((x) => x.title), ['Jar 4', 'Jar 5']);
    });
  });

  it('a section link imports into a section, of the board --board names (default the source board\'s)', async () => {
    const named = await cli('import', `${fake.url}/pat/pantry/shelf/`, '--user', username, '--board', 'Storage');
    assert.equal(named.code, 0, named.stderr);
    const into = JSON.parse(named.stdout);
    const again = JSON.parse((await cli('import', `${fake.url}/pat/pantry/shelf/`, '--user', username)).stdout);
    await inspect(async (ctx, p) => {
      const storage = await ctx.boards.get(p, into.board_id);
      assert.equal(storage.name, 'Storage');
      const sections = (await ctx.sections.list(p, storage.id, page)).items;
      assert.deepEqual(sections.map((s) => [s.id, s.name]), [[into.section_id, 'Shelf']]);
      assert.deepEqual((await ctx.pins.listInSection(p, storage.id, into.section_id, page)).items.map((x) => x.title), ['Jar 4', 'Jar 5']);
      // the default: the source board's name, which this user already has from the board import
      assert.equal((await ctx.boards.get(p, again.board_id)).name, 'Pantry');
      const boards = (await ctx.boards.list(p, undefined, page)).items;
      assert.deepEqual(boards.map((b) => b.name).sort(), ['Pantry', 'Storage']);
      assert.equal((await ctx.pins.listInSection(p, again.board_id, again.section_id, page)).items.length, 4);
    });
  });
});
