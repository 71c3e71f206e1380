// A pin's closeup (/pin/<id>/): the image at its best size (every carousel slot, or the video player), title,
// description, the link through the outbound recorder, who saved it where; Save to one of my boards; Edit, move
// and Delete for the owner; "more like this" below. Opening it is a PIN_CLICK for the beacon.
// A signed-in viewer reads the pin through /v5; a guest (who has no /v5) through the app API's public read, which
// answers the same Pin for pins on PUBLIC boards.
import { Avatar, Box, Button, ButtonLink, Flex, Heading, Link, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorkboardComponents } from '../../../../src/sdk/index.js';
import { reportPinOpen, watchVideo } from '../../activity.js';
import { corkboard, errorMessage, pinterest } from '../../api.js';
import type { Notify } from '../../App.js';
import { EditPinModal } from '../../components/EditPinModal.js';
import { MoreLikeThis } from '../../components/MoreLikeThis.js';
import { PinCarousel, type CarouselSlot } from '../../components/PinCarousel.js';
import { PinImage, type Pin } from '../../components/PinImage.js';
import { SavePin } from '../../components/SavePin.js';
import { navigate } from '../../router.js';
import type { User } from '../../session.js';
import { NotFound } from '../NotFound.js';

type PinPlace = CorkboardComponents['schemas']['PinPlace'];
interface VideoMedia { media_type: 'video'; video_url: string; cover_image_url: string; width: number; height: number }
type Media = VideoMedia | { media_type: 'image' } | { media_type: 'multiple_images'; items: CarouselSlot[] };

/** Half the closeup's width on a desktop (1016 px less padding), the whole width on a phone. */
const SIZES = '(max-width: 800px) 100vw, 484px';

export function PinPage({ pinId, user, notify }: { pinId: string; user: User | null; notify: Notify }) {
  const [pin, setPin] = useState<Pin | null | 'missing'>(null);
  const [place, setPlace] = useState<PinPlace | null>(null);
  const [editing, setEditing] = useState(false);
  const signedIn = !!user;

  useEffect(() => { reportPinOpen(pinId); }, [pinId]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { data, error, response } = signedIn
        ? await pinterest.GET('/pins/{pin_id}', { params: { path: { pin_id: pinId } } })
        : await corkboard.GET('/api/app/public/pins/{pin_id}', { params: { path: { pin_id: pinId } } });
      if (!live) return;
      if (!data) { if (response.status !== 404) notify(errorMessage(error)); setPin('missing'); return; }
      setPin(data as Pin);
    })().catch((e: unknown) => { if (live) { notify(errorMessage(e)); setPin('missing'); } });
    return () => { live = false; };
  }, [pinId, signedIn, notify]);

  const readPlace = useCallback(async () => {
    const { data, error } = await corkboard.GET('/api/app/public/pins/{pin_id}/place', { params: { path: { pin_id: pinId } } });
    if (data) setPlace(data); else notify(errorMessage(error));
  }, [pinId, notify]);
  const found = pin !== null && pin !== 'missing';
  useEffect(() => { if (found) readPlace().catch((e: unknown) => notify(errorMessage(e))); }, [found, readPlace, notify]);
  useEffect(() => { if (pin && pin !== 'missing') document.title = `${pin.title || 'Pin'} · Corkboard`; }, [pin]);

  if (pin === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the pin" /></Flex></Box>;
  if (pin === 'missing') return <NotFound />;
  const media = pin.media as unknown as Media;
  const link = pin.link && /^https?:\/\//i.test(pin.link) ? new URL(pin.link) : null;

  const saved = (next: Pin) => {
    setPin(next);
    setEditing(false);
    notify('Your changes are saved.', 'success');
    readPlace().catch((e: unknown) => notify(errorMessage(e))); // a move changes the board and section
  };
  const deleted = () => { setEditing(false); navigate(place?.board.path ?? `/${encodeURIComponent(user?.username ?? '')}/`); };

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1016} marginStart="auto" marginEnd="auto">
      <div className="closeup">
        <div className="closeup-media">
          {media.media_type === 'video' ? <PinVideo pinId={pinId} media={media} label={pin.alt_text || pin.title || 'Video pin'} />
            : media.media_type === 'multiple_images' ? <PinCarousel pin={pin} slots={media.items} sizes={SIZES} />
              : <PinImage pin={pin} sizes={SIZES} eager />}
        </div>
        <Flex direction="column" gap={4}>
          {(link || pin.is_owner) && (
            <Flex justifyContent="between" alignItems="center" gap={2}>
              {link ? <Text><Link href={`/events/outbound/${pin.id}/`} target="blank" rel="nofollow" underline="always">{link.hostname.replace(/^www\./, '')}</Link></Text> : <span />}
              {pin.is_owner && <Button text="Edit" color="gray" size="lg" accessibilityLabel="Edit this pin" onClick={() => setEditing(true)} />}
            </Flex>
          )}
          <Heading size="400" accessibilityLevel={1}>{pin.title || 'Pin'}</Heading>
          {pin.description && <Text>{pin.description}</Text>}
          {place ? <SavedWhere place={place} /> : <Spinner show size="sm" accessibilityLabel="Loading who saved it" />}
          {user ? <SavePin pin={pin} notify={notify} />
            : <Flex gap={2} alignItems="center" wrap><ButtonLink text="Log in to save" color="red" size="lg" href="/login/" /><Text color="subtle">to keep this pin on a board of yours.</Text></Flex>}
          {pin.is_owner && <Text><Link href={`/analytics/?pin_id=${encodeURIComponent(pin.id!)}`} display="inline">See this pin's analytics</Link></Text>}
        </Flex>
      </div>
      {/* /v5 search reads the signed-in viewer's own pins: a guest has none to be shown. */}
      {user && <MoreLikeThis pin={pin} notify={notify} />}
      {editing && <EditPinModal pin={pin} notify={notify} onDismiss={() => setEditing(false)} onSaved={saved} onDeleted={deleted} />}
    </Box>
  );
}

/** The pinner (the board's owner) with their avatar, and the board and section the pin is on, each a link. */
function SavedWhere({ place }: { place: PinPlace }) {
  const { pinner, board, section } = place;
  return (
    <Flex alignItems="center" gap={3}>
      <Link href={pinner.path} rounding="circle" accessibilityLabel={`${pinner.full_name}'s profile`}>
        <Avatar name={pinner.full_name} size="md" src={pinner.profile_image ?? undefined} />
      </Link>
      <Flex direction="column" gap={1}>
        <Text weight="bold"><Link href={pinner.path} display="inline">{pinner.full_name}</Link></Text>
        <Text size="200" color="subtle">
          Saved to <Link href={board.path} display="inline">{board.name}</Link>
          {section && <>{' · '}<Link href={section.path} display="inline">{section.name}</Link></>}
        </Text>
      </Flex>
    </Flex>
  );
}

function PinVideo({ pinId, media, label }: { pinId: string; media: VideoMedia; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => (ref.current ? watchVideo(ref.current, pinId) : undefined), [pinId]);
  return <video ref={ref} className="closeup-video" aria-label={label} controls preload="metadata" src={media.video_url} poster={media.cover_image_url} width={media.width} height={media.height} />;
}
