// A pin's analytics for its owner (GET /v5/pins/{id}/analytics), for the pin closeup and /analytics/?pin_id=:
// every pin metric the API takes (video ones for video pins only), split by app type if asked. The pin is read
// first (GET /v5/pins/{id}) to know its format; `showPin` also shows which pin it is, with a link to it.
import { Box, Flex, Heading, Link, Spinner, Text } from 'gestalt';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, pinterest } from '../api.js';
import type { Notify } from '../App.js';
import { PIN_METRICS, PIN_SPLITS, VIDEO_ONLY, type Query, type Report } from '../analytics.js';
import { AnalyticsView } from './AnalyticsView.js';
import { PinImage, type Pin } from './PinImage.js';

export function PinAnalytics({ pinId, notify, showPin = false }: { pinId: string; notify: Notify; showPin?: boolean }) {
  const [pin, setPin] = useState<Pin | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setPin(null);
    setFailed(null);
    pinterest.GET('/pins/{pin_id}', { params: { path: { pin_id: pinId } } }).then(({ data, error }) => {
      if (!current) return;
      if (data) setPin(data); else { setFailed(errorMessage(error)); notify(errorMessage(error)); }
    }, (e) => { if (current) setFailed(errorMessage(e)); });
    return () => { current = false; };
  }, [pinId, notify]);

  const load = useCallback(async (q: Query) => {
    const { data, error } = await pinterest.GET('/pins/{pin_id}/analytics', { params: {
      path: { pin_id: pinId },
      query: { ...q, split_field: q.split_field as 'NO_SPLIT' | 'APP_TYPE', metric_types: [...PIN_METRICS] },
    } });
    if (!data) throw error;
    return data as unknown as Report;
  }, [pinId]);

  if (failed) return <Box role="alert" paddingY={6}><Text color="error">{failed}</Text></Box>;
  if (!pin) return <Flex justifyContent="center"><Spinner show accessibilityLabel="Loading the pin" /></Flex>;
  const video = (pin.media as { media_type?: string } | undefined)?.media_type === 'video';
  const metrics = PIN_METRICS.filter((m) => video || !VIDEO_ONLY.has(m));
  return (
    <Flex direction="column" gap={6}>
      {showPin && (
        <Flex gap={4} alignItems="center">
          <div className="analytics-pin-thumb"><PinImage pin={pin} sizes="80px" /></div>
          <Flex direction="column" gap={1}>
            <Heading size="300" accessibilityLevel={2}>{pin.title || 'Untitled pin'}</Heading>
            <Link href={`/pin/${encodeURIComponent(pin.id!)}/`}><Text underline>Open the pin</Text></Link>
          </Flex>
        </Flex>
      )}
      <AnalyticsView id={`pin-${pinId}`} metrics={metrics} splits={PIN_SPLITS} load={load} notify={notify} />
    </Flex>
  );
}
