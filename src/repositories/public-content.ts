// Queries for what anonymous viewers read (Pinterest's web resources, the v3 widgets, short links, web pages):
// boards by their web path, a board's pins outside its sections, sections with pin counts, save counts, link
// counts. Privacy is applied by the service; these only fetch.
import type { Db } from '../db/database.js';
import type { Privacy } from '../db/schema.js';
import type { PageRequest } from '../lib/bookmark.js';
import type { BoardRow } from './boards.js';
import type { PinRow } from './pins.js';
import type { SectionRow } from './sections.js';
import type { UserRow } from './users.js';
import { limitOf } from '../db/limit.js';

export type SectionWithCount = SectionRow & { pin_count: number };

export class PublicContentRepository {
  constructor(private readonly db: Db) {}

  /** A board by its owner and path segment (`/<user>/<slug>/`). */
  boardBySlug(ownerId: string, slug: string): Promise<BoardRow | undefined> {
    return this.db.selectFrom('boards as b').innerJoin('users as u', 'u.id', 'b.owner_id').selectAll('b').select('u.username as owner_username')
      .where('b.owner_id', '=', ownerId).where('b.slug', '=', slug.toLowerCase()).executeTakeFirst();
  }

  sectionBySlug(boardId: string, slug: string): Promise<SectionRow | undefined> {
    return this.db.selectFrom('board_sections').selectAll().where('board_id', '=', boardId).where('slug', '=', slug.toLowerCase()).executeTakeFirst();
  }

  /** A board's pins that are in none of its sections, newest first, in PinsRepository's PinRow shape. */
  pinsOutsideSections(boardId: string, page: PageRequest): Promise<PinRow[]> {
    let q = this.db.selectFrom('pins as p').innerJoin('boards as b', 'b.id', 'p.board_id').innerJoin('users as u', 'u.id', 'b.owner_id')
      .selectAll('p').select(['b.privacy as board_privacy', 'u.username as board_owner_username'])
      .where('p.board_id', '=', boardId).where('p.board_section_id', 'is', null);
    if (page.after) q = q.where('p.id', '<', String(page.after[0]));
    return q.orderBy('p.id', 'desc').limit(limitOf(page.pageSize + 1)).execute();
  }

  usersByIds(ids: string[]): Promise<UserRow[]> {
    return ids.length ? this.db.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute() : Promise.resolve([]);
  }

  /** A board's sections in the order they were made, each with how many pins it holds. */
  async sectionsOf(boardId: string, page: PageRequest): Promise<SectionWithCount[]> {
    let q = this.db.selectFrom('board_sections as s').selectAll('s')
      .select((eb) => eb.selectFrom('pins as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.board_section_id', '=', 's.id').as('pin_count'))
      .where('s.board_id', '=', boardId);
    if (page.after) q = q.where('s.id', '>', String(page.after[0]));
    const rows = await q.orderBy('s.id', 'asc').limit(limitOf(page.pageSize + 1)).execute();
    return rows.map((r) => ({ ...r, pin_count: Number(r.pin_count ?? 0) }));
  }

  async sectionPinCount(sectionId: string): Promise<number> {
    const r = await this.db.selectFrom('pins').select((eb) => eb.fn.countAll<number>().as('n')).where('board_section_id', '=', sectionId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** How many sections each board has. */
  async sectionCounts(boardIds: string[]): Promise<Map<string, number>> {
    if (!boardIds.length) return new Map();
    const rows = await this.db.selectFrom('board_sections').select(['board_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('board_id', 'in', boardIds).groupBy('board_id').execute();
    return new Map(rows.map((r) => [r.board_id, Number(r.n)]));
  }

  /** How many times each pin was saved (pins whose parent it is). */
  async saveCounts(pinIds: string[]): Promise<Map<string, number>> {
    if (!pinIds.length) return new Map();
    const rows = await this.db.selectFrom('pins').select(['parent_pin_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('parent_pin_id', 'in', pinIds).groupBy('parent_pin_id').execute();
    return new Map(rows.map((r) => [r.parent_pin_id!, Number(r.n)]));
  }

  /** Pins and boards of a user on boards of the given privacies. */
  async countsOf(ownerId: string, privacies: Privacy[]): Promise<{ pins: number; boards: number }> {
    const [pins, boards] = await Promise.all([
      this.db.selectFrom('pins as p').innerJoin('boards as b', 'b.id', 'p.board_id').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.owner_id', '=', ownerId).where('b.privacy', 'in', privacies).executeTakeFirstOrThrow(),
      this.db.selectFrom('boards').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ownerId).where('privacy', 'in', privacies).executeTakeFirstOrThrow(),
    ]);
    return { pins: Number(pins.n), boards: Number(boards.n) };
  }

  /** How many pins on boards of the given privacies link to any of `links`. */
  async countLinking(links: string[], privacies: Privacy[]): Promise<number> {
    if (!links.length) return 0;
    const r = await this.db.selectFrom('pins as p').innerJoin('boards as b', 'b.id', 'p.board_id').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.link', 'in', links).where('b.privacy', 'in', privacies).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
