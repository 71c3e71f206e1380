// SQLite FTS5 matching for search.ts: the pin_search and board_search tables of migration 0007, whose rowids
// are the ids and whose `owner` column holds the owner's id, so the index itself keeps to one owner's rows.
import { sql } from 'kysely';
import type { FullTextEngine, SearchTerms } from './search.js';

/** A string literal of FTS5's query language: nothing inside it is syntax. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** `owner : "<id>" AND {columns} : ("w1" "w2" "w3" *)`: every word, in any searched column, for one owner. */
function match(ownerId: string, terms: SearchTerms, columns: string): string {
  const words = terms.words.map((w, i) => (terms.prefixLast && i === terms.words.length - 1 ? `${phrase(w)} *` : phrase(w)));
  return `owner : ${phrase(ownerId)} AND {${columns}} : (${words.join(' ')})`;
}

// bm25 is lower for better matches: negated, so rank is higher-is-better on both engines. Column weights follow
// the table's columns: owner (never scored), then title 4, description 2, alt text 1, board name 1.
export const fts5: FullTextEngine = {
  pins: (ownerId, terms) => sql`(SELECT CAST(rowid AS TEXT) AS id, -bm25(pin_search, 0.0, 4.0, 2.0, 1.0, 1.0) AS rank
    FROM pin_search WHERE pin_search MATCH ${match(ownerId, terms, 'title description alt_text board_name')})`,
  boards: (ownerId, terms) => sql`(SELECT CAST(rowid AS TEXT) AS id, -bm25(board_search, 0.0, 4.0, 2.0) AS rank
    FROM board_search WHERE board_search MATCH ${match(ownerId, terms, 'name description')})`,
};
