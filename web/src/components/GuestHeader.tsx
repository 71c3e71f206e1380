// The header a visitor who is not logged in sees on the shareable pages: the logo, Log in and Sign up.
import { Box, ButtonLink, Flex } from 'gestalt';
import { Logo } from './Logo.js';

export function GuestHeader() {
  return (
    <Box as="header" paddingX={4} paddingY={3} borderStyle="raisedTopShadow">
      <Flex justifyContent="between" alignItems="center" gap={2}>
        <Logo />
        <Flex gap={2}>
          <ButtonLink text="Log in" color="red" href="/login/" />
          <ButtonLink text="Sign up" color="gray" href="/signup/" />
        </Flex>
      </Flex>
    </Box>
  );
}
