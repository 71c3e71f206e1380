// What anybody may see without signing in, in the shapes of Pinterest's public web JSON: the resources of
// Pinterest's web app (/resource/...), the v3 widgets, short links and the server-rendered web pages all read
// through here. The viewer is ANONYMOUS, so privacy.ts decides as it does for any other caller: PUBLIC boards
// and their pins only; PROTECTED and SECRET content does not exist here (404, like something missing).
// The web app's paths (/<user>/<board>/ ...) are resolved here too, for the signed-in viewer when there is one.
import type { Privacy } from '../db/schema.js';
import { errors } from '../lib/api-error.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { isId } from '../lib/ids.js';
import { parseShortCode } from '../lib/short-links.js';
import type { BoardRow, BoardsRepository } from '../repositories/boards.js';
import type { PinRow, PinsRepository } from '../repositories/pins.js';
import type { PublicContentRepository } from '../repositories/public-content.js';
import type { SectionRow, SectionsRepository } from '../repositories/sections.js';
import type { UserRow, UsersRepository } from '../repositories/users.js';
import type { BoardsService } from './boards.js';
import type { ImageDetails, ImageSizes } from './images.js';
import type { Principal } from './oauth.js';
import type { PinsService } from './pins.js';
import { canSeeBoard, canSeePinsOn } from './privacy.js';
import { profileImageUrl } from './account-settings.js';
import { RESERVED_NAMES } from '../lib/reserved-names.js';

/** Nobody in particular: the viewer of every public endpoint. No user id matches, no scopes, so privacy.ts lets it see PUBLIC boards and their pins only. */
export const ANONYMOUS: Principal = Object.freeze({
  user: {
    id: '', username: '', username_key: '', password_hash: '', account_type: 'PINNER', business_name: null,
    about: '', website_url: '', profile_image: null, created_at: '',
  },
  appId: '',
  scopes: new Set<string>(),
  grant: 'client_credentials',
  tokenId: '',
}) as Principal;

const PUBLIC_ONLY: Privacy[] = ['PUBLIC'];

/** What a web app path shows (resolvePath). */
export type PathTarget =
  | { kind: 'pin'; pin_id: string }
  | { kind: 'user' | 'user-pins'; username: string }
  | { kind: 'board'; username: string; board_id: string }
  | { kind: 'section'; username: string; board_id: string; section_id: string };

/**
 * Image renditions under Pinterest's web keys, mapped from Corkboard's variants (true sizes of each):
 *   orig = originals; 736x = 1200x (width 1200, never upscaled); 474x = 600x (width 600, never upscaled);
 *   236x = 400x300 (cover crop); 170x = 150x150 (square crop).
 */
export interface WebImages { orig: ImageDetails; '736x': ImageDetails; '474x': ImageDetails; '236x': ImageDetails; '170x': ImageDetails }

export interface WebUserRef { id: string; username: string; full_name: string; image_small_url: string; profile_url: string }
export interface WebBoardRef { id: string; name: string; url: string; privacy: Privacy }
export interface WebVideos { id: string; video_list: { V_720P: { url: string; width: number; height: number; duration: number; thumbnail: string } } }
export interface WebCarouselSlot { id: string; title: string; description: string; link: string | null; images: WebImages }

export interface WebPin {
  id: string;
  type: 'pin';
  title: string;
  grid_title: string;
  description: string;
  alt_text: string | null;
  link: string | null;
  domain: string;
  dominant_color: string | null;
  created_at: string;
  is_video: boolean;
  repin_count: number;
  seo_url: string;
  pinner: WebUserRef;
  board: WebBoardRef;
  board_section_id: string | null;
  images: WebImages;
  videos: WebVideos | null;
  carousel_data: { carousel_slots: WebCarouselSlot[] } | null;
  story_pin_data: null;
}

