// The media half of `npm run bench`, run after the HTTP table: Corkboard's own media code against the floor of
// the tool underneath it, on the same input. Each part can be picked with BENCH_SCENARIOS like an HTTP scenario.
//   image variants  processImage (src/adapters/media/images.ts, the function the server calls) on the fixture JPEG
//                   and PNG, against sharp alone making the same renders (sizes, crops and encoders exported by
//                   images.ts); then POST /v5/pins with a new image each request, over HTTP, one at a time.
//   video           the media processing job of src/services/media.ts (probe, transcode, cover) on the 1 s 1280x720
//                   fixture, against ffmpeg alone run with the arguments transcode() passes (same binary).
//   download        `corkboard download URL -o DIR` (src/cli/download.ts) of a 1,000-pin PUBLIC board from a local
//                   Corkboard, against fetching the same file URLs with the same concurrency.
// Env: BENCH_MEDIA_SECONDS (s per image measurement, default 3).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp, { type Sharp } from 'sharp';
import { contentHash, encoder, processImage, SIZES, storagePlan, type StoragePlan, type StoredFormat } from '../src/adapters/media/images.js';
import { frameAt, probe, transcode, transcodeArgs, videoTools, type ProbeResult } from '../src/adapters/media/video.js';
import { download } from '../src/cli/download.js';
import { loadConfig } from '../src/config.js';
import { extract } from '../src/downloader/extract.js';
import { allowAny } from '../src/adapters/safe-fetch.js';
import type { Principal } from '../src/services/oauth.js';
import { startCorkboard, type Server } from './procs.js';
import { api, type Seed } from './scenarios.js';
import { inParallel, insertPins, storeOriginals, withContext } from './seed.js';

export const MEDIA_PARTS = ['image variants', 'video', 'download'] as const;

const SECONDS = process.env.BENCH_MEDIA_SECONDS ? Number(process.env.BENCH_MEDIA_SECONDS) : 3;
const VIDEO_RUNS = 5;
const DOWNLOAD_RUNS = 3;
const DOWNLOAD_PINS = 1000;
const DOWNLOAD_CONCURRENCY = 4; // `corkboard download`'s default --concurrency
const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

const dirs = new Set<string>();
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}
function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}
/** Removes every temp dir this module made (run.ts calls it on exit and on SIGINT). */
export function mediaCleanup() {
  for (const dir of [...dirs]) removeDir(dir);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const spread = (ms: number[]) => ({ medianMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms) });

export interface Rate { runs: number; perSecond: number; msEach: number }
export interface ImageFigures { file: string; corkboard: Rate; floor: Rate; oneAfterAnother: Rate; ratio: number; problems: string[] }
export interface CreatePinFigures extends Rate { file: string; ratioToProcessImage: number | null; problems: string[] }
export interface Spread { medianMs: number; minMs: number; maxMs: number }
export interface VideoFigures {
  file: string; runs: number; transcode: 'stream copy' | 'x264'; corkboard: Spread; ffmpeg: Spread; ratio: number;
  /** Each step of the job run alone, median ms: where the job's time goes. */
  steps: Record<string, number>;
}
export interface Transfer { seconds: number; pinsPerSecond: number; mbPerSecond: number }
export interface DownloadFigures {
  pins: number; files: number; bytes: number; runs: number; concurrency: number; seedSeconds: number;
  download: Transfer; floor: Transfer; listSeconds: number; ratio: number; problems: string[];
}
export interface MediaResults { images?: ImageFigures[]; createPin?: CreatePinFigures; video?: VideoFigures; download?: DownloadFigures; skipped: string[] }

/** Calls fn (after two uncounted warm-up calls) for at least `seconds` and 5 calls. */
async function rate(fn: () => Promise<unknown>, seconds = SECONDS): Promise<Rate> {
  await fn();
  await fn();
  let runs = 0;
  const t0 = performance.now();
  while (runs < 5 || performance.now() - t0 < seconds * 1000) { await fn(); runs++; }
  const ms = performance.now() - t0;
  return { runs, perSecond: (1000 * runs) / ms, msEach: ms / runs };
}

// ---- image variants -------------------------------------------------------------------------------------------

/** sharp alone: the renders processImage makes (storagePlan: same sizes, crops, formats and encoders), in that order. */
function sharpRenders(input: Buffer, plan: StoragePlan): Array<() => Promise<{ width: number; height: number }>> {
  const base = sharp(input).rotate();
  const encode = (img: Sharp, format: StoredFormat, lossless = false) => encoder(img, format, lossless).toBuffer({ resolveWithObject: true }).then((r) => r.info);
  return plan.sizes.map((name) => () => {
    if (name === 'originals') return encode(plan.animated ? sharp(input, { animated: true }).rotate() : base.clone(), plan.original, plan.webpLossless);
    const size = SIZES[name];
    return encode(size.height
      ? base.clone().resize(size.width, size.height, { fit: 'cover', position: 'attention' })
      : base.clone().resize({ width: size.width, withoutEnlargement: true }), plan.variants);
  });
}

