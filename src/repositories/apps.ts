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

  async hasRedirectUri(appId: string, uri: string): Promise<boolean> {
    const row = await this.db.selectFrom('app_redirect_uris').select('uri').where('app_id', '=', appId).where('uri', '=', uri).executeTakeFirst();
    return row !== undefined;
  }
}
