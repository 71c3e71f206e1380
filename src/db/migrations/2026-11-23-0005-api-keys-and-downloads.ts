// Frozen: API keys of the download API (stored hashed) and download jobs with their results.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    // Signs callbacks (HMAC); kept readable because the server must sign with it, unlike the key itself.
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('daily_quota', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_owner').on('api_keys').column('owner_id').execute();

  await db.schema.createTable('downloads')
    .addColumn('id', 'text', (c) => c.primaryKey()) // a random UUID: it is the capability to read the results
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('callback_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // loading | done | failed
    .addColumn('error', 'text')
    /** JSON: { results: [...], zip: url | null } once done. */
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('downloads_key_created').on('downloads').columns(['api_key_id', 'created_at']).execute();
}
