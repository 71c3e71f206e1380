// Blob store of the embedded deployment: one file per key under <dataDir>/media. Writes go to a temporary
// file that is renamed into place, so a reader never sees half an object and a crash leaves no torn file.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { contentTypeOf, isValidKey, type BlobRange, type BlobStore } from './blob-store.js';

/** Tries at making a folder and writing into it while deletes remove emptied folders; each lost race is short. */
const MAX_ATTEMPTS = 20;

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!isValidKey(key)) throw new Error(`invalid blob key ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.atomically(key, (tmp) => writeFile(tmp, data, { flush: true }));
  }

  async putFile(key: string, source: string): Promise<void> {
    await this.atomically(key, (tmp) => copyFile(source, tmp));
  }

  private async atomically(key: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const file = this.file(key);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    // A delete in a neighbouring key removes folders it leaves empty (delete below), and may do so between our
    // mkdir and our first file in it: ENOENT then means "make the folder again", never a failed write.
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await write(tmp);
        await rename(tmp, file);
        return;
      } catch (err) {
        await rm(tmp, { force: true });
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  async stat(key: string) {
    if (!isValidKey(key)) return null;
    try {
      const st = await stat(this.file(key));
      return st.isFile() ? { size: st.size, contentType: contentTypeOf(key) } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async get(key: string, range?: BlobRange) {
    const info = await this.stat(key);
    if (!info) return null;
    return { ...info, body: createReadStream(this.file(key), range ? { start: range.start, end: range.end } : {}) };
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true });
    // Remove folders the delete left empty, up to the root, so reclaimed media leaves no husks behind.
    for (let dir = path.dirname(file); dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      try { await rmdir(dir); } catch { break; } // rmdir fails on a folder that still holds something: stop there
    }
  }

  describe(): string {
    return `files under ${this.root}`;
  }
}