async function imageVariants(): Promise<ImageFigures[]> {
  const out: ImageFigures[] = [];
  for (const file of ['sample-1600x1200.jpg', 'sample-900x1350.png']) {
    const input = readFileSync(fixture(file));
    console.error(`image variants: ${file}...`);
    // the floor encodes what processImage encodes: the PNG's original as PNG, its variants as JPEG
    const plan = storagePlan(await sharp(input).metadata(), input);
    const names = plan.sizes;
    const problems: string[] = [];
    const reference = await processImage(input, 'bench');
    const mine = await Promise.all(sharpRenders(input, plan).map((r) => r()));
    const theirs = names.map((name) => reference.variants[name]);
    if (mine.some((m, i) => m.width !== theirs[i]!.width || m.height !== theirs[i]!.height)) problems.push('the sharp renders differ in size from processImage\'s');
    const corkboard = await rate(() => processImage(input, 'bench'));
    const floor = await rate(() => Promise.all(sharpRenders(input, plan).map((r) => r())));
    const oneAfterAnother = await rate(async () => { for (const r of sharpRenders(input, plan)) await r(); });
    out.push({ file, corkboard, floor, oneAfterAnother, ratio: corkboard.perSecond / floor.perSecond, problems });
  }
  return out;
}

/** The same JPEG with a comment segment carrying `n`: the same pixels, other bytes, so another content hash. */
function jpegNumbered(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`corkboard bench ${n}`);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xfffe, 0); // COM
  head.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, text, jpeg.subarray(2)]);
}

/** POST /v5/pins with image_base64 of an image the server has never seen, one request at a time. */
async function createPinNewImages(seed: Seed, jpegRate: Rate | undefined): Promise<CreatePinFigures> {
  const file = 'sample-1600x1200.jpg';
  const jpeg = readFileSync(fixture(file));
  console.error('image variants: POST /v5/pins with a new image each request...');
  const { id: boardId } = (await api(seed, 'POST', '/v5/boards', { name: 'Bench new images' })) as { id: string };
  let n = 0;
  const stored = new Set<string>();
  const r = await rate(async () => {
    const pin = (await api(seed, 'POST', '/v5/pins', {
      board_id: boardId, title: `New image ${n}`,
      media_source: { source_type: 'image_base64', content_type: 'image/jpeg', data: jpegNumbered(jpeg, n++).toString('base64') },
    })) as { media: { images: { originals: { url: string } } } };
    stored.add(pin.media.images.originals.url);
  });
  // Each pin must have had its own image processed and stored, not a stored one found by hash.
  const problems = stored.size === n ? [] : [`${n} pins made, but only ${stored.size} distinct stored images`];
  return { file, ...r, ratioToProcessImage: jpegRate ? r.perSecond / jpegRate.perSecond : null, problems };
}

// ---- video ----------------------------------------------------------------------------------------------------

/** One run of the real processing job (MediaService, in this process, on a fresh data dir so no cover is reused). */
async function corkboardVideoJob(file: string): Promise<number> {
  const dir = tempDir('corkboard-bench-video-');
  try {
    return await withContext(dir, async (ctx) => {
      const user = await ctx.users.create({ username: 'bench', password: 'bench-password-1' });
      const p: Principal = { user, appId: 'bench', scopes: new Set(), grant: 'client_credentials', tokenId: 'bench' };
      const { media_id: id } = await ctx.media.register(p, 'video');
      await ctx.blobs.putFile((await ctx.media.byIds([id])).get(id)!.upload_key, file, 'video/mp4');
      await ctx.jobs.start();
      const t0 = performance.now();
      await ctx.media.uploaded(id); // what the upload endpoint calls: enqueues the job, which wakes a worker at once
      while (performance.now() - t0 < 120_000) {
        const m = await ctx.media.get(p, id);
        if (m.status === 'succeeded') return performance.now() - t0;
        if (m.status === 'failed') throw new Error(`video processing failed: ${m.failure_reason}`);
        await sleep(2);
      }
      throw new Error('video processing took over 120 s');
    });
  } finally {
    removeDir(dir);
  }
}

