// The analytics endpoints: every figure is read from the daily rollup of recorded events (see events.ts) and
// derived as analytics-metrics.ts defines. Corkboard has no ads, so paid figures are truthfully zero.
import type { AppType } from '../db/schema.js';
import { addCounts, APP_TYPES, metricsOf, zeroCounts, type Counts, type Metric } from '../lib/analytics-metrics.js';
import { ApiError, errors } from '../lib/api-error.js';
import type { ActivityRow, ActivityScope, EventsRepository, PinTotalsRow } from '../repositories/events.js';
import type { WebsitesRepository } from '../repositories/websites.js';
import type { Principal } from './oauth.js';
import type { PinsService } from './pins.js';
import { ownVisiblePrivacies } from './privacy.js';

/** How far back analytics reach, and the longest range one call takes (Pinterest's rules). */
export const MAX_DAYS_BACK = 90;
export const MAX_RANGE_DAYS = 90;
const DAY_MS = 86_400_000;

export type AppTypeFilter = 'ALL' | AppType;
export type PinSplit = 'NO_SPLIT' | 'APP_TYPE';
export type UserSplit = PinSplit | 'OWNED_CONTENT' | 'SOURCE' | 'PIN_FORMAT';
export type ClaimedFilter = 'BOTH' | 'CLAIMED' | 'OTHER';
export type SourceFilter = 'ALL' | 'YOUR_PINS' | 'OTHER_PINS';
export type PinFormat = 'ALL' | 'ORGANIC_IMAGE' | 'ORGANIC_PRODUCT' | 'ORGANIC_VIDEO' | 'ADS_STANDARD' | 'ADS_PRODUCT' | 'ADS_VIDEO' | 'ADS_IDEA';
export type ContentType = 'ALL' | 'PAID' | 'ORGANIC';

export interface Period { from: string; to: string; days: string[] }

export interface AccountFilters {
  appTypes: AppTypeFilter;
  claimed: ClaimedFilter;
  source: SourceFilter;
  pinFormat: PinFormat;
  contentType: ContentType;
}

/** Pinterest's pin_metrics object of a pin. */
export interface PinMetrics {
  '90d': { pin_click: number; impression: number; clickthrough: number };
  lifetime_metrics: { pin_click: number; impression: number; clickthrough: number; reaction: number; comment: number };
}

interface DailyMetrics { date: string; data_status: string; metrics: Record<string, number> }
interface MetricsBlock { daily_metrics: DailyMetrics[]; summary_metrics: Record<string, number>; lifetime_metrics?: Record<string, number> }

/** Metrics pins/analytics reports over a lifetime rather than per day. */
const LIFETIME: ReadonlySet<Metric> = new Set(['TOTAL_COMMENTS', 'TOTAL_REACTIONS']);

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseDay(raw: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || utcDay(ms) !== raw) throw errors.invalid(`Invalid parameters: ${field} must be a date as YYYY-MM-DD (was ${JSON.stringify(raw)}).`);
  return ms;
}

/** The days of a report, by Pinterest's rules; each broken rule answers 400 saying which. */
export function period(start: string, end: string, now = Date.now()): Period {
  const from = parseDay(start, 'start_date');
  const to = parseDay(end, 'end_date');
  const today = Date.parse(`${utcDay(now)}T00:00:00Z`);
  if (to < from) throw errors.invalid('Invalid parameters: end_date cannot be before start_date.');
  if (from < today - MAX_DAYS_BACK * DAY_MS) throw errors.invalid(`Invalid parameters: start_date cannot be more than ${MAX_DAYS_BACK} days back from today (${utcDay(today)}, UTC).`);
  if (to - from > MAX_RANGE_DAYS * DAY_MS) throw errors.invalid(`Invalid parameters: end_date cannot be more than ${MAX_RANGE_DAYS} days past start_date.`);
  if (to > today) throw errors.invalid(`Invalid parameters: end_date cannot be after today (${utcDay(today)}, UTC).`);
  const days: string[] = [];
  for (let d = from; d <= to; d += DAY_MS) days.push(utcDay(d));
  return { from: start, to: end, days };
}

/** Counters per split key and day, added up from rollup rows. */
class Buckets {
  private readonly byKey = new Map<string, Map<string, Counts>>();

  constructor(keys: string[]) { for (const k of keys) this.byKey.set(k, new Map()); }

  add(key: string, day: string, counts: Partial<Counts>): void {
    let days = this.byKey.get(key);
    if (!days) this.byKey.set(key, days = new Map());
    let c = days.get(day);
    if (!c) days.set(day, c = zeroCounts());
    addCounts(c, counts);
  }

