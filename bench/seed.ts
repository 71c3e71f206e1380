// Fast seeding for the bench: thousands of pins written straight into a data dir through Corkboard's own context
// (src/context.ts), in one transaction, instead of one HTTP request and one image pipeline per pin. Safe while
// the server runs on the same dir: SQLite in WAL mode lets this one writer in beside the server's readers.
import { loadConfig } from '../src/config.js';
import { createContext, type Context } from '../src/context.js';
import type { ImageRow } from '../src/repositories/images.js';
import { contentHash } from '../src/adapters/media/images.js';
import { IMAGE_SIZES } from '../src/services/images.js';

/** Opens a context on `dataDir` with default settings (the shell's CORKBOARD_* never applies), runs fn, closes. */
export async function withContext<T>(dataDir: string, fn: (ctx: Context) => Promise<T>, env: NodeJS.ProcessEnv = {}): Promise<T> {
  const ctx = await createContext(loadConfig(env, { dataDir }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

const CHUNK = 500; // rows per INSERT: 14 columns x 500 stays far below SQLite's bound-variable limit

/**
 * Appends `count` image pins to a board in one transaction, cycling through `images`, and moves its pin count
 * with them. Ids come from the context's generator, so the newest pin is the last one made. Returns the ids.
 * `text` gives pin i its title and description (e.g. words to search for).
 */
export async function insertPins(ctx: Context, boardId: string, images: ImageRow[], count: number,
  text: (i: number) => { title: string; description: string } = (i) => ({ title: `Bench pin ${i + 1}`, description: 'seeded by bench/seed.ts' })): Promise<string[]> {
  const { db } = ctx.database;
  const board = await db.selectFrom('boards').select('owner_id').where('id', '=', boardId).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < count; start += CHUNK) {
      const pins = [];
      const media = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const id = ctx.ids.next();
        const image = images[i % images.length]!;
        ids.push(id);
        pins.push({
          id, owner_id: board.owner_id, board_id: boardId, board_section_id: null, ...text(i),
          link: null, alt_text: null, dominant_color: image.dominant_color,
          media_type: 'image' as const, creative_type: 'REGULAR' as const, parent_pin_id: null, created_at: now, media_id: null,
        });
        media.push({ pin_id: id, position: 0, image_hash: image.hash, title: null, description: null, link: null });
      }
      await trx.insertInto('pins').values(pins).execute();
      await trx.insertInto('pin_media').values(media).execute();
    }
    await trx.updateTable('boards').set((eb) => ({ pin_count: eb('pin_count', '+', count), board_pins_modified_at: now }))
      .where('id', '=', boardId).execute();
  });
  return ids;
}

/**
 * Stores JPEGs as images without running the variant pipeline: each file is written once, under the key the
 * image service would give its original, and every size points at it. Enough for what only fetches originals
 * (the downloader); far faster than processing a thousand images.
 */
export async function storeOriginals(ctx: Context, jpegs: Array<{ buffer: Buffer; width: number; height: number; color: string }>): Promise<ImageRow[]> {
  const rows: ImageRow[] = [];
  const writes: Array<() => Promise<void>> = [];
  const now = new Date().toISOString();
  for (const j of jpegs) {
    const hash = contentHash(j.buffer);
    const key = `images/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}/originals.jpg`;
    const variant = { key, width: j.width, height: j.height };
    rows.push({
      hash, width: j.width, height: j.height, dominant_color: j.color,
      variants: JSON.stringify(Object.fromEntries(IMAGE_SIZES.map((name) => [name, variant]))), created_at: now,
    });
    writes.push(() => ctx.blobs.put(key, j.buffer, 'image/jpeg'));
  }
  await inParallel(writes, 8);
  await ctx.database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await trx.insertInto('images').values(rows.slice(start, start + CHUNK)).onConflict((oc) => oc.column('hash').doNothing()).execute();
    }
  });
  return rows;
}

/** Runs the tasks, at most `limit` at a time; results in task order. */
export async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  }));
  return out;
}
