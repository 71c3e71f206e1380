import type { Db } from '../db/database.js';
import type { DownloadsTable } from '../db/schema.js';

export type DownloadRow = DownloadsTable;

export class DownloadsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: DownloadRow): Promise<void> {
    await this.db.insertInto('downloads').values(row).execute();
  }

  async byId(id: string): Promise<DownloadRow | undefined> {
    return this.db.selectFrom('downloads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Jobs a key submitted since `since` (its quota window). */
  async countSince(apiKeyId: string, since: string): Promise<number> {
    const row = await this.db.selectFrom('downloads').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('api_key_id', '=', apiKeyId).where('created_at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** countSince for several keys at once: each key's jobs since `since` (keys without any are left out). */
  async countsSince(apiKeyIds: string[], since: string): Promise<Map<string, number>> {
    if (!apiKeyIds.length) return new Map();
    const rows = await this.db.selectFrom('downloads').select((eb) => ['api_key_id', eb.fn.countAll<number>().as('n')])
      .where('api_key_id', 'in', apiKeyIds).where('created_at', '>=', since).groupBy('api_key_id').execute();
    return new Map(rows.map((r) => [r.api_key_id, Number(r.n)]));
  }

  /** Records the outcome once; false when the job had already finished. */
  async finish(id: string, patch: Pick<DownloadRow, 'status' | 'error' | 'result'>): Promise<boolean> {
    const res = await this.db.updateTable('downloads').set({ ...patch, finished_at: new Date().toISOString() })
      .where('id', '=', id).where('status', '=', 'loading').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
