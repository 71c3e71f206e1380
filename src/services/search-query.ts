// What a search query asks for, as Pinterest describes `query`: keywords, or comma-separated pin ids.
// Words are what both full-text engines index as words (runs of letters, marks and digits), so whatever a user
// types, the engines only ever see quoted words: no input is query syntax there.
import { errors } from '../lib/api-error.js';
import type { SearchTerms } from '../repositories/search.js';

export type SearchQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'words'; terms: SearchTerms }
  /** Only punctuation: nothing any pin could hold. */
  | { kind: 'nothing' };

export const MAX_WORDS = 32;
export const MAX_IDS = 250;
/** A shorter last word is matched whole: a one- or two-letter prefix would match a good part of the index. */
const MIN_PREFIX = 3;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ID = /^\d{1,19}$/;

/**
 * Reads a query. A list of ids needs a comma, or one number as long as an id (15+ digits), so that a year or a
 * quantity is still searched as a word. The last word is a prefix ("gazp" finds gazpacho) unless the query
 * ends after it with a space or punctuation.
 */
export function parseSearchQuery(raw: string, opts: { ids: boolean }): SearchQuery {
  const text = raw.trim();
  if (!text) throw errors.invalid('Invalid parameters: query must not be empty.');
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (opts.ids && parts.length && parts.every((s) => ID.test(s)) && (text.includes(',') || parts[0]!.length >= 15)) {
    const ids = [...new Set(parts)];
    if (ids.length > MAX_IDS) throw errors.invalid(`Invalid parameters: query has ${ids.length} pin ids (at most ${MAX_IDS}).`);
    return { kind: 'ids', ids };
  }
  // a run of combining marks alone is no word to either engine (FTS5 would match nothing, PostgreSQL drop it)
  const words = (raw.match(WORD) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w)).map((w) => w.toLowerCase());
  if (!words.length) return { kind: 'nothing' };
  if (words.length > MAX_WORDS) throw errors.invalid(`Invalid parameters: query has ${words.length} words (at most ${MAX_WORDS}).`);
  const last = words[words.length - 1]!;
  return { kind: 'words', terms: { words, prefixLast: last.length >= MIN_PREFIX && /[\p{L}\p{M}\p{N}]$/u.test(raw) } };
}