async function video(): Promise<VideoFigures> {
  const name = 'sample-1s-1280x720.mp4';
  const file = fixture(name);
  const { video: limits } = loadConfig({});
  const tools = videoTools(limits); // the npm binaries, as the server uses them when nothing overrides them
  const info: ProbeResult = await probe(tools, file);
  const dir = tempDir('corkboard-bench-ffmpeg-');
  const output = path.join(dir, 'video.mp4');
  const args = transcodeArgs(file, output, info, limits.servedHeight);
  const runFfmpeg = promisify(execFile);
  const corkboard: number[] = [];
  const ffmpeg: number[] = [];
  const steps: Record<string, number[]> = { probe: [], transcode: [], 'probe output': [], 'frame grab': [], 'cover variants': [] };
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    steps[step]!.push(performance.now() - t0);
    return r;
  };
  try {
    for (let i = 0; i <= VIDEO_RUNS; i++) { // run 0 warms up (page cache, JIT) and is not counted
      console.error(`video: run ${i}/${VIDEO_RUNS}...`);
      const job = await corkboardVideoJob(file);
      const t0 = performance.now();
      await runFfmpeg(tools.ffmpeg, args);
      const alone = performance.now() - t0;
      if (i === 0) continue;
      corkboard.push(job);
      ffmpeg.push(alone);
      const p = await timed('probe', () => probe(tools, file));
      await timed('transcode', () => transcode(tools, file, output, p, limits.servedHeight));
      const served = await timed('probe output', () => probe(tools, output));
      const frame = await timed('frame grab', () => frameAt(tools, output, 0, served.durationMs));
      await timed('cover variants', () => processImage(frame, 'bench'));
    }
  } finally {
    removeDir(dir);
  }
  return {
    file: name, runs: VIDEO_RUNS, transcode: args.includes('copy') ? 'stream copy' : 'x264',
    corkboard: spread(corkboard), ffmpeg: spread(ffmpeg), ratio: median(ffmpeg) / median(corkboard),
    steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, median(v)])),
  };
}

// ---- download -------------------------------------------------------------------------------------------------

/**
 * `count` distinct 400x300 JPEGs (about 17 KB each): crops of the fixture fractal at as many offsets. Should two ever
 * encode alike, the later one gets a numbered comment segment, so every pin has a file of its own.
 */
async function distinctJpegs(count: number) {
  const { data, info } = await sharp(readFileSync(fixture('sample-900x1350.png'))).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const seen = new Set<string>();
  const jpegs = await inParallel(Array.from({ length: count }, (_, i) => () =>
    sharp(data, { raw }).extract({ left: (i % 25) * 20, top: Math.floor(i / 25) * 26, width: 400, height: 300 }).jpeg({ quality: 85 }).toBuffer()), 4);
  return jpegs.map((jpeg, i) => {
    const buffer = seen.has(contentHash(jpeg)) ? jpegNumbered(jpeg, i) : jpeg;
    seen.add(contentHash(buffer));
    return { buffer, width: 400, height: 300, color: '#6e7874' };
  });
}

/** The floor: GET every URL, `concurrency` at a time over keep-alive connections, counting the bytes. */
async function rawTransfer(urls: string[], concurrency: number): Promise<{ seconds: number; bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (url: string) => new Promise<number>((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      if (res.statusCode !== 200) { res.resume(); reject(new Error(`${url} answered ${res.statusCode}`)); return; }
      let n = 0;
      res.on('data', (c: Buffer) => { n += c.length; });
      res.on('end', () => resolve(n));
      res.on('error', reject);
    }).on('error', reject);
  });
  const t0 = performance.now();
  const sizes = await inParallel(urls.map((u) => () => get(u)), concurrency);
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { seconds, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** Every file a download wrote, from its per-pin sidecars: the URL it was fetched from and its size on disk. */
async function downloaded(dir: string): Promise<Array<{ url: string; bytes: number }>> {
  const out = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json'))) {
    const meta = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { files: Array<{ filename: string; source_url: string }> };
    for (const f of meta.files) out.push({ url: f.source_url, bytes: (await stat(path.join(dir, f.filename))).size });
  }
  return out;
}

