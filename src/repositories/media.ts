import type { Db } from '../db/database.js';
import type { MediaStatus, MediaUploadsTable } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { limitOf } from '../db/limit.js';

export type MediaRow = MediaUploadsTable;

export class MediaRepository {
  constructor(private readonly db: Db) {}

  async insert(row: MediaRow): Promise<void> {
    await this.db.insertInto('media_uploads').values(row).execute();
  }

  async byId(id: string): Promise<MediaRow | undefined> {
    return this.db.selectFrom('media_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byIds(ids: string[]): Promise<Map<string, MediaRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('media_uploads').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async byUploadKey(key: string): Promise<MediaRow | undefined> {
    return this.db.selectFrom('media_uploads').selectAll().where('upload_key', '=', key).executeTakeFirst();
  }

  /** Newest first, keyset on id. */
  async listByOwner(ownerId: string, page: PageRequest): Promise<MediaRow[]> {
    let q = this.db.selectFrom('media_uploads').selectAll().where('owner_id', '=', ownerId);
    if (page.after) q = q.where('id', '<', String(page.after[0]));
    return q.orderBy('id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  /** Moves from one status to another; false when the row was not in `from` (someone else moved it first). */
  async transition(id: string, from: MediaStatus, patch: Partial<MediaRow> & { status: MediaStatus }): Promise<boolean> {
    const res = await this.db.updateTable('media_uploads').set({ ...patch, updated_at: new Date().toISOString() })
      .where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
