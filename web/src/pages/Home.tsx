// `/` logged in: "Your boards" from GET /v5/boards with the Create board dialog, in one row that scrolls sideways
// (so the feed starts near the top however many boards there are), then the home feed (HomeFeed.tsx).
import { Box, Button, Flex, Heading, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, pinterest } from '../api.js';
import { BoardGrid } from '../components/BoardGrid.js';
import { CreateBoardModal } from '../components/CreateBoardModal.js';
import { HomeFeed } from './HomeFeed.js';
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

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex justifyContent="between" alignItems="center" gap={4} wrap>
        <Heading size="400" accessibilityLevel={1}>Your boards</Heading>
        <Button text="Create board" color="red" iconStart="add" onClick={() => setCreating(true)} />
      </Flex>
      <Box marginTop={4}>
        {boards === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading your boards" /></Flex>
          : boards.length === 0
            ? <Box paddingY={6}><Text align="center" color="subtle">You have no boards yet. Create one to save ideas into it.</Text></Box>
            : <div className="home-boards"><BoardGrid boards={boards} /></div>}
        {bookmark && (
          <Box marginTop={4} display="flex" justifyContent="center">
            <Button text="Show more boards" color="gray" disabled={loading} onClick={() => load(bookmark)} />
          </Box>
        )}
      </Box>
      <HomeFeed user={user} notify={notify} />
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
