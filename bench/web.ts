// The web half of `npm run bench`: the home feed of a user whose feed holds 1,000 pins (600 on a board of someone
// they follow, 400 of their own), in Debian's Chromium (playwright-core, the browser tests' flags), against a
// Corkboard of its own on a fresh data dir. Pins are written straight into the database (seed.ts) with real
// images: six crops of the test fixtures, every variant made by the server's own image pipeline.
//   time to first masonry paint  navigation start to the first pin image painted: the smallest renderTime of the
//                                Element Timing entries of the feed's images (PinImage marks each with
//                                elementtiming), median of cold loads (a new browser context each: empty cache).
//   initial JavaScript           bytes of the .js responses of a cold load as transferred (Resource Timing
//                                transferSize: headers and the body as sent, gzipped when the server gzips).
//   DOM pin nodes                pin links in the feed's DOM after scrolling to its end, a screen at a time.
// Env: BENCH_WEB_LOADS (cold loads, default 5).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/chromium.js';
import { startCorkboard, type Server } from './procs.js';
import { insertPins, withContext } from './seed.js';

export const WEB_PART = 'web';

const LOADS = process.env.BENCH_WEB_LOADS ? Number(process.env.BENCH_WEB_LOADS) : 5;
const FOLLOWED_PINS = 600;
const OWN_PINS = 400;
const VIEWPORT = { width: 1440, height: 900 };
export const WEB_TARGETS = { firstPaintMs: 1000, jsKb: 300, domPinNodes: 200 };
const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

export interface WebFigures {
  pins: number; loads: number; seedSeconds: number;
  firstPaint: { medianMs: number; minMs: number; maxMs: number; runs: number[] };
  /** Bytes (1 KB = 1,000) of the .js responses of one cold load, and how they came. */
  js: { transferKb: number; bodyKb: number; files: number; encodings: string[] };
  dom: { atEndPinNodes: number; mostPinNodes: number; pinsPassed: number; scrollSeconds: number };
  problems: string[];
}
export interface WebResults { figures?: WebFigures; skipped: string[] }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** Six distinct photos of pin-like shapes, cut from the fixtures. */
async function photos(): Promise<Buffer[]> {
  const jpg = readFileSync(fixture('sample-1600x1200.jpg'));
  const png = readFileSync(fixture('sample-900x1350.png'));
  const cut = (src: Buffer, left: number, top: number, width: number, height: number, out: [number, number]) =>
    sharp(src).extract({ left, top, width, height }).resize(out[0], out[1]).jpeg({ quality: 82 }).toBuffer();
  return Promise.all([
    cut(jpg, 0, 0, 800, 1200, [736, 1104]), cut(jpg, 800, 0, 800, 1000, [736, 920]), cut(jpg, 0, 300, 1600, 900, [1200, 675]),
    cut(jpg, 400, 200, 900, 900, [800, 800]), cut(png, 0, 0, 900, 1350, [736, 1104]), cut(png, 0, 200, 900, 700, [900, 700]),
  ]);
}

/** The feed's user (the CLI's `bench`) follows a board of 600 pins and has 400 of their own; a session for them. */
async function seed(dataDir: string): Promise<string> {
  return withContext(dataDir, async (ctx) => {
    const images = [];
    for (const photo of await photos()) images.push(await ctx.images.ingest(photo, 'bench photo'));
    const me = await ctx.users.byUsername('bench');
    const friend = await ctx.users.create({ username: 'bench_friend', password: 'bench-password-1' });
    const board = await ctx.boards.create(ctx.sessions.principalFor(friend), { name: 'Followed ideas' });
    const mine = await ctx.boards.create(ctx.sessions.principalFor(me), { name: 'My ideas' });
    await ctx.follows.followBoard(ctx.sessions.principalFor(me), board.id);
    // Interleaved in time, as a real feed is: the two boards' pins alternate in chunks.
    for (let i = 0; i < 4; i++) {
      await insertPins(ctx, board.id, images, FOLLOWED_PINS / 4);
      await insertPins(ctx, mine.id, images, OWN_PINS / 4);
    }
    return ctx.sessions.open(me);
  });
}

/** Console errors, page errors and 5xx answers of a page, as the browser tests collect them. */
function guard(page: Page, problems: string[]) {
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`${r.status()} from ${r.url()}`); });
}

async function signedIn(browser: Browser, url: string, sessionId: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies([{ name: 'cb_session', value: sessionId, url }]);
  return context;
}

const feedLinks = (page: Page) => page.locator('[role="group"][aria-label="Home feed"] a[href^="/pin/"]');

