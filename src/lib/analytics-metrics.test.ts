import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addEvent, metricValue, metricsOf, zeroCounts } from './analytics-metrics.js';

describe('analytics metrics', () => {
  it('a watch event counts as MRC, 10-second and 95% views by how long it played', () => {
    const c = zeroCounts();
    addEvent(c, 'VIDEO_WATCH', 1_999, 20_000);
    addEvent(c, 'VIDEO_WATCH', 2_000, 20_000);
    addEvent(c, 'VIDEO_WATCH', 10_000, 20_000);
    addEvent(c, 'VIDEO_WATCH', 19_000, 20_000);
    addEvent(c, 'VIDEO_WATCH', 5_000, null); // duration unknown: never a 95% view
    assert.deepEqual([c.video_watch_ms, c.video_mrc_view, c.video_10s_view, c.video_q95_view], [37_999, 4, 2, 1]);
  });

  it('derived metrics follow from the counters, and are 0 rather than NaN without a denominator', () => {
    const c = zeroCounts();
    for (let i = 0; i < 40; i++) addEvent(c, 'IMPRESSION', 0, null);
    for (const type of ['SAVE', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'COMMENT', 'REACTION', 'VIDEO_START', 'VIDEO_START'] as const) addEvent(c, type, 0, null);
    addEvent(c, 'VIDEO_WATCH', 3_000, null);
    assert.deepEqual(metricsOf(['SAVE_RATE', 'PIN_CLICK_RATE', 'OUTBOUND_CLICK_RATE', 'ENGAGEMENT', 'ENGAGEMENT_RATE', 'VIDEO_AVG_WATCH_TIME', 'TOTAL_COMMENTS'], c), {
      SAVE_RATE: 2 / 40, PIN_CLICK_RATE: 1 / 40, OUTBOUND_CLICK_RATE: 1 / 40, ENGAGEMENT: 6, ENGAGEMENT_RATE: 6 / 40, VIDEO_AVG_WATCH_TIME: 1_500, TOTAL_COMMENTS: 1,
    });
    assert.equal(metricValue('SAVE_RATE', zeroCounts()), 0);
    assert.equal(metricValue('VIDEO_AVG_WATCH_TIME', zeroCounts()), 0);
  });
});
