// What the analytics pages ask for and how they show it: the metrics each endpoint takes (as the server's
// v5/analytics.ts lists them from the spec), their names and formats, the splits, and Pinterest's date rules.
// The figures themselves are never computed here: every number shown is one the API answered.

/** GET /v5/pins/{id}/analytics takes these (metric_types is required there). */
export const PIN_METRICS = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'SAVE_RATE', 'PROFILE_VISIT', 'USER_FOLLOW',
  'VIDEO_START', 'VIDEO_MRC_VIEW', 'VIDEO_10S_VIEW', 'QUARTILE_95_PERCENT_VIEW', 'VIDEO_V50_WATCH_TIME', 'VIDEO_AVG_WATCH_TIME',
  'TOTAL_COMMENTS', 'TOTAL_REACTIONS'] as const;
/** GET /v5/user_account/analytics takes these. */
export const ACCOUNT_METRICS = ['IMPRESSION', 'ENGAGEMENT', 'ENGAGEMENT_RATE', 'SAVE', 'SAVE_RATE', 'PIN_CLICK', 'PIN_CLICK_RATE',
  'OUTBOUND_CLICK', 'OUTBOUND_CLICK_RATE'] as const;
export type Metric = (typeof PIN_METRICS)[number] | (typeof ACCOUNT_METRICS)[number];

/** Reported over the pin's lifetime (lifetime_metrics), not per day: a figure, never a chart. */
export const LIFETIME: ReadonlySet<Metric> = new Set(['TOTAL_COMMENTS', 'TOTAL_REACTIONS']);
/** Only a video pin has these. */
export const VIDEO_ONLY: ReadonlySet<Metric> = new Set(['VIDEO_START', 'VIDEO_MRC_VIEW', 'VIDEO_10S_VIEW', 'QUARTILE_95_PERCENT_VIEW',
  'VIDEO_V50_WATCH_TIME', 'VIDEO_AVG_WATCH_TIME']);

const NAMES: Record<Metric, string> = {
  IMPRESSION: 'Impressions', SAVE: 'Saves', PIN_CLICK: 'Pin clicks', OUTBOUND_CLICK: 'Outbound clicks', SAVE_RATE: 'Save rate',
  PIN_CLICK_RATE: 'Pin click rate', OUTBOUND_CLICK_RATE: 'Outbound click rate', ENGAGEMENT: 'Engagements', ENGAGEMENT_RATE: 'Engagement rate',
  PROFILE_VISIT: 'Profile visits', USER_FOLLOW: 'Follows', VIDEO_START: 'Video starts', VIDEO_MRC_VIEW: 'Video views',
  VIDEO_10S_VIEW: '10-second views', QUARTILE_95_PERCENT_VIEW: '95% views', VIDEO_V50_WATCH_TIME: 'Total play time',
  VIDEO_AVG_WATCH_TIME: 'Average play time', TOTAL_COMMENTS: 'Comments', TOTAL_REACTIONS: 'Reactions',
};
export const metricName = (m: Metric) => NAMES[m];

const RATES: ReadonlySet<Metric> = new Set(['SAVE_RATE', 'PIN_CLICK_RATE', 'OUTBOUND_CLICK_RATE', 'ENGAGEMENT_RATE']);
const MILLISECONDS: ReadonlySet<Metric> = new Set(['VIDEO_V50_WATCH_TIME', 'VIDEO_AVG_WATCH_TIME']);
/** Counted metrics: whole numbers, so a chart's axis steps by whole numbers. */
export const isCount = (m: Metric) => !RATES.has(m) && !MILLISECONDS.has(m);

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const seconds = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
/** A figure as Pinterest shows it: counts grouped, rates as percentages, play times (milliseconds) in seconds. */
export function formatMetric(m: Metric, value: number): string {
  if (RATES.has(m)) return percent.format(value);
  if (MILLISECONDS.has(m)) return `${seconds.format(value / 1000)} s`;
  return count.format(value);
}

export type AppTypes = 'ALL' | 'MOBILE' | 'TABLET' | 'WEB';
export const APP_TYPES: ReadonlyArray<{ value: AppTypes; label: string }> = [
  { value: 'ALL', label: 'All apps' }, { value: 'MOBILE', label: 'Mobile' }, { value: 'TABLET', label: 'Tablet' }, { value: 'WEB', label: 'Web' }];

export type Split = 'NO_SPLIT' | 'APP_TYPE' | 'OWNED_CONTENT' | 'SOURCE' | 'PIN_FORMAT';
export const PIN_SPLITS: readonly Split[] = ['NO_SPLIT', 'APP_TYPE'];
export const ACCOUNT_SPLITS: readonly Split[] = ['NO_SPLIT', 'APP_TYPE', 'OWNED_CONTENT', 'SOURCE', 'PIN_FORMAT'];
const SPLIT_NAMES: Record<Split, string> = { NO_SPLIT: 'No split', APP_TYPE: 'App type', OWNED_CONTENT: 'Claimed content', SOURCE: 'Source', PIN_FORMAT: 'Pin format' };
export const splitName = (s: Split) => SPLIT_NAMES[s];

/** The name of a key the API answers a split with. */
const KEY_NAMES: Record<string, string> = {
  all: 'All', MOBILE: 'Mobile', TABLET: 'Tablet', WEB: 'Web', CLAIMED: 'Claimed', OTHER: 'Other', YOUR_PINS: 'Your pins',
  OTHER_PINS: 'Other pins', ORGANIC_IMAGE: 'Image', ORGANIC_VIDEO: 'Video',
};
export const keyName = (k: string) => KEY_NAMES[k] ?? k;

/** The answer of both endpoints: one block per split key ("all" without a split). */
export interface DailyMetrics { date: string; data_status: string; metrics: Partial<Record<Metric, number>> }
export interface MetricsBlock { daily_metrics: DailyMetrics[]; summary_metrics: Partial<Record<Metric, number>>; lifetime_metrics?: Partial<Record<Metric, number>> }
export type Report = Record<string, MetricsBlock>;

export interface Query { start_date: string; end_date: string; app_types: AppTypes; split_field: Split }

/** Days as the API takes them: YYYY-MM-DD in UTC. */
export const today = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Pinterest's default: the last 30 days, today included. */
export const lastDays = (n = 30) => ({ start_date: addDays(today(), -(n - 1)), end_date: today() });
