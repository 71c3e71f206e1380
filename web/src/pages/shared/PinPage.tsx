// A pin's closeup (/pin/<id>/): the image at its best size (every carousel slot, or the video player), title,
// description, the link through the outbound recorder, and the board it is saved to. Opening it is a PIN_CLICK.
import { Box, Flex, Heading, Link, Spinner, Text } from 'gestalt';
import { useEffect, useRef, useState } from 'react';
import { reportPinOpen, watchVideo } from '../../activity.js';
import { errorMessage, pinterest } from '../../api.js';
import type { Notify } from '../../App.js';
import type { Board } from '../../boards.js';
import { PinImage, type Pin } from '../../components/PinImage.js';
import { useWebPaths } from '../../paths.js';
import type { User } from '../../session.js';
import { NotFound } from '../NotFound.js';

interface VideoMedia { media_type: 'video'; video_url: string; cover_image_url: string; width: number; height: number }

export function PinPage({ pinId, notify }: { pinId: string; user: User | null; notify: Notify }) {
  const [pin, setPin] = useState<Pin | null | 'missing'>(null);
  const [board, setBoard] = useState<Board | null>(null);
  useEffect(() => {
    let live = true;
    reportPinOpen(pinId);
    void (async () => {
      const { data, error, response } = await pinterest.GET('/pins/{pin_id}', { params: { path: { pin_id: pinId } } });
      if (!live) return;
      if (!data) { if (response.status !== 404) notify(errorMessage(error)); setPin('missing'); return; }
      setPin(data);
      document.title = `${data.title || 'Pin'} · Corkboard`;
      const b = await pinterest.GET('/boards/{board_id}', { params: { path: { board_id: data.board_id! } } });
      if (live && b.data) setBoard(b.data);
    })().catch((e: unknown) => { if (live) { notify(errorMessage(e)); setPin('missing'); } });
    return () => { live = false; };
  }, [pinId, notify]);
  const paths = useWebPaths(board?.id ? [board.id] : []);

  if (pin === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the pin" /></Flex></Box>;
  if (pin === 'missing') return <NotFound />;
  const media = pin.media as unknown as VideoMedia | { media_type: 'image' | 'multiple_images' };
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1016} marginStart="auto" marginEnd="auto">
      <div className="closeup">
        <div className="closeup-media">
          {media.media_type === 'video' ? <PinVideo pinId={pinId} media={media} />
            : <PinImage pin={pin} sizes="(max-width: 800px) 100vw, 508px" eager />}
        </div>
        <Flex direction="column" gap={4}>
          <Heading size="400" accessibilityLevel={1}>{pin.title || 'Pin'}</Heading>
          {pin.description && <Text>{pin.description}</Text>}
          {pin.link && /^https?:\/\//i.test(pin.link) && (
            <Text><Link href={`/events/outbound/${pin.id}/`} target="blank" rel="nofollow">{new URL(pin.link).hostname}</Link></Text>
          )}
          {board && <Text color="subtle">Saved to <Link href={paths.board(board.id!) ?? '#'} display="inline">{board.name}</Link>{board.owner?.username ? ` by ${board.owner.username}` : ''}</Text>}
          {pin.is_owner && <Text><Link href={`/analytics/?pin_id=${encodeURIComponent(pin.id!)}`} display="inline">See this pin's analytics</Link></Text>}
        </Flex>
      </div>
    </Box>
  );
}

function PinVideo({ pinId, media }: { pinId: string; media: VideoMedia }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => (ref.current ? watchVideo(ref.current, pinId) : undefined), [pinId]);
  return <video ref={ref} className="closeup-video" controls preload="metadata" src={media.video_url} poster={media.cover_image_url} width={media.width} height={media.height} />;
}
