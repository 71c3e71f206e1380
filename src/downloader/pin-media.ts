// The best media of a pin as Pinterest's web JSON describes it (Corkboard serves the same shape): the original
// image; the largest MP4 of a video (HLS only when there is no MP4); every carousel slot; every image, video and
// audio block of a story pin, in order. A video pin never comes back as its thumbnail. The JSON comes from a
// remote: a field of the wrong type counts as absent.

export type MediaKind = 'image' | 'video' | 'audio';

export interface MediaFile {
  type: MediaKind; url: string; width: number | null; height: number | null; ext: string;
  /** A carousel slot's own texts (null elsewhere). */
  slot: SlotText | null;
}

export interface SlotText { title: string | null; description: string | null; link: string | null }

interface ImageJson { url?: string; width?: number; height?: number }
type ImagesJson = Record<string, ImageJson | undefined>;
interface VideoJson { url?: string; width?: number; height?: number }
interface VideosJson { video_list?: Record<string, VideoJson | undefined> }

export interface PinJson {
  id: string;
  title?: string | null;
  grid_title?: string | null;
  description?: string | null;
  link?: string | null;
  images?: ImagesJson | null;
  videos?: VideosJson | null;
  carousel_data?: { carousel_slots?: Array<{ images?: ImagesJson | null; title?: unknown; description?: unknown; link?: unknown }> } | null;
  story_pin_data?: { pages?: Array<{ blocks?: Array<StoryBlock> }> } | null;
  [field: string]: unknown;
}

interface StoryBlock {
  block_type?: number;
  type?: string;
  image?: { images?: ImagesJson };
  video?: VideosJson;
  audio?: { url?: string };
}

/** A remote field as a string, or null when it is absent, empty or not a string. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** A remote field as a finite number, or null. */
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function extOf(url: string, fallback: string): string {
  const m = URL.canParse(url, 'http://x') ? /\.([A-Za-z0-9]{2,5})$/.exec(new URL(url, 'http://x').pathname) : null;
  return (m?.[1] ?? fallback).toLowerCase();
}

/** The original if listed, else the widest rendition. */
export function bestImage(images: ImagesJson | null | undefined): MediaFile | null {
  if (!images) return null;
  const candidates = Object.entries(images).filter((e): e is [string, ImageJson] => typeof e[1]?.url === 'string');
  if (!candidates.length) return null;
  const orig = candidates.find(([k]) => k === 'orig' || k === 'originals');
  const [, img] = orig ?? candidates.sort((a, b) => (num(b[1].width) ?? 0) - (num(a[1].width) ?? 0))[0]!;
  return { type: 'image', url: img.url!, width: num(img.width), height: num(img.height), ext: extOf(img.url!, 'jpg'), slot: null };
}

/** The widest MP4; an HLS playlist only when no MP4 exists. */
export function bestVideo(videos: VideosJson | null | undefined): MediaFile | null {
  const list = Object.values(videos?.video_list ?? {}).filter((v): v is VideoJson => typeof v?.url === 'string');
  const mp4 = list.filter((v) => /\.mp4(?:$|\?)/i.test(v.url!)).sort((a, b) => (num(b.width) ?? 0) - (num(a.width) ?? 0));
  const pick = mp4[0] ?? list.find((v) => /\.m3u8(?:$|\?)/i.test(v.url!)) ?? list[0];
  if (!pick) return null;
  return { type: 'video', url: pick.url!, width: num(pick.width), height: num(pick.height), ext: extOf(pick.url!, 'mp4'), slot: null };
}

export function pinMedia(pin: PinJson): MediaFile[] {
  const story = pin.story_pin_data?.pages;
  if (Array.isArray(story) && story.length) {
    const out: MediaFile[] = [];
    for (const block of story.flatMap((p) => (Array.isArray(p?.blocks) ? p.blocks : []))) {
      const file = !block ? null : block.video?.video_list ? bestVideo(block.video)
        : block.image?.images ? bestImage(block.image.images)
          : typeof block.audio?.url === 'string' ? { type: 'audio' as const, url: block.audio.url, width: null, height: null, ext: extOf(block.audio.url, 'mp3'), slot: null } : null;
      if (file) out.push(file);
    }
    if (out.length) return out;
  }
  const video = bestVideo(pin.videos);
  if (video) return [video];
  const slots = pin.carousel_data?.carousel_slots;
  if (Array.isArray(slots) && slots.length) {
    return slots.flatMap((s) => {
      const f = bestImage(s?.images);
      return f ? [{ ...f, slot: { title: str(s.title), description: str(s.description), link: str(s.link) } }] : [];
    });
  }
  const image = bestImage(pin.images);
  return image ? [image] : [];
}
