// The logged-in header: logo, Create (the pin builder), the user's profile link (a server page) and Log out.
import { Avatar, Box, Button, ButtonLink, Flex, IconButtonLink, Link, Text } from 'gestalt';
import { useState } from 'react';
import { corkboard, errorMessage } from '../api.js';
import { navigate } from '../router.js';
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
  return (
    <Box as="header" paddingX={4} paddingY={3} color="default" borderStyle="raisedTopShadow">
      <Flex alignItems="center" justifyContent="between" gap={4}>
        <Logo />
        <Flex alignItems="center" gap={3}>
          {/* Create Pin: a "+" on a phone, where the words would crowd the header. */}
          <Box display="none" smDisplay="block"><ButtonLink text="Create" color="red" href="/pin-builder/" accessibilityLabel="Create Pin" /></Box>
          <Box smDisplay="none"><IconButtonLink icon="add" bgColor="red" iconColor="white" size="md" href="/pin-builder/" accessibilityLabel="Create Pin" /></Box>
          <Link href={`/${encodeURIComponent(user.username)}/`} rounding="pill" underline="none" accessibilityLabel={`Your profile, ${name}`}>
            <Flex alignItems="center" gap={2}>
              <Avatar name={name} size="sm" src={user.profile_image ?? undefined} />
              <Box display="none" smDisplay="block"><Text weight="bold">{name}</Text></Box>
            </Flex>
          </Link>
          <Button text="Log out" color="gray" size="md" disabled={busy} onClick={logOut} />
        </Flex>
      </Flex>
    </Box>
  );
}
