// Image decoding and resizing with sharp (libvips). Input is untrusted: the pixel count is capped before
// decoding, truncated or corrupt data is refused rather than half-decoded, vector formats are refused, EXIF
// orientation is applied and all metadata (GPS included) is dropped from what is stored. The original keeps the
// uploaded format (JPEG, PNG, WebP, GIF; animations with every frame); the variants are JPEG, or PNG with alpha.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { errors } from '../../lib/api-error.js';
import type { ImageSizeName, ProcessedImage, ProcessedVariant } from '../../services/images.js';

/** Pinterest accepts these raster formats; SVG and camera RAW are refused. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif']);
/** 10,000 x 10,000: far past any pin, small enough that a decompression bomb cannot exhaust memory. */
const MAX_PIXELS = 100_000_000;
/** Up to a 24-megapixel photo, the variants render in parallel. */
const PARALLEL_MAX_PIXELS = 24_000_000;

// Sizes as Pinterest names them: fixed crops for the small ones, widths (never upscaled) for the others.
// Exported with the encoder settings so the bench renders the same outputs with sharp alone.
export const SIZES: Record<Exclude<ImageSizeName, 'originals'>, { width: number; height?: number }> = {
  '150x150': { width: 150, height: 150 },
  '400x300': { width: 400, height: 300 },
  '600x': { width: 600 },
  '1200x': { width: 1200 },
};

/**
 * The sizes to render for an image `width` pixels wide once oriented. Up to 1,200 pixels wide, `1200x` (never
 * upscaled) is the original itself when the original is in the variants' format (`sameFormat`), so it is not
 * encoded a second time.
 */
export function renderedSizes(width: number, sameFormat = true): ImageSizeName[] {
  const names = ['originals', ...Object.keys(SIZES)] as ImageSizeName[];
  return width <= SIZES['1200x'].width && sameFormat ? names.filter((n) => n !== '1200x') : names;
}

