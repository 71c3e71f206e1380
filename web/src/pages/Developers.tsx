// The developer console (/developers/, /developers/apps/, /developers/api-keys/): apps for the v5 API with tokens
// for yourself, and keys for the download API, on two tabs.
import { Box, Heading, Tabs, Text } from 'gestalt';
import { useEffect } from 'react';
import type { Notify } from '../App.js';
import { DevelopersApiKeys } from './DevelopersApiKeys.js';
import { DevelopersApps } from './DevelopersApps.js';

export type DevelopersTab = 'apps' | 'api-keys';

const TABS = [{ href: '/developers/apps/', text: 'Apps' }, { href: '/developers/api-keys/', text: 'API keys' }];

export function Developers({ tab, notify }: { tab: DevelopersTab; notify: Notify }) {
  useEffect(() => { document.title = `${tab === 'apps' ? 'Your apps' : 'API keys'} · Developers · Corkboard`; }, [tab]);
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1120} marginStart="auto" marginEnd="auto">
      <Heading size="600" accessibilityLevel={1}>Developers</Heading>
      <Box marginTop={2} marginBottom={4}>
        <Text color="subtle">Apps and tokens for Pinterest's API v5 on this server, and keys for its download API.</Text>
      </Box>
      {/* Gestalt's Tabs are links: the app's router follows them in place. */}
      <nav aria-label="Developer console"><Tabs activeTabIndex={tab === 'apps' ? 0 : 1} tabs={TABS} onChange={() => undefined} /></nav>
      <Box marginTop={6}>{tab === 'apps' ? <DevelopersApps notify={notify} /> : <DevelopersApiKeys notify={notify} />}</Box>
    </Box>
  );
}
