// Full-text search over one owner's pins and boards (or every owner's public pins), ranked by relevance. The
// engine-specific matching lives in search-fts5.ts and search-tsvector.ts (same shape, chosen by the database's
// fullText capability); paging on (rank, id) and the joins to full rows are written once here. The page is cut
// from the index's matches alone, so only the rows served are joined, however many match.
import { sql, type RawBuilder } from 'kysely';
import type { Db, DbHandle } from '../db/database.js';
import type { Privacy } from '../db/schema.js';
import type { BoardRow } from './boards.js';
import type { PinRow } from './pins.js';
import { fts5 } from './search-fts5.js';
import { tsvector } from './search-tsvector.js';
import { limitOf } from '../db/limit.js';

/** Words to find (all of them), the last one possibly as a prefix. Words hold letters, marks and digits only. */
export interface SearchTerms { words: string[]; prefixLast: boolean }

/** A parenthesised subquery with one row per match: the id and its relevance, higher is better. */
export type Matches = RawBuilder<{ id: string; rank: number }>;

/** What each engine provides: one owner's (null: every owner's) matches among rows of the given (board) privacies. */
export interface FullTextEngine {
  pins(ownerId: string | null, privacies: Privacy[], terms: SearchTerms): Matches;
  boards(ownerId: string, privacies: Privacy[], terms: SearchTerms): Matches;
}

const ENGINES: Record<DbHandle['capabilities']['fullText'], FullTextEngine> = { fts5, tsvector };

export type Ranked<T> = T & { rank: number };
/** The last (rank, id) served: the next page ranks below it, or ties with it and has a lower id. */
export interface SearchCursor { rank: number; id: string }
export interface SearchPage { pageSize: number; after: SearchCursor | null }

export class SearchRepository {
  private readonly engine: FullTextEngine;

  constructor(private readonly db: Db, fullText: DbHandle['capabilities']['fullText']) {
    this.engine = ENGINES[fullText];
  }

  /** The owner's pins on boards of the given privacies that hold all the words, best first, then newest. */
  pins(ownerId: string, privacies: Privacy[], terms: SearchTerms, page: SearchPage): Promise<Ranked<PinRow>[]> {
    return this.pinRows(this.engine.pins(ownerId, privacies, terms), ownerId, privacies, page);
  }

  /** Every owner's pins on PUBLIC boards that hold all the words, best first, then newest (the public web's search). */
  publicPins(terms: SearchTerms, page: SearchPage): Promise<Ranked<PinRow>[]> {
    return this.pinRows(this.engine.pins(null, ['PUBLIC'], terms), null, ['PUBLIC'], page);
  }

  /** The owner's pins among `ids` (a lookup: all rank alike), newest first. */
  pinsByIds(ownerId: string, privacies: Privacy[], ids: string[], page: SearchPage): Promise<Ranked<PinRow>[]> {
    const matches: Matches = sql`(SELECT id, CAST(0 AS DOUBLE PRECISION) AS rank FROM pins WHERE id IN (${sql.join(ids)}) AND owner_id = ${ownerId})`;
    return this.pinRows(matches, ownerId, privacies, page);
  }

  /** The owner's boards of the given privacies that hold all the words, best first, then newest. */
  boards(ownerId: string, privacies: Privacy[], terms: SearchTerms, page: SearchPage): Promise<Ranked<BoardRow>[]> {
    return this.db.selectFrom(this.page(this.engine.boards(ownerId, privacies, terms), page).as('m'))
      .crossJoin('boards as b').whereRef('b.id', '=', 'm.id').innerJoin('users as u', 'u.id', 'b.owner_id') // see pinRows
      .selectAll('b').select(['u.username as owner_username', 'm.rank'])
      .where('b.owner_id', '=', ownerId).where('b.privacy', 'in', privacies) // the index said so; the rows agree
      .orderBy('m.rank', 'desc').orderBy('m.id', 'desc').execute();
  }

  /** One page of matches, plus one to tell whether there are more: keyset on (rank, id), never an offset. */
  private page(matches: Matches, page: SearchPage) {
    let q = this.db.selectFrom(matches.as('m')).select(['m.id', 'm.rank']);
    const c = page.after;
    if (c) q = q.where((eb) => eb.or([eb('m.rank', '<', c.rank), eb.and([eb('m.rank', '=', c.rank), eb('m.id', '<', c.id)])]));
    return q.orderBy('m.rank', 'desc').orderBy('m.id', 'desc').limit(limitOf(page.pageSize + 1));
  }

  /** The page's rows in PinsRepository's PinRow shape, with their rank. */
  private pinRows(matches: Matches, ownerId: string | null, privacies: Privacy[], page: SearchPage): Promise<Ranked<PinRow>[]> {
    // CROSS JOIN: SQLite always drives it from the left, the page's few rows; without table statistics it would
    // rather start from the owner's pins through the owner index. PostgreSQL plans it as the inner join it is.
    return this.db.selectFrom(this.page(matches, page).as('m'))
      .crossJoin('pins as p').whereRef('p.id', '=', 'm.id').innerJoin('boards as b', 'b.id', 'p.board_id').innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('p').select(['b.privacy as board_privacy', 'u.username as board_owner_username', 'm.rank'])
      .$if(ownerId !== null, (q) => q.where('p.owner_id', '=', ownerId!)).where('b.privacy', 'in', privacies)
      .orderBy('m.rank', 'desc').orderBy('m.id', 'desc').execute();
  }
}
