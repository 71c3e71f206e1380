// A profile (/<user>/, its boards) and its pins (/<user>/pins/). One's own from /v5 (user_account, boards, pins),
// secret boards included.
import { Avatar, Box, Flex, Heading, Link, Spinner, Text } from 'gestalt';
import { useEffect, useState } from 'react';
import { pinterest } from '../../api.js';
import type { Notify } from '../../App.js';
import type { Board } from '../../boards.js';
import { BoardGrid } from '../../components/BoardGrid.js';
import { PinGrid } from '../../components/PinGrid.js';
import type { Pin } from '../../components/PinImage.js';
import { dataOf, usePaged } from '../../hooks.js';
import type { User } from '../../session.js';

export function ProfilePage({ username, tab, user, notify }: { username: string; tab: 'boards' | 'pins'; user: User | null; notify: Notify }) {
  const own = user?.username === username;
  const name = own ? (user.full_name || user.username) : username;
  useEffect(() => { document.title = `${name} · Corkboard`; }, [name]);
  const boards = usePaged<Board>(`boards/${username}/${tab}`, async (bookmark) => (own && tab === 'boards'
    ? dataOf(await pinterest.GET('/boards', { params: { query: { page_size: 100, ...(bookmark ? { bookmark } : {}) } } })) : { items: [] }), notify);
  const pins = usePaged<Pin>(`pins/${username}/${tab}`, async (bookmark) => (own && tab === 'pins'
    ? dataOf(await pinterest.GET('/pins', { params: { query: { page_size: 25, ...(bookmark ? { bookmark } : {}) } } })) : { items: [] }), notify);
  const [counts, setCounts] = useState<{ pin_count?: number | null; board_count?: number | null } | null>(null);
  useEffect(() => { if (own) void pinterest.GET('/user_account').then(({ data }) => setCounts(data ?? null)); }, [own]);
  const base = `/${encodeURIComponent(username)}/`;
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex direction="column" alignItems="center" gap={2}>
        <Avatar name={name} size="xl" src={own ? user.profile_image ?? undefined : undefined} />
        <Heading size="600" accessibilityLevel={1}>{name}</Heading>
        <Text color="subtle">@{username}{counts ? ` · ${counts.pin_count ?? 0} pins · ${counts.board_count ?? 0} boards` : ''}</Text>
        <Flex gap={4}>
          <Link href={base} underline={tab === 'boards' ? 'always' : 'hover'}><Text weight="bold">Boards</Text></Link>
          <Link href={`${base}pins/`} underline={tab === 'pins' ? 'always' : 'hover'}><Text weight="bold">Pins</Text></Link>
        </Flex>
      </Flex>
      <Box marginTop={8}>
        {tab === 'boards'
          ? boards.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading boards" /></Flex>
            : boards.items.length === 0 ? <Text align="center" color="subtle">No boards yet.</Text>
              : <BoardGrid boards={boards.items} label={`Boards of ${name}`} />
          : pins.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading pins" /></Flex>
            : pins.items.length === 0 ? <Text align="center" color="subtle">No pins yet.</Text>
              : <PinGrid pins={pins.items} label={`Pins of ${name}`} onLoadMore={pins.more} />}
      </Box>
    </Box>
  );
}
