// Save (repin) a pin to one of my boards, optionally a section: POST /v5/pins/{pin_id}/save. Afterwards "Saved to
// <board>" links to where it went; the API's message is shown when it refuses. With no boards yet, a board can be
// made here first (the Create board dialog).
import { Box, Button, Flex, Link, Spinner, Text } from 'gestalt';
import { useEffect, useState } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Notify } from '../App.js';
import type { Board } from '../boards.js';
import { boardPath, loadPaths } from '../paths.js';
import { BoardPicker, useMyBoards, type Place } from './BoardPicker.js';
import { CreateBoardModal } from './CreateBoardModal.js';
import type { Pin } from './PinImage.js';

interface Saved { boardName: string; path: string | undefined }

export function SavePin({ pin, notify }: { pin: Pin; notify: Notify }) {
  const [boards, addBoard] = useMyBoards(notify);
  const [place, setPlace] = useState<Place>({ boardId: '', sectionId: '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => { if (boards?.[0] && !place.boardId) setPlace({ boardId: boards[0].id!, sectionId: '' }); }, [boards, place.boardId]);

  if (boards === null) return <Spinner show size="sm" accessibilityLabel="Loading your boards" />;

  const save = async () => {
    setBusy(true);
    try {
      const { data, error } = await pinterest.POST('/pins/{pin_id}/save', {
        params: { path: { pin_id: pin.id! } }, body: { board_id: place.boardId, ...(place.sectionId ? { board_section_id: place.sectionId } : {}) },
      });
      if (!data) { notify(errorMessage(error)); return; }
      await loadPaths([place.boardId]).catch(() => undefined); // without it, the words stand without a link
      const board = boards.find((b) => b.id === place.boardId);
      setSaved({ boardName: board?.name ?? 'your board', path: boardPath(place.boardId) });
    } catch (e) { notify(errorMessage(e)); } finally { setBusy(false); }
  };
  const created = (board: Board) => { addBoard(board); setPlace({ boardId: board.id!, sectionId: '' }); setCreating(false); };

  return (
    <Box rounding={4} color="secondary" padding={4}>
      <Flex direction="column" gap={3}>
        {boards.length === 0 ? <Text>Make a board to save this pin to.</Text>
          : <BoardPicker id="save" boards={boards} value={place} onChange={(p) => { setPlace(p); setSaved(null); }} notify={notify} />}
        <Flex gap={2} justifyContent="end" alignItems="center" wrap>
          <Button text="Create board" color="gray" size="lg" onClick={() => setCreating(true)} />
          {boards.length > 0 && <Button text={busy ? 'Saving…' : 'Save'} color="red" size="lg" disabled={busy} onClick={() => void save()} />}
        </Flex>
        {saved && (
          <div role="status">
            <Text>Saved to {saved.path ? <Link href={saved.path} display="inline">{saved.boardName}</Link> : saved.boardName}</Text>
          </div>
        )}
      </Flex>
      {creating && <CreateBoardModal onDismiss={() => setCreating(false)} onCreated={created} />}
    </Box>
  );
}
