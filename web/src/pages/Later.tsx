// /settings/: the app answers this path already; its page comes in a later slice.
import { Box, ButtonLink, Flex, Heading, Text } from 'gestalt';
import { useEffect } from 'react';

export function Later({ title }: { title: string }) {
  useEffect(() => { document.title = `${title} · Corkboard`; }, [title]);
  return (
    <Box as="main" paddingY={12} paddingX={4}>
      <Flex direction="column" alignItems="center" gap={4}>
        <Heading size="400" align="center" accessibilityLevel={1}>{title}</Heading>
        <Text align="center" color="subtle">This page is not in the web app yet.</Text>
        <ButtonLink text="Go home" color="gray" href="/" />
      </Flex>
    </Box>
  );
}
