// What the analytics endpoints can report and how each figure follows from recorded events. Pure functions:
// counters come from the daily rollup, derived metrics are computed from counters the way Pinterest defines them.
import type { AppType } from '../db/schema.js';

/** Counted metrics and their rollup columns. */
export const COUNTER_COLUMNS = {
  IMPRESSION: 'impression',
  SAVE: 'save',
  PIN_CLICK: 'pin_click',
  OUTBOUND_CLICK: 'outbound_click',
  PROFILE_VISIT: 'profile_visit',
  USER_FOLLOW: 'user_follow',
  VIDEO_START: 'video_start',
  VIDEO_MRC_VIEW: 'video_mrc_view',
  VIDEO_10S_VIEW: 'video_10s_view',
  QUARTILE_95_PERCENT_VIEW: 'video_q95_view',
  VIDEO_V50_WATCH_TIME: 'video_watch_ms',
  TOTAL_COMMENTS: 'comments',
  TOTAL_REACTIONS: 'reactions',
} as const;

export type Counter = keyof typeof COUNTER_COLUMNS;
export type CounterColumn = (typeof COUNTER_COLUMNS)[Counter];
export const COUNTERS = Object.keys(COUNTER_COLUMNS) as Counter[];
export const COLUMNS = Object.values(COUNTER_COLUMNS) as CounterColumn[];
export type Counts = Record<CounterColumn, number>;

export const DERIVED = ['SAVE_RATE', 'PIN_CLICK_RATE', 'OUTBOUND_CLICK_RATE', 'ENGAGEMENT', 'ENGAGEMENT_RATE', 'VIDEO_AVG_WATCH_TIME'] as const;
export type Derived = (typeof DERIVED)[number];
export type Metric = Counter | Derived;

export const APP_TYPES: AppType[] = ['MOBILE', 'TABLET', 'WEB'];

/** Event types a recorder takes, and what each adds to the day's counters. */
export const EVENT_TYPES = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'PROFILE_VISIT', 'USER_FOLLOW', 'VIDEO_START', 'VIDEO_WATCH', 'COMMENT', 'REACTION'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const VIDEO_EVENTS: ReadonlySet<EventType> = new Set(['VIDEO_START', 'VIDEO_WATCH']);

/** MRC's video view: two seconds of play. */
const MRC_VIEW_MS = 2_000;
const TEN_SECOND_VIEW_MS = 10_000;

export function zeroCounts(): Counts {
  return Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Counts;
}

/** Adds one event to `into`. VIDEO_WATCH carries the milliseconds watched in one playback; `durationMs` is the video's. */
export function addEvent(into: Counts, type: EventType, value: number, durationMs: number | null): void {
  switch (type) {
    case 'VIDEO_WATCH':
      into.video_watch_ms += value;
      if (value >= MRC_VIEW_MS) into.video_mrc_view += 1;
      if (value >= TEN_SECOND_VIEW_MS) into.video_10s_view += 1;
      if (durationMs && value >= 0.95 * durationMs) into.video_q95_view += 1;
      return;
    case 'COMMENT': into.comments += 1; return;
    case 'REACTION': into.reactions += 1; return;
    default: into[COUNTER_COLUMNS[type]] += 1;
  }
}

export function addCounts(into: Counts, more: Partial<Record<CounterColumn, number | string | bigint | null>>): Counts {
  for (const c of COLUMNS) into[c] += Number(more[c] ?? 0);
  return into;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** One metric's value from a period's counters. */
export function metricValue(m: Metric, c: Counts): number {
  switch (m) {
    case 'SAVE_RATE': return ratio(c.save, c.impression);
    case 'PIN_CLICK_RATE': return ratio(c.pin_click, c.impression);
    case 'OUTBOUND_CLICK_RATE': return ratio(c.outbound_click, c.impression);
    // Engagements: every action on the pin beyond seeing it.
    case 'ENGAGEMENT': return c.save + c.pin_click + c.outbound_click + c.comments + c.reactions;
    case 'ENGAGEMENT_RATE': return ratio(metricValue('ENGAGEMENT', c), c.impression);
    // Pinterest's average watch time: total play time over video starts.
    case 'VIDEO_AVG_WATCH_TIME': return ratio(c.video_watch_ms, c.video_start);
    default: return c[COUNTER_COLUMNS[m]];
  }
}

export function metricsOf(metrics: readonly Metric[], c: Counts): Record<string, number> {
  return Object.fromEntries(metrics.map((m) => [m, metricValue(m, c)]));
}
