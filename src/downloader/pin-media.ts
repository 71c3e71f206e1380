// The best media of a pin as Pinterest's web JSON describes it (Corkboard serves the same shape): the original
// image; the largest MP4 of a video (HLS only when there is no MP4); every carousel slot; every image, video and
// audio block of a story pin, in order. A video pin never comes back as its thumbnail.

export type MediaKind = 'image' | 'video' | 'audio';

export interface MediaFile { type: MediaKind; url: string; width: number | null; height: number | null; ext: string }

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
  carousel_data?: { carousel_slots?: Array<{ images?: ImagesJson | null }> } | null;
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

function extOf(url: string, fallback: string): string {
  const m = /\.([A-Za-z0-9]{2,5})(?:$|\?)/.exec(new URL(url, 'http://x').pathname);
  return (m?.[1] ?? fallback).toLowerCase();
}

/** The original if listed, else the widest rendition. */
export function bestImage(images: ImagesJson | null | undefined): MediaFile | null {
  if (!images) return null;
  const candidates = Object.entries(images).filter((e): e is [string, ImageJson] => !!e[1]?.url);
  if (!candidates.length) return null;
  const orig = candidates.find(([k]) => k === 'orig' || k === 'originals');
  const [, img] = orig ?? candidates.sort((a, b) => (b[1].width ?? 0) - (a[1].width ?? 0))[0]!;
  return { type: 'image', url: img.url!, width: img.width ?? null, height: img.height ?? null, ext: extOf(img.url!, 'jpg') };
}

/** The widest MP4; an HLS playlist only when no MP4 exists. */
export function bestVideo(videos: VideosJson | null | undefined): MediaFile | null {
  const list = Object.values(videos?.video_list ?? {}).filter((v): v is VideoJson => !!v?.url);
  const mp4 = list.filter((v) => /\.mp4(?:$|\?)/i.test(v.url!)).sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  const pick = mp4[0] ?? list.find((v) => /\.m3u8(?:$|\?)/i.test(v.url!)) ?? list[0];
  if (!pick) return null;
  return { type: 'video', url: pick.url!, width: pick.width ?? null, height: pick.height ?? null, ext: extOf(pick.url!, 'mp4') };
}

export function pinMedia(pin: PinJson): MediaFile[] {
  const story = pin.story_pin_data?.pages;
  if (story?.length) {
    const out: MediaFile[] = [];
    for (const block of story.flatMap((p) => p.blocks ?? [])) {
      const file = block.video?.video_list ? bestVideo(block.video)
        : block.image?.images ? bestImage(block.image.images)
          : block.audio?.url ? { type: 'audio' as const, url: block.audio.url, width: null, height: null, ext: extOf(block.audio.url, 'mp3') } : null;
      if (file) out.push(file);
    }
    if (out.length) return out;
  }
  const video = bestVideo(pin.videos);
  if (video) return [video];
  const slots = pin.carousel_data?.carousel_slots;
  if (slots?.length) return slots.map((s) => bestImage(s.images)).filter((f): f is MediaFile => !!f);
  const image = bestImage(pin.images);
  return image ? [image] : [];
}
