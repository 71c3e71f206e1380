// `corkboard download URL`: every media file behind a pin, board, section, profile or short link, fetched
// straight from Pinterest (through CORKBOARD_PINTEREST_UPSTREAM) or a Corkboard instance; no server needed.
// Bounded concurrency, files already there are skipped, interrupted ones resume, a JSON sidecar per pin.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { allowAny, allowPublicOnly } from '../adapters/safe-fetch.js';
import { extract } from '../downloader/extract.js';
import { fetchToFile } from '../downloader/fetch-file.js';
import { DEFAULT_TEMPLATE, planFiles, safeSegment } from '../downloader/plan.js';
import { writeZip } from '../downloader/zip.js';

export interface DownloadOptions { outDir: string; template?: string; only?: 'image' | 'video' | 'audio'; zip: boolean; concurrency: number; maxPins: number }

const exists = async (file: string) => stat(file).then(() => true, () => false);

/** One line of progress, redrawn in place on a terminal, one line per file otherwise. */
function progress(total: number) {
  const tty = process.stderr.isTTY;
  let done = 0, skipped = 0, bytes = 0;
  const render = (note: string) => {
    const width = 30;
    const fill = total ? Math.round((done / total) * width) : width;
    const line = `[${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${done}/${total} files, ${(bytes / 1e6).toFixed(1)} MB${skipped ? `, ${skipped} already there` : ''} ${note}`;
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
  process.stderr.write(`resolving ${url}\n`);
  const extracted = await extract(url, { pinterestOrigin: config.pinterestUpstream, allowAddress, maxPins: opts.maxPins });
  const files = planFiles(extracted, opts.template ?? DEFAULT_TEMPLATE, true).filter((f) => !opts.only || f.type === opts.only);
  const dir = path.resolve(opts.outDir, extracted.kind === 'pin' ? '' : safeSegment(extracted.title));
  await mkdir(dir, { recursive: true });
  process.stderr.write(`${extracted.kind} "${extracted.title}": ${extracted.pins.length} pins, ${files.length} files -> ${dir}\n`);
  const bar = progress(files.length);
  const folders = new Set<string>();
  const sidecars = new Set<string>();
  /** One sidecar per pin with what Pinterest says about it, next to its first file. */
  const writeSidecar = async (f: (typeof files)[number]) => {
    if (sidecars.has(f.pin_id)) return;
    sidecars.add(f.pin_id);
    const { pin, section } = extracted.pins.find((p) => p.pin.id === f.pin_id)!;
    const meta = { id: pin.id, title: pin.title ?? null, description: pin.description ?? null, link: pin.link ?? null, section, files: files.filter((x) => x.pin_id === pin.id).map((x) => ({ filename: x.filename, type: x.type, width: x.width, height: x.height, source_url: x.source_url })) };
    await writeFile(path.join(dir, path.dirname(f.filename), `${f.pin_id}.json`), JSON.stringify(meta, null, 2) + '\n');
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, files.length) }, async () => {
    while (next < files.length) {
      const f = files[next++]!;
      const file = path.join(dir, f.filename);
      const folder = path.dirname(file);
      if (!folders.has(folder)) { await mkdir(folder, { recursive: true }); folders.add(folder); }
      const there = await exists(file);
      if (!there) await fetchToFile(f.source_url, file, { allowAddress, maxBytes: config.video.maxBytes, timeoutMs: 30 * 60_000, onBytes: bar.bytes });
      await writeSidecar(f);
      bar.file(f.filename, there);
    }
  }));
  bar.end();
  let zip: string | null = null;
  if (opts.zip) {
    zip = `${dir}.zip`;
    await writeZip(zip, files.map((f) => ({ path: path.join(dir, f.filename), name: f.filename })));
  }
  return { files: files.length, skipped: bar.skipped, dir, zip };
}