export function contentHash(input: Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

export type StoredFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** Encoder settings per stored format; `webpLossless` for WebP originals that were lossless. */
export const ENCODING = {
  png: { compressionLevel: 8 }, jpeg: { quality: 85, mozjpeg: true }, gif: {}, webp: { quality: 90 }, webpLossless: { lossless: true },
} as const;

const TYPES: Record<StoredFormat, { contentType: string; ext: string }> = {
  jpeg: { contentType: 'image/jpeg', ext: 'jpg' }, png: { contentType: 'image/png', ext: 'png' },
  webp: { contentType: 'image/webp', ext: 'webp' }, gif: { contentType: 'image/gif', ext: 'gif' },
};

/** How an image is stored: its original in its own format where browsers show it, the variants as JPEG (PNG with alpha). */
export interface StoragePlan { original: StoredFormat; variants: 'jpeg' | 'png'; animated: boolean; webpLossless: boolean; sizes: ImageSizeName[] }

/** Whether WebP bytes hold lossless (VP8L) frames: the first frame chunk says, top-level or inside an animation frame. */
function isLosslessWebp(input: Buffer): boolean {
  const walk = (start: number, end: number): boolean | null => {
    for (let at = start; at + 8 <= end; at += 8 + input.readUInt32LE(at + 4) + (input.readUInt32LE(at + 4) & 1)) {
      const fourcc = input.toString('latin1', at, at + 4);
      if (fourcc === 'VP8L') return true;
      if (fourcc === 'VP8 ') return false;
      if (fourcc === 'ANMF') return walk(at + 8 + 16, Math.min(end, at + 8 + input.readUInt32LE(at + 4)));
    }
    return null;
  };
  return input.length > 12 && walk(12, input.length) === true;
}

/** The plan for the image `meta` describes; exported so the bench's floor renders the same outputs. */
export function storagePlan(meta: Metadata, input: Buffer): StoragePlan {
  const variants = meta.hasAlpha === true ? 'png' : 'jpeg';
  const original = meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp' || meta.format === 'gif' ? meta.format : variants;
  return {
    original, variants,
    animated: (original === 'gif' || original === 'webp') && (meta.pages ?? 1) > 1,
    webpLossless: original === 'webp' && isLosslessWebp(input),
    sizes: renderedSizes(meta.autoOrient?.width ?? meta.width ?? 0, original === variants),
  };
}

/** `img` encoded as `format` (lossless WebP when `lossless`). */
export function encoder(img: Sharp, format: StoredFormat, lossless = false): Sharp {
  switch (format) {
    case 'png': return img.png(ENCODING.png);
    case 'gif': return img.gif(ENCODING.gif);
    case 'webp': return img.webp(lossless ? ENCODING.webpLossless : ENCODING.webp);
    default: return img.jpeg(ENCODING.jpeg);
  }
}

async function encode(img: Sharp, format: StoredFormat, lossless = false): Promise<ProcessedVariant> {
  const { data, info } = await encoder(img, format, lossless).toBuffer({ resolveWithObject: true });
  // an animated image's info.height is every frame stacked: the image is one frame high
  return { buffer: data, width: info.width, height: info.pageHeight ?? info.height, ...TYPES[format] };
}

function firstLine(err: unknown): string {
  return String((err as Error).message).split('\n')[0]!.slice(0, 120);
}

function hex(n: number): string {
  return Math.round(n).toString(16).padStart(2, '0');
}

/** Decodes, checks and renders every size; 400 naming `field` when the bytes are not a usable image. */
export async function processImage(input: Buffer, field: string): Promise<ProcessedImage> {
  const notImage = (why: string) => errors.invalid(`Invalid parameters: ${field} is not a usable image (${why}).`);
  const open = (animated = false) => sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', animated });
  let meta: Metadata;
  try {
    meta = await open().metadata();
  } catch (err) {
    throw notImage(firstLine(err));
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw notImage(`format ${meta.format ?? 'unknown'} is not accepted`);
  const plan = storagePlan(meta, input);
  // The pixel cap counts every frame of an animation, which the original decodes all at once.
  const pixels = (meta.width ?? 0) * (meta.height ?? 0) * (plan.animated ? meta.pages ?? 1 : 1);
  if (pixels > MAX_PIXELS) throw notImage(`${meta.pages} frames of ${meta.width}x${meta.height} are more than ${MAX_PIXELS / 1e6} megapixels`);
  // Each variant decodes the input again (libvips streams it), so a large photo never sits in memory as pixels;
  // failOn makes a truncated body fail here instead of being stored half grey. The original keeps its format
  // (re-encoded, losslessly where the format is, to apply the orientation and drop the metadata) and an animated
  // one every frame; the variants are stills of the first frame.
  const oriented = (animated = false) => open(animated).rotate();
  const render = (name: ImageSizeName) => {
    if (name === 'originals') return encode(oriented(plan.animated), plan.original, plan.webpLossless);
    const size = SIZES[name];
    return encode(size.height
      ? oriented().resize(size.width, size.height, { fit: 'cover', position: 'attention' })
      : oriented().resize({ width: size.width, withoutEnlargement: true }), plan.variants);
  };
  const names = plan.sizes;
  try {
    const variants = {} as Record<ImageSizeName, ProcessedVariant>;
    // The renders are independent: side by side they use every core. A very large image renders one at a time,
    // so a few concurrent uploads cannot hold many full-size decodes in memory at once.
    if (pixels <= PARALLEL_MAX_PIXELS) {
      const done = await Promise.all(names.map(render));
      names.forEach((name, i) => { variants[name] = done[i]!; });
    } else {
      for (const name of names) variants[name] = await render(name);
    }
    variants['1200x'] ??= variants.originals;
    const { dominant } = await sharp(variants['150x150'].buffer).stats(); // the small render is enough for a colour
    return {
      width: variants.originals.width, height: variants.originals.height,
      dominantColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
      variants,
    };
  } catch (err) {
    throw notImage(firstLine(err));
  }
}