export interface WebBoard {
  id: string;
  type: 'board';
  name: string;
  url: string;
  description: string;
  privacy: Privacy;
  created_at: string;
  pin_count: number;
  section_count: number;
  follower_count: number;
  collaborator_count: number;
  owner: WebUserRef;
  image_cover_url: string | null;
  image_thumbnail_url: string | null;
}

export interface WebSection { id: string; type: 'board_section'; title: string; slug: string; pin_count: number; board_id: string }

export interface WebUser extends WebUserRef {
  type: 'user';
  image_medium_url: string;
  image_xlarge_url: string;
  about: string;
  website_url: string;
  pin_count: number;
  board_count: number;
  follower_count: number;
  following_count: number;
}

/** "Thu, 01 Jan 2026 00:00:00 +0000", as Pinterest's web JSON writes times. */
export function webTime(iso: string): string {
  return new Date(iso).toUTCString().replace(/GMT$/, '+0000');
}

/** The host a link points at, as Pinterest shows it under a pin; uploads without a link say so. */
export function domainOf(link: string | null): string {
  if (!link) return 'Uploaded by user';
  try { return new URL(link).hostname.replace(/^www\./, ''); } catch { return 'Uploaded by user'; }
}

const webImages = (s: ImageSizes): WebImages => ({ orig: s.originals, '736x': s['1200x'], '474x': s['600x'], '236x': s['400x300'], '170x': s['150x150'] });

export class PublicContentService {
  constructor(
    private readonly repo: PublicContentRepository,
    private readonly boardsRepo: BoardsRepository,
    private readonly pinsRepo: PinsRepository,
    private readonly sectionsRepo: SectionsRepository,
    private readonly usersRepo: UsersRepository,
    private readonly boards: BoardsService,
    private readonly pins: PinsService,
    private readonly publicUrl: () => string,
  ) {}

  // ---- lookups (each 404s on what is missing or not public) ----

  async userByName(username: string): Promise<UserRow> {
    const user = username && username.length <= 200 ? await this.usersRepo.byUsername(username) : undefined;
    if (!user) throw errors.userNotFound();
    return user;
  }

  async boardRow(id: string): Promise<BoardRow> {
    const board = isId(id) ? await this.boardsRepo.byId(id) : undefined;
    if (!board || !canSeeBoard(ANONYMOUS, board) || !canSeePinsOn(ANONYMOUS, board)) throw errors.boardNotFound();
    return board;
  }

  /** A board by its web path (`/<user>/<board>/`); `viewer` sees what it may (its own non-public boards too). */
  async boardRowBySlug(username: string, slug: string, viewer: Principal = ANONYMOUS): Promise<BoardRow> {
    const user = await this.userByName(username).catch(() => { throw errors.boardNotFound(); });
    const board = slug && slug.length <= 200 ? await this.repo.boardBySlug(user.id, slug) : undefined;
    if (!board || !canSeeBoard(viewer, board) || !canSeePinsOn(viewer, board)) throw errors.boardNotFound();
    return board;
  }

  /** A section of a public board, by id. */
  async sectionRow(id: string): Promise<{ section: SectionRow; board: BoardRow }> {
    const section = isId(id) ? await this.sectionsRepo.byId(id) : undefined;
    if (!section) throw errors.sectionNotFound();
    const board = await this.boardRow(section.board_id).catch(() => { throw errors.sectionNotFound(); });
    return { section, board };
  }

  /** A section by its web path (`/<user>/<board>/<section>/`); the section segment may also be its id. */
  async sectionRowBySlug(username: string, boardSlug: string, sectionSlug: string, viewer: Principal = ANONYMOUS): Promise<{ section: SectionRow; board: BoardRow }> {
    const board = await this.boardRowBySlug(username, boardSlug, viewer);
    let section = sectionSlug && sectionSlug.length <= 200 ? await this.repo.sectionBySlug(board.id, sectionSlug) : undefined;
    if (!section && isId(sectionSlug)) {
      const byId = await this.sectionsRepo.byId(sectionSlug);
      if (byId?.board_id === board.id) section = byId;
    }
    if (!section) throw errors.sectionNotFound();
    return { section, board };
  }

