// Corkboard's mark and name, linking to the home page.
import { Flex, Link, Text } from 'gestalt';

export function Logo({ withName = true }: { withName?: boolean }) {
  return (
    <Link href="/" accessibilityLabel="Corkboard home" rounding="pill" underline="none">
      <Flex alignItems="center" gap={2}>
        <svg className="logo-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
          <circle cx="16" cy="16" r="16" fill="#e60023" />
          <path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" fill="none" stroke="#fff" strokeWidth="3.4" strokeLinecap="round" />
        </svg>
        {withName && <Text weight="bold" color="error" size="400">Corkboard</Text>}
      </Flex>
    </Link>
  );
}
