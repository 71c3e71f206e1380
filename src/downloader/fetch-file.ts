// Fetches one media file to disk through the SSRF-safe fetch: into `<file>.part`, renamed when complete, so a
// half-fetched file never looks finished. A .part left by an interrupted run is resumed with a Range request.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { byteCap, safeOpen, FetchRefused, type SafeFetchOptions } from '../adapters/safe-fetch.js';

export interface FetchFileOptions { allowAddress: SafeFetchOptions['allowAddress']; maxBytes: number; timeoutMs: number; retries?: number; onBytes?: (n: number) => void }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sizeOf(file: string): Promise<number> {
  try { return (await stat(file)).size; } catch { return 0; }
}

/** Returns the bytes the file holds. Throws FetchRefused when the file cannot be had. */
export async function fetchToFile(url: string, file: string, opts: FetchFileOptions): Promise<number> {
  const part = `${file}.part`;
  for (let attempt = 0; ; attempt++) {
    const have = await sizeOf(part);
    const res = await safeOpen(url, { allowAddress: opts.allowAddress, maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs, ...(have ? { headers: { range: `bytes=${have}-` } } : {}) });
    if ((res.status === 429 || res.status >= 500) && attempt < (opts.retries ?? 3)) {
      res.body.resume();
      await sleep(500 * 2 ** attempt);
      continue;
    }
    if (res.status === 416 && have) { res.body.resume(); await rename(part, file); return have; } // the .part was complete
    if (res.status !== 200 && res.status !== 206) { res.body.resume(); throw new FetchRefused(`${url} answered HTTP ${res.status}`); }
    const append = res.status === 206 && new RegExp(`^bytes ${have}-`).test(String(res.headers['content-range'] ?? ''));
    if (append) opts.onBytes?.(have);
    const counter = byteCap(opts.maxBytes - (append ? have : 0));
    let written = append ? have : 0;
    counter.on('data', (c: Buffer) => { written += c.length; opts.onBytes?.(c.length); });
    try {
      await pipeline(res.body, counter, createWriteStream(part, { flags: append ? 'a' : 'w' }));
    } catch (err) {
      if (err instanceof FetchRefused) { await rm(part, { force: true }); throw err; }
      if (attempt < (opts.retries ?? 3)) continue; // keep the .part: the next attempt resumes it
      throw new FetchRefused(`${url} could not be read to the end (${(err as Error).message})`);
    }
    await rename(part, file);
    return written;
  }
}
