// SQLite FTS5 matching for search.ts: the pin_search and board_search tables of migration 0007, whose rowids
// are the ids and whose `owner` and `privacy` columns let the index itself keep to what the caller may see.
import { sql } from 'kysely';
import type { Privacy } from '../db/schema.js';
import type { FullTextEngine, SearchTerms } from './search.js';

const PRIVACIES: Privacy[] = ['PUBLIC', 'PROTECTED', 'SECRET'];

/** A string literal of FTS5's query language: nothing inside it is syntax. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** `owner : "<id>" AND {columns} : ("w1" "w2" "w3" *) NOT privacy : "secret"`: every word, in any searched column (any owner's for null). */
function match(ownerId: string | null, privacies: Privacy[], terms: SearchTerms, columns: string): string {
  const words = terms.words.map((w, i) => (terms.prefixLast && i === terms.words.length - 1 ? `${phrase(w)} *` : phrase(w)));
  const hidden = PRIVACIES.filter((x) => !privacies.includes(x)).map((x) => ` NOT privacy : ${phrase(x)}`);
  return `${ownerId === null ? '' : `owner : ${phrase(ownerId)} AND `}{${columns}} : (${words.join(' ')})${hidden.join('')}`;
}

// bm25 is lower for better matches: negated, so rank is higher-is-better on both engines. Column weights follow
// the table's columns: owner and privacy (never scored), then title 4, description 2, alt text 1, board name 1.
export const fts5: FullTextEngine = {
  pins: (ownerId, privacies, terms) => sql`(SELECT CAST(rowid AS TEXT) AS id, -bm25(pin_search, 0.0, 0.0, 4.0, 2.0, 1.0, 1.0) AS rank
    FROM pin_search WHERE pin_search MATCH ${match(ownerId, privacies, terms, 'title description alt_text board_name')})`,
  boards: (ownerId, privacies, terms) => sql`(SELECT CAST(rowid AS TEXT) AS id, -bm25(board_search, 0.0, 0.0, 4.0, 2.0) AS rank
    FROM board_search WHERE board_search MATCH ${match(ownerId, privacies, terms, 'name description')})`,
};
