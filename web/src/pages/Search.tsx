// `/search/pins/?q=` and `/search/boards/?q=`: the caller's own pins and boards holding the words, from
// GET /v5/search/pins and /v5/search/boards (best match first, bookmark paging), with tabs between the two that
// keep the query. The query itself is typed in the header's search field.
import { Box, Button, Flex, Heading, Spinner, Tabs, Text } from 'gestalt';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, pinterest } from '../api.js';
import { BoardGrid } from '../components/BoardGrid.js';
import { PinGrid } from '../components/PinGrid.js';
import type { Pin } from '../components/PinImage.js';
import type { Board } from '../boards.js';
import { searchHref, useQueryParam, type SearchKind } from '../router.js';
import type { User } from '../session.js';
import type { Notify } from '../App.js';

type Found = { kind: 'pins'; items: Pin[] } | { kind: 'boards'; items: Board[] };

export function Search({ kind, user, notify }: { kind: SearchKind; user: User; notify: Notify }) {
  const q = useQueryParam('q').trim();
  const [found, setFound] = useState<Found | null>(null);
  const [bookmark, setBookmark] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null); // why the first page could not be had
  const search = useRef(0); // counts the searches begun: an answer to an earlier one is dropped

  /** One page of results; `after` continues from a bookmark. */
  const load = useCallback(async (after?: string) => {
    const mine = search.current;
    const current = () => search.current === mine;
    setLoading(true);
    try {
      const query = { query: q, page_size: 25, ...(after ? { bookmark: after } : {}) };
      const res = kind === 'pins'
        ? await pinterest.GET('/search/pins', { params: { query } })
        : await pinterest.GET('/search/boards', { params: { query } });
      if (!current()) return;
      if (!res.data) throw res.error;
      const items = (res.data.items ?? []) as Array<Pin & Board>;
      setFound((prev) => ({ kind, items: [...(after && prev?.kind === kind ? prev.items : []), ...items] } as Found));
      setBookmark(res.data.bookmark ?? null);
    } catch (e) {
      if (!current()) return;
      if (after) notify(errorMessage(e), 'error'); else setFailed(errorMessage(e));
    } finally { if (current()) setLoading(false); }
  }, [kind, q, notify]);

  useEffect(() => {
    document.title = q ? `${q} · Search · Corkboard` : 'Search · Corkboard';
    search.current += 1;
    setFound(null);
    setBookmark(null);
    setFailed(null);
    if (q) void load();
  }, [load, q]);

  const tabs = [{ href: searchHref('pins', q), text: 'Pins' }, { href: searchHref('boards', q), text: 'Boards' }];
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex direction="column" gap={4}>
        <Heading size="400" accessibilityLevel={1}>{q ? `Results for "${q}"` : 'Search your pins and boards'}</Heading>
        {/* Gestalt's Tabs are links (the app's router follows them in place), the current one aria-current. */}
        <nav aria-label="Search in"><Tabs activeTabIndex={kind === 'pins' ? 0 : 1} tabs={tabs} onChange={() => undefined} /></nav>
      </Flex>
      <Box marginTop={6}>
        {!q ? <Box paddingY={12}><Text align="center" color="subtle">Type words in the search field above, then press Enter.</Text></Box>
          : failed ? <Box paddingY={12} role="alert"><Text align="center" color="error">{failed}</Text></Box>
          : found === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Searching" /></Flex>
            : found.items.length === 0
              ? <Box paddingY={12}><Text align="center" color="subtle">No results for "{q}" in your {kind}.</Text></Box>
              : found.kind === 'pins' ? <PinGrid pins={found.items} label="Pins found" /> : <BoardGrid boards={found.items} label="Boards found" />}
        {found && bookmark && (
          <Box marginTop={6} display="flex" justifyContent="center">
            <Button text={`Show more ${kind}`} color="gray" disabled={loading} onClick={() => load(bookmark)} />
          </Box>
        )}
      </Box>
    </Box>
  );
}
