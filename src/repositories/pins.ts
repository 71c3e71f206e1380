// Pins and their media rows. Board pin counts and board_pins_modified_at change in the same transaction as
// the pins they count, so they never drift.
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { PinMediaTable, PinsTable, Privacy } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import { prepared } from '../db/prepared.js';
import { limitOf } from '../db/limit.js';

export type PinRow = PinsTable & { board_privacy: Privacy; board_owner_username: string };
/** A pin as written: columns the repository derives (link_host) are its own business. */
export type NewPin = Omit<PinsTable, 'link_host'>;

/** The lower-cased host of a link without a leading www., or null (claimed websites are matched on it). */
export function linkHost(link: string | null | undefined): string | null {
  if (!link) return null;
  try { return new URL(link).host.toLowerCase().replace(/^www\./, '') || null; } catch { return null; }
}
export type PinMediaRow = PinMediaTable;

export interface PinListFilter {
  privacies: Privacy[];
  /** true: only saved pins (parent set); false: only pins made here; undefined: both. */
  saved?: boolean;
  creativeTypes?: string[];
}


type Trx = Transaction<Database>;

export class PinsRepository {
  // Hot lookups by id, compiled once.
  private readonly pinById;
  private readonly pinWithMedia;

  constructor(private readonly db: Db) {
    this.pinById = prepared(db, 1, (id: string) => this.select().where('p.id', '=', id));
    this.pinWithMedia = prepared(db, 1, (id: string) => this.select().leftJoin('pin_media as m', 'm.pin_id', 'p.id')
      .select(['m.position as m_position', 'm.image_hash as m_image_hash', 'm.title as m_title', 'm.description as m_description', 'm.link as m_link'])
      .where('p.id', '=', id).orderBy('m.position'));
  }

  private select(db: Db | Trx = this.db) {
    return db.selectFrom('pins as p').innerJoin('boards as b', 'b.id', 'p.board_id').innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('p').select(['b.privacy as board_privacy', 'u.username as board_owner_username']);
  }

  private async touchBoard(trx: Trx, boardId: string, delta: number, now: string): Promise<void> {
    await trx.updateTable('boards').set((eb) => ({ pin_count: eb('pin_count', '+', delta), board_pins_modified_at: now })).where('id', '=', boardId).execute();
  }

  async create(pin: NewPin, media: PinMediaRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('pins').values({ ...pin, link_host: linkHost(pin.link) }).execute();
      if (media.length) await trx.insertInto('pin_media').values(media).execute();
      await this.touchBoard(trx, pin.board_id, 1, pin.created_at);
    });
  }

  async byId(id: string): Promise<PinRow | undefined> {
    return (await this.pinById(id))[0];
  }

  /** A pin and its media rows in one query (the read behind GET /v5/pins/{id}). */
  async byIdWithMedia(id: string): Promise<{ pin: PinRow; media: PinMediaRow[] } | undefined> {
    const rows = await this.pinWithMedia(id);
    if (!rows.length) return undefined;
    const { m_position: _p, m_image_hash: _h, m_title: _t, m_description: _d, m_link: _l, ...pin } = rows[0]!;
    const media = rows.filter((r) => r.m_image_hash !== null).map((r) => ({
      pin_id: id, position: r.m_position!, image_hash: r.m_image_hash!, title: r.m_title, description: r.m_description, link: r.m_link,
    }));
    return { pin, media };
  }

  async media(pinIds: string[]): Promise<Map<string, PinMediaRow[]>> {
    const out = new Map<string, PinMediaRow[]>();
    if (!pinIds.length) return out;
    const rows = await this.db.selectFrom('pin_media').selectAll().where('pin_id', 'in', pinIds).orderBy('pin_id').orderBy('position').execute();
    for (const r of rows) out.set(r.pin_id, [...(out.get(r.pin_id) ?? []), r]);
    return out;
  }

  listByBoard(boardId: string, page: PageRequest, creativeTypes?: string[]): Promise<PinRow[]> {
    let q = this.select().where('p.board_id', '=', boardId);
    if (creativeTypes?.length) q = q.where('p.creative_type', 'in', creativeTypes as PinsTable['creative_type'][]);
    if (page.after) q = q.where('p.id', '<', String(page.after[0]));
    return q.orderBy('p.id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  listBySection(sectionId: string, page: PageRequest): Promise<PinRow[]> {
    let q = this.select().where('p.board_section_id', '=', sectionId);
    if (page.after) q = q.where('p.id', '<', String(page.after[0]));
    return q.orderBy('p.id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  listByOwner(ownerId: string, filter: PinListFilter, page: PageRequest): Promise<PinRow[]> {
    let q = this.select().where('p.owner_id', '=', ownerId).where('b.privacy', 'in', filter.privacies);
    if (filter.saved === true) q = q.where('p.parent_pin_id', 'is not', null);
    if (filter.saved === false) q = q.where('p.parent_pin_id', 'is', null);
    if (filter.creativeTypes?.length) q = q.where('p.creative_type', 'in', filter.creativeTypes as PinsTable['creative_type'][]);
    if (page.after) q = q.where('p.id', '<', String(page.after[0]));
    return q.orderBy('p.id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  countByOwner(ownerId: string): Promise<number> {
    return this.db.selectFrom('pins').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  /** Updates fields and, when the board changes, moves the pin: both boards' counts follow. */
  async update(pin: PinRow, patch: Partial<Pick<PinsTable, 'title' | 'description' | 'link' | 'alt_text' | 'board_id' | 'board_section_id'>>, media: Array<Pick<PinMediaRow, 'position' | 'title' | 'description' | 'link'>> = []): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const row = patch.link === undefined ? patch : { ...patch, link_host: linkHost(patch.link) };
      if (Object.keys(row).length) await trx.updateTable('pins').set(row).where('id', '=', pin.id).execute();
      for (const m of media) {
        await trx.updateTable('pin_media').set({ title: m.title, description: m.description, link: m.link }).where('pin_id', '=', pin.id).where('position', '=', m.position).execute();
      }
      if (patch.board_id && patch.board_id !== pin.board_id) {
        await this.touchBoard(trx, pin.board_id, -1, now);
        await this.touchBoard(trx, patch.board_id, 1, now);
      } else if (patch.board_section_id !== undefined && patch.board_section_id !== pin.board_section_id) {
        await this.touchBoard(trx, pin.board_id, 0, now);
      }
    });
  }

  /** Deletes a pin; returns the image hashes it used, for reclaiming. */
  async delete(pin: PinRow): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const hashes = (await trx.selectFrom('pin_media').select('image_hash').where('pin_id', '=', pin.id).execute()).map((r) => r.image_hash);
      await trx.deleteFrom('pins').where('id', '=', pin.id).execute();
      await this.touchBoard(trx, pin.board_id, -1, new Date().toISOString());
      return hashes;
    });
  }

  /** Deletes a section; its pins stay on the board, outside any section (nothing is lost). */
  async deleteSection(boardId: string, sectionId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('pins').set({ board_section_id: null }).where('board_section_id', '=', sectionId).execute();
      await trx.deleteFrom('board_sections').where('id', '=', sectionId).execute();
      await this.touchBoard(trx, boardId, 0, new Date().toISOString());
    });
  }

  /** Deletes a board with its sections and pins; returns the image hashes they used. */
  async deleteBoard(boardId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('pins as p').innerJoin('pin_media as m', 'm.pin_id', 'p.id').select('m.image_hash')
        .where('p.board_id', '=', boardId).execute();
      await trx.deleteFrom('boards').where('id', '=', boardId).execute();
      return rows.map((r) => r.image_hash);
    });
  }
}
