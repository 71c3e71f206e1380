// `corkboard events import FILE.ndjson`: analytics events for a test environment, one JSON object a line:
//   {"pin_id":"…","type":"IMPRESSION","at":"2026-11-20T10:00:00Z","app_type":"MOBILE","actor":"alice","value":0,"id":"…"}
// The whole file is checked before anything is written (every bad line reported with its number), then written
// in one transaction: a file imports completely or not at all. The file is read again rather than held in
// memory, so a million-event file costs three quick passes, not a gigabyte. A UTF-8 byte order mark is skipped.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AppType } from '../db/schema.js';
import { APP_TYPES, EVENT_TYPES, VIDEO_EVENTS, type EventType } from '../lib/analytics-metrics.js';
import type { EventPin } from '../repositories/events.js';
import { isId } from '../lib/ids.js';
import { MAX_WATCH_MS, type EventsService, type NewEventInput } from './events.js';

export interface ImportProblem { line: number; message: string }

export class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was imported`);
  }
}

const FIELDS = new Set(['pin_id', 'type', 'at', 'app_type', 'actor', 'value', 'id']);
const TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Clocks differ a little; an event from further in the future is a mistake. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const BATCH = 5000;

/** Date does not refuse 2026-02-30 or 24:00 (it rolls them over); a real time's fields read back unchanged. */
function realTime(text: string): boolean {
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60;
}

interface References { pins: Map<string, EventPin>; actors: Map<string, string> }

/** One line, checked: an event, or the reason it is not one. Without `refs`, only its own shape is checked. */
function parseLine(text: string, refs: References | null, now: number): NewEventInput | string {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { return 'not JSON'; }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const e = raw as Record<string, unknown>;
  const unknown = Object.keys(e).filter((k) => !FIELDS.has(k));
  if (unknown.length) return `unknown field ${unknown.join(', ')} (fields: ${[...FIELDS].join(', ')})`;
  if (typeof e.pin_id !== 'string' || !isId(e.pin_id)) return 'pin_id must be a pin id (a string of digits)';
  if (typeof e.type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(e.type)) return `type must be one of ${EVENT_TYPES.join(', ')}`;
  const type = e.type as EventType;
  if (typeof e.at !== 'string' || !TIME.test(e.at)) return 'at must be an ISO 8601 time such as 2026-11-20T10:00:00Z (no zone means UTC)';
  const zoned = /T/.test(e.at) && !/(Z|[+-]\d{2}:?\d{2})$/.test(e.at) ? `${e.at}Z` : e.at;
  const at = new Date(zoned);
  if (Number.isNaN(at.getTime()) || !realTime(e.at)) return `at ${e.at} is not a real time`;
  if (at.getTime() > now + FUTURE_SLACK_MS) return `at ${e.at} is in the future`;
  const appType = e.app_type ?? 'WEB';
  if (typeof appType !== 'string' || !APP_TYPES.includes(appType as AppType)) return `app_type must be one of ${APP_TYPES.join(', ')}`;
  const value = e.value ?? 0;
  if (type === 'VIDEO_WATCH') {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_WATCH_MS) return `value must be the whole milliseconds watched (0 to ${MAX_WATCH_MS})`;
  } else if (value !== 0) return `value is only for VIDEO_WATCH (milliseconds watched)`;
  if (e.actor !== undefined && (typeof e.actor !== 'string' || !e.actor)) return 'actor must be a username';
  if (e.id !== undefined && (typeof e.id !== 'string' || !e.id || e.id.length > 200)) return 'id must be a string of 1 to 200 characters';
  let actorId: string | null = null;
  if (refs) {
    const pin = refs.pins.get(e.pin_id);
    if (!pin) return `pin ${e.pin_id} does not exist here`;
    if (VIDEO_EVENTS.has(type) && pin.media_type !== 'video') return `${type} on pin ${e.pin_id}, which is not a video pin`;
    if (typeof e.actor === 'string') {
      actorId = refs.actors.get(e.actor.toLowerCase()) ?? null;
      if (!actorId) return `actor ${e.actor} is not a user here`;
    }
  }
  return { pinId: e.pin_id, type, appType: appType as AppType, actorId, at: at.toISOString(), value: value as number, clientId: (e.id as string | undefined) ?? null };
}

async function* lines(file: string): AsyncIterable<{ n: number; text: string }> {
  let n = 0;
  for await (let text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    n++;
    if (n === 1) text = text.replace(/^\uFEFF/, ''); // a UTF-8 byte order mark, as some editors write
    if (text.trim()) yield { n, text };
  }
}

export async function importEventsFile(
  file: string,
  events: EventsService,
  userIdsByName: (names: string[]) => Promise<Map<string, string>>,
): Promise<{ imported: number; duplicates: number }> {
  const now = Date.now();
  // Pass 1: what the lines refer to.
  const pinIds = new Set<string>();
  const actorNames = new Set<string>();
  for await (const { text } of lines(file)) {
    const e = parseLine(text, null, now);
    if (typeof e === 'string') continue;
    pinIds.add(e.pinId);
    const actor = (JSON.parse(text) as { actor?: string }).actor;
    if (actor) actorNames.add(actor.toLowerCase());
  }
  const refs: References = { pins: await events.pinsById([...pinIds]), actors: await userIdsByName([...actorNames]) };
  // Pass 2: every line, whole.
  const problems: ImportProblem[] = [];
  let count = 0;
  for await (const { n, text } of lines(file)) {
    const e = parseLine(text, refs, now);
    if (typeof e === 'string') problems.push({ line: n, message: e });
    else count++;
  }
  if (problems.length) throw new ImportRejected(problems);
  if (!count) throw new ImportRejected([{ line: 0, message: 'the file holds no events' }]);
  // Pass 3: write, in one transaction.
  async function* batches(): AsyncIterable<NewEventInput[]> {
    let batch: NewEventInput[] = [];
    for await (const { text } of lines(file)) {
      batch.push(parseLine(text, refs, now) as NewEventInput);
      if (batch.length === BATCH) { yield batch; batch = []; }
    }
    if (batch.length) yield batch;
  }
  const { imported, total } = await events.import(batches(), refs.pins);
  return { imported, duplicates: total - imported };
}