  async pinRow(id: string, viewer: Principal = ANONYMOUS): Promise<PinRow> {
    const pin = isId(id) ? await this.pinsRepo.byId(id) : undefined;
    if (!pin || !canSeePinsOn(viewer, { owner_id: pin.owner_id, privacy: pin.board_privacy })) throw errors.pinNotFound();
    return pin;
  }

  // ---- the web app's paths ----

  /**
   * What a web path shows, when `viewer` may see it (404 otherwise): /pin/<id>/ (also /pin/<slug>--<id>/),
   * /<user>/, /<user>/pins/, /<user>/<board>/, /<user>/<board>/<section>/ (the section segment may be its id).
   */
  async resolvePath(path: string, viewer: Principal = ANONYMOUS): Promise<PathTarget> {
    let parts: string[];
    try { parts = path.split('/').filter(Boolean).map(decodeURIComponent); } catch { throw errors.notFound('There is nothing at this path.'); }
    const [first = '', second, third] = parts;
    if (parts.length === 2 && first === 'pin') return { kind: 'pin', pin_id: (await this.pinRow(second!.split('--').pop()!, viewer)).id };
    if (!parts.length || parts.length > 3 || RESERVED_NAMES.has(first.toLowerCase())) throw errors.notFound('There is nothing at this path.');
    if (parts.length === 1) return { kind: 'user', username: (await this.userByName(first)).username };
    if (parts.length === 2 && second === 'pins') return { kind: 'user-pins', username: (await this.userByName(first)).username };
    if (parts.length === 2) {
      const board = await this.boardRowBySlug(first, second!, viewer);
      return { kind: 'board', username: board.owner_username, board_id: board.id };
    }
    const { board, section } = await this.sectionRowBySlug(first, second!, third!, viewer);
    return { kind: 'section', username: board.owner_username, board_id: board.id, section_id: section.id };
  }

  /** The web paths of the boards and sections `viewer` may see, by id; the rest are left out. */
  async webPaths(viewer: Principal, boardIds: string[], sectionIds: string[]): Promise<{ boards: Record<string, string>; sections: Record<string, string> }> {
    const sections = await this.sectionsRepo.byIds(sectionIds.filter(isId));
    const rows = await this.boardsRepo.byIds([...new Set([...boardIds.filter(isId), ...sections.map((s) => s.board_id)])]);
    const seen = new Map(rows.filter((b) => canSeeBoard(viewer, b)).map((b) => [b.id, boardUrl(b)]));
    const boards: Record<string, string> = {};
    for (const id of boardIds) { const url = seen.get(id); if (url) boards[id] = url; }
    const sectionPaths: Record<string, string> = {};
    for (const s of sections) { const url = seen.get(s.board_id); if (url) sectionPaths[s.id] = `${url}${encodeURIComponent(s.slug)}/`; }
    return { boards, sections: sectionPaths };
  }

  // ---- Pinterest's web JSON ----

  async pin(id: string): Promise<WebPin> {
    return (await this.presentPins([await this.pinRow(id)]))[0]!;
  }

  /** Pins by id for the widgets: each visible one, or null where the id is unknown or not public. */
  async pinsByIds(ids: string[]): Promise<Array<WebPin | null>> {
    const rows = await Promise.all(ids.map((id) => this.pinRow(id).catch(() => null)));
    const shown = await this.presentPins(rows.filter((r): r is PinRow => r !== null));
    const byId = new Map(shown.map((p) => [p.id, p]));
    return rows.map((r) => (r ? byId.get(r.id) ?? null : null));
  }

  async board(row: BoardRow): Promise<WebBoard> {
    return (await this.presentBoards([row]))[0]!;
  }

  /** Every pin of a public board (its sections' too), newest first: the board's own order. */
  async boardPins(board: BoardRow, page: PageRequest): Promise<Page<WebPin>> {
    return this.pinPage(await this.pinsRepo.listByBoard(board.id, page), page);
  }

