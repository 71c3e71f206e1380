// Frozen: the analytics event log, its per-pin daily rollup, and the link host of each pin (claimed-website
// analytics match pins to verified websites by host).
import type { Kysely } from 'kysely';

const COUNTERS = ['impression', 'save', 'pin_click', 'outbound_click', 'profile_visit', 'user_follow', 'video_start',
  'video_mrc_view', 'video_10s_view', 'video_q95_view', 'video_watch_ms', 'comments', 'reactions'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pin_id', 'text', (c) => c.notNull().references('pins.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('app_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    // Set when the sender can repeat an event (beacons, imports): a repeat is recognised and dropped.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('events_pin_at').on('events').columns(['pin_id', 'at']).execute();

  let table = db.schema.createTable('pin_daily_metrics')
    .addColumn('pin_id', 'text', (c) => c.notNull().references('pins.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('app_type', 'text', (c) => c.notNull());
  for (const name of COUNTERS) table = table.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('pin_daily_metrics_pk', ['pin_id', 'day', 'app_type']).execute();

  await db.schema.alterTable('pins').addColumn('link_host', 'text').execute();
  await db.schema.createIndex('pins_link_host').on('pins').column('link_host').execute();
  const linked = await db.selectFrom('pins').select(['id', 'link']).where('link', 'is not', null).execute();
  for (const { id, link } of linked as Array<{ id: string; link: string }>) {
    let host: string | null = null;
    try { host = new URL(link).host.toLowerCase().replace(/^www\./, '') || null; } catch { /* not a URL: no host */ }
    if (host) await db.updateTable('pins').set({ link_host: host }).where('id', '=', id).execute();
  }
}
