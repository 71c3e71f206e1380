// PostgreSQL tsvector matching for search.ts: the pin_search and board_search tables of migration 0007, with
// their owner, privacy and weighted document (GIN-indexed) in the corkboard_search text search configuration.
import { sql } from 'kysely';
import type { FullTextEngine, SearchTerms } from './search.js';

/** A tsquery of all the words, each a quoted lexeme (nothing inside is syntax), the last one `:*` when a prefix. */
function tsquery(terms: SearchTerms): string {
  const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return terms.words.map((w, i) => (terms.prefixLast && i === terms.words.length - 1 ? `${lexeme(w)}:*` : lexeme(w))).join(' & ');
}

// ts_rank is a real (float4): as float8 its exact value survives the trip through JSON bookmarks.
export const tsvector: FullTextEngine = {
  pins: (ownerId, privacies, terms) => sql`(SELECT s.pin_id AS id, ts_rank(s.document, q.query)::float8 AS rank
    FROM pin_search s, to_tsquery('corkboard_search', ${tsquery(terms)}) AS q(query)
    WHERE ${ownerId === null ? sql`TRUE` : sql`s.owner_id = ${ownerId}`} AND s.privacy IN (${sql.join(privacies)}) AND s.document @@ q.query)`,
  boards: (ownerId, privacies, terms) => sql`(SELECT s.board_id AS id, ts_rank(s.document, q.query)::float8 AS rank
    FROM board_search s, to_tsquery('corkboard_search', ${tsquery(terms)}) AS q(query)
    WHERE s.owner_id = ${ownerId} AND s.privacy IN (${sql.join(privacies)}) AND s.document @@ q.query)`,
};
