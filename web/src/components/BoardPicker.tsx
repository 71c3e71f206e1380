// Choosing one of my boards and, optionally, one of its sections (Save, and moving a pin in Edit): Gestalt's
// select lists over GET /v5/boards and GET /v5/boards/{board_id}/sections, every page of each (a person has few).
import { Flex, SelectList, Spinner } from 'gestalt';
import { useEffect, useState } from 'react';
import type { PinterestComponents } from '../../../src/sdk/index.js';
import { errorMessage, pinterest, unwrap } from '../api.js';
import type { Notify } from '../App.js';
import type { Board } from '../boards.js';
import { everyPage, paged, type ListPage } from '../hooks.js';

type Section = PinterestComponents['schemas']['BoardSection'];
export interface Place { boardId: string; sectionId: string }

/** My boards, newest first (null while loading). */
export function useMyBoards(notify: Notify): [Board[] | null, (b: Board) => void] {
  const [boards, setBoards] = useState<Board[] | null>(null);
  useEffect(() => {
    let live = true;
    everyPage<Board>(async (bookmark) => (await unwrap(pinterest.GET('/boards', { params: { query: paged(bookmark, 100) } }))))
      .then((list) => { if (live) setBoards(list); }, (e: unknown) => { if (live) { setBoards([]); notify(errorMessage(e)); } });
    return () => { live = false; };
  }, [notify]);
  return [boards, (b) => setBoards((list) => [b, ...(list ?? [])])];
}

/** The board and section select lists; `id` prefixes the fields' ids. */
export function BoardPicker({ id, boards, value, onChange, notify, errorMessage: boardError }: {
  id: string; boards: readonly Board[]; value: Place; onChange(place: Place): void; notify: Notify; errorMessage?: string;
}) {
  const [sections, setSections] = useState<Section[] | null>(null);
  useEffect(() => {
    setSections(null);
    if (!value.boardId) { setSections([]); return; }
    let live = true;
    everyPage<Section>(async (bookmark) => (await unwrap(pinterest.GET('/boards/{board_id}/sections', { params: { path: { board_id: value.boardId }, query: paged(bookmark, 100) } }))) as ListPage<Section>)
      .then((list) => { if (live) setSections(list); }, (e: unknown) => { if (live) { setSections([]); notify(errorMessage(e)); } });
    return () => { live = false; };
  }, [value.boardId, notify]);

  return (
    <Flex direction="column" gap={3}>
      <SelectList id={`${id}-board`} label="Board" value={value.boardId} errorMessage={boardError}
        onChange={({ value: boardId }) => onChange({ boardId, sectionId: '' })}>
        {boards.map((b) => <SelectList.Option key={b.id} label={b.name} value={b.id!} />)}
      </SelectList>
      {sections === null ? <Spinner show size="sm" accessibilityLabel="Loading sections" />
        : sections.length > 0 && (
          <SelectList id={`${id}-section`} label="Section (optional)" value={value.sectionId} onChange={({ value: sectionId }) => onChange({ ...value, sectionId })}>
            {[<SelectList.Option key="" label="No section" value="" />, ...sections.map((s) => <SelectList.Option key={s.id} label={s.name ?? ''} value={s.id ?? ''} />)]}
          </SelectList>
        )}
    </Flex>
  );
}
