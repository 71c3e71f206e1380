// /analytics/: the account's analytics (GET /v5/user_account/analytics: the account's pins and other people's
// pins linking to its verified websites), or with ?pin_id=<id> one pin's (the PinAnalytics of the pin closeup).
import { Box, Flex, Heading, Link, Text } from 'gestalt';
import { useCallback, useEffect } from 'react';
import { pinterest } from '../api.js';
import type { Notify } from '../App.js';
import { ACCOUNT_METRICS, ACCOUNT_SPLITS, type Query, type Report } from '../analytics.js';
import { AnalyticsView } from '../components/AnalyticsView.js';
import { PinAnalytics } from '../components/PinAnalytics.js';
import { useQueryParam } from '../router.js';

export function Analytics({ notify }: { notify: Notify }) {
  const pinId = useQueryParam('pin_id').trim();
  useEffect(() => { document.title = `${pinId ? 'Pin analytics' : 'Analytics'} · Corkboard`; }, [pinId]);
  const load = useCallback(async (q: Query) => {
    const { data, error } = await pinterest.GET('/user_account/analytics', { params: { query: { ...q, metric_types: [...ACCOUNT_METRICS] } } });
    if (!data) throw error;
    return data as unknown as Report;
  }, []);
  return (
    <Box as="main" paddingX={4} paddingY={6} maxWidth={1280} marginStart="auto" marginEnd="auto">
      <Flex direction="column" gap={6}>
        <Flex direction="column" gap={2}>
          <Heading size="400" accessibilityLevel={1}>{pinId ? 'Pin analytics' : 'Analytics'}</Heading>
          {pinId
            ? <Link href="/analytics/"><Text underline>All of your account's analytics</Text></Link>
            : <Text color="subtle">Your pins, and other people's pins that link to your verified websites.</Text>}
        </Flex>
        {pinId
          ? <PinAnalytics key={pinId} pinId={pinId} notify={notify} showPin />
          : <AnalyticsView id="account" metrics={ACCOUNT_METRICS} splits={ACCOUNT_SPLITS} load={load} notify={notify} />}
      </Flex>
    </Box>
  );
}
