// The v3 public widgets ("pidgets") Pinterest's embed script reads: pins by id, a board's, a section's or a
// user's latest pins, and how many pins link to a URL. Anonymous, like every public read (public-content.ts).
// Every pin a widget answer shows counts as an impression: one batched call per answer, best effort.
import { errors } from '../lib/api-error.js';
import type { Viewer } from './events.js';
import type { ImageDetails } from './images.js';
import type { PublicContentService, WebBoard, WebPin, WebUser, WebUserRef, WebVideos } from './public-content.js';

/**
 * Widget image sizes, from Corkboard's variants (true sizes of each):
 *   236x = 400x300 (cover crop); 237x = 600x (width 600, aspect kept: the embed script scales tiles by it);
 *   564x = 1200x (width 1200, aspect kept). Widgets never offer the original; the web resources do (orig).
 */
export interface PidgetImages { '236x': ImageDetails; '237x': ImageDetails; '564x': ImageDetails }

export interface PidgetPin {
  id: string;
  title: string;
  description: string;
  link: string | null;
  domain: string;
  dominant_color: string | null;
  created_at: string;
  repin_count: number;
  like_count: number;
  comment_count: number;
  is_video: boolean;
  images: PidgetImages;
  videos: WebVideos | null;
  story_pin_data: null;
  attribution: null;
  rich_metadata: null;
  embed: null;
  pinner: WebUserRef & { image_medium_url: string };
  board: { id: string; name: string; url: string; pin_count: number; image_thumbnail_url: string | null };
}

export type PidgetBoard = Pick<WebBoard, 'id' | 'name' | 'url' | 'description' | 'pin_count' | 'follower_count' | 'image_thumbnail_url'>;
export type PidgetUser = Pick<WebUser, 'id' | 'username' | 'full_name' | 'profile_url' | 'image_small_url' | 'image_medium_url' | 'about' | 'pin_count' | 'follower_count'>;
export interface PidgetSection { id: string; title: string; slug: string; pin_count: number }

/** Records that these pins were shown to a viewer (an IMPRESSION each). Failures are swallowed by the caller. */
export type ImpressionRecorder = (pinIds: string[], viewer: Viewer) => Promise<unknown>;

/** Most pins a board, section or user widget shows: its newest ones. */
export const WIDGET_PINS = 50;
/** Most ids one pins/info call takes. */
export const MAX_PIN_IDS = 50;

export class PidgetsService {
  constructor(private readonly content: PublicContentService, private readonly impressions: ImpressionRecorder | null = null) {}

  /** Pins by id, in the order asked: each one visible, or {id, error} where it is unknown or not public. */
  async pinsInfo(rawIds: string): Promise<Array<PidgetPin | { id: string; error: string }>> {
    const ids = rawIds.split(',').map((x) => x.trim()).filter(Boolean);
    if (!ids.length) throw errors.invalid('Invalid parameters: pin_ids is required (comma-separated pin ids).');
    if (ids.length > MAX_PIN_IDS) throw errors.invalid(`Invalid parameters: pin_ids takes at most ${MAX_PIN_IDS} ids.`);
    const pins = await this.content.pinsByIds(ids);
    const shown = await this.present(pins.filter((p): p is WebPin => p !== null));
    const byId = new Map(shown.map((p) => [p.id, p]));
    return ids.map((id, i) => (pins[i] ? byId.get(pins[i]!.id)! : { id, error: 'Pin not found.' }));
  }

  async board(username: string, slug: string): Promise<{ pins: PidgetPin[]; board: PidgetBoard; user: PidgetUser }> {
    const row = await this.content.boardRowBySlug(username, slug);
    const [board, page, user] = await Promise.all([
      this.content.board(row), this.content.boardPins(row, { pageSize: WIDGET_PINS, after: null }), this.user(row.owner_id, username),
    ]);
    return { pins: await this.present(page.items), board: pidgetBoard(board), user };
  }

  async section(username: string, boardSlug: string, sectionSlug: string): Promise<{ pins: PidgetPin[]; board: PidgetBoard; section: PidgetSection; user: PidgetUser }> {
    const { section, board: row } = await this.content.sectionRowBySlug(username, boardSlug, sectionSlug);
    const [board, s, page, user] = await Promise.all([
      this.content.board(row), this.content.section(section), this.content.sectionPins(section, { pageSize: WIDGET_PINS, after: null }), this.user(row.owner_id, username),
    ]);
    return { pins: await this.present(page.items), board: pidgetBoard(board), section: { id: s.id, title: s.title, slug: s.slug, pin_count: s.pin_count }, user };
  }

  async userPins(username: string): Promise<{ pins: PidgetPin[]; user: PidgetUser }> {
    const row = await this.content.userByName(username);
    const [page, user] = await Promise.all([this.content.userPins(row, { pageSize: WIDGET_PINS, after: null }), this.user(row.id, username)]);
    return { pins: await this.present(page.items), user };
  }

  /** {url, count}: public pins linking to the URL. */
  async urlCount(url: string): Promise<{ url: string; count: number }> {
    if (url.length > 2048) throw errors.invalid('Invalid parameters: url must be at most 2048 characters.');
    return { url, count: url ? await this.content.linkCount(url) : 0 };
  }

  /** Counts the pins of a widget answer as shown. Never throws, never delays the answer. */
  recordShown(pins: Array<{ id: string; error?: string }>, viewer: Viewer): void {
    const ids = pins.filter((p) => !p.error).map((p) => p.id);
    if (!ids.length || !this.impressions) return;
    this.impressions(ids, viewer).catch(() => { /* analytics are best effort; the widget answer stands */ });
  }

  private async user(id: string, username: string): Promise<PidgetUser> {
    const u = await this.content.user(await this.content.userByName(username));
    if (u.id !== id) throw errors.userNotFound();
    return {
      id: u.id, username: u.username, full_name: u.full_name, profile_url: u.profile_url, image_small_url: u.image_small_url,
      image_medium_url: u.image_medium_url, about: u.about, pin_count: u.pin_count, follower_count: u.follower_count,
    };
  }

  private async present(pins: WebPin[]): Promise<PidgetPin[]> {
    const counts = new Map<string, { pin_count: number; image_thumbnail_url: string | null }>();
    const rows = await Promise.all([...new Set(pins.map((p) => p.board.id))].map((id) => this.content.boardRow(id)));
    for (const b of await this.content.presentBoards(rows)) counts.set(b.id, { pin_count: b.pin_count, image_thumbnail_url: b.image_thumbnail_url });
    return pins.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      link: p.link,
      domain: p.domain,
      dominant_color: p.dominant_color,
      created_at: p.created_at,
      repin_count: p.repin_count,
      like_count: 0,
      comment_count: 0,
      is_video: p.is_video,
      images: { '236x': p.images['236x'], '237x': p.images['474x'], '564x': p.images['736x'] },
      videos: p.videos,
      story_pin_data: null,
      attribution: null,
      rich_metadata: null,
      embed: null,
      pinner: { ...p.pinner, image_medium_url: p.pinner.image_small_url },
      board: { id: p.board.id, name: p.board.name, url: p.board.url, ...counts.get(p.board.id)! },
    }));
  }
}

function pidgetBoard(b: WebBoard): PidgetBoard {
  return { id: b.id, name: b.name, url: b.url, description: b.description, pin_count: b.pin_count, follower_count: b.follower_count, image_thumbnail_url: b.image_thumbnail_url };
}