/** Runs fn with this process's stderr silenced (the downloader draws a progress line per file). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try { return await fn(); } finally { process.stderr.write = write; }
}

async function downloadBoard(seed: Seed): Promise<DownloadFigures> {
  console.error(`download: seeding a PUBLIC board of ${DOWNLOAD_PINS} pins...`);
  const t0 = performance.now();
  const { id: boardId } = (await api(seed, 'POST', '/v5/boards', { name: 'Download bench', privacy: 'PUBLIC' })) as { id: string };
  const jpegs = await distinctJpegs(DOWNLOAD_PINS);
  const slug = await withContext(seed.dataDir, async (ctx) => {
    await insertPins(ctx, boardId, await storeOriginals(ctx, jpegs), DOWNLOAD_PINS);
    return (await ctx.database.db.selectFrom('boards').select('slug').where('id', '=', boardId).executeTakeFirstOrThrow()).slug;
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  const boardUrl = `${seed.url}/bench/${slug}/`;
  // What `corkboard download` reads from the environment: here only that the upstream is on this machine.
  const config = loadConfig({ CORKBOARD_ALLOW_PRIVATE_NETWORKS: 'true' }, { dataDir: tempDir('corkboard-bench-dlconfig-') });
  const problems: string[] = [];

  // Listing alone (what the download does before its first file), and a warm-up of the server's media route.
  const l0 = performance.now();
  const listed = await extract(boardUrl, { pinterestOrigin: config.pinterestUpstream, allowAddress: allowAny, maxPins: 100_000 });
  const listSeconds = (performance.now() - l0) / 1000;
  if (listed.pins.length !== DOWNLOAD_PINS) problems.push(`the board listed ${listed.pins.length} pins, not ${DOWNLOAD_PINS}`);

  const runs: Array<{ download: number; floor: number }> = [];
  let files: Array<{ url: string; bytes: number }> = [];
  for (let i = 0; i <= DOWNLOAD_RUNS; i++) { // run 0 warms up and is not counted
    console.error(`download: run ${i}/${DOWNLOAD_RUNS}...`);
    const outDir = tempDir('corkboard-bench-download-');
    const d0 = performance.now();
    const result = await quietly(() => download(boardUrl, config, { outDir, zip: false, concurrency: DOWNLOAD_CONCURRENCY, maxPins: 100_000 }));
    const seconds = (performance.now() - d0) / 1000;
    files = await downloaded(result.dir);
    removeDir(outDir);
    if (result.files !== DOWNLOAD_PINS || result.skipped || files.length !== DOWNLOAD_PINS || new Set(files.map((f) => f.url)).size !== DOWNLOAD_PINS) {
      problems.push(`run ${i}: ${result.files} files planned, ${result.skipped} skipped, ${files.length} written (${new Set(files.map((f) => f.url)).size} distinct URLs)`);
    }
    const floor = await rawTransfer(files.map((f) => f.url), DOWNLOAD_CONCURRENCY);
    const bytes = files.reduce((a, f) => a + f.bytes, 0);
    if (floor.bytes !== bytes) problems.push(`run ${i}: the raw transfer moved ${floor.bytes} bytes, the download wrote ${bytes}`);
    if (i > 0) runs.push({ download: seconds, floor: floor.seconds });
  }
  const bytes = files.reduce((a, f) => a + f.bytes, 0);
  const transfer = (seconds: number): Transfer => ({ seconds, pinsPerSecond: DOWNLOAD_PINS / seconds, mbPerSecond: bytes / 1e6 / seconds });
  const download_ = transfer(median(runs.map((r) => r.download)));
  const floor = transfer(median(runs.map((r) => r.floor)));
  return {
    pins: DOWNLOAD_PINS, files: files.length, bytes, runs: DOWNLOAD_RUNS, concurrency: DOWNLOAD_CONCURRENCY, seedSeconds,
    download: download_, floor, listSeconds, ratio: floor.seconds / download_.seconds, problems,
  };
}

// ---- running and printing -------------------------------------------------------------------------------------

export async function runMedia(opts: { root: string; env: NodeJS.ProcessEnv; nodeArgs: string[]; wanted: (name: string) => boolean }): Promise<MediaResults> {
  const results: MediaResults = { skipped: [] };
  let server: { server: Server; seed: Seed } | undefined;
  const corkboard = async () => {
    if (server) return server.seed;
    const dataDir = tempDir('corkboard-bench-media-');
    const { server: s, token } = await startCorkboard('corkboard (media)', opts.root, dataDir, opts.env, opts.nodeArgs);
    server = { server: s, seed: { url: s.url, token, dataDir } };
    return server.seed;
  };
  const part = async (name: string, fn: () => Promise<void>) => {
    if (!opts.wanted(name)) return;
    try { await fn(); } catch (err) { results.skipped.push(`${name}: ${(err as Error).stack ?? err}`); }
  };
  try {
    await part('image variants', async () => {
      results.images = await imageVariants();
      results.createPin = await createPinNewImages(await corkboard(), results.images.find((i) => i.file.endsWith('.jpg'))?.corkboard);
    });
    await part('video', async () => { results.video = await video(); });
    await part('download', async () => { results.download = await downloadBoard(await corkboard()); });
  } finally {
    await server?.server.stop();
    mediaCleanup();
  }
  return results;
}

/** Columns padded like the HTTP table: the first `left` columns and the last one left-aligned, the rest right. */
function table(head: string[], rows: string[][], left: number) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < left || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