  /** Each key's report over the period; `emptyStatus` gives a day's data_status when it has no activity. */
  report(p: Period, metrics: Metric[], emptyStatus: (day: string) => string = () => 'READY'): Record<string, MetricsBlock> {
    const daily = metrics.filter((m) => !LIFETIME.has(m));
    const out: Record<string, MetricsBlock> = {};
    for (const [key, days] of this.byKey) {
      const total = zeroCounts();
      const daily_metrics = p.days.map((date) => {
        const c = days.get(date);
        if (c) addCounts(total, c);
        const status = c ? 'READY' : emptyStatus(date);
        return { date, data_status: status, metrics: status === 'READY' ? metricsOf(daily, c ?? zeroCounts()) : {} };
      });
      out[key] = { daily_metrics, summary_metrics: metricsOf(daily, total) };
    }
    return out;
  }
}

/** Every key a split answers, whether or not it had activity. */
const SPLIT_KEYS: Record<UserSplit, string[]> = {
  NO_SPLIT: ['all'], APP_TYPE: APP_TYPES, OWNED_CONTENT: ['CLAIMED', 'OTHER'], SOURCE: ['YOUR_PINS', 'OTHER_PINS'],
  PIN_FORMAT: ['ORGANIC_IMAGE', 'ORGANIC_VIDEO'],
};

const FORMAT_OF: Record<string, PinFormat> = { image: 'ORGANIC_IMAGE', multiple_images: 'ORGANIC_IMAGE', video: 'ORGANIC_VIDEO' };

