// `corkboard import URL --user NAME`: copies a board (its sections, pins and media) from Pinterest or another
// Corkboard instance into this one, through the same extractor as downloads and the same services as the API:
// images are decoded and stored as if uploaded, videos go through media processing.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import { allowAny, allowPublicOnly } from '../adapters/safe-fetch.js';
import { extract } from '../downloader/extract.js';
import { fetchToFile } from '../downloader/fetch-file.js';
import { pinMedia, type MediaFile } from '../downloader/pin-media.js';
import type { UserRow } from '../repositories/users.js';
import { ORGANIC_SCOPES } from '../schemas/operations.js';
import type { Principal } from '../services/oauth.js';
import type { MediaSource } from '../services/pins.js';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export async function importBoard(ctx: Context, url: string, user: UserRow, log: (line: string) => void): Promise<{ board_id: string; pins: number; skipped: Array<{ pin_id: string; reason: string }> }> {
  const { config } = ctx;
  const allowAddress = config.allowPrivateNetworks ? allowAny : allowPublicOnly;
  const extracted = await extract(url, { pinterestOrigin: config.pinterestUpstream, allowAddress, maxPins: 10_000 });
  if (extracted.kind !== 'board' && extracted.kind !== 'section') throw new Error(`import takes a board or section link; ${url} is a ${extracted.kind}`);
  // The importing user acts as themself, with every organic scope, as the developer console's token would.
  const p: Principal = { user, appId: 'cli', scopes: new Set(ORGANIC_SCOPES), grant: 'client_credentials', tokenId: 'cli' };
  const board = await ctx.boards.create(p, { name: extracted.title.slice(0, 180) });
  const sections = new Map<string, string>();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'corkboard-import-'));
  const skipped: Array<{ pin_id: string; reason: string }> = [];
  let imported = 0;
  await ctx.jobs.start(); // video processing runs here, in this process
  try {
    for (const { pin, section } of extracted.pins) {
      try {
        let sectionId: string | null = null;
        if (section) {
          if (!sections.has(section)) sections.set(section, (await ctx.sections.create(p, board.id, section)).id);
          sectionId = sections.get(section)!;
        }
        const bytes = async (f: MediaFile, i: number) => {
          const file = path.join(dir, `${pin.id}-${i}.${f.ext}`);
          await fetchToFile(f.url, file, { allowAddress, maxBytes: config.video.maxBytes, timeoutMs: 30 * 60_000 });
          return readFile(file);
        };
        const files = pinMedia(pin).filter((f) => f.type !== 'audio');
        const images = files.filter((f) => f.type === 'image');
        const video = files.find((f) => f.type === 'video' && f.ext === 'mp4');
        let source: MediaSource;
        if (video) {
          const reg = await ctx.media.register(p, 'video');
          await ctx.blobs.put(reg.upload_parameters.key!, await bytes(video, 0), 'video/mp4');
          await ctx.media.uploaded(reg.media_id);
          for (let i = 0; i < 600 && (await ctx.media.get(p, reg.media_id)).status === 'processing'; i++) await new Promise((r) => setTimeout(r, 500));
          source = { source_type: 'video_id', media_id: reg.media_id };
        } else if (images.length >= 2) {
          const items = await Promise.all(images.slice(0, 5).map(async (f, i) => ({ content_type: IMAGE_TYPES[f.ext] ?? 'image/jpeg', data: (await bytes(f, i)).toString('base64') })));
          source = { source_type: 'multiple_image_base64', items };
        } else if (images.length === 1) {
          source = { source_type: 'image_base64', content_type: IMAGE_TYPES[images[0]!.ext] ?? 'image/jpeg', data: (await bytes(images[0]!, 0)).toString('base64') };
        } else {
          throw new Error('no image or MP4 video to import');
        }
        await ctx.pins.create(p, {
          board_id: board.id, board_section_id: sectionId, title: pin.title?.slice(0, 100) || null,
          description: pin.description?.slice(0, 800) || null, link: typeof pin.link === 'string' && /^https?:\/\//.test(pin.link) ? pin.link : null,
          media_source: source,
        });
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
  return { board_id: board.id, pins: imported, skipped };
}