const pct = (ratio: number) => `${(100 * ratio).toFixed(1)}%`;
const times = (ratio: number) => `${(1 / ratio).toFixed(2)}x the time`;

export function printMedia(r: MediaResults) {
  if (r.images) {
    console.log(`\nimage variants: every render of one image (1200x is the original up to 1,200 px wide), in this process, ${SECONDS}s per line after 2 warm-up runs (sharp concurrency ${sharp.concurrency()})\n`);
    const rows = r.images.flatMap((i) => [
      [i.file, 'corkboard processImage', i.corkboard, i.problems],
      [i.file, 'sharp floor: same renders, together', i.floor, i.problems],
      [i.file, 'sharp: same renders, one after another', i.oneAfterAnother, i.problems],
    ] as Array<[string, string, Rate, string[]]>).map(([file, what, f, problems]) => [
      file, what, f.perSecond.toFixed(2), f.msEach.toFixed(1), String(f.runs), problems.length ? `FAILED: ${problems.join('; ')}` : 'all ok',
    ]);
    table(['image', 'pipeline', 'images/s', 'ms/image', 'runs', 'check'], rows, 2);
    console.log('');
    for (const i of r.images) console.log(`${i.file}: processImage/sharp floor images/s = ${pct(i.ratio)} (${times(i.ratio)} per image)`);
    if (r.createPin) {
      const c = r.createPin;
      console.log(`create pin, a new image each request (POST /v5/pins, image_base64 of ${c.file} with a numbered comment, HTTP, one at a time): `
        + `${c.perSecond.toFixed(2)} pins/s, ${c.msEach.toFixed(1)} ms/pin`
        + (c.ratioToProcessImage === null ? '' : ` = ${pct(c.ratioToProcessImage)} of processImage's rate on that image (${times(c.ratioToProcessImage)})`)
        + (c.problems.length ? `; FAILED: ${c.problems.join('; ')}` : ''));
    }
  }
  if (r.video) {
    const v = r.video;
    console.log(`\nvideo: ${v.file}, median of ${v.runs} runs after 1 warm-up (its transcode is a ${v.transcode}${v.transcode === 'stream copy' ? ': the source is already H.264/yuv420p MP4 at 720p' : ''})\n`);
    table(['pipeline', 'median ms', 'min ms', 'max ms'], [
      ['corkboard media job (probe, transcode, probe, cover frame + variants, store)', v.corkboard],
      ['ffmpeg alone (same binary, the arguments transcode() passes)', v.ffmpeg],
    ].map(([what, s]) => [what as string, ...[(s as Spread).medianMs, (s as Spread).minMs, (s as Spread).maxMs].map((n) => n.toFixed(0))]), 1);
    console.log('');
    console.log(`video: ffmpeg alone/corkboard job = ${pct(v.ratio)} (the job takes ${(1 / v.ratio).toFixed(2)}x ffmpeg's time)`);
    console.log(`video: the job's steps run alone, median ms: ${Object.entries(v.steps).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')}`);
  }
  if (r.download) {
    const d = r.download;
    console.log(`\ndownload: a PUBLIC board of ${d.pins} pins (${d.files} distinct 400x300 JPEGs, ${(d.bytes / 1e6).toFixed(1)} MB) from a local Corkboard, `
      + `${d.concurrency} at a time, median of ${d.runs} runs after 1 warm-up (seeded in ${d.seedSeconds.toFixed(1)} s)\n`);
    table(['what', 'wall s', 'pins/s', 'MB/s', 'check'], [
      ['corkboard download (src/cli/download.ts)', d.download],
      ['raw transfer: GET the same file URLs, keep-alive', d.floor],
    ].map(([what, t]) => [what as string, (t as Transfer).seconds.toFixed(2), (t as Transfer).pinsPerSecond.toFixed(0), (t as Transfer).mbPerSecond.toFixed(1),
      d.problems.length ? `FAILED: ${d.problems.join('; ')}` : 'all ok']), 1);
    console.log('');
    console.log(`download: corkboard/raw transfer pins/s = ${pct(d.ratio)} (${times(d.ratio)}); listing the board alone (the web resource pages, before any file) took ${d.listSeconds.toFixed(2)} s`);
  }
  r.skipped.forEach((s) => console.log(`skipped ${s}`));
}