  /** A public board's pins outside its sections, newest first: Pinterest's board feed (sections are read apart). */
  async boardFeed(board: BoardRow, page: PageRequest): Promise<Page<WebPin>> {
    return this.pinPage(await this.repo.pinsOutsideSections(board.id, page), page);
  }

  async sectionPins(section: SectionRow, page: PageRequest): Promise<Page<WebPin>> {
    return this.pinPage(await this.pinsRepo.listBySection(section.id, page), page);
  }

  /** A user's pins on boards others may see, newest first. */
  async userPins(user: UserRow, page: PageRequest): Promise<Page<WebPin>> {
    return this.pinPage(await this.pinsRepo.listByOwner(user.id, { privacies: PUBLIC_ONLY }, page), page);
  }

  /** The pins a user made (not saved from others) on boards others may see, newest first. */
  async userCreatedPins(user: UserRow, page: PageRequest): Promise<Page<WebPin>> {
    return this.pinPage(await this.pinsRepo.listByOwner(user.id, { privacies: PUBLIC_ONLY, saved: false }, page), page);
  }

  /** A user's PUBLIC boards, newest first. */
  async userBoards(user: UserRow, page: PageRequest): Promise<Page<WebBoard>> {
    const pageOf = toPage(await this.boardsRepo.listByOwner(user.id, PUBLIC_ONLY, page), page, (b) => [b.id]);
    return { items: await this.presentBoards(pageOf.items), bookmark: pageOf.bookmark };
  }

  async sections(board: BoardRow, page: PageRequest): Promise<Page<WebSection>> {
    return toPage(await this.repo.sectionsOf(board.id, page), page, (s) => [s.id], (s) => this.presentSection(s, s.pin_count));
  }

  async section(section: SectionRow): Promise<WebSection> {
    return this.presentSection(section, await this.repo.sectionPinCount(section.id));
  }

  async user(user: UserRow): Promise<WebUser> {
    const counts = await this.repo.countsOf(user.id, PUBLIC_ONLY);
    const ref = this.userRef(user);
    return {
      ...ref, type: 'user', image_medium_url: ref.image_small_url, image_xlarge_url: ref.image_small_url,
      about: user.about, website_url: user.website_url, pin_count: counts.pins, board_count: counts.boards, follower_count: 0, following_count: 0,
    };
  }

  /** How many public pins link to `url` (the URL as given, and with or without a trailing slash). */
  async linkCount(url: string): Promise<number> {
    const variants = new Set([url, url.endsWith('/') ? url.slice(0, -1) : `${url}/`].filter(Boolean));
    return this.repo.countLinking([...variants], PUBLIC_ONLY);
  }

  /** Where a short code leads (an absolute web URL), or 404 when it is unknown or not public. */
  async shortLinkTarget(code: string): Promise<string> {
    const parsed = parseShortCode(code);
    if (!parsed) throw errors.notFound('Short link not found.');
    if (parsed.kind === 'pin') {
      const pin = await this.pinRow(parsed.id).catch(() => { throw errors.notFound('Short link not found.'); });
      return `${this.publicUrl()}/pin/${pin.id}/`;
    }
    const board = await this.boardRow(parsed.id).catch(() => { throw errors.notFound('Short link not found.'); });
    return `${this.publicUrl()}${boardUrl(board)}`;
  }

  // ---- presentation ----

  userRef(u: UserRow): WebUserRef {
    return {
      id: u.id, username: u.username, full_name: u.business_name || u.username,
      image_small_url: profileImageUrl(u, this.publicUrl()),
      profile_url: `${this.publicUrl()}/${encodeURIComponent(u.username)}/`,
    };
  }

  private presentSection(s: SectionRow, pinCount: number): WebSection {
    return { id: s.id, type: 'board_section', title: s.name, slug: s.slug, pin_count: pinCount, board_id: s.board_id };
  }

