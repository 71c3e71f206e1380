// Pins in Gestalt's Masonry, each its image (dominant-colour box first) and title, linking to the pin's closeup
// (/pin/<id>/). Scrolling near the end asks for more (loadMore) while there are more. `virtualize` keeps only
// the pins near the viewport in the DOM (long feeds). Each pin shown is an impression for analytics.
import { Box, Link, Masonry, Text } from 'gestalt';
import { useEffect } from 'react';
import { reportImpression } from '../activity.js';
import { PinImage, type Pin } from './PinImage.js';

/** Pins of about a first screen (5 columns x 3 rows on a desktop), fetched at once rather than lazily. */
const FIRST_SCREEN = 15;

export function PinGrid({ pins, label, onLoadMore, virtualize = false }: { pins: readonly Pin[]; label: string; onLoadMore?: () => void; virtualize?: boolean }) {
  return (
    // Masonry is the list (role list, each item a listitem); the group names it.
    <div className="pin-grid" role="group" aria-label={label}>
      <Masonry items={pins} layout="flexible" columnWidth={236} gutterWidth={16} minCols={2}
        scrollContainer={() => window} virtualize={virtualize} loadItems={onLoadMore ? () => onLoadMore() : undefined}
        renderItem={({ data, itemIdx }) => <PinCard pin={data} eager={itemIdx < FIRST_SCREEN} />} />
    </div>
  );
}

function PinCard({ pin, eager }: { pin: Pin; eager: boolean }) {
  useEffect(() => { if (pin.id) reportImpression(pin.id); }, [pin.id]);
  return (
    <Link href={`/pin/${pin.id}/`} rounding={4} underline="none" display="block">
      {/* Two columns on a phone, about 250 px each on a desktop. */}
      <PinImage pin={pin} sizes="(max-width: 600px) 50vw, 252px" eager={eager} />
      {pin.title && <Box paddingX={1} paddingY={2}><Text weight="bold" size="200" lineClamp={2}>{pin.title}</Text></Box>}
    </Link>
  );
}
