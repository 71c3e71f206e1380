import type { Db } from '../db/database.js';
import type { UsersTable, WebSessionsTable } from '../db/schema.js';

export class WebSessionsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: WebSessionsTable): Promise<void> {
    await this.db.insertInto('web_sessions').values(row).execute();
  }

  userFor(hash: string, now: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('web_sessions as s').innerJoin('users as u', 'u.id', 's.user_id').selectAll('u')
      .where('s.id_hash', '=', hash).where('s.expires_at', '>', now).executeTakeFirst();
  }

  async delete(hash: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('id_hash', '=', hash).execute();
  }

  /** Ends every session of the user but the one with hash `keep`. */
  async deleteOthers(userId: string, keep: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('user_id', '=', userId).where('id_hash', '!=', keep).execute();
  }

  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('web_sessions').where('expires_at', '<=', now).execute();
  }
}
