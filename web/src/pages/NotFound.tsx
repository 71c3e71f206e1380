// Any path the app was asked for that it has no page for.
import { Box, ButtonLink, Flex, Heading, Text } from 'gestalt';
import { useEffect } from 'react';

export function NotFound() {
  useEffect(() => { document.title = 'Page not found · Corkboard'; }, []);
  return (
    <Box as="main" paddingY={12} paddingX={4}>
      <Flex direction="column" alignItems="center" gap={4}>
        <Heading size="400" align="center" accessibilityLevel={1}>Page not found</Heading>
        <Text align="center" color="subtle">This page doesn't exist or was moved.</Text>
        <ButtonLink text="Go home" color="red" href="/" />
      </Flex>
    </Box>
  );
}
