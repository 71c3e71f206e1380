// Image media for pins: decode and check the bytes, store every variant once per content (hash-addressed),
// give absolute URLs, and reclaim files no pin uses any more.
import type { ImageVariant } from '../db/schema.js';
import type { ImageRow, ImagesRepository } from '../repositories/images.js';

export const IMAGE_SIZES = ['150x150', '400x300', '600x', '1200x', 'originals'] as const;
export type ImageSizeName = (typeof IMAGE_SIZES)[number];

export interface ProcessedVariant { buffer: Buffer; width: number; height: number; contentType: string; ext: string }
export interface ProcessedImage { width: number; height: number; dominantColor: string; variants: Record<ImageSizeName, ProcessedVariant> }

/** What the service needs of the media adapters (sharp and the blob store). */
export interface ImageDeps {
  process(input: Buffer, field: string): Promise<ProcessedImage>;
  hash(input: Buffer): string;
  blobs: { put(key: string, data: Buffer, contentType: string): Promise<void>; delete(key: string): Promise<void> };
}

export interface ImageDetails { width: number; height: number; url: string }
export type ImageSizes = Record<ImageSizeName, ImageDetails>;

/** Image sizes kept in memory: an image row never changes (its hash is its content), so they never go stale. */
const SIZES_CACHED = 20_000;

export class ImagesService {
  private readonly sizesCache = new Map<string, ImageSizes>();

  constructor(private readonly repo: ImagesRepository, private readonly deps: ImageDeps, private readonly publicUrl: () => string) {}

  /** Stores an uploaded or fetched image (400 naming `field` when it is not a usable image). */
  async ingest(input: Buffer, field: string): Promise<ImageRow> {
    const hash = this.deps.hash(input);
    const existing = await this.repo.byHash(hash);
    if (existing) return existing;
    const processed = await this.deps.process(input, field);
    const variants: Record<string, ImageVariant> = {};
    for (const name of IMAGE_SIZES) {
      const v = processed.variants[name];
      const key = `images/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}/${name}.${v.ext}`;
      await this.deps.blobs.put(key, v.buffer, v.contentType);
      variants[name] = { key, width: v.width, height: v.height };
    }
    const row: ImageRow = {
      hash, width: processed.width, height: processed.height, dominant_color: processed.dominantColor,
      variants: JSON.stringify(variants), created_at: new Date().toISOString(),
    };
    await this.repo.insert(row);
    return row;
  }

  url(key: string): string {
    return `${this.publicUrl()}/media/${key}`;
  }

  /** The origin image URLs start with: part of the key of anything cached that holds them. */
  origin(): string {
    return this.publicUrl();
  }

  sizes(row: Pick<ImageRow, 'variants'>): ImageSizes {
    const variants = JSON.parse(row.variants) as Record<ImageSizeName, ImageVariant>;
    const out = {} as ImageSizes;
    for (const name of IMAGE_SIZES) {
      const v = variants[name];
      out[name] = { width: v.width, height: v.height, url: this.url(v.key) };
    }
    return out;
  }

  /** Sizes of the images with these hashes (unknown ones left out), from memory where seen before. */
  async sizesByHash(hashes: string[]): Promise<Map<string, ImageSizes>> {
    const out = new Map<string, ImageSizes>();
    const base = this.origin(); // part of the key: tests and `serve --port 0` learn it after start
    const missing = hashes.filter((h) => {
      const hit = this.sizesCache.get(`${base} ${h}`);
      if (hit) out.set(h, hit);
      return !hit;
    });
    for (const row of missing.length ? await this.repo.byHashes(missing) : []) {
      const sizes = this.sizes(row);
      if (this.sizesCache.size >= SIZES_CACHED) this.sizesCache.delete(this.sizesCache.keys().next().value!);
      this.sizesCache.set(`${base} ${row.hash}`, sizes);
      out.set(row.hash, sizes);
    }
    return out;
  }

  async byHashes(hashes: string[]): Promise<Map<string, ImageRow>> {
    return new Map((await this.repo.byHashes(hashes)).map((r) => [r.hash, r]));
  }

  /** Deletes the stored files of images that no pin refers to any more. */
  async reclaim(hashes: string[]): Promise<void> {
    for (const row of await this.repo.deleteUnreferenced(hashes)) {
      for (const v of Object.values(JSON.parse(row.variants) as Record<string, ImageVariant>)) await this.deps.blobs.delete(v.key);
    }
  }
}
