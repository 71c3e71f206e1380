// The measured requests, run in this order against one Corkboard. To add one (e.g. 'create pin'), append an
// entry: `setup` runs once just before its scenario (create boards, pins, ...), and what it creates stays for
// the scenarios after it. The response Corkboard gives to one request
// made after setup is what the baseline server replays, byte for byte, and what every load response is
// checked against when `fixedBody` holds (set it false for responses that legitimately differ, e.g. new ids).
// `path` and `body` are read after setup, so an entry may compute them there (getters over what setup made).
import { readFileSync } from 'node:fs';
import { withContext, insertPins } from './seed.js';

export interface Seed { url: string; token: string; /** The server's data dir, for seeding straight into its database. */ dataDir: string }

export interface Scenario {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** The status every load response must have. */
  status: number;
  fixedBody: boolean;
  setup?: (seed: Seed) => Promise<void>;
  /** Least corkboard/baseline req/s ratio that passes (default 0.5); null: no target was set for this one. */
  target?: number | null;
  /** Compare with an earlier scenario: this one may take at most `factor` times its time per request. */
  slowdown?: { vs: string; factor: number };
  /** Printed under the figures: what the numbers do and do not include. */
  note?: string;
  /** Concurrent connections for this one (default BENCH_CONNECTIONS): a latency target is per request, not under saturation. */
  connections?: number;
  /** Highest p99 latency (ms) that passes. */
  maxP99Ms?: number;
}

