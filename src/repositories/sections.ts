import type { Db } from '../db/database.js';
import type { BoardSectionsTable } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { limitOf } from '../db/limit.js';

export type SectionRow = BoardSectionsTable;

export class SectionsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: SectionRow): Promise<void> {
    await this.db.insertInto('board_sections').values(row).execute();
  }

  byId(id: string): Promise<SectionRow | undefined> {
    return this.db.selectFrom('board_sections').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byIds(ids: string[]): Promise<SectionRow[]> {
    return ids.length ? this.db.selectFrom('board_sections').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  }

  async slugTaken(boardId: string, slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('board_sections').select('id').where('board_id', '=', boardId).where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  /** A board's sections in the order they were made. */
  listByBoard(boardId: string, page: PageRequest): Promise<SectionRow[]> {
    let q = this.db.selectFrom('board_sections').selectAll().where('board_id', '=', boardId);
    if (page.after) q = q.where('id', '>', String(page.after[0]));
    return q.orderBy('id', 'asc').limit(limitOf(page.pageSize + 1)).execute();
  }

  async rename(id: string, name: string, slug: string): Promise<void> {
    await this.db.updateTable('board_sections').set({ name, slug }).where('id', '=', id).execute();
  }
}
