// Where media bytes live. Keys are write-once (content-addressed or named by a fresh id), so a key's bytes
// never change: readers may cache them forever and an ETag can be derived from the key alone.
import type { Readable } from 'node:stream';

export interface BlobRange { start: number; end: number } // inclusive, as in HTTP Range

export interface BlobObject {
  /** The whole object's size, also when only a range is read. */
  size: number;
  contentType: string;
  /** The whole object, or the bytes of `range` when one was asked for. */
  body: Readable;
}

/** A signed HTML-form POST (S3's browser upload): the URL and the fields to send before the file. */
export interface UploadGrant { url: string; fields: Record<string, string> }

export interface BlobStore {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Stores the contents of a local file (large media), without reading it into memory. The file is left in place. */
  putFile(key: string, file: string, contentType: string): Promise<void>;
  /** Size and type without the bytes; null when there is no such key. */
  stat(key: string): Promise<{ size: number; contentType: string } | null>;
  get(key: string, range?: BlobRange): Promise<BlobObject | null>;
  /** Deleting a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  describe(): string;
  /** Stores that take browser uploads themselves (S3) sign one here; others leave it out. */
  directUpload?(key: string, contentType: string, maxBytes: number, expires: Date): Promise<UploadGrant>;
}

/** Keys are slash-separated names of [A-Za-z0-9._-] segments; nothing that could climb out of a folder. */
export function isValidKey(key: string): boolean {
  return key.length > 0 && key.length <= 512 && key.split('/').every((seg) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(seg));
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif',
  mp4: 'video/mp4', mov: 'video/quicktime', m4v: 'video/mp4', json: 'application/json',
};

/** The content type a key's extension stands for (stores that keep no metadata use this). */
export function contentTypeOf(key: string): string {
  return TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}