/** One authenticated API call, for setup steps. */
export async function api(seed: Seed, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(seed.url + path, {
    method,
    headers: { authorization: `Bearer ${seed.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const jpeg = () => readFileSync(new URL('sample-1600x1200.jpg', FIXTURES));
const pinOf = (boardId: string, data: Buffer, title: string) => ({
  board_id: boardId, title, media_source: { source_type: 'image_base64', content_type: 'image/jpeg', data: data.toString('base64') },
});

/** Runs `make` once per run, however many scenarios ask (each scenario can still be selected on its own). */
function once<T>(make: (seed: Seed) => Promise<T>): (seed: Seed) => Promise<T> {
  let made: Promise<T> | undefined;
  return (seed) => (made ??= make(seed));
}

const BIG_BOARD_PINS = 10_000;
const PAGE_SIZE = 25;
const FAR_PAGE = 400;
const state = { pinId: '', boardId: '', bigBoardId: '', farBookmark: '' };

/** A board for pins made over HTTP, with one pin made the way clients make them (image_base64, processed). */
const pinBoard = once(async (seed) => {
  state.boardId = ((await api(seed, 'POST', '/v5/boards', { name: 'Bench pins', description: 'seeded by bench/run.ts' })) as { id: string }).id;
  state.pinId = ((await api(seed, 'POST', '/v5/pins', pinOf(state.boardId, jpeg(), 'Bench pin'))) as { id: string }).id;
});

/** A 10,000-pin board, seeded straight into the database in one transaction, all pins sharing one processed image. */
const bigBoard = once(async (seed) => {
  state.bigBoardId = ((await api(seed, 'POST', '/v5/boards', { name: 'Bench 10k', description: 'seeded by bench/seed.ts' })) as { id: string }).id;
  const t0 = performance.now();
  await withContext(seed.dataDir, async (ctx) => {
    const image = await ctx.images.ingest(jpeg(), 'bench');
    await insertPins(ctx, state.bigBoardId, [image], BIG_BOARD_PINS);
  });
  console.error(`seeded ${BIG_BOARD_PINS} pins in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});

const SEARCH_PINS = 100_000;
/** Skewed, deterministic pin text from 118 words: the first is in ~80% of pins, the last ones in ~7%. */
const VOCABULARY = ('tomato basil garlic onion pepper lemon olive bread cheese pasta salad soup stew curry rice noodle chicken beef '
  + 'pork fish shrimp bean lentil chickpea spinach kale carrot potato mushroom zucchini eggplant cucumber avocado mango apple pear '
  + 'berry cherry peach plum chocolate vanilla cinnamon ginger honey maple butter cream yogurt egg flour sugar salt thyme rosemary '
  + 'oregano parsley cilantro mint roast grill bake fry steam braise smoke pickle ferment toast crispy creamy spicy smoky sweet sour '
  + 'tangy fresh quick easy healthy vegan dinner lunch breakfast brunch dessert snack party picnic holiday summer winter autumn '
  + 'spring weeknight family classic rustic italian mexican indian thai french greek spanish japanese korean moroccan gazpacho '
  + 'risotto paella tacos ramen sushi pancake waffle muffin tart').split(' ');
function pinText(): (i: number) => { title: string; description: string } {
  let seed = 42;
  const word = () => VOCABULARY[Math.floor(((seed = (seed * 16807) % 2147483647) / 2147483647) ** 2 * VOCABULARY.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return () => ({ title: words(4), description: words(12) });
}

/** One user's 100,000 pins of recipe-like text, seeded in one transaction (the search index follows by its triggers). */
const searchBoard = once(async (seed) => {
  const board = (await api(seed, 'POST', '/v5/boards', { name: 'Bench search', description: 'seeded by bench/seed.ts' })) as { id: string };
  const t0 = performance.now();
  await withContext(seed.dataDir, async (ctx) => {
    await insertPins(ctx, board.id, [await ctx.images.ingest(jpeg(), 'bench')], SEARCH_PINS, pinText());
  });
  console.error(`seeded ${SEARCH_PINS} pins with searchable text in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});

const boardPinsPath = (bookmark?: string) => `/v5/boards/${state.bigBoardId}/pins?page_size=${PAGE_SIZE}${bookmark ? `&bookmark=${bookmark}` : ''}`;

const ANALYTICS_EVENTS = 1_000_000;
const ANALYTICS_DAYS = 90;
const dayOffset = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const analyticsState = { pinId: '' };

/** One pin with a million recorded events over 90 days and three app types, loaded through the import path. */
const analyticsPin = once(async (seed) => {
  await pinBoard(seed);
  analyticsState.pinId = ((await api(seed, 'POST', '/v5/pins', { ...pinOf(state.boardId, jpeg(), 'Bench analytics pin'), link: 'https://example.com/' })) as { id: string }).id;
  const pinId = analyticsState.pinId;
  const types = ['IMPRESSION', 'IMPRESSION', 'IMPRESSION', 'IMPRESSION', 'IMPRESSION', 'IMPRESSION', 'IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK'] as const;
  const appTypes = ['WEB', 'MOBILE', 'TABLET'] as const;
  async function* batches() {
    for (let start = 0; start < ANALYTICS_EVENTS; start += 5000) {
      const batch = [];
      for (let i = start; i < Math.min(ANALYTICS_EVENTS, start + 5000); i++) {
        const at = `${dayOffset(i % ANALYTICS_DAYS)}T${String(i % 24).padStart(2, '0')}:00:00.000Z`;
        batch.push({ pinId, type: types[i % types.length]!, appType: appTypes[i % 3]!, actorId: null, at, value: 0, clientId: null });
      }
      yield batch;
    }
  }
  const t0 = performance.now();
  const { imported } = await withContext(seed.dataDir, async (ctx) => ctx.events.import(batches(), await ctx.events.pinsById([pinId])));
  const s = (performance.now() - t0) / 1000;
  console.error(`recorded ${imported.toLocaleString('en')} events in ${s.toFixed(1)} s (${Math.round(imported / s).toLocaleString('en')} events/s, rollups included)`);
});

export const scenarios: Scenario[] = [
  { name: 'user_account', method: 'GET', path: '/v5/user_account', status: 200, fixedBody: true },
  {
    name: 'list boards',
    method: 'GET',
    path: '/v5/boards',
    status: 200,
    fixedBody: true,
    target: null,
    note: 'six boards with their counts, covers and thumbnails read from the database on every request (no throughput target: reported as measured)',
    // A page of a few real boards rather than an empty list, so serialisation is part of the cost.
    setup: async (seed) => {
      for (let i = 1; i <= 5; i++) await api(seed, 'POST', '/v5/boards', { name: `Bench board ${i}`, description: 'seeded by bench/run.ts' });
    },
  },
  {
    name: 'get pin',
    method: 'GET',
    get path() { return `/v5/pins/${state.pinId}`; },
    status: 200,
    fixedBody: true,
    note: 'nothing writes during the run, so after the first request the pin comes from memory (ExactCache, SQLite); any write to the database empties it and the next read loads again',
    setup: pinBoard,
  },
  {
    name: 'board pins page 1',
    method: 'GET',
    get path() { return boardPinsPath(); },
    status: 200,
    fixedBody: true,
    target: null,
    note: '25 pins of a 10,000-pin board, read and presented on every request (no throughput target; page 400 is held to at most 1.5x its time)',
    setup: bigBoard,
  },
  {
    name: `board pins page ${FAR_PAGE}`,
    method: 'GET',
    get path() { return boardPinsPath(state.farBookmark); },
    status: 200,
    fixedBody: true,
    target: null,
    // The bookmark of page 400 (the board's last) is reached the way a client would: page by page.
    setup: async (seed) => {
      await bigBoard(seed);
      let bookmark: string | undefined;
      for (let page = 1; page < FAR_PAGE; page++) {
        const res = (await api(seed, 'GET', boardPinsPath(bookmark))) as { items: unknown[]; bookmark: string | null };
        if (res.items.length !== PAGE_SIZE || !res.bookmark) throw new Error(`page ${page} of the ${BIG_BOARD_PINS}-pin board had ${res.items.length} pins and bookmark ${res.bookmark}`);
        bookmark = res.bookmark;
      }
      state.farBookmark = bookmark!;
    },
    slowdown: { vs: 'board pins page 1', factor: 1.5 },
  },
  {
    name: 'create pin',
    method: 'POST',
    path: '/v5/pins',
    get body() { return pinOf(state.boardId, jpeg(), 'Bench pin (load)'); },
    status: 201,
    fixedBody: false, // new ids
    setup: pinBoard,
    target: null,
    note: 'every request sends the same 57 KB JPEG (image_base64), stored once per content hash: after the first, '
      + 'ImagesService.ingest finds the hash and skips decoding and variant generation, so this measures a pin '
      + 'insert plus base64 decode and SHA-256 of the upload; a new image each time is measured under "image variants" below',
  },
  {
    name: 'search pins',
    method: 'GET',
    path: '/v5/search/pins?query=gazpacho',
    status: 200,
    fixedBody: true,
    setup: searchBoard,
    connections: 1,
    maxP99Ms: 50,
    target: null,
    note: `one client, one request at a time, over ${SEARCH_PINS.toLocaleString('en')} pins of one user; "gazpacho" is in about 7% of them `
      + '(each ranked by bm25 to find the best 25), and the first page of 25 is served; the baseline replays the bytes',
  },
  {
    name: 'pin analytics 90d',
    method: 'GET',
    get path() {
      return `/v5/pins/${analyticsState.pinId}/analytics?start_date=${dayOffset(ANALYTICS_DAYS - 1)}&end_date=${dayOffset(0)}`
        + '&metric_types=IMPRESSION,SAVE,SAVE_RATE,PIN_CLICK,OUTBOUND_CLICK&split_field=APP_TYPE';
    },
    status: 200,
    fixedBody: true,
    setup: analyticsPin,
    connections: 1,
    maxP99Ms: 20,
    target: null,
    note: `one client, one request at a time: 90 days split by app type for a pin with ${ANALYTICS_EVENTS.toLocaleString('en')} recorded events `
      + '(the rollup answers: at most 90 rows per app type are read, never the event log); the baseline replays the bytes',
  },
];
