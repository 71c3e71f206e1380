// Pins: create from every image media source, read, list with the documented filters, change, move, save
// and delete, with the privacy of the board they are on and the spec's Pin shape.
import type { AppType, PinsTable, Privacy } from '../db/schema.js';
import { ExactCache } from '../lib/exact-cache.js';
import { immutable } from '../lib/immutable.js';
import { errors } from '../lib/api-error.js';
import { decodeBase64 } from '../lib/base64.js';
import { toPage, type Page, type PageRequest } from '../lib/bookmark.js';
import { isId, type IdGenerator } from '../lib/ids.js';
import { pinterestTime } from '../lib/time.js';
import type { NewPin, PinMediaRow, PinRow, PinsRepository } from '../repositories/pins.js';
import type { ImageRow } from '../repositories/images.js';
import type { BoardsService } from './boards.js';
import type { ImageSizes, ImagesService } from './images.js';
import type { Principal } from './oauth.js';
import type { PinMetrics } from './analytics.js';
import { assertPinsWritable, canSeePinsOn, ownVisiblePrivacies } from './privacy.js';
import type { MediaService } from './media.js';
import type { SectionsService } from './sections.js';

export type CreativeType = 'REGULAR' | 'CAROUSEL' | 'VIDEO';

export type PinMedia =
  | { media_type: 'image'; images: ImageSizes }
  | { media_type: 'multiple_images'; items: Array<{ item_type: 'image'; title: string | null; description: string | null; link: string | null; images: ImageSizes }> }
  | { media_type: 'video'; images: ImageSizes; cover_image_url: string; video_url: string; duration: number; width: number; height: number };

export interface Pin {
  id: string;
  created_at: string;
  link: string | null;
  title: string | null;
  description: string | null;
  dominant_color: string | null;
  alt_text: string | null;
  creative_type: CreativeType;
  board_id: string;
  board_section_id: string | null;
  board_owner: { username: string };
  is_owner: boolean;
  is_standard: boolean;
  has_been_promoted: boolean;
  parent_pin_id: string | null;
  /** Filled in by AnalyticsService.withPinMetrics when asked for (pin_metrics=true). */
  pin_metrics: PinMetrics | null;
  media: PinMedia;
}

interface CarouselItem { title?: string; description?: string; link?: string }
export type MediaSource =
  | { source_type: 'image_base64'; content_type: string; data: string }
  | { source_type: 'image_url'; url: string }
  | { source_type: 'multiple_image_base64'; items: Array<CarouselItem & { content_type: string; data: string }>; index?: number }
  | { source_type: 'multiple_image_urls'; items: Array<CarouselItem & { url: string }>; index?: number }
  | { source_type: 'video_id'; media_id: string; cover_image_key_frame_time?: number; cover_image_url?: string; cover_image_content_type?: string; cover_image_data?: string }
  | { source_type: 'pin_url' };

export interface PinInput {
  board_id?: string;
  board_section_id?: string | null;
  title?: string | null;
  description?: string | null;
  link?: string | null;
  alt_text?: string | null;
  dominant_color?: string | null;
  parent_pin_id?: string | null;
  media_source?: MediaSource;
  carousel_slots?: CarouselItem[];
}

export interface PinListOptions {
  pinFilter?: 'exclude_native' | 'exclude_repins' | 'has_been_promoted';
  includeProtectedPins?: boolean;
  pinType?: 'PRIVATE';
  creativeTypes?: CreativeType[];
}

/** Fetches an image_url server-side through the SSRF-safe fetch; 400 naming `field` when it cannot. */
export type FetchImage = (url: string, field: string) => Promise<Buffer>;

export function checkLink(link: string | null | undefined, field = 'link'): string | null {
  if (link === undefined || link === null || link === '') return null;
  if (link.length > 2048) throw errors.invalid(`Invalid parameters: ${field} must be at most 2048 characters.`);
  let url: URL;
  try { url = new URL(link); } catch { throw errors.invalid(`Whoops! It looks like you entered an invalid URL (${field}). Try creating a Pin again with a valid URL.`); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw errors.invalid(`Invalid parameters: ${field} must be an http or https URL.`);
  return link;
}

function checkText(value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value.length > max) throw errors.invalid(`Invalid parameters: ${field} must be at most ${max} characters.`);
  return value;
}

