// Follows of users and boards. A board's follower_count changes in the same transaction as its follows.
import type { Db } from '../db/database.js';
import type { PageRequest } from '../lib/bookmark.js';
import type { UserRow } from './users.js';
import { limitOf } from '../db/limit.js';

export interface FollowedUser { follow_key: string; username: string; account_type: UserRow['account_type'] }

export class FollowsRepository {
  constructor(private readonly db: Db) {}

  /** True when the follow is new. */
  async followUser(followerId: string, followeeId: string, now: string): Promise<boolean> {
    const res = await this.db.insertInto('user_follows').values({ follower_id: followerId, followee_id: followeeId, created_at: now })
      .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async followBoard(followerId: string, boardId: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const res = await trx.insertInto('board_follows').values({ follower_id: followerId, board_id: boardId, created_at: now })
        .onConflict((oc) => oc.columns(['follower_id', 'board_id']).doNothing()).executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx.updateTable('boards').set((eb) => ({ follower_count: eb('follower_count', '+', 1) })).where('id', '=', boardId).execute();
      }
    });
  }

  async unfollowBoard(followerId: string, boardId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const res = await trx.deleteFrom('board_follows').where('follower_id', '=', followerId).where('board_id', '=', boardId).executeTakeFirst();
      if (Number(res.numDeletedRows) > 0) {
        await trx.updateTable('boards').set((eb) => ({ follower_count: eb('follower_count', '-', 1) })).where('id', '=', boardId).execute();
      }
    });
  }

  async followsBoard(followerId: string, boardId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('board_follows').select('board_id').where('follower_id', '=', followerId).where('board_id', '=', boardId).executeTakeFirst());
  }

  /**
   * Users `userId` follows, by user id order: explicitly, and (unless `explicitOnly`) implicitly through a
   * followed board of theirs. `creatorsOnly` keeps business accounts.
   */
  following(userId: string, opts: { explicitOnly: boolean; creatorsOnly: boolean }, page: PageRequest): Promise<FollowedUser[]> {
    let q = this.db.selectFrom('users as u').select(['u.id as follow_key', 'u.username', 'u.account_type'])
      .where((eb) => eb.or([
        eb.exists(eb.selectFrom('user_follows as f').select('f.followee_id').whereRef('f.followee_id', '=', 'u.id').where('f.follower_id', '=', userId)),
        ...(opts.explicitOnly ? [] : [eb.exists(eb.selectFrom('board_follows as bf').innerJoin('boards as b', 'b.id', 'bf.board_id')
          .select('bf.board_id').whereRef('b.owner_id', '=', 'u.id').where('bf.follower_id', '=', userId))]),
      ]));
    if (opts.creatorsOnly) q = q.where('u.account_type', '=', 'BUSINESS');
    if (page.after) q = q.where('u.id', '>', String(page.after[0]));
    return q.orderBy('u.id').limit(limitOf(page.pageSize + 1)).execute();
  }

  followers(userId: string, page: PageRequest): Promise<FollowedUser[]> {
    let q = this.db.selectFrom('user_follows as f').innerJoin('users as u', 'u.id', 'f.follower_id')
      .select(['u.id as follow_key', 'u.username', 'u.account_type']).where('f.followee_id', '=', userId);
    if (page.after) q = q.where('u.id', '>', String(page.after[0]));
    return q.orderBy('u.id').limit(limitOf(page.pageSize + 1)).execute();
  }

  /** Ids of PUBLIC boards `userId` follows: explicitly, and (unless `explicitOnly`) every board of a followed user. */
  async followedBoardIds(userId: string, explicitOnly: boolean, page: PageRequest): Promise<string[]> {
    let q = this.db.selectFrom('boards as b').select('b.id').where('b.privacy', '=', 'PUBLIC').where('b.owner_id', '!=', userId)
      .where((eb) => eb.or([
        eb.exists(eb.selectFrom('board_follows as bf').select('bf.board_id').whereRef('bf.board_id', '=', 'b.id').where('bf.follower_id', '=', userId)),
        ...(explicitOnly ? [] : [eb.exists(eb.selectFrom('user_follows as f').select('f.followee_id').whereRef('f.followee_id', '=', 'b.owner_id').where('f.follower_id', '=', userId))]),
      ]));
    if (page.after) q = q.where('b.id', '>', String(page.after[0]));
    return (await q.orderBy('b.id').limit(limitOf(page.pageSize + 1)).execute()).map((r) => r.id);
  }

  async counts(userId: string): Promise<{ followers: number; following: number }> {
    const [followers, following] = await Promise.all([
      this.db.selectFrom('user_follows').select((eb) => eb.fn.countAll<number>().as('n')).where('followee_id', '=', userId).executeTakeFirstOrThrow(),
      this.db.selectFrom('user_follows').select((eb) => eb.fn.countAll<number>().as('n')).where('follower_id', '=', userId).executeTakeFirstOrThrow(),
    ]);
    return { followers: Number(followers.n), following: Number(following.n) };
  }
}
