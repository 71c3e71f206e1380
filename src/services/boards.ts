// Boards: create, list, read, change and delete, with Pinterest's privacy rules and the spec's Board shape.
import type { Privacy } from '../db/schema.js';
import { errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import type { IdGenerator } from '../lib/ids.js';
import { isId } from '../lib/ids.js';
import { slugify } from '../lib/slug.js';
import { pinterestTime } from '../lib/time.js';
import type { BoardRow, BoardsRepository } from '../repositories/boards.js';
import type { PinsRepository } from '../repositories/pins.js';
import type { ImagesService } from './images.js';
import type { Principal } from './oauth.js';
import { assertBoardWritable, canSeeBoard, ownVisiblePrivacies } from './privacy.js';

export interface Board {
  id: string;
  created_at: string;
  board_pins_modified_at: string;
  name: string;
  description: string;
  privacy: Privacy;
  is_ads_only: boolean;
  owner: { username: string };
  pin_count: number;
  follower_count: number;
  collaborator_count: number;
  media: { image_cover_url: string | null; pin_thumbnail_urls: string[] };
}

export type PrivacyFilter = 'ALL' | 'PUBLIC' | 'PROTECTED' | 'SECRET' | 'PUBLIC_AND_SECRET';

export interface BoardInput { name?: string; description?: string | null; privacy?: Privacy; is_ads_only?: boolean }

const THUMBNAILS = 5;

function checkName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (!trimmed) throw errors.invalid('Invalid parameters: name must not be empty.');
  if (trimmed.length > 180) throw errors.invalid('Invalid parameters: name must be at most 180 characters.');
  return trimmed;
}

function checkDescription(description: string | null | undefined): string {
  const d = description ?? '';
  if (d.length > 500) throw errors.invalid('Invalid parameters: description must be at most 500 characters.');
  return d;
}

export class BoardsService {
  constructor(
    private readonly boards: BoardsRepository,
    private readonly pins: PinsRepository,
    private readonly images: ImagesService,
    private readonly ids: IdGenerator,
    /** Told whose board or pin counts a write changed (the account's cached counts). */
    private readonly countsChanged: (userId: string) => void = () => {},
  ) {}

  /** The board if the caller may see it, else 404 (a secret board of someone else does not exist for them). */
  async visible(p: Principal, id: string): Promise<BoardRow> {
    const board = isId(id) ? await this.boards.byId(id) : undefined;
    if (!board || !canSeeBoard(p, board)) throw errors.boardNotFound();
    return board;
  }

  async writable(p: Principal, id: string): Promise<BoardRow> {
    const board = isId(id) ? await this.boards.byId(id) : undefined;
    if (!board) throw errors.boardNotFound();
    assertBoardWritable(p, board);
    return board;
  }

  async create(p: Principal, input: BoardInput): Promise<Board> {
    const name = checkName(input.name);
    const privacy = input.privacy ?? 'PUBLIC';
    if (input.is_ads_only) throw errors.invalid('Invalid parameters: is_ads_only boards are not supported (Corkboard has no ads).');
    if (privacy === 'SECRET' && !p.scopes.has('boards:write_secret')) throw errors.insufficientScope(['boards:write_secret']);
    const now = new Date().toISOString();
    const id = this.ids.next();
    const slug = await this.boards.freeSlug(p.user.id, slugify(name, 'board'));
    try {
      await this.boards.insert({
        id, owner_id: p.user.id, name, slug, description: checkDescription(input.description), privacy,
        pin_count: 0, follower_count: 0, collaborator_count: 0, board_pins_modified_at: now, created_at: now,
      });
    } catch (err) {
      if (await this.boards.slugTaken(p.user.id, slug)) throw errors.conflict('A board with that name was created at the same time; try again.');
      throw err;
    }
    this.countsChanged(p.user.id);
    return this.get(p, id);
  }

  async get(p: Principal, id: string): Promise<Board> {
    const [board] = await this.present([await this.visible(p, id)]);
    return board!;
  }

  async list(p: Principal, filter: PrivacyFilter | undefined, page: PageRequest): Promise<Page<Board>> {
    const visible = ownVisiblePrivacies(p, 'boards');
    const wanted: Privacy[] = !filter || filter === 'ALL' ? visible
      : filter === 'PUBLIC_AND_SECRET' ? ['PUBLIC', 'SECRET'] : [filter];
    const hidden = wanted.filter((w) => !visible.includes(w));
    if (hidden.length && filter && filter !== 'ALL') throw errors.insufficientScope(['boards:read_secret']);
    const rows = await this.boards.listByOwner(p.user.id, wanted, page);
    const pageOf = toPage(rows, page, (b) => [b.id]);
    return { items: await this.present(pageOf.items), bookmark: pageOf.bookmark };
  }

  async update(p: Principal, id: string, input: BoardInput): Promise<Board> {
    const board = await this.writable(p, id);
    const patch: Parameters<BoardsRepository['update']>[1] = {};
    if (input.name !== undefined) {
      patch.name = checkName(input.name);
      if (patch.name !== board.name) patch.slug = await this.boards.freeSlug(p.user.id, slugify(patch.name, 'board'), id);
    }
    if (input.description !== undefined) patch.description = checkDescription(input.description);
    if (input.privacy !== undefined && input.privacy !== board.privacy) {
      if (input.privacy === 'SECRET' && !p.scopes.has('boards:write_secret')) throw errors.insufficientScope(['boards:write_secret']);
      patch.privacy = input.privacy;
    }
    await this.boards.update(id, patch);
    return this.get(p, id);
  }

  async delete(p: Principal, id: string): Promise<void> {
    const board = await this.writable(p, id);
    await this.images.reclaim(await this.pins.deleteBoard(id));
    this.countsChanged(board.owner_id);
  }

  /** Board rows in the spec's shape, with covers and thumbnails from their newest pins (one query for all). */
  async present(rows: BoardRow[]): Promise<Board[]> {
    const covers = await this.boards.coverImages(rows.map((r) => r.id), THUMBNAILS);
    const images = await this.images.sizesByHash([...covers.values()].flat());
    return rows.map((b) => {
      const hashes = covers.get(b.id) ?? [];
      const sizes = hashes.map((h) => images.get(h)).filter((i) => i !== undefined);
      return {
        id: b.id,
        created_at: pinterestTime(b.created_at),
        board_pins_modified_at: pinterestTime(b.board_pins_modified_at),
        name: b.name,
        description: b.description,
        privacy: b.privacy,
        is_ads_only: false,
        owner: { username: b.owner_username },
        pin_count: b.pin_count,
        follower_count: b.follower_count,
        collaborator_count: b.collaborator_count,
        media: { image_cover_url: sizes[0]?.['400x300'].url ?? null, pin_thumbnail_urls: sizes.map((s) => s['150x150'].url) },
      };
    });
  }
}
