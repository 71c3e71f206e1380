// Full-text search over one owner's pins and boards, ranked by relevance. The engine-specific matching lives in
// search-fts5.ts and search-tsvector.ts (same shape, chosen by the database's fullText capability); the joins,
// privacy filter and keyset on (rank, id) are written once here.
import { sql, type RawBuilder } from 'kysely';
import type { Db, DbHandle } from '../db/database.js';
import type { Privacy } from '../db/schema.js';
import type { BoardRow } from './boards.js';
import type { PinRow } from './pins.js';
import { fts5 } from './search-fts5.js';
import { tsvector } from './search-tsvector.js';

/** Words to find (all of them), the last one possibly as a prefix. Words hold letters, marks and digits only. */
export interface SearchTerms { words: string[]; prefixLast: boolean }

/** A parenthesised subquery with one row per match: the pin's or board's id and its relevance, higher is better. */
export type Matches = RawBuilder<{ id: string; rank: number }>;

/** What each engine provides: one owner's matches. */
export interface FullTextEngine {
  pins(ownerId: string, terms: SearchTerms): Matches;
  boards(ownerId: string, terms: SearchTerms): Matches;
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
    return this.pinPage(this.engine.pins(ownerId, terms), ownerId, privacies, page);
  }

  /** The owner's pins among `ids` (a lookup: all rank alike), newest first. */
  pinsByIds(ownerId: string, privacies: Privacy[], ids: string[], page: SearchPage): Promise<Ranked<PinRow>[]> {
    const matches: Matches = sql`(SELECT id, CAST(0 AS DOUBLE PRECISION) AS rank FROM pins WHERE id IN (${sql.join(ids)}) AND owner_id = ${ownerId})`;
    return this.pinPage(matches, ownerId, privacies, page);
  }

  /** The owner's boards of the given privacies that hold all the words, best first, then newest. */
  boards(ownerId: string, privacies: Privacy[], terms: SearchTerms, page: SearchPage): Promise<Ranked<BoardRow>[]> {
    let q = this.db.selectFrom(this.engine.boards(ownerId, terms).as('m'))
      .innerJoin('boards as b', 'b.id', 'm.id').innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('b').select(['u.username as owner_username', 'm.rank'])
      .where('b.owner_id', '=', ownerId).where('b.privacy', 'in', privacies);
    const c = page.after;
    if (c) q = q.where((eb) => eb.or([eb('m.rank', '<', c.rank), eb.and([eb('m.rank', '=', c.rank), eb('b.id', '<', c.id)])]));
    return q.orderBy('m.rank', 'desc').orderBy('b.id', 'desc').limit(page.pageSize + 1).execute();
  }

  /** Rows in PinsRepository's PinRow shape, with their rank. */
  private pinPage(matches: Matches, ownerId: string, privacies: Privacy[], page: SearchPage): Promise<Ranked<PinRow>[]> {
    let q = this.db.selectFrom(matches.as('m'))
      .innerJoin('pins as p', 'p.id', 'm.id').innerJoin('boards as b', 'b.id', 'p.board_id').innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('p').select(['b.privacy as board_privacy', 'u.username as board_owner_username', 'm.rank'])
      .where('p.owner_id', '=', ownerId).where('b.privacy', 'in', privacies);
    const c = page.after;
    if (c) q = q.where((eb) => eb.or([eb('m.rank', '<', c.rank), eb.and([eb('m.rank', '=', c.rank), eb('p.id', '<', c.id)])]));
    return q.orderBy('m.rank', 'desc').orderBy('p.id', 'desc').limit(page.pageSize + 1).execute();
  }
}
