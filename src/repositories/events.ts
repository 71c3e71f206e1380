// The analytics event log and its daily rollup. An event and its share of the rollup are written in one
// transaction, so the figures the endpoints read always equal what the log holds.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { AppType, EventsTable, Privacy } from '../db/schema.js';
import { chunks } from '../lib/chunks.js';
import { addCounts, addEvent, COLUMNS, zeroCounts, type Counts, type EventType } from '../lib/analytics-metrics.js';

export type NewEvent = EventsTable & { type: EventType };

/** What recording needs to know of a pin. */
export interface EventPin { id: string; owner_id: string; privacy: Privacy; media_type: string; duration_ms: number | null; created_at: string }

/** A slice of a user's activity: the day, app type and the kind of pin it happened on. */
export interface ActivityRow { day: string; app_type: AppType; mine: boolean; media_type: string; link_host: string | null; counts: Counts }
export interface PinTotalsRow { pin_id: string; mine: boolean; media_type: string; link_host: string | null; created_at: string; counts: Counts }

export interface ActivityScope {
  userId: string;
  /** Hosts of the user's verified websites: other people's public pins linking there count as the user's OTHER_PINS. */
  claimedHosts: string[];
  from: string;
  to: string;
  /** Own pins on boards of these privacies only (others' pins: PUBLIC only). */
  privacies: Privacy[];
  /** One app type's activity only. */
  appType?: AppType;
}

const sums = COLUMNS.map((c) => sql<number>`sum(${sql.ref(`d.${c}`)})`.as(c));
const countsOf = (row: Record<string, unknown>): Counts => addCounts(zeroCounts(), row as Partial<Counts>);

export class EventsRepository {
  constructor(private readonly db: Db) {}

  async pins(ids: string[]): Promise<Map<string, EventPin>> {
    const out = new Map<string, EventPin>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.selectFrom('pins as p').innerJoin('boards as b', 'b.id', 'p.board_id').leftJoin('media_uploads as m', 'm.id', 'p.media_id')
        .select(['p.id', 'p.owner_id', 'b.privacy', 'p.media_type', 'm.duration_ms', 'p.created_at']).where('p.id', 'in', part).execute();
      for (const r of rows) out.set(r.id, { ...r, duration_ms: r.duration_ms === null ? null : Number(r.duration_ms) });
    }
    return out;
  }

  /**
   * Appends events (a dedupe_key already recorded drops its event) and adds the new ones to the rollup, all in
   * one transaction, however many batches. Returns how many were new.
   */
  async record(batches: Iterable<NewEvent[]> | AsyncIterable<NewEvent[]>, durations: ReadonlyMap<string, number | null>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const deltas = new Map<string, { pin_id: string; day: string; app_type: AppType; counts: Counts }>();
      let added = 0;
      for await (const batch of batches) {
        // Rows are written in one order (pin, then time) by every writer, so concurrent writers never deadlock.
        const sorted = [...batch].sort((a, b) => (a.pin_id < b.pin_id ? -1 : a.pin_id > b.pin_id ? 1 : a.id < b.id ? -1 : 1));
        for (const part of chunks(sorted)) {
          const inserted = new Set((await trx.insertInto('events').values(part).onConflict((oc) => oc.column('dedupe_key').doNothing())
            .returning('id').execute()).map((r) => r.id));
          added += inserted.size;
          for (const e of part) {
            if (!inserted.has(e.id)) continue;
            const day = e.at.slice(0, 10);
            const key = `${e.pin_id}|${day}|${e.app_type}`;
            let d = deltas.get(key);
            if (!d) deltas.set(key, d = { pin_id: e.pin_id, day, app_type: e.app_type, counts: zeroCounts() });
            addEvent(d.counts, e.type, Number(e.value), durations.get(e.pin_id) ?? null);
          }
        }
      }
      const keys = [...deltas.keys()].sort();
      for (const part of chunks(keys.map((k) => deltas.get(k)!))) {
        await trx.insertInto('pin_daily_metrics').values(part.map((d) => ({ pin_id: d.pin_id, day: d.day, app_type: d.app_type, ...d.counts })))
          .onConflict((oc) => oc.columns(['pin_id', 'day', 'app_type']).doUpdateSet(Object.fromEntries(
            COLUMNS.map((c) => [c, sql`${sql.ref(`pin_daily_metrics.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
          ))).execute();
      }
      return added;
    });
  }

  /** Rollup rows of these pins from `from` to `to` (days, inclusive). */
  async daily(pinIds: string[], from: string, to: string) {
    if (!pinIds.length) return [];
    return this.db.selectFrom('pin_daily_metrics').selectAll().where('pin_id', 'in', pinIds).where('day', '>=', from).where('day', '<=', to).execute();
  }

  /** The counters of these pins added up over every day since `from` (all their days without it). */
  async totals(pinIds: string[], from?: string): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    if (!pinIds.length) return out;
    let q = this.db.selectFrom('pin_daily_metrics as d').select(['d.pin_id', ...sums]).where('d.pin_id', 'in', pinIds);
    if (from) q = q.where('d.day', '>=', from);
    const rows = await q.groupBy('d.pin_id').execute();
    for (const r of rows) out.set(r.pin_id, countsOf(r));
    return out;
  }

  private scoped({ userId, claimedHosts, from, to, privacies, appType }: ActivityScope) {
    let q = this.db.selectFrom('pin_daily_metrics as d').innerJoin('pins as p', 'p.id', 'd.pin_id').innerJoin('boards as b', 'b.id', 'p.board_id')
      .where('d.day', '>=', from).where('d.day', '<=', to);
    if (appType) q = q.where('d.app_type', '=', appType);
    return q
      .where((eb) => {
        const mine = eb.and([eb('p.owner_id', '=', userId), eb('b.privacy', 'in', privacies)]);
        if (!claimedHosts.length) return mine;
        return eb.or([mine, eb.and([eb('p.owner_id', '!=', userId), eb('b.privacy', '=', 'PUBLIC'), eb('p.link_host', 'in', claimedHosts)])]);
      });
  }

  /** A user's activity per day, app type and kind of pin. */
  async activity(scope: ActivityScope): Promise<ActivityRow[]> {
    const rows = await this.scoped(scope)
      .select(['d.day', 'd.app_type', 'p.owner_id', 'p.media_type', 'p.link_host', ...sums])
      .groupBy(['d.day', 'd.app_type', 'p.owner_id', 'p.media_type', 'p.link_host']).execute();
    return rows.map((r) => ({ day: r.day, app_type: r.app_type, mine: r.owner_id === scope.userId, media_type: r.media_type, link_host: r.link_host, counts: countsOf(r) }));
  }

  /** A user's activity per pin over the period. */
  async pinTotals(scope: ActivityScope & { createdSince?: string; mediaType?: string }): Promise<PinTotalsRow[]> {
    let q = this.scoped(scope);
    if (scope.createdSince) q = q.where('p.created_at', '>=', scope.createdSince);
    if (scope.mediaType) q = q.where('p.media_type', '=', scope.mediaType as 'video');
    const rows = await q.select(['d.pin_id', 'p.owner_id', 'p.media_type', 'p.link_host', 'p.created_at', ...sums])
      .groupBy(['d.pin_id', 'p.owner_id', 'p.media_type', 'p.link_host', 'p.created_at']).execute();
    return rows.map((r) => ({ pin_id: r.pin_id, mine: r.owner_id === scope.userId, media_type: r.media_type, link_host: r.link_host, created_at: r.created_at, counts: countsOf(r) }));
  }
}
