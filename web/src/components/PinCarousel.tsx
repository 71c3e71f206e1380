// A carousel pin's images, one at a time: previous/next buttons over the image, arrow keys (and Home/End) on the
// focused carousel, the slot's own title and description under it. Each slot is a PinImage (its srcset variants
// in a box of the pin's dominant colour at the image's aspect ratio).
import { Box, Flex, IconButton, Text } from 'gestalt';
import { useState, type KeyboardEvent } from 'react';
import { PinImage, type Pin } from './PinImage.js';

export interface CarouselSlot { title?: string | null; description?: string | null }

export function PinCarousel({ pin, slots, sizes }: { pin: Pin; slots: readonly CarouselSlot[]; sizes: string }) {
  const [at, setAt] = useState(0);
  const last = slots.length - 1;
  const go = (to: number) => setAt(Math.max(0, Math.min(last, to)));
  const onKeyDown = (e: KeyboardEvent) => {
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };
  const slot = slots[at] ?? {};
  const name = pin.title || 'this pin';
  return (
    <Flex direction="column" gap={3}>
      {/* Focusable so the arrow keys work on it; the buttons are the way for pointers and Tab. */}
      <div className="carousel" role="group" aria-roledescription="carousel" aria-label={`Images of ${name}`} tabIndex={0} onKeyDown={onKeyDown}>
        <PinImage key={at} pin={pin} slot={at} sizes={sizes} eager
          alt={[pin.alt_text || pin.title || 'Pin', slot.title].filter(Boolean).join(': ') + ` (image ${at + 1} of ${slots.length})`} />
        <div className="carousel-prev">
          <IconButton icon="arrow-back" accessibilityLabel="Previous image" bgColor="white" size="md" disabled={at === 0} onClick={() => go(at - 1)} />
        </div>
        <div className="carousel-next">
          <IconButton icon="arrow-forward" accessibilityLabel="Next image" bgColor="white" size="md" disabled={at === last} onClick={() => go(at + 1)} />
        </div>
      </div>
      <Flex justifyContent="center" gap={1}>
        {slots.map((_, i) => <span key={i} aria-hidden className={i === at ? 'carousel-dot carousel-dot-on' : 'carousel-dot'} />)}
      </Flex>
      <p className="visually-hidden" aria-live="polite">Image {at + 1} of {slots.length}</p>
      {(slot.title || slot.description) && (
        <Box>
          {slot.title && <Text weight="bold">{slot.title}</Text>}
          {slot.description && <Text>{slot.description}</Text>}
        </Box>
      )}
    </Flex>
  );
}
