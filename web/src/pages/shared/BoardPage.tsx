// A board's page (/<user>/<board>/) and a section's (/<user>/<board>/<section>/): the name, description, owner
// and counts, the board's sections, and its pins in masonry (a section's own pins on a section page).
import { Box, Flex, Heading, Link, Spinner, Text } from 'gestalt';
import { useEffect, useState } from 'react';
import { errorMessage, pinterest } from '../../api.js';
import type { Notify } from '../../App.js';
import type { Board } from '../../boards.js';
import { PinGrid } from '../../components/PinGrid.js';
import type { Pin } from '../../components/PinImage.js';
import { dataOf, usePaged, type ListPage } from '../../hooks.js';
import { useWebPaths } from '../../paths.js';
import type { User } from '../../session.js';
import { NotFound } from '../NotFound.js';

type Section = { id?: string; name?: string };

export function BoardPage({ boardId, sectionId, notify }: { boardId: string; sectionId?: string; user: User | null; notify: Notify }) {
  const [board, setBoard] = useState<Board | null | 'missing'>(null);
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [b, s] = await Promise.all([
        pinterest.GET('/boards/{board_id}', { params: { path: { board_id: boardId } } }),
        pinterest.GET('/boards/{board_id}/sections', { params: { path: { board_id: boardId }, query: { page_size: 100 } } }),
      ]);
      if (!live) return;
      if (!b.data) { if (b.response.status !== 404) notify(errorMessage(b.error)); setBoard('missing'); return; }
      setBoard(b.data);
      setSections(s.data?.items ?? []);
    })().catch((e: unknown) => { if (live) { notify(errorMessage(e)); setBoard('missing'); } });
    return () => { live = false; };
  }, [boardId, notify]);
  const section = sectionId ? sections.find((s) => s.id === sectionId) : undefined;
  useEffect(() => { if (board && board !== 'missing') document.title = `${section?.name ? `${section.name} · ` : ''}${board.name} · Corkboard`; }, [board, section]);
  const paths = useWebPaths([boardId], sections.map((s) => s.id!));
  const pins = usePaged<Pin>(`${boardId}/${sectionId ?? ''}`, async (bookmark) => dataOf<ListPage<Pin>>(sectionId
    ? await pinterest.GET('/boards/{board_id}/sections/{section_id}/pins', { params: { path: { board_id: boardId, section_id: sectionId }, query: { page_size: 25, ...(bookmark ? { bookmark } : {}) } } }) as { data?: ListPage<Pin> }
    : await pinterest.GET('/boards/{board_id}/pins', { params: { path: { board_id: boardId }, query: { page_size: 25, ...(bookmark ? { bookmark } : {}) } } }) as { data?: ListPage<Pin> }), notify);

  if (board === null) return <Box padding={8}><Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the board" /></Flex></Box>;
  if (board === 'missing') return <NotFound />;
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex direction="column" alignItems="center" gap={2}>
        <Heading size="600" align="center" accessibilityLevel={1}>{section?.name ?? board.name}</Heading>
        {section ? <Text color="subtle">A section of <Link href={paths.board(boardId) ?? '#'} display="inline">{board.name}</Link></Text>
          : board.description && <Text align="center">{board.description}</Text>}
        <Text color="subtle" size="200">
          {board.owner?.username && <Link href={`/${encodeURIComponent(board.owner.username)}/`} display="inline">{board.owner.username}</Link>}
          {' · '}{board.pin_count ?? 0} pins{board.privacy === 'SECRET' ? ' · Secret' : ''}
        </Text>
      </Flex>
      {!sectionId && sections.length > 0 && (
        <Box as="nav" marginTop={6} aria-label="Sections">
          <ul className="section-list">
            {sections.map((s) => <li key={s.id}><Link href={paths.section(s.id!) ?? '#'} rounding="pill" underline="none"><Box paddingX={4} paddingY={2} color="secondary" rounding="pill"><Text weight="bold">{s.name}</Text></Box></Link></li>)}
          </ul>
        </Box>
      )}
      <Box marginTop={8}>
        {pins.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading pins" /></Flex>
          : pins.items.length === 0 ? <Box paddingY={8}><Text align="center" color="subtle">No pins here yet.</Text></Box>
            : <PinGrid pins={pins.items} label={`Pins of ${section?.name ?? board.name}`} onLoadMore={pins.more} />}
      </Box>
    </Box>
  );
}
