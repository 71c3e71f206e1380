// A board's page (/<user>/<board>/) and a section's (/<user>/<board>/<section>/): the name, description, owner
// and counts, the board's sections, and its pins in masonry (a section's own pins on a section page). Its owner
// edits and deletes the board and adds, renames and deletes sections (Gestalt modals, through /v5); another
// signed-in viewer follows it. A guest reads through the app API (reads.ts), the same data in /v5's shapes.
import { Box, Button, Flex, Heading, IconButton, Link, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api.js';
import type { Notify } from '../../App.js';
import type { Board } from '../../boards.js';
import { EditBoardModal } from '../../components/EditBoardModal.js';
import { FollowBoardButton } from '../../components/FollowBoardButton.js';
import { PinGrid } from '../../components/PinGrid.js';
import type { Pin } from '../../components/PinImage.js';
import { SectionModal, type Section } from '../../components/SectionModal.js';
import { usePaged } from '../../hooks.js';
import { boardPath, forgetBoardPath, forgetSectionPath, loadPaths, sectionPath, useWebPaths } from '../../paths.js';
import { boardReads } from '../../reads.js';
import { navigate } from '../../router.js';
import type { User } from '../../session.js';
import { NotFound } from '../NotFound.js';

type Dialog = null | { kind: 'edit-board' } | { kind: 'add-section' } | { kind: 'edit-section'; section: Section };

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export function BoardPage({ boardId, sectionId, user, notify }: { boardId: string; sectionId?: string; user: User | null; notify: Notify }) {
  const reads = useMemo(() => boardReads(!!user), [user]);
  const [board, setBoard] = useState<Board | null | 'missing'>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [followers, setFollowers] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [b, s] = await Promise.all([reads.board(boardId), reads.sections(boardId).catch(() => [] as Section[])]);
      if (!live) return;
      if (!b.data) { if (b.response.status !== 404) notify(errorMessage(b.error)); setBoard('missing'); return; }
      setBoard(b.data);
      setFollowers(b.data.follower_count ?? 0);
      setSections(s);
    })().catch((e: unknown) => { if (live) { notify(errorMessage(e)); setBoard('missing'); } });
    return () => { live = false; };
  }, [boardId, reads, notify]);
  const section = sectionId ? sections.find((s) => s.id === sectionId) : undefined;
  useEffect(() => { if (board && board !== 'missing') document.title = `${section?.name ? `${section.name} · ` : ''}${board.name} · Corkboard`; }, [board, section]);
  const paths = useWebPaths([boardId], sections.map((s) => s.id!));
  const pins = usePaged<Pin>(`${boardId}/${sectionId ?? ''}/${user?.id ?? ''}`, (bookmark) => (sectionId ? reads.sectionPins(boardId, sectionId, bookmark) : reads.pins(boardId, bookmark)), notify);
  const close = useCallback(() => setDialog(null), []);

  if (board === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the board" /></Flex></Box>;
  if (board === 'missing' || (sectionId && sections.length > 0 && !section)) return <NotFound />;
  const owner = board.owner?.username ?? '';
  const mine = !!user && user.username === owner;
  const here = () => window.location.pathname;

  /** After a rename the board's (or section's) path may have changed: go where it is now. */
  const followRename = async (changed: { board?: Board; section?: Section }) => {
    if (changed.board) { forgetBoardPath(boardId); sections.forEach((s) => forgetSectionPath(s.id!)); }
    if (changed.section) forgetSectionPath(changed.section.id!);
    await loadPaths([boardId], sections.map((s) => s.id!));
    const now = sectionId ? sectionPath(sectionId) : boardPath(boardId);
    if (now && now !== here()) { navigate(now); return; }
    if (changed.board) setBoard(changed.board);
    if (changed.section) setSections((list) => list.map((s) => (s.id === changed.section!.id ? changed.section! : s)));
  };

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex direction="column" alignItems="center" gap={2}>
        <Heading size="600" align="center" accessibilityLevel={1}>{section?.name ?? board.name}</Heading>
        {section ? <Text color="subtle" align="center">A section of <Link href={paths.board(boardId) ?? '#'} display="inline">{board.name}</Link></Text>
          : board.description && <Text align="center">{board.description}</Text>}
        <Text color="subtle" size="200" align="center">
          {owner && <Link href={`/${encodeURIComponent(owner)}/`} display="inline">{owner}</Link>}
          {/* The counts are the board's: a section page leaves them to the board. */}
          {!section && <>{' · '}{plural(board.pin_count ?? 0, 'pin')}{' · '}<span role="status">{plural(followers, 'follower')}</span></>}
          {board.privacy === 'SECRET' ? ' · Secret' : board.privacy === 'PROTECTED' ? ' · Protected' : ''}
        </Text>
        <Flex gap={2} wrap justifyContent="center">
          {mine && !section && <Button text="Edit board" color="gray" iconEnd="edit" onClick={() => setDialog({ kind: 'edit-board' })} />}
          {mine && !section && <Button text="Add section" color="gray" iconEnd="add" onClick={() => setDialog({ kind: 'add-section' })} />}
          {mine && section && <Button text="Edit section" color="gray" iconEnd="edit" onClick={() => setDialog({ kind: 'edit-section', section })} />}
          {user && !mine && board.privacy === 'PUBLIC' && <FollowBoardButton boardId={boardId} boardName={board.name ?? 'board'} onCount={setFollowers} notify={notify} />}
        </Flex>
      </Flex>
      {!sectionId && sections.length > 0 && (
        <Box as="nav" marginTop={6} aria-label="Sections">
          <ul className="section-list">
            {sections.map((s) => (
              <li key={s.id} className="section-chip">
                <Link href={paths.section(s.id!) ?? '#'} rounding="pill" underline="none">
                  <Box paddingX={4} paddingY={2} color="secondary" rounding="pill"><Text weight="bold">{s.name}</Text></Box>
                </Link>
                {mine && <IconButton icon="edit" size="xs" accessibilityLabel={`Edit section ${s.name}`} onClick={() => setDialog({ kind: 'edit-section', section: s })} />}
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Box marginTop={8}>
        {pins.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading pins" /></Flex>
          : pins.items.length === 0 ? <Box paddingY={8}><Text align="center" color="subtle">No pins here yet.</Text></Box>
            : <PinGrid pins={pins.items} label={`Pins of ${section?.name ?? board.name}`} onLoadMore={pins.more} />}
      </Box>

      {dialog?.kind === 'edit-board' && (
        <EditBoardModal board={board} onDismiss={close}
          onSaved={(saved) => { close(); notify('Board saved', 'success'); void followRename({ board: saved }); }}
          onDeleted={() => { close(); forgetBoardPath(boardId); notify(`Board "${board.name}" deleted`, 'success'); navigate(`/${encodeURIComponent(owner)}/`); }} />
      )}
      {dialog?.kind === 'add-section' && (
        <SectionModal boardId={boardId} onDismiss={close} onSaved={(made) => {
          close();
          setSections((list) => [...list, made]);
          notify(`Section "${made.name}" added`, 'success');
        }} />
      )}
      {dialog?.kind === 'edit-section' && (
        <SectionModal boardId={boardId} section={dialog.section} onDismiss={close}
          onSaved={(saved) => { close(); notify('Section saved', 'success'); void followRename({ section: saved }); }}
          onDeleted={() => {
            close();
            forgetSectionPath(dialog.section.id!);
            notify(`Section "${dialog.section.name}" deleted`, 'success');
            if (sectionId) { const p = paths.board(boardId); if (p) navigate(p); return; }
            setSections((list) => list.filter((s) => s.id !== dialog.section.id));
          }} />
      )}
    </Box>
  );
}
