// The logged-in header: logo, Create (the pin builder), the search field (Enter searches your pins,
// /search/pins/?q=), the user's profile link, and one menu for the rest (Analytics, Downloads, Developers,
// Settings, Log out), so a phone reaches everything and the search field keeps its room.
import { Avatar, Box, ButtonLink, Dropdown, Flex, IconButton, IconButtonLink, Link, SearchField, Text } from 'gestalt';
import { useEffect, useRef, useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { navigate, pageOf, searchHref, usePathname, useQueryParam } from '../router.js';
import { useSession, type User } from '../session.js';
import { Logo } from './Logo.js';

export function Header({ user, onError }: { user: User; onError(message: string): void }) {
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuAnchor = useRef<HTMLButtonElement>(null);
  const logOut = async () => {
    setMenuOpen(false);
    if (busy) return;
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
          <Link href={`/${encodeURIComponent(user.username)}/`} rounding="pill" underline="none" accessibilityLabel={`Your profile, ${name}`}>
            <Flex alignItems="center" gap={2}>
              <Avatar name={name} size="sm" src={user.profile_image ?? undefined} />
              <Box display="none" smDisplay="block"><Text weight="bold">{name}</Text></Box>
            </Flex>
          </Link>
          <IconButton ref={menuAnchor} icon="arrow-down" size="sm" accessibilityLabel="More: analytics, downloads, developers, settings, log out"
            accessibilityControls="account-menu" accessibilityExpanded={menuOpen} accessibilityHaspopup selected={menuOpen}
            onClick={() => setMenuOpen((open) => !open)} />
          {menuOpen && (
            <Dropdown id="account-menu" anchor={menuAnchor.current} onDismiss={() => setMenuOpen(false)} idealDirection="down">
              {MENU.map(([href, label]) => <Dropdown.Link key={href} href={href} option={{ value: href, label }} onClick={() => setMenuOpen(false)} />)}
              <Dropdown.Item option={{ value: 'log-out', label: 'Log out' }} disabled={busy} onSelect={() => void logOut()} />
            </Dropdown>
          )}
        </Flex></Flex.Item>
      </Flex>
    </Box>
  );
}

/** The menu's pages, in Pinterest's order of use. */
const MENU: ReadonlyArray<[string, string]> = [
  ['/analytics/', 'Analytics'], ['/downloads/', 'Downloads'], ['/developers/', 'Developers'], ['/settings/', 'Settings'],
];
