// `.corkboard-download.json` in a download's folder: which pin and media each file there holds. A re-run skips a
// file only when the manifest says it is that same media, complete; new media gets a name no other file has.
import { existsSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { inside } from './paths.js';

export const MANIFEST = '.corkboard-download.json';
/** A ZIP beside the folder: one plain file name. */
const ZIP_NAME = /^[A-Za-z0-9._-]+\.zip$/;

/** What one file holds; `size` is null while it is being fetched. */
export interface ManifestEntry { pin_id: string; source_url: string; size: number | null }

export class Manifest {
  private saving: Promise<void> = Promise.resolve();
  /** The first name recorded for each media (pin id and URL). */
  private readonly byMedia = new Map<string, string>();
  /** The write that has not started yet, if one is waiting. */
  private queued: Promise<void> | null = null;

  private constructor(private readonly dir: string, private readonly files: Map<string, ManifestEntry>, private zipName: string | null) {
    for (const [name, e] of files) this.remember(name, e);
  }

  private remember(name: string, e: ManifestEntry): void {
    const key = `${e.pin_id}\n${e.source_url}`;
    if (!this.byMedia.has(key)) this.byMedia.set(key, name);
  }

  /** The folder's manifest; none (or one this version cannot read) is an empty one. */
  static async load(dir: string): Promise<Manifest> {
    const files = new Map<string, ManifestEntry>();
    let zip: string | null = null;
    try {
      const json = JSON.parse(await readFile(inside(dir, MANIFEST), 'utf8')) as { files?: Record<string, ManifestEntry>; zip?: unknown };
      if (typeof json.zip === 'string' && ZIP_NAME.test(json.zip)) zip = json.zip;
      for (const [name, e] of Object.entries(json.files ?? {})) {
        if (!e || typeof e.pin_id !== 'string' || typeof e.source_url !== 'string') continue;
        try { inside(dir, name); } catch { continue; } // an edited manifest cannot point outside the folder
        files.set(name, { pin_id: e.pin_id, source_url: e.source_url, size: typeof e.size === 'number' ? e.size : null });
      }
    } catch {
      // no manifest yet: every file already in the folder counts as someone else's
    }
    return new Manifest(dir, files, zip);
  }

  /** The file recorded as holding this media, if any. */
  known(pinId: string, url: string): string | undefined {
    return this.byMedia.get(`${pinId}\n${url}`);
  }

  /** Held by other media, or present in the folder without a record (so it is never overwritten). */
  taken(name: string): boolean {
    if (this.files.has(name)) return true;
    const file = inside(this.dir, name);
    return existsSync(file) || existsSync(`${file}.part`);
  }

  /** Whether `name` is this media, fetched to the end and unchanged in size since. */
  async complete(name: string, pinId: string, url: string): Promise<boolean> {
    const e = this.files.get(name);
    if (!e || e.pin_id !== pinId || e.source_url !== url || e.size === null) return false;
    return stat(inside(this.dir, name)).then((s) => s.isFile() && s.size === e.size, () => false);
  }

  /** The ZIP file name (beside the folder) a run made; only that one may be written over by the next. */
  get zip(): string | null { return this.zipName; }

  recordZip(name: string): Promise<void> {
    this.zipName = name;
    return this.save();
  }

  /** The recorded size of a complete file. */
  size(name: string): number | null {
    return this.files.get(name)?.size ?? null;
  }

  /**
   * Records what `name` holds; resolves once the manifest on disk says so. Writes are atomic (a crash leaves the
   * old or the new manifest) and coalesced: records made while a write is waiting share the next one.
   */
  record(name: string, entry: ManifestEntry): Promise<void> {
    this.files.set(name, entry);
    this.remember(name, entry);
    return this.save();
  }

  private save(): Promise<void> {
    if (!this.queued) {
      this.queued = this.saving.then(() => { this.queued = null; return this.write(); });
      this.saving = this.queued;
    }
    return this.queued;
  }

  private async write(): Promise<void> {
    const file = inside(this.dir, MANIFEST);
    const json = { version: 1, zip: this.zipName ?? undefined, files: Object.fromEntries([...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) };
    await writeFile(`${file}.tmp`, JSON.stringify(json, null, 1) + '\n');
    await rename(`${file}.tmp`, file);
  }
}
