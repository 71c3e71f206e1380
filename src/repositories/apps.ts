import type { Db } from '../db/database.js';
import type { AppsTable } from '../db/schema.js';

export type AppRow = AppsTable;

export class AppsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: AppRow, redirectUris: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('apps').values(row).execute();
      if (redirectUris.length) await trx.insertInto('app_redirect_uris').values(redirectUris.map((uri) => ({ app_id: row.id, uri }))).execute();
    });
  }

  byId(id: string): Promise<AppRow | undefined> {
    return this.db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** An owner's apps, newest first (ids are time-ordered). */
  byOwner(ownerId: string): Promise<AppRow[]> {
    return this.db.selectFrom('apps').selectAll().where('owner_id', '=', ownerId).orderBy('id', 'desc').execute();
  }

  /** The redirect URIs of each app, sorted. */
  async redirectUris(appIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(appIds.map((id) => [id, []]));
    if (!appIds.length) return out;
    const rows = await this.db.selectFrom('app_redirect_uris').select(['app_id', 'uri']).where('app_id', 'in', appIds).orderBy('uri').execute();
    for (const r of rows) out.get(r.app_id)?.push(r.uri);
    return out;
  }

  async setSecretHash(id: string, secretHash: string): Promise<void> {
    await this.db.updateTable('apps').set({ secret_hash: secretHash }).where('id', '=', id).execute();
  }

  /** Deletes the app; its redirect URIs, authorization codes and tokens go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('apps').where('id', '=', id).execute();
  }

  async hasRedirectUri(appId: string, uri: string): Promise<boolean> {
    const row = await this.db.selectFrom('app_redirect_uris').select('uri').where('app_id', '=', appId).where('uri', '=', uri).executeTakeFirst();
    return row !== undefined;
  }
}
