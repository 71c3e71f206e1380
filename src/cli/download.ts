// `corkboard download URL`: every media file behind a pin, board, section, profile or short link, fetched
// straight from Pinterest (through CORKBOARD_PINTEREST_UPSTREAM) or a Corkboard instance; no server needed.
// Bounded concurrency, interrupted files resume, a JSON sidecar per pin (README: download). Nothing is written
// outside the output folder: every path is made by downloader/paths. A re-run skips what the folder's manifest
// says it already holds, by pin and media, never by name alone.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { allowAny, allowPublicOnly } from '../adapters/safe-fetch.js';
import { extract } from '../downloader/extract.js';
import { fetchToFile } from '../downloader/fetch-file.js';
import { Manifest } from '../downloader/manifest.js';
import { inside, safeSegment } from '../downloader/paths.js';
import { DEFAULT_TEMPLATE, planFiles, planSidecars, SIDECAR, type PlannedFile } from '../downloader/plan.js';
import { sidecarOf } from '../downloader/sidecar.js';
import { writeZip } from '../downloader/zip.js';
import { printable, say } from './terminal.js';

export interface DownloadOptions { outDir: string; template?: string; only?: 'image' | 'video' | 'audio'; zip: boolean; concurrency: number; maxPins: number }

/** One line of progress, redrawn in place on a terminal, one line per file otherwise. */
function progress(total: number) {
  const tty = process.stderr.isTTY;
  let done = 0, skipped = 0, bytes = 0;
  const render = (note: string) => {
    const width = 30;
    const fill = total ? Math.round((done / total) * width) : width;
    const line = printable(`[${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${done}/${total} files, ${(bytes / 1e6).toFixed(1)} MB${skipped ? `, ${skipped} already there` : ''} ${note}`);
    process.stderr.write(tty ? `\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd(Math.min(process.stderr.columns || 100, 100) - 1)}` : `${line}\n`);
  };
  return {
    bytes: (n: number) => { bytes += n; },
    file: (name: string, wasThere: boolean) => { done++; if (wasThere) skipped++; render(name); },
    end: () => { if (tty) process.stderr.write('\n'); },
    get skipped() { return skipped; },
  };
}

export async function download(url: string, config: Config, opts: DownloadOptions): Promise<{ files: number; skipped: number; dir: string; zip: string | null }> {
  const allowAddress = config.allowPrivateNetworks ? allowAny : allowPublicOnly;
  say(`resolving ${url}`);
  const extracted = await extract(url, { pinterestOrigin: config.pinterestUpstream, allowAddress, maxPins: opts.maxPins });
  const root = path.resolve(opts.outDir);
  // A board, section or profile gets its own folder (and ZIP) under -o; a pin's files go into -o itself.
  const folder = safeSegment(extracted.kind === 'pin' ? extracted.pins[0]!.pin.id : extracted.title);
  const dir = extracted.kind === 'pin' ? root : inside(root, folder);
  await mkdir(dir, { recursive: true });
  const manifest = await Manifest.load(dir);
  const files = planFiles(extracted, opts.template ?? DEFAULT_TEMPLATE, true, manifest).filter((f) => !opts.only || f.type === opts.only);
  say(`${extracted.kind} "${extracted.title}": ${extracted.pins.length} pins, ${files.length} files -> ${dir}`);
  const bar = progress(files.length);
  const sizes = new Map<string, number>();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, files.length) }, async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const file = inside(dir, f.filename);
      await mkdir(path.dirname(file), { recursive: true });
      const there = await manifest.complete(f.filename, f.pin_id, f.source_url);
      if (!there) {
        await manifest.record(f.filename, { pin_id: f.pin_id, source_url: f.source_url, size: null }); // the name is this media's from now on
        const size = await fetchToFile(f.source_url, file, { allowAddress, maxBytes: config.video.maxBytes, timeoutMs: 30 * 60_000, onBytes: bar.bytes });
        await manifest.record(f.filename, { pin_id: f.pin_id, source_url: f.source_url, size });
      }
      sizes.set(f.filename, manifest.size(f.filename)!);
      bar.file(f.filename, there);
    }
  }));
  bar.end();
  // One sidecar per pin, next to its first file, once every size is known; named as media is (never over a file
  // the folder holds unrecorded) and recorded in the manifest, so the next run writes the same one again.
  const byPin = new Map<string, PlannedFile[]>();
  for (const f of files) byPin.set(f.pin_id, [...(byPin.get(f.pin_id) ?? []), f]);
  const sidecars = planSidecars(files, manifest);
  for (const entry of extracted.pins) {
    const own = byPin.get(entry.pin.id);
    const name = sidecars.get(entry.pin.id);
    if (!own || !name) continue;
    const json = JSON.stringify(sidecarOf(entry, own, sizes), null, 2) + '\n';
    await writeFile(inside(dir, name), json);
    await manifest.record(name, { pin_id: entry.pin.id, source_url: SIDECAR, size: Buffer.byteLength(json) });
  }
  let zip: string | null = null;
  if (opts.zip) {
    // The ZIP sits beside the folder: the one this folder's last run made is rewritten, any other file is not.
    let name = `${folder}.zip`;
    for (let k = 2; name !== manifest.zip && existsSync(inside(root, name)); k++) name = `${folder}-${k}.zip`;
    zip = inside(root, name);
    await writeZip(zip, files.map((f) => ({ path: inside(dir, f.filename), name: f.filename })));
    await manifest.recordZip(name);
  }
  return { files: files.length, skipped: bar.skipped, dir, zip };
}
