// The logged-in header: logo, Create (the pin builder), the search field (Enter searches your pins,
// /search/pins/?q=), Analytics, Downloads, Developers (the console), the user's profile link, Settings and Log out.
import { Avatar, Box, Button, ButtonLink, Flex, IconButton, IconButtonLink, Link, SearchField, Text } from 'gestalt';
import { useEffect, useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { navigate, pageOf, searchHref, usePathname, useQueryParam } from '../router.js';
import { useSession, type User } from '../session.js';
import { Logo } from './Logo.js';

export function Header({ user, onError }: { user: User; onError(message: string): void }) {
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const logOut = async () => {
    setBusy(true);
    try {
      const { response, error } = await corkboard.POST('/api/app/logout');
      if (!response.ok) throw error;
      setUser(null);
      navigate('/');
    } catch (e) { onError(errorMessage(e)); } finally { setBusy(false); }
  };
  const name = user.full_name || user.username;
  // On a search page the field shows its query; elsewhere it starts empty.
  const page = pageOf(usePathname());
  const searching = page === 'search-pins' || page === 'search-boards';
  const q = useQueryParam('q');
  const [words, setWords] = useState(searching ? q : '');
  useEffect(() => { if (searching) setWords(q); }, [searching, q]);
  const search = () => {
    const query = words.trim();
    if (query) navigate(searchHref('pins', query));
  };
  return (
    <Box as="header" paddingX={4} paddingY={3} color="default" borderStyle="raisedTopShadow">
      <Flex alignItems="center" justifyContent="between" gap={3}>
        <Box display="none" mdDisplay="block"><Logo /></Box>
        <Box display="block" mdDisplay="none"><Logo withName={false} /></Box>
        {/* Create Pin: a "+" on a phone, where the word would crowd the header. */}
        <Box display="none" smDisplay="block"><ButtonLink text="Create" color="red" href="/pin-builder/" accessibilityLabel="Create Pin" /></Box>
        <Box smDisplay="none"><IconButtonLink icon="add" bgColor="red" iconColor="white" size="md" href="/pin-builder/" accessibilityLabel="Create Pin" /></Box>
        <Flex.Item flex="grow" minWidth={0} maxWidth={800}>
          <SearchField id="header-search" accessibilityLabel="Search your pins and boards" accessibilityClearButtonLabel="Clear search"
            placeholder="Search" autoComplete="off" value={words} onChange={({ value }) => setWords(value)}
            onKeyDown={({ event }) => { if (event.key === 'Enter') { event.preventDefault(); search(); } }} />
        </Flex.Item>
        <Flex.Item flex="none"><Flex alignItems="center" gap={3}>
          {/* Analytics and Downloads not on a phone, where they would squeeze the search field to nothing. */}
          <Box display="none" smDisplay="block"><IconButtonLink icon="graph-bar" size="md" href="/analytics/" accessibilityLabel="Analytics" /></Box>
          <Box display="none" smDisplay="block"><IconButtonLink icon="download" size="md" href="/downloads/" accessibilityLabel="Downloads" /></Box>
          {/* The developer console; smaller on a phone, where Log out is an icon, so the search field keeps its room. */}
          <Box smDisplay="none"><IconButtonLink icon="code" size="sm" href="/developers/" accessibilityLabel="Developers: your apps, tokens and API keys" /></Box>
          <Box display="none" smDisplay="block"><IconButtonLink icon="code" size="md" href="/developers/" accessibilityLabel="Developers: your apps, tokens and API keys" /></Box>
          <Link href={`/${encodeURIComponent(user.username)}/`} rounding="pill" underline="none" accessibilityLabel={`Your profile, ${name}`}>
            <Flex alignItems="center" gap={2}>
              <Avatar name={name} size="sm" src={user.profile_image ?? undefined} />
              <Box display="none" smDisplay="block"><Text weight="bold">{name}</Text></Box>
            </Flex>
          </Link>
          {/* Not on a phone, where the search field needs the room: there the profile page's Edit profile leads to it. */}
          <Box display="none" smDisplay="block"><IconButtonLink icon="cog" size="md" href="/settings/" accessibilityLabel="Settings" /></Box>
          {/* Smaller on a phone, so the search field keeps room for a word. */}
          <Box smDisplay="none"><IconButton icon="logout" bgColor="lightGray" size="sm" accessibilityLabel="Log out" disabled={busy} onClick={logOut} /></Box>
          <Box display="none" smDisplay="block"><Button text="Log out" color="gray" size="md" disabled={busy} onClick={logOut} /></Box>
        </Flex></Flex.Item>
      </Flex>
    </Box>
  );
}
