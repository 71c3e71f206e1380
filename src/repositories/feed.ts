// The home feed's one query: the pins of a set of boards (the user's own, the boards they follow, the PUBLIC
// boards of the users they follow), newest first by (created_at, id), a page after a keyset bookmark.
// Each feed board is read from its (board_id, created_at, id) index, newest first from the bookmark on, at most a
// page of rows; the page is the newest of those. So a page costs (feed boards x page size) index rows, however
// many pins the boards hold and however deep the bookmark is, on SQLite and PostgreSQL alike. Each pin belongs
// to one board and each board is picked once (IN), so no pin appears twice.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Privacy } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { limitOf } from '../db/limit.js';
import type { PinRow } from './pins.js';

export interface FeedScope {
  userId: string;
  /** Privacies of the user's own boards that the feed shows (others' boards: PUBLIC only). */
  ownPrivacies: Privacy[];
}

export class FeedRepository {
  constructor(private readonly db: Db) {}

  /**
   * Ids of the boards whose pins make the feed, each found by an index (the user's boards, their board follows,
   * the boards of the users they follow): never a scan of every board. Privacy is the caller's filter.
   */
  private feedBoards(userId: string) {
    const db = this.db;
    return db.selectFrom('boards as own').select('own.id').where('own.owner_id', '=', userId)
      .union(db.selectFrom('board_follows as bf').select('bf.board_id as id').where('bf.follower_id', '=', userId))
      .union(db.selectFrom('user_follows as uf').innerJoin('boards as fb', 'fb.owner_id', 'uf.followee_id').select('fb.id').where('uf.follower_id', '=', userId));
  }

  /** A page of the feed (pageSize + 1 rows: the extra one says there is more); `page.after` is [created_at, id]. */
  home(scope: FeedScope, page: PageRequest): Promise<PinRow[]> {
    return this.homeQuery(scope, page).execute();
  }

  /** The query itself (its plan is checked by a test). */
  homeQuery(scope: FeedScope, page: PageRequest) {
    const limit = limitOf(page.pageSize + 1);
    const after = page.after ? page.after.map(String) as [string, string] : null;
    return this.db.selectFrom('boards as b')
      .innerJoin('pins as p', (j) => j.on('p.id', 'in', this.db.selectFrom('pins as n').select('n.id')
        .where('n.board_id', '=', sql.ref<string>('b.id'))
        .$if(after !== null, (q) => q.where((w) => w(w.refTuple('n.created_at', 'n.id'), '<', w.tuple(after![0], after![1]))))
        .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit)))
      .innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('p').select(['b.privacy as board_privacy', 'u.username as board_owner_username'])
      .where('b.id', 'in', this.feedBoards(scope.userId))
      // Others' boards only while PUBLIC (a followed board made SECRET drops out); one's own as the scope says.
      .where((w) => w.or([
        w.and([w('b.owner_id', '=', scope.userId), w('b.privacy', 'in', scope.ownPrivacies)]),
        w.and([w('b.owner_id', '!=', scope.userId), w('b.privacy', '=', 'PUBLIC')]),
      ]))
      .orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(limit);
  }
}
