// Image decoding and resizing with sharp (libvips). Input is untrusted: the pixel count is capped before
// decoding, truncated or corrupt data is refused rather than half-decoded, vector formats are refused, EXIF
// orientation is applied and all metadata (GPS included) is dropped from what is stored.
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
 * upscaled) is the original itself, so it is not encoded a second time. Exported for the bench's floor.
 */
export function renderedSizes(width: number): ImageSizeName[] {
  const names = ['originals', ...Object.keys(SIZES)] as ImageSizeName[];
  return width <= SIZES['1200x'].width ? names.filter((n) => n !== '1200x') : names;
}

export function contentHash(input: Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

export const ENCODING = { png: { compressionLevel: 8 }, jpeg: { quality: 85, mozjpeg: true } } as const;

async function encode(img: Sharp, keepPng: boolean): Promise<ProcessedVariant> {
  const out = keepPng ? img.png(ENCODING.png) : img.jpeg(ENCODING.jpeg);
  const { data, info } = await out.toBuffer({ resolveWithObject: true });
  return keepPng
    ? { buffer: data, width: info.width, height: info.height, contentType: 'image/png', ext: 'png' }
    : { buffer: data, width: info.width, height: info.height, contentType: 'image/jpeg', ext: 'jpg' };
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
  const open = () => sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', animated: false });
  let meta: Metadata;
  try {
    meta = await open().metadata();
  } catch (err) {
    throw notImage(firstLine(err));
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw notImage(`format ${meta.format ?? 'unknown'} is not accepted`);
  // Transparent images stay PNG; everything else is stored as JPEG, the format Pinterest serves.
  const keepPng = meta.hasAlpha === true;
  // Each variant decodes the input again (libvips streams it), so a large photo never sits in memory as pixels;
  // failOn makes a truncated body fail here instead of being stored half grey.
  const oriented = () => open().rotate();
  const render = (name: ImageSizeName) => {
    if (name === 'originals') return encode(oriented(), keepPng);
    const size = SIZES[name];
    return encode(size.height
      ? oriented().resize(size.width, size.height, { fit: 'cover', position: 'attention' })
      : oriented().resize({ width: size.width, withoutEnlargement: true }), keepPng);
  };
  const names = renderedSizes(meta.autoOrient?.width ?? meta.width ?? 0);
  try {
    const variants = {} as Record<ImageSizeName, ProcessedVariant>;
    // The renders are independent: side by side they use every core. A very large image renders one at a time,
    // so a few concurrent uploads cannot hold many full-size decodes in memory at once.
    if ((meta.width ?? 0) * (meta.height ?? 0) <= PARALLEL_MAX_PIXELS) {
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
