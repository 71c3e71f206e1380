// A pin's image as Pinterest lays it out: a box of the pin's dominant colour at the image's aspect ratio (so
// nothing moves when it loads), and the image in it from the sized variants (srcset), the browser choosing one.
import type { PinterestComponents } from '../../../src/sdk/index.js';

type Schemas = PinterestComponents['schemas'];
export type Pin = Schemas['Pin'];
type ImageDetails = Schemas['ImageDetails'];
/** The spec's sizes plus the original, which Corkboard's answers carry too. */
type Images = Schemas['ImageSize'] & { originals?: ImageDetails };

/** What an answer's media holds (the generated type omits media_type, which the answers carry). */
interface Media { media_type?: string; images?: Images; items?: Array<{ images?: Images }> }

/** The images a pin is shown by: its own, a video's cover, or a carousel's first image. */
export function imagesOf(pin: Pin): Images | undefined {
  const media = pin.media as Media | undefined;
  return media?.media_type === 'multiple_images' ? media.items?.[0]?.images : media?.images;
}

/** Element Timing (a paint entry per pin image): how the bench measures the feed's first masonry paint. */
const ELEMENT_TIMING = { elementtiming: 'pin-image' } as object;

/** The variants that keep the whole image (150x150 and 400x300 are crops), narrowest first. */
const WHOLE = ['600x', '1200x', 'originals'] as const;

/**
 * `eager`: fetched as soon as the element exists, at high priority (the first screen of a grid: a lazy image
 * waits for layout and an intersection check first, frames that the first paint would wait for).
 */
export function PinImage({ pin, sizes, eager = false }: { pin: Pin; sizes: string; eager?: boolean }) {
  const images = imagesOf(pin);
  const whole = WHOLE.map((name) => images?.[name]).filter((i): i is ImageDetails => !!i?.url && !!i.width && !!i.height)
    .filter((i, k, all) => k === 0 || i.width !== all[k - 1]!.width); // a small image's variants are one width: list it once
  const first = whole[0];
  const alt = pin.alt_text || pin.title || 'Pin';
  return (
    <div className="pin-image" {...(first ? {} : { role: 'img', 'aria-label': alt })} style={{ backgroundColor: pin.dominant_color ?? '#efefef', aspectRatio: first ? `${first.width} / ${first.height}` : '2 / 3' }}>
      {first && (
        <img src={first.url} srcSet={whole.map((i) => `${i.url} ${i.width}w`).join(', ')} sizes={sizes}
          width={first.width!} height={first.height!} alt={alt} loading={eager ? 'eager' : 'lazy'} fetchPriority={eager ? 'high' : 'auto'} decoding="async" {...ELEMENT_TIMING} />
      )}
    </div>
  );
}
