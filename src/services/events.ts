// Records what people do with pins, as it happens (saves, widget and page impressions, pin opens, outbound
// clicks, the player's beacons) or from an import. Live activity follows three rules: bots are not people
// (their requests record nothing), owners looking at their own pins are not an audience (dropped), and a pin
// the actor may not see records nothing. A beacon event repeated with the same id counts once.
import type { AppType } from '../db/schema.js';
import { VIDEO_EVENTS, type EventType } from '../lib/analytics-metrics.js';
import { errors } from '../lib/api-error.js';
import type { IdGenerator } from '../lib/ids.js';
import { sha256 } from '../lib/secrets.js';
import { isId } from '../lib/ids.js';
import type { EventPin, EventsRepository, NewEvent } from '../repositories/events.js';

/** Who did it, from where: the signed-in user (or null), the app type of their device, and a key per viewer. */
export interface Viewer { userId: string | null; appType: AppType; viewerKey: string; bot: boolean }

export interface LiveEvent { pinId: string; type: EventType; value?: number; clientId?: string }
export interface RecordResult { recorded: number; duplicates: number; ignored: number }

/** Most events one beacon carries. */
export const MAX_BEACON_EVENTS = 100;
/** Longest single playback a watch event may report: 24 hours. */
export const MAX_WATCH_MS = 24 * 3600 * 1000;
/** Event types the web app's beacon sends; saves and outbound clicks are recorded where they happen. */
export const BEACON_TYPES: ReadonlySet<EventType> = new Set(['IMPRESSION', 'PIN_CLICK', 'VIDEO_START', 'VIDEO_WATCH', 'PROFILE_VISIT']);

// Crawlers, link previewers and monitors: not an audience. (Headless browsers are left in: the web app's own
// end-to-end tests drive one.)
const BOT = /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|preview|monitor|uptime|curl\/|wget\/|python-requests|go-http-client|httpclient/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

/** Pinterest's app types from a User-Agent: tablets, then phones, and the rest is the web. */
export function appTypeOf(userAgent: string | undefined): AppType {
  const ua = userAgent ?? '';
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i.test(ua)) return 'TABLET';
  if (/Mobi|iPhone|iPod|Android|Windows Phone/i.test(ua)) return 'MOBILE';
  return 'WEB';
}

export class EventsService {
  constructor(private readonly repo: EventsRepository, private readonly ids: IdGenerator) {}

  /** Live activity of one viewer. Events the rules above drop count as ignored; nothing here throws for them. */
  async record(viewer: Viewer, events: LiveEvent[], source: string): Promise<RecordResult> {
    if (viewer.bot || !events.length) return { recorded: 0, duplicates: 0, ignored: events.length };
    const pins = await this.repo.pins(events.map((e) => e.pinId));
    const at = new Date().toISOString();
    const rows: NewEvent[] = [];
    for (const e of events) {
      const pin = pins.get(e.pinId);
      if (!pin || !this.counts(viewer, pin, e.type)) continue;
      rows.push({
        id: this.ids.next(), pin_id: pin.id, actor_id: viewer.userId, type: e.type, app_type: viewer.appType, source,
        // One playback cannot play longer than the video.
        value: e.type === 'VIDEO_WATCH' ? Math.min(e.value ?? 0, pin.duration_ms ?? 0) : 0, at,
        dedupe_key: e.clientId ? sha256(`${viewer.viewerKey}:${e.clientId}`) : null,
      });
    }
    const recorded = rows.length ? await this.repo.record([rows], durations(pins)) : 0;
    return { recorded, duplicates: rows.length - recorded, ignored: events.length - rows.length };
  }

  /** A viewer counts on a pin they may see that is not their own; video events only on video pins. */
  private counts(viewer: Viewer, pin: EventPin, type: EventType): boolean {
    if (viewer.userId === pin.owner_id) return false;
    if (pin.privacy !== 'PUBLIC') return false;
    return !VIDEO_EVENTS.has(type) || pin.media_type === 'video';
  }