export class AnalyticsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly pins: PinsService,
    private readonly websites: WebsitesRepository,
  ) {}

  /**
   * Pins with `pin_metrics` filled in, as Pinterest gives them with pin_metrics=true: the last 90 days and the
   * lifetime, for the caller's own pins (others' stay null).
   */
  async withPinMetrics<T extends { id: string; is_owner: boolean; pin_metrics: PinMetrics | null }>(pins: T[]): Promise<T[]> {
    const own = pins.filter((p) => p.is_owner).map((p) => p.id);
    const [recent, lifetime] = await Promise.all([this.events.totals(own, utcDay(Date.now() - (MAX_DAYS_BACK - 1) * DAY_MS)), this.events.totals(own)]);
    const brief = (c: Counts = zeroCounts()) => ({ pin_click: c.pin_click, impression: c.impression, clickthrough: c.outbound_click });
    return pins.map((p) => (p.is_owner ? {
      ...p,
      pin_metrics: { '90d': brief(recent.get(p.id)), lifetime_metrics: { ...brief(lifetime.get(p.id)), reaction: lifetime.get(p.id)?.reactions ?? 0, comment: lifetime.get(p.id)?.comments ?? 0 } },
    } : p));
  }

  /** The pin, when the caller owns it: analytics are the owner's (404 if unseen, 403 if someone else's). */
  private async ownPin(p: Principal, pinId: string, notOwned: () => Error) {
    const pin = await this.pins.visible(p, pinId);
    if (pin.owner_id !== p.user.id) throw notOwned();
    return pin;
  }

  private async pinReport(pinIds: string[], createdAt: Map<string, string>, per: Period, appTypes: AppTypeFilter, metrics: Metric[], split: PinSplit) {
    const rows = await this.events.daily(pinIds, per.from, per.to);
    const splitKeys = split === 'APP_TYPE' ? (appTypes === 'ALL' ? APP_TYPES : [appTypes]) : ['all'];
    const buckets = new Map(pinIds.map((id) => [id, new Buckets(splitKeys)]));
    for (const r of rows) {
      if (appTypes !== 'ALL' && r.app_type !== appTypes) continue;
      buckets.get(r.pin_id)!.add(split === 'APP_TYPE' ? r.app_type : 'all', r.day, r);
    }
    const wantLifetime = metrics.filter((m) => LIFETIME.has(m));
    const lifetime = wantLifetime.length ? await this.events.totals(pinIds) : new Map<string, Counts>();
    return new Map(pinIds.map((id) => {
      const created = createdAt.get(id)!.slice(0, 10);
      const report = buckets.get(id)!.report(per, metrics, (day) => (day < created ? 'BEFORE_PIN_CREATED' : 'READY'));
      if (wantLifetime.length) for (const block of Object.values(report)) block.lifetime_metrics = metricsOf(wantLifetime, lifetime.get(id) ?? zeroCounts());
      return [id, report];
    }));
  }

  async pin(p: Principal, pinId: string, per: Period, appTypes: AppTypeFilter, metrics: Metric[], split: PinSplit) {
    const pin = await this.ownPin(p, pinId, () => errors.notAuthorized());
    return (await this.pinReport([pin.id], new Map([[pin.id, pin.created_at]]), per, appTypes, metrics, split)).get(pin.id)!;
  }

  async multiPin(p: Principal, pinIds: string[], per: Period, appTypes: AppTypeFilter, metrics: Metric[]) {
    const created = new Map<string, string>();
    for (const id of new Set(pinIds)) {
      // The spec answers 401 code 7 for a pin of someone else's in a multi-pin request.
      const pin = await this.ownPin(p, id, () => new ApiError(401, 7, 'Not authorized to access board or Pin.'));
      created.set(pin.id, pin.created_at);
    }
    return Object.fromEntries(await this.pinReport([...created.keys()], created, per, appTypes, metrics, 'NO_SPLIT'));
  }

  /** The caller's pins it may see, and other people's public pins on the caller's claimed hosts, over the period. */
  private async scope(p: Principal, per: Period): Promise<ActivityScope & { hosts: Set<string> }> {
    // A verified website claims its host (a path in it does not narrow the claim), with or without www.
    const hosts = new Set((await this.websites.list(p.user.id, { pageSize: 1000, after: null })).map((w) => w.website.split('/')[0]!.replace(/^www\./, '')));
    return { userId: p.user.id, claimedHosts: [...hosts], from: per.from, to: per.to, privacies: ownVisiblePrivacies(p, 'pins'), hosts };
  }

  /** The split keys a slice of activity falls under, or null when the filters leave it out. */
  private classify(row: Pick<ActivityRow, 'mine' | 'media_type' | 'link_host'> & { app_type?: AppType }, hosts: Set<string>, f: AccountFilters) {
    const claimed = row.link_host !== null && hosts.has(row.link_host) ? 'CLAIMED' : 'OTHER';
    const source = row.mine ? 'YOUR_PINS' : 'OTHER_PINS';
    const format = FORMAT_OF[row.media_type] ?? 'ORGANIC_IMAGE';
    if (f.contentType === 'PAID') return null; // no ads here: no paid activity
    if (f.appTypes !== 'ALL' && row.app_type && row.app_type !== f.appTypes) return null;
    if (f.claimed !== 'BOTH' && claimed !== f.claimed) return null;
    if (f.source !== 'ALL' && source !== f.source) return null;
    if (f.pinFormat !== 'ALL' && format !== f.pinFormat) return null;
    return { APP_TYPE: row.app_type ?? 'WEB', OWNED_CONTENT: claimed, SOURCE: source, PIN_FORMAT: format, NO_SPLIT: 'all' };
  }

  async account(p: Principal, per: Period, f: AccountFilters, metrics: Metric[], split: UserSplit) {
    const scope = await this.scope(p, per);
    const buckets = new Buckets(SPLIT_KEYS[split]);
    for (const row of await this.events.activity(scope)) {
      const keys = this.classify(row, scope.hosts, f);
      if (keys) buckets.add(keys[split], row.day, row.counts);
    }
    return buckets.report(per, metrics);
  }

  /** The caller's pins with the most activity over the period, by one metric. */
  async top(p: Principal, per: Period, f: AccountFilters, metrics: Metric[], sortBy: Metric, count: number, createdInLastDays: number | undefined, videoOnly: boolean) {
    const scope = await this.scope(p, per);
    const rows: PinTotalsRow[] = await this.events.pinTotals({
      ...scope,
      ...(createdInLastDays ? { createdSince: new Date(Date.now() - createdInLastDays * DAY_MS).toISOString() } : {}),
      ...(videoOnly ? { mediaType: 'video' } : {}),
      ...(f.appTypes !== 'ALL' ? { appType: f.appTypes } : {}),
    });
    const ranked = rows.filter((r) => this.classify(r, scope.hosts, f))
      .map((r) => ({ r, score: metricsOf([sortBy], r.counts)[sortBy]! }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.r.pin_id < b.r.pin_id ? 1 : -1))
      .slice(0, count);
    return {
      date_availability: { is_realtime: true, latest_available_timestamp: Date.now() },
      pins: ranked.map(({ r }) => ({
        pin_id: r.pin_id,
        metrics: metricsOf(metrics, r.counts),
        data_status: Object.fromEntries(metrics.map((m) => [m, 'READY'])),
      })),
      sort_by: sortBy,
    };
  }
}
