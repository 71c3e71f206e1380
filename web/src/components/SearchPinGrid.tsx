// Pins found by a search, in Pinterest's Masonry: each image from its aspect-kept variants (srcset), over a box of
// the pin's dominant colour at the image's aspect ratio (no shift as it loads), the title under it, linking to
// the pin's server page (/pin/<id>/).
import { Box, Link, Masonry, Mask, Text } from 'gestalt';
import type { PinterestComponents } from '../../../src/sdk/index.js';

export type Pin = PinterestComponents['schemas']['Pin'];

interface Size { width: number; height: number; url: string }

const COLUMN = 236;
/** The variants that keep the image's aspect ratio (150x150 and 400x300 are crops). */
const KEPT = ['600x', '1200x', 'originals'];

/** The sizes of a pin's image (a carousel's first, a video's cover), widest last, one per width. */
function sizesOf(pin: Pin): Size[] {
  const media = pin.media as { images?: Record<string, Size>; items?: Array<{ images?: Record<string, Size> }> } | undefined;
  const images = media?.images ?? media?.items?.[0]?.images ?? {};
  const sizes = KEPT.map((k) => images[k]).filter((s): s is Size => !!s?.url && s.width > 0 && s.height > 0).sort((a, b) => a.width - b.width);
  return sizes.filter((s, i) => i === 0 || s.width !== sizes[i - 1]!.width);
}

function PinCard({ pin }: { pin: Pin }) {
  const sizes = sizesOf(pin);
  const first = sizes[0];
  const title = pin.title || pin.description || '';
  const alt = pin.alt_text || pin.title || pin.description || 'Pin';
  return (
    <Link href={`/pin/${pin.id}/`} rounding={4} underline="none" display="block">
      <Mask rounding={4}>
        <div className="pin-image" style={{ backgroundColor: pin.dominant_color ?? '#efefef', aspectRatio: first ? `${first.width} / ${first.height}` : '1' }}>
          {first && (
            <img src={first.url} srcSet={sizes.map((s) => `${s.url} ${s.width}w`).join(', ')} sizes={`(max-width: 600px) 50vw, ${COLUMN}px`}
              width={first.width} height={first.height} alt={alt} loading="lazy" />
          )}
        </div>
      </Mask>
      {title && <Box paddingX={1} paddingY={2}><Text weight="bold" size="200" lineClamp={2}>{title}</Text></Box>}
    </Link>
  );
}

export function SearchPinGrid({ pins }: { pins: readonly Pin[] }) {
  return (
    <div className="search-pin-grid" role="list" aria-label="Pins found">
      <Masonry items={pins} columnWidth={COLUMN} gutterWidth={16} minCols={2} layout="flexible"
        renderItem={({ data }) => <div role="listitem"><PinCard pin={data} /></div>} />
    </div>
  );
}
