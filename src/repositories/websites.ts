import type { Db } from '../db/database.js';
import type { UserWebsitesTable } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { limitOf } from '../db/limit.js';

export class WebsitesRepository {
  constructor(private readonly db: Db) {}

  async upsert(row: UserWebsitesTable): Promise<void> {
    await this.db.insertInto('user_websites').values(row)
      .onConflict((oc) => oc.columns(['user_id', 'website']).doUpdateSet({ verified_at: row.verified_at })).execute();
  }

  list(userId: string, page: PageRequest): Promise<UserWebsitesTable[]> {
    let q = this.db.selectFrom('user_websites').selectAll().where('user_id', '=', userId);
    if (page.after) q = q.where('website', '>', String(page.after[0]));
    return q.orderBy('website').limit(limitOf(page.pageSize + 1)).execute();
  }

  /** False when there was no such website. */
  async delete(userId: string, website: string): Promise<boolean> {
    const res = await this.db.deleteFrom('user_websites').where('user_id', '=', userId).where('website', '=', website).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