function checkColor(value: string | null | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) throw errors.invalid('Invalid parameters: dominant_color must be a hex color such as #6E7874.');
  return value.toLowerCase();
}

interface Ingested { image: ImageRow; title: string | null; description: string | null; link: string | null }
interface IngestedMedia { items: Ingested[]; mediaType: PinsTable['media_type']; mediaId: string | null }

const CREATIVE_TYPE: Record<PinsTable['media_type'], CreativeType> = { image: 'REGULAR', multiple_images: 'CAROUSEL', video: 'VIDEO' };

/** A pin as its owner and as anyone else sees it, with what decides who may see it. */
interface ShownPin { ownerId: string; privacy: Privacy; asOwner: Pin; asOther: Pin }
/** Pins kept for GET /v5/pins/{id}: about 5 KB each. */
const SHOWN_PINS_KEPT = 5000;

export class PinsService {
  private readonly shown: ExactCache<ShownPin>;

  constructor(
    private readonly pins: PinsRepository,
    private readonly boards: BoardsService,
    private readonly sections: SectionsService,
    private readonly images: ImagesService,
    private readonly media: MediaService,
    private readonly fetchImage: FetchImage,
    private readonly ids: IdGenerator,
    /** The database's generation (DbHandle.generation): single pins are kept while it stands still. */
    generation: (() => number) | null,
    /** Told whose pin count a write changed (the account's cached counts). */
    private readonly countsChanged: (userId: string) => void = () => {},
    /** Told that a user saved a pin (a SAVE in the pin's analytics). */
    private readonly onSave: (actorId: string, pinId: string, appType: AppType) => Promise<void> = async () => {},
  ) {
    this.shown = new ExactCache(generation, SHOWN_PINS_KEPT);
  }

  /** The pin if the caller may see it, else 404. */
  async visible(p: Principal, id: string): Promise<PinRow> {
    const pin = isId(id) ? await this.pins.byId(id) : undefined;
    if (!pin || !canSeePinsOn(p, { owner_id: pin.owner_id, privacy: pin.board_privacy })) throw errors.pinNotFound();
    return pin;
  }

  private async writable(p: Principal, id: string): Promise<PinRow> {
    const pin = isId(id) ? await this.pins.byId(id) : undefined;
    if (!pin) throw errors.pinNotFound();
    assertPinsWritable(p, { owner_id: pin.owner_id, privacy: pin.board_privacy }, errors.pinNotFound);
    return pin;
  }

  /** The target board (writable for pins) and section (on that board) of a create, save or move. */
  private async target(p: Principal, boardId: string | undefined, sectionId: string | null | undefined) {
    if (!boardId) throw errors.invalid('Invalid parameters: board_id is required.');
    const board = await this.boards.visible(p, boardId);
    assertPinsWritable(p, board);
    const section = sectionId ? await this.sections.of(board.id, sectionId) : null;
    return { board, section };
  }

  /** `createdAt` is for copies (corkboard import keeps the source's time); the API never sets it. */
  async create(p: Principal, input: PinInput, opts: { createdAt?: string } = {}): Promise<Pin> {
    const { board, section } = await this.target(p, input.board_id, input.board_section_id);
    const title = checkText(input.title, 'title', 100) ?? null;
    const description = checkText(input.description, 'description', 800) ?? null;
    const altText = checkText(input.alt_text, 'alt_text', 500) ?? null;
    const link = checkLink(input.link);
    const color = checkColor(input.dominant_color);
    if (input.parent_pin_id) throw errors.invalid('Invalid parameters: parent_pin_id is set by saving a pin (POST /v5/pins/{pin_id}/save), not on create.');
    const { items, mediaType, mediaId } = await this.ingest(p, input.media_source);
    const id = this.ids.next();
    const pin: NewPin = {
      id, owner_id: p.user.id, board_id: board.id, board_section_id: section?.id ?? null, title, description, link, alt_text: altText,
      dominant_color: color ?? items[0]!.image.dominant_color, media_type: mediaType,
      creative_type: CREATIVE_TYPE[mediaType], parent_pin_id: null, created_at: opts.createdAt ?? new Date().toISOString(), media_id: mediaId,
    };
    await this.pins.create(pin, items.map((it, position) => ({ pin_id: id, position, image_hash: it.image.hash, title: it.title, description: it.description, link: it.link })));
    this.countsChanged(p.user.id);
    return this.get(p, id);
  }

