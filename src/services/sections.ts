// Board sections: named groups of pins inside a board, visible and writable as their board is.
import { errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { isId, type IdGenerator } from '../lib/ids.js';
import { slugify } from '../lib/slug.js';
import type { PinsRepository } from '../repositories/pins.js';
import type { SectionRow, SectionsRepository } from '../repositories/sections.js';
import type { BoardsService } from './boards.js';
import type { Principal } from './oauth.js';

export interface BoardSection { id: string; name: string }

const present = (s: SectionRow): BoardSection => ({ id: s.id, name: s.name });

function checkName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (!trimmed) throw errors.invalid('Invalid board section parameters: name must not be empty.');
  if (trimmed.length > 180) throw errors.invalid('Invalid board section parameters: name must be at most 180 characters.');
  return trimmed;
}

export class SectionsService {
  constructor(
    private readonly sections: SectionsRepository,
    private readonly pins: PinsRepository,
    private readonly boards: BoardsService,
    private readonly ids: IdGenerator,
  ) {}

  /** The section if it belongs to the board, else 404. */
  async of(boardId: string, sectionId: string): Promise<SectionRow> {
    const section = isId(sectionId) ? await this.sections.byId(sectionId) : undefined;
    if (!section || section.board_id !== boardId) throw errors.sectionNotFound();
    return section;
  }

  async create(p: Principal, boardId: string, name: string | undefined): Promise<BoardSection> {
    const board = await this.boards.writable(p, boardId);
    const clean = checkName(name);
    const slug = slugify(clean, 'section');
    if (await this.sections.slugTaken(board.id, slug)) throw errors.conflict('Board section conflict: the board already has a section with that name.');
    const row: SectionRow = { id: this.ids.next(), board_id: board.id, name: clean, slug, created_at: new Date().toISOString() };
    try {
      await this.sections.insert(row);
    } catch (err) {
      if (await this.sections.slugTaken(board.id, slug)) throw errors.conflict('Board section conflict: the board already has a section with that name.');
      throw err;
    }
    return present(row);
  }

  async list(p: Principal, boardId: string, page: PageRequest): Promise<Page<BoardSection>> {
    const board = await this.boards.visible(p, boardId);
    return toPage(await this.sections.listByBoard(board.id, page), page, (s) => [s.id], present);
  }

  async rename(p: Principal, boardId: string, sectionId: string, name: string | undefined): Promise<BoardSection> {
    const board = await this.boards.writable(p, boardId);
    const section = await this.of(board.id, sectionId);
    const clean = checkName(name);
    const slug = slugify(clean, 'section');
    if (await this.sections.slugTaken(board.id, slug, section.id)) throw errors.conflict('Board section conflict: the board already has a section with that name.');
    await this.sections.rename(section.id, clean, slug);
    return { id: section.id, name: clean };
  }

  /** Deletes the section; its pins move to the board itself, so deleting an organising folder loses no pins. */
  async delete(p: Principal, boardId: string, sectionId: string): Promise<void> {
    const board = await this.boards.writable(p, boardId);
    const section = await this.of(board.id, sectionId);
    await this.pins.deleteSection(board.id, section.id);
  }
}
