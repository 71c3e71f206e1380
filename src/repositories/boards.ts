import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { BoardsTable, Privacy } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { limitOf } from '../db/limit.js';

export type BoardRow = BoardsTable & { owner_username: string };

export class BoardsRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db.selectFrom('boards as b').innerJoin('users as u', 'u.id', 'b.owner_id').selectAll('b').select('u.username as owner_username');
  }

  async insert(row: BoardsTable): Promise<void> {
    await this.db.insertInto('boards').values(row).execute();
  }

  byId(id: string): Promise<BoardRow | undefined> {
    return this.select().where('b.id', '=', id).executeTakeFirst();
  }

  byIds(ids: string[]): Promise<BoardRow[]> {
    return ids.length ? this.select().where('b.id', 'in', ids).execute() : Promise.resolve([]);
  }

  async slugTaken(ownerId: string, slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('boards').select('id').where('owner_id', '=', ownerId).where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  /**
   * `base` when none of the owner's boards has it, else base-N past the highest N they use: one read of the
   * owner's slugs that start so (their (owner_id, slug) index), however many boards share the name.
   */
  async freeSlug(ownerId: string, base: string, exceptId?: string): Promise<string> {
    let q = this.db.selectFrom('boards').select('slug').where('owner_id', '=', ownerId)
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])); // slugs are [a-z0-9-]: no LIKE escapes
    if (exceptId) q = q.where('id', '!=', exceptId);
    const slugs = (await q.execute()).map((r) => r.slug);
    if (!slugs.includes(base)) return base;
    const numbered = new RegExp(`^${base}-(\\d{1,9})$`);
    let n = 1;
    for (const slug of slugs) n = Math.max(n, Number(numbered.exec(slug)?.[1] ?? 0));
    const taken = new Set(slugs); // past 9 digits a suffix is not read as a number: step over whatever is there
    do n++; while (taken.has(`${base}-${n}`));
    return `${base}-${n}`;
  }

  /** A user's boards, newest first, among the given privacies. */
  listByOwner(ownerId: string, privacies: Privacy[], page: PageRequest): Promise<BoardRow[]> {
    let q = this.select().where('b.owner_id', '=', ownerId).where('b.privacy', 'in', privacies);
    if (page.after) q = q.where('b.id', '<', String(page.after[0]));
    return q.orderBy('b.id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  async update(id: string, patch: Partial<Pick<BoardsTable, 'name' | 'slug' | 'description' | 'privacy'>>): Promise<void> {
    if (Object.keys(patch).length) await this.db.updateTable('boards').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('boards').where('id', '=', id).execute();
  }

  countByOwner(ownerId: string): Promise<number> {
    return this.db.selectFrom('boards').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  /**
   * For each board, the first image of its newest pins (newest first, at most `perBoard`): covers and thumbnails.
   * Each board's pins are read from its (board_id, id) index, newest first, `perBoard` rows each, however many
   * pins the board holds.
   */
  async coverImages(boardIds: string[], perBoard: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!boardIds.length) return out;
    const rows = await this.db.selectFrom('boards as b')
      .innerJoin('pins as p', (j) => j.on('p.id', 'in', this.db.selectFrom('pins as newest').select('newest.id')
        .where('newest.board_id', '=', sql.ref<string>('b.id')).orderBy('newest.id', 'desc').limit(limitOf(perBoard))))
      .innerJoin('pin_media as m', (j) => j.onRef('m.pin_id', '=', 'p.id').on('m.position', '=', 0))
      .select(['b.id as board_id', 'm.image_hash'])
      .where('b.id', 'in', boardIds)
      .orderBy('b.id').orderBy('p.id', 'desc')
      .execute();
    for (const r of rows) {
      const list = out.get(r.board_id) ?? [];
      list.push(r.image_hash);
      out.set(r.board_id, list);
    }
    return out;
  }
}