/** One cold load of the home page: first pin image paint (ms from navigation start) and the JS it transferred. */
async function coldLoad(browser: Browser, url: string, sessionId: string, problems: string[]) {
  const context = await signedIn(browser, url, sessionId);
  try {
    const page = await context.newPage();
    guard(page, problems);
    const encodings = new Set<string>();
    page.on('response', (r) => { if (new URL(r.url()).pathname.endsWith('.js')) encodings.add(r.headers()['content-encoding'] ?? 'none'); });
    await page.goto(`${url}/`);
    await page.locator('[role="group"][aria-label="Home feed"] img').first().waitFor({ timeout: 30_000 });
    // Element Timing entries are buffered: the observer is handed those painted so far at once.
    const paints = await page.evaluate(() => new Promise<number[]>((resolve) => {
      const P = (globalThis as unknown as { PerformanceObserver: new (cb: (list: { getEntries(): Array<{ renderTime: number; loadTime: number }> }) => void) => { observe(o: object): void } }).PerformanceObserver;
      new P((list) => resolve(list.getEntries().map((e) => e.renderTime || e.loadTime))).observe({ type: 'element', buffered: true });
      setTimeout(() => resolve([]), 30_000);
    }));
    if (!paints.length) problems.push('no Element Timing entry for a pin image within 30 s');
    const js = await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByType(t: string): Array<{ name: string; transferSize: number; encodedBodySize: number }> } })
      .performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ transferSize: e.transferSize, encodedBodySize: e.encodedBodySize })));
    return { firstPaintMs: Math.min(...paints), js, encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

/** Scrolls the feed to its end a screen at a time: the pin nodes in the DOM then, the most at once, pins seen. */
async function scrollThrough(browser: Browser, url: string, sessionId: string, pins: number, problems: string[]) {
  const context = await signedIn(browser, url, sessionId);
  try {
    const page = await context.newPage();
    guard(page, problems);
    await page.goto(`${url}/`);
    await feedLinks(page).first().waitFor({ timeout: 30_000 });
    const seen = new Set<string>();
    let most = 0;
    const t0 = performance.now();
    for (let step = 0; step < 5000; step++) {
      const hrefs = await feedLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      hrefs.forEach((h) => seen.add(h));
      most = Math.max(most, hrefs.length);
      const atEnd = await page.evaluate(() => {
        const w = globalThis as unknown as { scrollY: number; innerHeight: number; document: { documentElement: { scrollHeight: number } } };
        return w.scrollY + w.innerHeight >= w.document.documentElement.scrollHeight - 4;
      });
      if (atEnd && seen.size >= pins) break;
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(100);
    }
    const scrollSeconds = (performance.now() - t0) / 1000;
    await page.waitForTimeout(500); // whatever Masonry still had to settle
    const atEnd = await feedLinks(page).count();
    if (seen.size < pins) problems.push(`scrolling showed ${seen.size} of ${pins} pins`);
    return { atEndPinNodes: atEnd, mostPinNodes: Math.max(most, atEnd), pinsPassed: seen.size, scrollSeconds };
  } finally {
    await context.close();
  }
}

export async function runWeb(opts: { root: string; env: NodeJS.ProcessEnv; nodeArgs: string[] }): Promise<WebResults> {
  if (!existsSync(CHROMIUM)) return { skipped: [`${WEB_PART}: ${CHROMIUM} is missing (install Debian's chromium to run the web section)`] };
  if (!existsSync(path.join(opts.root, 'dist/web/index.html'))) return { skipped: [`${WEB_PART}: the web app is not built (dist/web): run npm run build`] };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-bench-web-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    const t0 = performance.now();
    ({ server } = await startCorkboard('corkboard (web)', opts.root, dataDir, opts.env, opts.nodeArgs));
    const sessionId = await seed(dataDir);
    const seedSeconds = (performance.now() - t0) / 1000;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const problems: string[] = [];
    const pins = FOLLOWED_PINS + OWN_PINS;
    await coldLoad(browser, server.url, sessionId, problems); // the server's first answers (JIT, caches): not counted
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.url, sessionId, problems));
    const runs = loads.map((l) => l.firstPaintMs);
    const last = loads.at(-1)!;
    return {
      skipped: [],
      figures: {
        pins, loads: LOADS, seedSeconds,
        firstPaint: { medianMs: median(runs), minMs: Math.min(...runs), maxMs: Math.max(...runs), runs },
        js: {
          transferKb: last.js.reduce((n, e) => n + e.transferSize, 0) / 1000, bodyKb: last.js.reduce((n, e) => n + e.encodedBodySize, 0) / 1000,
          files: last.js.length, encodings: last.encodings,
        },
        dom: await scrollThrough(browser, server.url, sessionId, pins, problems),
        problems: [...new Set(problems)],
      },
    };
  } catch (err) {
    return { skipped: [`${WEB_PART}: ${(err as Error).stack ?? err}`] };
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const verdict = (ok: boolean, problems: string[]) => (problems.length ? 'INVALID RUN' : ok ? 'PASS' : 'BELOW');

export function printWeb(r: WebResults) {
  const f = r.figures;
  if (f) {
    const t = WEB_TARGETS;
    console.log(`\nweb: the home feed of ${f.pins.toLocaleString('en')} pins in Chromium at ${VIEWPORT.width}x${VIEWPORT.height} (seeded in ${f.seedSeconds.toFixed(1)} s)\n`);
    console.log(`web: time to first masonry paint ${f.firstPaint.medianMs.toFixed(0)} ms, median of ${f.loads} cold loads (${f.firstPaint.minMs.toFixed(0)}-${f.firstPaint.maxMs.toFixed(0)} ms; `
      + `navigation start to the first pin image's Element Timing paint) (target < ${t.firstPaintMs} ms) ${verdict(f.firstPaint.medianMs < t.firstPaintMs, f.problems)}`);
    console.log(`web: initial JavaScript transferred ${f.js.transferKb.toFixed(1)} KB (${f.js.files} file${f.js.files === 1 ? '' : 's'}, content-encoding ${f.js.encodings.join(', ') || 'none'}; `
      + `body ${f.js.bodyKb.toFixed(1)} KB; 1 KB = 1,000 bytes) (target <= ${t.jsKb} KB) ${verdict(f.js.transferKb <= t.jsKb, f.problems)}`);
    console.log(`web: DOM pin nodes after scrolling to the end ${f.dom.atEndPinNodes} (most at once ${f.dom.mostPinNodes}; ${f.dom.pinsPassed} pins passed through in ${f.dom.scrollSeconds.toFixed(1)} s) `
      + `(target <= ${t.domPinNodes}) ${verdict(f.dom.mostPinNodes <= t.domPinNodes, f.problems)}`);
    f.problems.forEach((p) => console.log(`web: problem: ${p}`));
  }
  r.skipped.forEach((s) => console.log(`skipped ${s}`));
}