  /** The web app's batched beacon: `{events: [{id, type, pin_id, watched_ms?}]}`, validated whole. */
  async beacon(viewer: Viewer, body: unknown): Promise<RecordResult> {
    const list = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(list) || !list.length || list.length > MAX_BEACON_EVENTS) {
      throw errors.invalid(`Invalid parameters: events must be a list of 1 to ${MAX_BEACON_EVENTS} events.`);
    }
    const events = list.map((raw, i): LiveEvent => {
      const e = (raw ?? {}) as Record<string, unknown>;
      const at = `events[${i}]`;
      if (typeof e.id !== 'string' || !/^[\w-]{8,64}$/.test(e.id)) throw errors.invalid(`Invalid parameters: ${at}.id must be 8 to 64 letters, digits, - or _ (unique per event, so repeats count once).`);
      if (typeof e.type !== 'string' || !BEACON_TYPES.has(e.type as EventType)) throw errors.invalid(`Invalid parameters: ${at}.type must be one of ${[...BEACON_TYPES].join(', ')}.`);
      if (typeof e.pin_id !== 'string' || !isId(e.pin_id)) throw errors.invalid(`Invalid parameters: ${at}.pin_id must be a pin id.`);
      const watched = e.watched_ms;
      if (e.type === 'VIDEO_WATCH' && !(Number.isInteger(watched) && (watched as number) >= 0 && (watched as number) <= MAX_WATCH_MS)) {
        throw errors.invalid(`Invalid parameters: ${at}.watched_ms must be the whole milliseconds watched (0 to ${MAX_WATCH_MS}).`);
      }
      return { pinId: e.pin_id, type: e.type as EventType, clientId: e.id, ...(e.type === 'VIDEO_WATCH' ? { value: watched as number } : {}) };
    });
    return this.record(viewer, events, 'beacon');
  }

  /**
   * Where an outbound click leaves for (the pin's own link, as an absolute http(s) URL), with the click recorded
   * when `record`; 404 unless the viewer may see the pin and it has a usable link.
   */
  async outbound(viewer: Viewer, pinId: string, link: (pinId: string) => Promise<string | null>, record: boolean): Promise<string> {
    const raw = isId(pinId) ? await link(pinId) : null;
    let target: URL | null = null;
    try { target = raw ? new URL(raw) : null; } catch { /* not a URL: nowhere to go */ }
    if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) throw errors.pinNotFound();
    if (record) await this.record(viewer, [{ pinId, type: 'OUTBOUND_CLICK' }], 'web');
    return target.href;
  }

  /** Imported events, already validated (see events-import.ts): taken as given, in one transaction, repeats of an `id` dropped. */
  async import(batches: AsyncIterable<NewEventInput[]>, pins: Map<string, EventPin>): Promise<{ imported: number; total: number }> {
    let total = 0;
    const ids = this.ids;
    async function* rows(): AsyncIterable<NewEvent[]> {
      for await (const batch of batches) {
        total += batch.length;
        yield batch.map((e): NewEvent => ({
          id: ids.next(), pin_id: e.pinId, actor_id: e.actorId, type: e.type, app_type: e.appType, source: 'import',
          value: e.value, at: e.at, dedupe_key: e.clientId ? sha256(`import:${e.pinId}:${e.clientId}`) : null,
        }));
      }
    }
    const imported = await this.repo.record(rows(), durations(pins));
    return { imported, total };
  }

  pinsById(ids: string[]): Promise<Map<string, EventPin>> {
    return this.repo.pins(ids);
  }
}

export interface NewEventInput { pinId: string; type: EventType; appType: AppType; actorId: string | null; at: string; value: number; clientId: string | null }


function durations(pins: Map<string, EventPin>): Map<string, number | null> {
  return new Map([...pins].map(([id, p]) => [id, p.duration_ms]));
}
