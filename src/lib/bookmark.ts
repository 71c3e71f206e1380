// Bookmark pagination for every list: keyset, never OFFSET. A bookmark is the sort key of the last item
// served, as base64url JSON: opaque to clients, URL-safe as issued (Pinterest's clients append it to URLs
// without encoding), and validated on decode so garbage answers 400 instead of reaching a query.
import { errors } from './api-error.js';

export type CursorKey = string | number;
export type Cursor = CursorKey[];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 250;

export interface PageRequest {
  pageSize: number;
  /** The sort key of the last item of the previous page, or null for the first page. */
  after: Cursor | null;
}

export interface Page<T> {
  items: T[];
  bookmark: string | null;
}

const VERSION = 1;

export function encodeBookmark(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([VERSION, ...cursor])).toString('base64url');
}

/** The cursor inside a bookmark; `arity` is how many keys the list's sort order has. */
export function decodeBookmark(bookmark: string, arity: number): Cursor {
  const bad = () => errors.invalid('Invalid parameters: bookmark is not one this server issued.');
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(bookmark)) throw bad();
  let parsed: unknown;
  try { parsed = JSON.parse(Buffer.from(bookmark, 'base64url').toString('utf8')); } catch { throw bad(); }
  if (!Array.isArray(parsed) || parsed[0] !== VERSION || parsed.length !== arity + 1) throw bad();
  const keys = parsed.slice(1);
  if (!keys.every((k) => (typeof k === 'string' && k.length <= 200) || (typeof k === 'number' && Number.isFinite(k)))) throw bad();
  return keys as Cursor;
}

/** Reads page_size and bookmark (already type-checked by the route schema) into a page request. */
export function pageRequest(query: { page_size?: number | undefined; bookmark?: string | undefined }, arity = 1): PageRequest {
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw errors.invalid(`Invalid parameters: page_size must be between 1 and ${MAX_PAGE_SIZE} (was ${pageSize}).`);
  }
  return { pageSize, after: query.bookmark ? decodeBookmark(query.bookmark, arity) : null };
}

/**
 * Turns the rows a repository fetched (at most pageSize + 1, in order) into a page: the extra row only tells
 * that there is more, and the last row served gives the next bookmark.
 */
export function toPage<R, T = R>(rows: R[], req: PageRequest, keyOf: (row: R) => Cursor, map?: (row: R) => T): Page<T> {
  const more = rows.length > req.pageSize;
  const served = more ? rows.slice(0, req.pageSize) : rows;
  const items = map ? served.map(map) : (served as unknown as T[]);
  return { items, bookmark: more ? encodeBookmark(keyOf(served[served.length - 1]!)) : null };
}