  private async ingest(p: Principal, source: MediaSource | undefined): Promise<IngestedMedia> {
    if (!source) throw errors.invalid('Invalid parameters: media_source is required.');
    const one = (image: ImageRow): Ingested => ({ image, title: null, description: null, link: null });
    switch (source.source_type) {
      case 'image_base64':
        return { items: [one(await this.images.ingest(decodeBase64(source.data, 'media_source.data'), 'media_source.data'))], mediaType: 'image', mediaId: null };
      case 'image_url':
        return { items: [one(await this.imageAt(source.url, 'media_source.url'))], mediaType: 'image', mediaId: null };
      case 'multiple_image_base64':
      case 'multiple_image_urls': {
        const list = source.items;
        if (list.length < 2 || list.length > 5) throw errors.invalid('Invalid parameters: media_source.items must have 2 to 5 images.');
        if (source.index !== undefined && source.index >= list.length) throw errors.invalid('Invalid parameters: media_source.index is past the last item.');
        const items: Ingested[] = [];
        for (const [i, item] of list.entries()) {
          const field = `media_source.items[${i}]`;
          items.push({
            image: 'data' in item ? await this.images.ingest(decodeBase64(item.data, `${field}.data`), field) : await this.imageAt(item.url, `${field}.url`, field),
            title: checkText(item.title, `${field}.title`, 100) ?? null,
            description: checkText(item.description, `${field}.description`, 800) ?? null,
            link: checkLink(item.link, `${field}.link`),
          });
        }
        return { items, mediaType: 'multiple_images', mediaId: null };
      }
      case 'video_id': {
        const { media, cover } = await this.media.forPin(p, source.media_id, await this.coverImage(source));
        return { items: [one(cover)], mediaType: 'video', mediaId: media.id };
      }
      case 'pin_url':
        throw errors.invalid('Invalid parameters: media_source pin_url (product pins from a page) is not supported; send image_url with the image\'s address.');
      default:
        throw errors.invalid('Invalid parameters: media_source.source_type is not one of image_base64, image_url, multiple_image_base64, multiple_image_urls, video_id, pin_url.');
    }
  }

  /** The image at an image URL: this instance's own media from its blob store, anything else fetched (guarded). */
  private async imageAt(url: string, field: string, ingestField = field): Promise<ImageRow> {
    return await this.images.ownMedia(url, field, ingestField) ?? this.images.ingest(await this.fetchImage(url, field), ingestField);
  }

  /** A video pin's own cover, when the source names one: an image URL, base64 data, or a frame time. */
  private async coverImage(source: Extract<MediaSource, { source_type: 'video_id' }>): Promise<{ keyFrameSeconds?: number; image?: ImageRow }> {
    const given = [source.cover_image_url, source.cover_image_data, source.cover_image_key_frame_time].filter((v) => v !== undefined).length;
    if (given > 1) throw errors.invalid('Invalid parameters: give one of media_source.cover_image_url, cover_image_data or cover_image_key_frame_time.');
    if (source.cover_image_url !== undefined) {
      return { image: await this.imageAt(source.cover_image_url, 'media_source.cover_image_url') };
    }
    if (source.cover_image_data !== undefined) {
      if (!source.cover_image_content_type) throw errors.invalid('Invalid parameters: media_source.cover_image_content_type is required with cover_image_data.');
      return { image: await this.images.ingest(decodeBase64(source.cover_image_data, 'media_source.cover_image_data'), 'media_source.cover_image_data') };
    }
    return source.cover_image_key_frame_time === undefined ? {} : { keyFrameSeconds: source.cover_image_key_frame_time };
  }

