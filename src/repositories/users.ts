import type { Db } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';

export type UserRow = UsersTable;

export class UsersRepository {
  constructor(private readonly db: Db) {}

  async insert(row: UserRow): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  byId(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username_key', '=', username.toLowerCase()).executeTakeFirst();
  }

  /** Ids by lower-cased username, for those that exist. */
  async idsByUsername(usernames: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const keys = [...new Set(usernames.map((u) => u.toLowerCase()))];
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db.selectFrom('users').select(['id', 'username_key']).where('username_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) out.set(r.username_key, r.id);
    }
    return out;
  }
}
