// A profile (/<user>/, its boards) and its pins (/<user>/pins/), with its counts. One's own from /v5
// (user_account, boards, pins; secret boards included) with "Create board"; anyone else's, and any profile for a
// guest, from the app API's reads (reads.ts): what this viewer may see of it.
import { Avatar, Box, Button, Flex, Heading, Spinner, Tabs, Text } from 'gestalt';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api.js';
import type { Notify } from '../../App.js';
import type { Board } from '../../boards.js';
import { BoardGrid } from '../../components/BoardGrid.js';
import { CreateBoardModal } from '../../components/CreateBoardModal.js';
import { PinGrid } from '../../components/PinGrid.js';
import type { Pin } from '../../components/PinImage.js';
import { usePaged } from '../../hooks.js';
import { profileReads, type ProfileData } from '../../reads.js';
import type { User } from '../../session.js';

const plural = (n: number | undefined, one: string) => `${n ?? 0} ${n === 1 ? one : `${one}s`}`;

export function ProfilePage({ username, tab, user, notify }: { username: string; tab: 'boards' | 'pins'; user: User | null; notify: Notify }) {
  const own = user?.username === username;
  const reads = useMemo(() => profileReads(username, own), [username, own]);
  const [profile, setProfile] = useState<ProfileData | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    let live = true;
    reads.profile().then((p) => { if (live) setProfile(p); }, (e: unknown) => { if (live) notify(errorMessage(e)); });
    return () => { live = false; };
  }, [reads, notify]);
  const name = (own ? user.full_name : profile?.business_name) || username;
  useEffect(() => { document.title = `${name} · Corkboard`; }, [name]);
  const boards = usePaged<Board>(`boards/${username}/${tab}/${own}`, async (bookmark) => (tab === 'boards' ? reads.boards(bookmark) : { items: [] }), notify);
  const pins = usePaged<Pin>(`pins/${username}/${tab}/${own}`, async (bookmark) => (tab === 'pins' ? reads.pins(bookmark) : { items: [] }), notify);
  const base = `/${encodeURIComponent(username)}/`;
  // The server's default avatar is a picture of no one: the initial (Gestalt's fallback) says more.
  const image = profile?.profile_image && !profile.profile_image.endsWith('/default-avatar.svg') ? profile.profile_image : undefined;

  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1440} marginStart="auto" marginEnd="auto">
      <Flex direction="column" alignItems="center" gap={2}>
        <Avatar name={name} size="xl" src={image} />
        <Heading size="600" accessibilityLevel={1} align="center">{name}</Heading>
        <Text color="subtle">@{username}</Text>
        {profile?.about && <Text align="center">{profile.about}</Text>}
        {profile && (
          <Text size="200" align="center">
            {plural(profile.pin_count, 'pin')} · {plural(profile.board_count, 'board')} · {plural(profile.follower_count, 'follower')} · {profile.following_count ?? 0} following
          </Text>
        )}
        {/* Gestalt's Tabs are links (the app's router follows them in place), the current one aria-current. */}
        <nav aria-label="Profile">
          <Tabs activeTabIndex={tab === 'boards' ? 0 : 1} onChange={() => undefined}
            tabs={[{ href: base, text: 'Boards' }, { href: `${base}pins/`, text: 'Pins' }]} />
        </nav>
        {own && tab === 'boards' && <Button text="Create board" color="red" iconStart="add" onClick={() => setCreating(true)} />}
      </Flex>
      <Box marginTop={8}>
        {tab === 'boards'
          ? boards.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading boards" /></Flex>
            : boards.items.length === 0 ? <Text align="center" color="subtle">{own ? 'You have no boards yet. Create one to save ideas into it.' : 'No boards to show yet.'}</Text>
              : <BoardGrid boards={boards.items} label={`Boards of ${name}`} />
          : pins.items === null ? <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading pins" /></Flex>
            : pins.items.length === 0 ? <Text align="center" color="subtle">No pins to show yet.</Text>
              : <PinGrid pins={pins.items} label={`Pins of ${name}`} onLoadMore={pins.more} />}
        {tab === 'boards' && boards.more && boards.items !== null && (
          <Box marginTop={6} display="flex" justifyContent="center">
            <Button text="Show more boards" color="gray" disabled={boards.loading} onClick={() => boards.more?.()} />
          </Box>
        )}
      </Box>
      {creating && (
        <CreateBoardModal onDismiss={() => setCreating(false)} onCreated={(board) => {
          setCreating(false);
          boards.update((list) => [board, ...list.filter((b) => b.id !== board.id)]);
          setProfile((p) => (p ? { ...p, board_count: (p.board_count ?? 0) + 1 } : p));
          notify(`Board "${board.name}" created`, 'success');
        }} />
      )}
    </Box>
  );
}