  /** One pin, as the caller sees it. What it answers never changes (immutable): callers copy to add to it. */
  async get(p: Principal, id: string): Promise<Pin> {
    const shown = isId(id) ? await this.shown.get(`${this.images.origin()} ${id}`, () => this.show(id)) : undefined;
    if (!shown || !canSeePinsOn(p, { owner_id: shown.ownerId, privacy: shown.privacy })) throw errors.pinNotFound();
    return shown.ownerId === p.user.id ? shown.asOwner : shown.asOther;
  }

  private async show(id: string): Promise<ShownPin | undefined> {
    const found = await this.pins.byIdWithMedia(id);
    if (!found) return undefined;
    const [asOwner] = await this.present(found.pin.owner_id, [found.pin], new Map([[found.pin.id, found.media]]));
    return {
      ownerId: found.pin.owner_id, privacy: found.pin.board_privacy,
      asOwner: immutable(asOwner!), asOther: immutable({ ...asOwner!, is_owner: false }),
    };
  }

  async list(p: Principal, opts: PinListOptions, page: PageRequest): Promise<Page<Pin>> {
    if (opts.pinFilter === 'has_been_promoted') return { items: [], bookmark: null }; // nothing is ever promoted here
    let privacies = ownVisiblePrivacies(p, 'pins');
    if (!opts.includeProtectedPins) privacies = privacies.filter((x) => x !== 'PROTECTED');
    if (opts.pinType === 'PRIVATE') {
      if (!p.scopes.has('pins:read_secret')) throw errors.insufficientScope(['pins:read_secret']);
      privacies = ['SECRET'];
    }
    const saved = opts.pinFilter === 'exclude_native' ? true : opts.pinFilter === 'exclude_repins' ? false : undefined;
    const rows = await this.pins.listByOwner(p.user.id, { privacies, ...(saved !== undefined ? { saved } : {}), ...(opts.creativeTypes ? { creativeTypes: opts.creativeTypes } : {}) }, page);
    return this.page(p, rows, page);
  }

  async listOnBoard(p: Principal, boardId: string, creativeTypes: CreativeType[] | undefined, page: PageRequest): Promise<Page<Pin>> {
    const board = await this.boards.visible(p, boardId);
    if (!canSeePinsOn(p, board)) throw errors.boardNotFound();
    return this.page(p, await this.pins.listByBoard(board.id, page, creativeTypes), page);
  }

  async listInSection(p: Principal, boardId: string, sectionId: string, page: PageRequest): Promise<Page<Pin>> {
    const board = await this.boards.visible(p, boardId);
    if (!canSeePinsOn(p, board)) throw errors.boardNotFound();
    const section = await this.sections.of(board.id, sectionId);
    return this.page(p, await this.pins.listBySection(section.id, page), page);
  }

  async update(p: Principal, id: string, input: PinInput): Promise<Pin> {
    const pin = await this.writable(p, id);
    const patch: Parameters<PinsRepository['update']>[1] = {};
    const title = checkText(input.title, 'title', 100);
    if (title !== undefined) patch.title = title;
    const description = checkText(input.description, 'description', 800);
    if (description !== undefined) patch.description = description;
    const altText = checkText(input.alt_text, 'alt_text', 500);
    if (altText !== undefined) patch.alt_text = altText;
    if (input.link !== undefined) patch.link = checkLink(input.link);
    if (input.board_id !== undefined || input.board_section_id !== undefined) {
      const boardId = input.board_id ?? pin.board_id;
      // a move to another board leaves the section unless one on the new board is named
      const sectionId = input.board_section_id !== undefined ? input.board_section_id : boardId === pin.board_id ? pin.board_section_id : null;
      const { board, section } = await this.target(p, boardId, sectionId);
      patch.board_id = board.id;
      patch.board_section_id = section?.id ?? null;
    }
    let slots: Array<Pick<PinMediaRow, 'position' | 'title' | 'description' | 'link'>> = [];
    if (input.carousel_slots !== undefined) {
      const media = (await this.pins.media([pin.id])).get(pin.id) ?? [];
      if (pin.media_type !== 'multiple_images') throw errors.invalid('Invalid parameters: carousel_slots apply to carousel pins only.');
      if (input.carousel_slots.length !== media.length) throw errors.invalid(`Invalid parameters: carousel_slots must have ${media.length} items, one per image.`);
      slots = input.carousel_slots.map((s, position) => ({
        position,
        title: checkText(s.title, `carousel_slots[${position}].title`, 100) ?? null,
        description: checkText(s.description, `carousel_slots[${position}].description`, 800) ?? null,
        link: checkLink(s.link, `carousel_slots[${position}].link`),
      }));
    }
    await this.pins.update(pin, patch, slots);
    return this.get(p, id);
  }

