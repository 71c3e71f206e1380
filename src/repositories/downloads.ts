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
  async countByKeySince(apiKeyId: string, since: string): Promise<number> {
    const row = await this.db.selectFrom('downloads').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('api_key_id', '=', apiKeyId).where('created_at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Jobs a user submitted through the web app (no key) since `since`. */
  async countWebSince(ownerId: string, since: string): Promise<number> {
    const row = await this.db.selectFrom('downloads').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId).where('api_key_id', 'is', null).where('created_at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A user's jobs, newest first, after the (created_at, id) of the last one served; `limit` rows at most. */
  async listByOwner(ownerId: string, after: [string, string] | null, limit: number): Promise<DownloadRow[]> {
    let q = this.db.selectFrom('downloads').selectAll().where('owner_id', '=', ownerId);
    if (after) {
      const [createdAt, id] = after;
      q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
    }
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** What the link holds, once read; the files stored start again from none (a retried job fetches them anew). */
  async planned(id: string, pinsFound: number, filesTotal: number): Promise<void> {
    await this.db.updateTable('downloads').set({ pins_found: pinsFound, files_total: filesTotal, files_done: 0 })
      .where('id', '=', id).where('status', '=', 'loading').execute();
  }

  /** One more file stored. */
  async fileDone(id: string): Promise<void> {
    await this.db.updateTable('downloads').set((eb) => ({ files_done: eb('files_done', '+', 1) }))
      .where('id', '=', id).where('status', '=', 'loading').execute();
  }

  /** countByKeySince for several keys at once: each key's jobs since `since` (keys without any are left out). */
  async countsSince(apiKeyIds: string[], since: string): Promise<Map<string, number>> {
    if (!apiKeyIds.length) return new Map();
    const rows = await this.db.selectFrom('downloads').select((eb) => ['api_key_id', eb.fn.countAll<number>().as('n')])
      .where('api_key_id', 'in', apiKeyIds).where('created_at', '>=', since).groupBy('api_key_id').execute();
    return new Map(rows.map((r) => [r.api_key_id!, Number(r.n)]));
  }

  /** Records the outcome once; false when the job had already finished. */
  async finish(id: string, patch: Pick<DownloadRow, 'status' | 'error' | 'result'>): Promise<boolean> {
    const res = await this.db.updateTable('downloads').set({ ...patch, finished_at: new Date().toISOString() })
      .where('id', '=', id).where('status', '=', 'loading').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
