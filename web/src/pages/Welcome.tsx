// `/` logged out: what Corkboard is, with Log in and Sign up.
import { Box, ButtonLink, Flex, Heading, Text } from 'gestalt';
import { useEffect } from 'react';
import { GuestHeader } from '../components/GuestHeader.js';

export function Welcome() {
  useEffect(() => { document.title = 'Corkboard'; }, []);
  return (
    <Box minHeight="100vh" display="flex" direction="column">
      <GuestHeader />
      <Box as="main" flex="grow" display="flex" alignItems="center" justifyContent="center" padding={6}>
        <Flex direction="column" alignItems="center" gap={6} maxWidth={640}>
          <Heading size="700" align="center" accessibilityLevel={1}>Get your next idea</Heading>
          <Text size="400" align="center" color="subtle">
            Corkboard is your own pinboard: save ideas to boards, keep some of them secret, and share the rest.
          </Text>
          <Flex gap={3} wrap justifyContent="center">
            <ButtonLink text="Sign up" color="red" size="lg" href="/signup/" />
            <ButtonLink text="Log in" color="gray" size="lg" href="/login/" />
          </Flex>
        </Flex>
      </Box>
    </Box>
  );
}