  /** Saves (repins) a visible pin to one of the caller's boards: a new pin with parent_pin_id set. */
  async save(p: Principal, id: string, boardId: string | null | undefined, sectionId: string | null | undefined, appType: AppType = 'WEB'): Promise<Pin> {
    const source = await this.visible(p, id);
    const { board, section } = await this.target(p, boardId ?? undefined, sectionId);
    const media = (await this.pins.media([source.id])).get(source.id) ?? [];
    const newId = this.ids.next();
    await this.pins.create({
      id: newId, owner_id: p.user.id, board_id: board.id, board_section_id: section?.id ?? null,
      title: source.title, description: source.description, link: source.link, alt_text: source.alt_text,
      dominant_color: source.dominant_color, media_type: source.media_type, creative_type: source.creative_type,
      parent_pin_id: source.id, created_at: new Date().toISOString(), media_id: source.media_id,
    }, media.map((m) => ({ ...m, pin_id: newId })));
    this.countsChanged(p.user.id);
    await this.onSave(p.user.id, source.id, appType);
    return this.get(p, newId);
  }

  async delete(p: Principal, id: string): Promise<void> {
    const pin = await this.writable(p, id);
    await this.images.reclaim(await this.pins.delete(pin));
    this.countsChanged(pin.owner_id);
  }

  private async page(p: Principal, rows: PinRow[], page: PageRequest): Promise<Page<Pin>> {
    const pageOf = toPage(rows, page, (r) => [r.id]);
    return { items: await this.present(p.user.id, pageOf.items), bookmark: pageOf.bookmark };
  }

  /** Pin rows in the spec's shape as the user `viewerId` sees them: media and image sizes of all of them in two queries. */
  async present(viewerId: string, rows: PinRow[], loadedMedia?: Map<string, PinMediaRow[]>): Promise<Pin[]> {
    const media = loadedMedia ?? await this.pins.media(rows.map((r) => r.id));
    const images = await this.images.sizesByHash([...media.values()].flat().map((m) => m.image_hash));
    const sizes = (m: PinMediaRow) => images.get(m.image_hash)!;
    const videos = await this.media.byIds(rows.flatMap((r) => (r.media_id ? [r.media_id] : [])));
    const mediaOf = (r: PinRow, items: PinMediaRow[]): PinMedia => {
      if (r.media_type === 'multiple_images') {
        return { media_type: 'multiple_images', items: items.map((m) => ({ item_type: 'image' as const, title: m.title, description: m.description, link: m.link, images: sizes(m) })) };
      }
      const images = sizes(items[0]!);
      const video = r.media_type === 'video' && r.media_id ? videos.get(r.media_id) : undefined;
      if (!video) return { media_type: 'image', images };
      return {
        media_type: 'video', images, cover_image_url: images.originals.url, video_url: this.media.videoUrl(video),
        duration: video.duration_ms!, width: video.width!, height: video.height!,
      };
    };
    return rows.map((r) => {
      const items = media.get(r.id) ?? [];
      return {
        id: r.id,
        created_at: pinterestTime(r.created_at),
        link: r.link,
        title: r.title,
        description: r.description,
        dominant_color: r.dominant_color,
        alt_text: r.alt_text,
        creative_type: r.creative_type,
        board_id: r.board_id,
        board_section_id: r.board_section_id,
        board_owner: { username: r.board_owner_username },
        is_owner: r.owner_id === viewerId,
        is_standard: true,
        has_been_promoted: false,
        parent_pin_id: r.parent_pin_id,
        pin_metrics: null,
        media: mediaOf(r, items),
      };
    });
  }
}
