import type { Db } from '../db/database.js';
import type { ApiKeysTable } from '../db/schema.js';

export type ApiKeyRow = ApiKeysTable;

export class ApiKeysRepository {
  constructor(private readonly db: Db) {}

  async insert(row: ApiKeyRow): Promise<void> {
    await this.db.insertInto('api_keys').values(row).execute();
  }

  async byId(id: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** An owner's keys that still work, newest first. */
  live(ownerId: string): Promise<ApiKeyRow[]> {
    return this.db.selectFrom('api_keys').selectAll().where('owner_id', '=', ownerId).where('revoked_at', 'is', null).orderBy('id', 'desc').execute();
  }

  /** Revokes an owner's live key (its downloads stay); false when there is none such. */
  async revoke(id: string, ownerId: string, now: string): Promise<boolean> {
    const res = await this.db.updateTable('api_keys').set({ revoked_at: now })
      .where('id', '=', id).where('owner_id', '=', ownerId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async byHash(hash: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
  }
}
