// `/` logged in: "Your boards" from GET /v5/boards with the Create board dialog, and "Your pins" from GET /v5/pins
// (newest first, the next page as the grid's end comes near).
import { Box, Button, Flex, Heading, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, pinterest } from '../api.js';
import { BoardGrid } from '../components/BoardGrid.js';
import { CreateBoardModal } from '../components/CreateBoardModal.js';
import { PinGrid } from '../components/PinGrid.js';
import type { Pin } from '../components/PinImage.js';
import type { Board } from '../boards.js';
import type { User } from '../session.js';
import type { Notify } from '../App.js';

export function Home({ user, notify }: { user: User; notify: Notify }) {
  const [boards, setBoards] = useState<Board[] | null>(null);
  const [bookmark, setBookmark] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (after?: string) => {
    setLoading(true);
    try {
      const { data, error } = await pinterest.GET('/boards', { params: { query: { page_size: 100, ...(after ? { bookmark: after } : {}) } } });
      if (!data) throw error;
      setBoards((prev) => [...(after && prev ? prev : []), ...(data.items ?? [])]);
      setBookmark(data.bookmark ?? null);
    } catch (e) {
      notify(errorMessage(e), 'error');
      setBoards((prev) => prev ?? []);
    } finally { setLoading(false); }
  }, [notify]);

  useEffect(() => { document.title = 'Corkboard'; void load(); }, [load]);
  const pins = usePins(notify);

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex justifyContent="between" alignItems="center" gap={4} wrap>
        <Heading size="600" accessibilityLevel={1}>Your boards</Heading>
        <Button text="Create board" color="red" iconStart="add" onClick={() => setCreating(true)} />
      </Flex>
      <Box marginTop={6}>
        {boards === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your boards" /></Flex>
          : boards.length === 0
            ? <Box paddingY={12}><Text align="center" color="subtle">You have no boards yet. Create one to save ideas into it.</Text></Box>
            : <BoardGrid boards={boards} />}
        {bookmark && (
          <Box marginTop={6} display="flex" justifyContent="center">
            <Button text="Show more boards" color="gray" disabled={loading} onClick={() => load(bookmark)} />
          </Box>
        )}
      </Box>
      <Box as="section" marginTop={12}>
        <Heading size="400" accessibilityLevel={2}>Your pins</Heading>
        <Box marginTop={4}>
          {pins.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your pins" /></Flex>
            : pins.items.length === 0
              ? <Box paddingY={8}><Text align="center" color="subtle">No pins yet. Use Create to save your first one.</Text></Box>
              : <PinGrid pins={pins.items} label="Your pins" onLoadMore={pins.more} />}
          {pins.loading && pins.items !== null && <Box marginTop={4}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading more pins" /></Flex></Box>}
        </Box>
      </Box>
      {creating && (
        <CreateBoardModal onDismiss={() => setCreating(false)} onCreated={(board) => {
          setCreating(false);
          setBoards((prev) => [board, ...(prev ?? []).filter((b) => b.id !== board.id)]);
          notify(`Board "${board.name}" created`, 'success');
        }} />
      )}
    </Box>
  );
}

/** The user's pins from GET /v5/pins, a page at a time: `more` fetches the next page while there is one. */
function usePins(notify: Notify) {
  const [items, setItems] = useState<Pin[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [hasMore, setHasMore] = useState(true);
  const next = useRef<string | null | undefined>(undefined); // undefined: first page not asked for yet; null: no more
  const busy = useRef(false);
  const fetchPage = useCallback(async () => {
    if (busy.current || next.current === null) return;
    busy.current = true;
    setLoading(true);
    try {
      const bookmark = next.current;
      const { data, error } = await pinterest.GET('/pins', { params: { query: { page_size: 25, ...(bookmark ? { bookmark } : {}) } } });
      if (!data) throw error;
      setItems((prev) => [...(prev ?? []), ...(data.items ?? [])]);
      next.current = data.bookmark ?? null;
      setHasMore(next.current !== null);
    } catch (e) {
      notify(errorMessage(e), 'error');
      setItems((prev) => prev ?? []);
    } finally { busy.current = false; setLoading(false); }
  }, [notify]);
  useEffect(() => { void fetchPage(); }, [fetchPage]);
  return { items, loading, more: hasMore ? () => void fetchPage() : undefined };
}
