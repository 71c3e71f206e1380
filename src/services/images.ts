// Image media for pins: decode and check the bytes, store every variant once per content (hash-addressed),
// give absolute URLs, recognise URLs of this instance's own media, and reclaim files no pin uses any more.
import type { Readable } from 'node:stream';
import type { ImageVariant } from '../db/schema.js';
import { isValidKey } from '../adapters/blob-store/blob-store.js';
import { errors } from '../lib/api-error.js';
import type { ImageRow, ImagesRepository } from '../repositories/images.js';

export const IMAGE_SIZES = ['150x150', '400x300', '600x', '1200x', 'originals'] as const;
export type ImageSizeName = (typeof IMAGE_SIZES)[number];

export interface ProcessedVariant { buffer: Buffer; width: number; height: number; contentType: string; ext: string }
export interface ProcessedImage { width: number; height: number; dominantColor: string; variants: Record<ImageSizeName, ProcessedVariant> }

/** Pinterest's limit for an image pin: image_url fetches and own media reads stop past it. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** What the service needs of the media adapters (sharp and the blob store). */
export interface ImageDeps {
  process(input: Buffer, field: string): Promise<ProcessedImage>;
  hash(input: Buffer): string;
  blobs: {
    put(key: string, data: Buffer, contentType: string): Promise<void>;
    get(key: string): Promise<{ size: number; body: Readable } | null>;
    delete(key: string): Promise<void>;
  };
}

/** The content hash a stored image file's blob key names (images/ab/cd/<hash>/<size>.<ext>), or undefined. */
export function hashOfKey(key: string): string | undefined {
  return /^images\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})\/[^/]+$/.exec(key)?.[1];
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

  /**
   * The image at `url` when it is one of this instance's own media files (its public URL's /media/...), read from
   * the blob store: any size of a stored image is that image itself, so a copy by URL is the same picture, bytes
   * and all; another file there is ingested. null for every other URL, which is fetched as usual. A missing
   * file answers the 400 a fetch answering 404 does.
   */
  async ownMedia(url: string, field: string, ingestField = field): Promise<ImageRow | null> {
    const key = this.ownKey(url);
    if (key === null) return null;
    const notFetched = (why: string) => errors.invalid(`Invalid parameters: ${field} could not be fetched: ${why}.`);
    if (!isValidKey(key)) throw notFetched('it answered HTTP 404');
    const hash = hashOfKey(key);
    const row = hash ? await this.repo.byHash(hash) : undefined;
    if (row && Object.values(JSON.parse(row.variants) as Record<string, ImageVariant>).some((v) => v.key === key)) return row;
    const blob = await this.deps.blobs.get(key);
    if (!blob) throw notFetched('it answered HTTP 404');
    if (blob.size > MAX_IMAGE_BYTES) { blob.body.destroy(); throw notFetched(`the body is larger than ${MAX_IMAGE_BYTES} bytes`); }
    const chunks: Buffer[] = [];
    for await (const chunk of blob.body) chunks.push(chunk as Buffer);
    return this.ingest(Buffer.concat(chunks), ingestField);
  }

  /** The blob key a URL of this instance's /media/ names, or null when it names anything else. */
  private ownKey(raw: string): string | null {
    let url: URL;
    try { url = new URL(raw); } catch { return null; }
    const media = new URL(`${this.publicUrl()}/media/`);
    if (url.origin !== media.origin || url.username || url.password || !url.pathname.startsWith(media.pathname)) return null;
    try { return decodeURIComponent(url.pathname.slice(media.pathname.length)); } catch { return ''; } // '' is no key: 404
  }

  /** The blob key of one size of a stored image. */
  key(row: Pick<ImageRow, 'variants'>, size: ImageSizeName): string {
    return (JSON.parse(row.variants) as Record<ImageSizeName, ImageVariant>)[size].key;
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
