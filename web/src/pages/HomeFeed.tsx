// Home's feed, from GET /api/app/home-feed: the pins of the boards the user follows and their own, newest first,
// in a virtualized Masonry (only the pins near the viewport are in the DOM, so a long feed stays light) that asks
// for the next page as its end comes near. Skeleton tiles stand in for the first page; an empty feed says what to do.
import { Box, Button, ButtonLink, Flex, Heading, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.js';
import { feedPage, firstFeedPage } from '../feed.js';
import { PinGrid } from '../components/PinGrid.js';
import type { Pin } from '../components/PinImage.js';
import type { User } from '../session.js';
import type { Notify } from '../App.js';

export function HomeFeed({ user, notify }: { user: User; notify: Notify }) {
  const feed = useFeed(user, notify);
  return (
    <Box as="section" marginTop={8}>
      <Heading size="400" accessibilityLevel={2}>Home feed</Heading>
      <Box marginTop={4}>
        {feed.failed && feed.items === null
          ? <Box paddingY={8} role="alert"><Flex direction="column" alignItems="center" gap={4}>
            <Text align="center" color="error">{feed.failed}</Text>
            <Button text="Try again" color="gray" onClick={feed.retry} />
          </Flex></Box>
          : feed.items === null ? <FeedSkeleton />
            : feed.items.length === 0 ? <EmptyFeed />
              : <PinGrid pins={feed.items} label="Home feed" onLoadMore={feed.more} virtualize />}
        {feed.loading && feed.items !== null && <Box marginTop={4}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading more pins" /></Flex></Box>}
        {feed.failed && feed.items !== null && (
          <Box marginTop={4} display="flex" justifyContent="center"><Button text="Load more pins" color="gray" onClick={feed.retry} /></Box>
        )}
      </Box>
    </Box>
  );
}

function EmptyFeed() {
  return (
    <Box paddingY={8}>
      <Flex direction="column" alignItems="center" gap={4}>
        <Text align="center" weight="bold">No pins yet.</Text>
        <Text align="center" color="subtle">Follow boards you like (open a board and press Follow) to see their pins here, or create a pin of your own.</Text>
        <ButtonLink text="Create a pin" color="red" href="/pin-builder/" />
      </Flex>
    </Box>
  );
}

/** Grey tiles of pin-like heights where the first page will be. */
function FeedSkeleton() {
  return (
    <div className="feed-skeleton" role="status" aria-label="Loading your feed">
      {Array.from({ length: 12 }, (_, i) => <div key={i} className="feed-skeleton-tile" />)}
    </div>
  );
}

/** The feed a page at a time: `more` fetches the next page while there is one; a failed page can be retried. */
function useFeed(user: User, notify: Notify) {
  const [items, setItems] = useState<Pin[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [hasMore, setHasMore] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const next = useRef<string | null | undefined>(undefined); // undefined: first page not had yet; null: no more
  const busy = useRef(false);
  const fetchPage = useCallback(async () => {
    if (busy.current || next.current === null) return;
    busy.current = true;
    setLoading(true);
    setFailed(null);
    try {
      const bookmark = next.current;
      const { data, error } = await (bookmark === undefined ? firstFeedPage(user.id) : feedPage(bookmark ?? undefined));
      if (!data) throw error;
      // Each item is the v5 Pin that GET /v5/pins/{id} answers, as the pin grid takes it.
      setItems((prev) => [...(prev ?? []), ...(data.items as unknown as Pin[])]);
      next.current = data.bookmark ?? null;
      setHasMore(next.current !== null);
    } catch (e) {
      const message = errorMessage(e);
      setFailed(message);
      if (next.current !== undefined) notify(message, 'error'); // a later page: the pins so far stay
    } finally { busy.current = false; setLoading(false); }
  }, [user.id, notify]);
  useEffect(() => { void fetchPage(); }, [fetchPage]);
  return { items, loading, failed, retry: () => void fetchPage(), more: hasMore && !failed ? () => void fetchPage() : undefined };
}