  async presentBoards(rows: BoardRow[]): Promise<WebBoard[]> {
    const [spec, sectionCounts, owners] = await Promise.all([
      this.boards.present(rows), this.repo.sectionCounts(rows.map((r) => r.id)), this.repo.usersByIds(rows.map((r) => r.owner_id)),
    ]);
    const ownerById = new Map(owners.map((u) => [u.id, u]));
    return rows.map((b, i) => ({
      id: b.id,
      type: 'board',
      name: b.name,
      url: boardUrl(b),
      description: b.description,
      privacy: b.privacy,
      created_at: webTime(b.created_at),
      pin_count: b.pin_count,
      section_count: sectionCounts.get(b.id) ?? 0,
      follower_count: b.follower_count,
      collaborator_count: b.collaborator_count,
      owner: this.userRef(ownerById.get(b.owner_id)!),
      image_cover_url: spec[i]!.media.image_cover_url,
      image_thumbnail_url: spec[i]!.media.pin_thumbnail_urls[0] ?? null,
    }));
  }

  private async pinPage(rows: PinRow[], page: PageRequest): Promise<Page<WebPin>> {
    const pageOf = toPage(rows, page, (r) => [r.id]);
    return { items: await this.presentPins(pageOf.items), bookmark: pageOf.bookmark };
  }

  /** Pin rows in Pinterest's web shape; media, boards, pinners and save counts for all of them in a few queries. */
  async presentPins(rows: PinRow[]): Promise<WebPin[]> {
    if (!rows.length) return [];
    const [spec, boards, users, saves] = await Promise.all([
      this.pins.present(ANONYMOUS.user.id, rows),
      this.boardsRepo.byIds([...new Set(rows.map((r) => r.board_id))]),
      this.repo.usersByIds(rows.map((r) => r.owner_id)),
      this.repo.saveCounts(rows.map((r) => r.id)),
    ]);
    const boardById = new Map(boards.map((b) => [b.id, b]));
    const userById = new Map(users.map((u) => [u.id, u]));
    return rows.map((r, i) => {
      const media = spec[i]!.media;
      const board = boardById.get(r.board_id)!;
      let images: WebImages;
      let videos: WebVideos | null = null;
      let carousel: WebPin['carousel_data'] = null;
      if (media.media_type === 'multiple_images') {
        const slots = media.items.map((it, n) => ({
          id: `${r.id}${String(n).padStart(2, '0')}`, title: it.title ?? '', description: it.description ?? '', link: it.link, images: webImages(it.images),
        }));
        carousel = { carousel_slots: slots };
        images = slots[0]!.images;
      } else {
        images = webImages(media.images);
        if (media.media_type === 'video') {
          videos = {
            id: r.media_id!,
            video_list: { V_720P: { url: media.video_url, width: media.width, height: media.height, duration: media.duration, thumbnail: media.cover_image_url } },
          };
        }
      }
      return {
        id: r.id,
        type: 'pin',
        title: r.title ?? '',
        grid_title: r.title ?? '',
        description: r.description ?? '',
        alt_text: r.alt_text,
        link: r.link,
        domain: domainOf(r.link),
        dominant_color: r.dominant_color,
        created_at: webTime(r.created_at),
        is_video: videos !== null,
        repin_count: saves.get(r.id) ?? 0,
        seo_url: `/pin/${r.id}/`,
        pinner: this.userRef(userById.get(r.owner_id)!),
        board: { id: board.id, name: board.name, url: boardUrl(board), privacy: board.privacy },
        board_section_id: r.board_section_id,
        images,
        videos,
        carousel_data: carousel,
        story_pin_data: null,
      };
    });
  }
}

/** A board's web path: `/<user>/<slug>/`. */
export function boardUrl(b: Pick<BoardRow, 'owner_username' | 'slug'>): string {
  return `/${encodeURIComponent(b.owner_username)}/${encodeURIComponent(b.slug)}/`;
}
