import type { Db } from '../db/database.js';
import type { UsersTable } from '../db/schema.js';
import { chunks } from '../lib/chunks.js';

export type UserRow = UsersTable;
/** What a person edits of their own profile. */
export type ProfileFields = Partial<Pick<UserRow, 'business_name' | 'about' | 'website_url' | 'profile_image'>>;

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

  /** Changes the profile fields given (name, about, website, profile image key). */
  async updateProfile(id: string, fields: ProfileFields): Promise<void> {
    if (Object.keys(fields).length) await this.db.updateTable('users').set(fields).where('id', '=', id).execute();
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  }

  /** Ids by lower-cased username, for those that exist. */
  async idsByUsername(usernames: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const keys of chunks([...new Set(usernames.map((u) => u.toLowerCase()))])) {
      const rows = await this.db.selectFrom('users').select(['id', 'username_key']).where('username_key', 'in', keys).execute();
      for (const r of rows) out.set(r.username_key, r.id);
    }
    return out;
  }
}
