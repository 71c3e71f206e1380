// `corkboard import URL --user NAME [--board NAME]`: copies a board (its description, sections, pins and media) or
// one section from Pinterest or another Corkboard instance into this one, through the same extractor as downloads
// and the same services as the API: images are decoded and stored as if uploaded, videos go through media
// processing. Pins keep their texts, link, alt text, colour, carousel slot texts and created_at, and are created
// oldest first so the copy lists them in the source's order. A section link imports into a section of the user's
// board named by --board (default the source board's name), made when there is none.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import { allowAny, allowPublicOnly } from '../adapters/safe-fetch.js';
import { extract } from '../downloader/extract.js';
import { fetchToFile } from '../downloader/fetch-file.js';
import { inside } from '../downloader/paths.js';
import { pinMedia, str, type MediaFile } from '../downloader/pin-media.js';
import { isoTime } from '../downloader/sidecar.js';
import { UnsupportedUrl } from '../downloader/urls.js';
import { pageRequest, type Page, type PageRequest } from '../lib/bookmark.js';
import type { UserRow } from '../repositories/users.js';
import { ORGANIC_SCOPES } from '../schemas/operations.js';
import type { Principal } from '../services/oauth.js';
import type { MediaSource } from '../services/pins.js';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface ImportOptions { /** The board to import into; the source board's name by default. */ board?: string }

const clip = (value: unknown, max: number) => str(value)?.slice(0, max) ?? null;
const webLink = (value: unknown) => { const s = str(value); return s && /^https?:\/\//.test(s) && s.length <= 2048 ? s : null; };

/** Every item of a paged list of this server. */
async function all<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let bookmark: string | undefined;
  do {
    const page = await list(pageRequest({ page_size: 250, ...(bookmark ? { bookmark } : {}) }));
    out.push(...page.items);
    bookmark = page.bookmark ?? undefined;
  } while (bookmark);
  return out;
}

export async function importBoard(ctx: Context, url: string, user: UserRow, opts: ImportOptions, log: (line: string) => void): Promise<{ board_id: string; section_id: string | null; pins: number; skipped: Array<{ pin_id: string; reason: string }> }> {
  const { config } = ctx;
  const allowAddress = config.allowPrivateNetworks ? allowAny : allowPublicOnly;
  const extracted = await extract(url, { pinterestOrigin: config.pinterestUpstream, allowAddress, maxPins: 10_000 });
  if (!extracted.board) throw new UnsupportedUrl(`import takes a board or section link; ${url} is a ${extracted.kind}`);
  // The importing user acts as themself, with every organic scope, as the developer console's token would.
  const p: Principal = { user, appId: 'cli', scopes: new Set(ORGANIC_SCOPES), grant: 'client_credentials', tokenId: 'cli' };
  const name = (opts.board ?? extracted.board.name).trim().slice(0, 180) || 'Imported board';
  const description = extracted.board.description?.slice(0, 500) ?? null;
  const existing = extracted.kind === 'section' ? (await all((page) => ctx.boards.list(p, undefined, page))).find((b) => b.name === name) : undefined;
  const board = existing ?? await ctx.boards.create(p, { name, description });
  // Sections in the source's order; a section link's one section joins an existing one of that name.
  const sections = new Map<string, string>();
  const mine = existing ? await all((page) => ctx.sections.list(p, board.id, page)) : [];
  for (const title of extracted.sections) {
    const clean = title.trim().slice(0, 180) || 'Section';
    sections.set(title, mine.find((s) => s.name === clean)?.id ?? (await ctx.sections.create(p, board.id, clean)).id);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-import-'));
  const skipped: Array<{ pin_id: string; reason: string }> = [];
  let imported = 0;
  await ctx.jobs.start(); // video processing runs here, in this process
  try {
    // Oldest first: this server lists a board newest first, so the copy reads in the source's order.
    for (const { pin, section } of [...extracted.pins].reverse()) {
      try {
        let fetched = 0;
        const bytes = async (f: MediaFile) => {
          const file = inside(dir, `${fetched++}.${f.ext}`);
          await fetchToFile(f.url, file, { allowAddress, maxBytes: config.video.maxBytes, timeoutMs: 30 * 60_000 });
          return readFile(file);
        };
        const files = pinMedia(pin).filter((f) => f.type !== 'audio');
        const images = files.filter((f) => f.type === 'image');
        const video = files.find((f) => f.type === 'video' && f.ext === 'mp4');
        let source: MediaSource;
        if (video) {
          const reg = await ctx.media.register(p, 'video');
          await ctx.blobs.put(reg.upload_parameters.key!, await bytes(video), 'video/mp4');
          await ctx.media.uploaded(reg.media_id);
          for (let i = 0; i < 600 && (await ctx.media.get(p, reg.media_id)).status === 'processing'; i++) await new Promise((r) => setTimeout(r, 500));
          source = { source_type: 'video_id', media_id: reg.media_id };
        } else if (images.length >= 2) {
          const items = await Promise.all(images.slice(0, 5).map(async (f) => ({
            content_type: IMAGE_TYPES[f.ext] ?? 'image/jpeg', data: (await bytes(f)).toString('base64'),
            ...(f.slot?.title ? { title: f.slot.title.slice(0, 100) } : {}),
            ...(f.slot?.description ? { description: f.slot.description.slice(0, 800) } : {}),
            ...(webLink(f.slot?.link) ? { link: webLink(f.slot?.link)! } : {}),
          })));
          source = { source_type: 'multiple_image_base64', items };
        } else if (images.length === 1) {
          source = { source_type: 'image_base64', content_type: IMAGE_TYPES[images[0]!.ext] ?? 'image/jpeg', data: (await bytes(images[0]!)).toString('base64') };
        } else {
          throw new Error('no image or MP4 video to import');
        }
        const color = str(pin.dominant_color);
        const createdAt = isoTime(pin.created_at);
        await ctx.pins.create(p, {
          board_id: board.id, board_section_id: section ? sections.get(section) ?? null : null,
          title: clip(pin.title, 100), description: clip(pin.description, 800), link: webLink(pin.link), alt_text: clip(pin.alt_text, 500),
          ...(color && /^#[0-9a-fA-F]{6}$/.test(color) ? { dominant_color: color } : {}),
          media_source: source,
        }, createdAt ? { createdAt } : {});
        imported++;
        log(`imported ${imported}/${extracted.pins.length}: pin ${pin.id}`);
      } catch (err) {
        skipped.push({ pin_id: pin.id, reason: (err as Error).message });
        log(`skipped pin ${pin.id}: ${(err as Error).message}`);
      }
    }
  } finally {
    await ctx.jobs.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { board_id: board.id, section_id: extracted.kind === 'section' ? sections.get(extracted.title) ?? null : null, pins: imported, skipped };
}
