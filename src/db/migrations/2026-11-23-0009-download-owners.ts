// Frozen: every download job belongs to a user (owner_id), so the web app can submit jobs with the session, not
// an API key: api_key_id is null for those and stays set for the download API's. Jobs made before are their key
// owner's. And what a running job knows of its progress: the pins the link holds, the files planned, those stored.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL changes a column's NOT NULL in place; SQLite cannot, so there the table is rebuilt (its documented way). */
async function altersColumnsInPlace(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select current_setting('server_version_num')`.execute(db); // fails on SQLite, a mere SELECT (no transaction)
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  if (await altersColumnsInPlace(db)) {
    await db.schema.alterTable('downloads').addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade')).execute();
    await sql`UPDATE downloads SET owner_id = (SELECT owner_id FROM api_keys WHERE api_keys.id = downloads.api_key_id)`.execute(db);
    await sql`ALTER TABLE downloads ALTER COLUMN owner_id SET NOT NULL, ALTER COLUMN api_key_id DROP NOT NULL`.execute(db);
    for (const column of ['pins_found', 'files_total']) await db.schema.alterTable('downloads').addColumn(column, 'integer').execute();
    await db.schema.alterTable('downloads').addColumn('files_done', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  } else {
    await db.transaction().execute(async (trx) => {
      await trx.schema.createTable('downloads_next')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('callback_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('pins_found', 'integer')
        .addColumn('files_total', 'integer')
        .addColumn('files_done', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`INSERT INTO downloads_next (id, owner_id, api_key_id, url, callback_url, status, error, result, created_at, finished_at)
        SELECT d.id, k.owner_id, d.api_key_id, d.url, d.callback_url, d.status, d.error, d.result, d.created_at, d.finished_at
        FROM downloads d JOIN api_keys k ON k.id = d.api_key_id`.execute(trx);
      await trx.schema.dropTable('downloads').execute(); // nothing references it: no foreign key to break
      await trx.schema.alterTable('downloads_next').renameTo('downloads').execute();
      await trx.schema.createIndex('downloads_key_created').on('downloads').columns(['api_key_id', 'created_at']).execute();
    });
  }
  // A user's jobs newest first (the web app's list), and their quota's count.
  await db.schema.createIndex('downloads_owner_created').on('downloads').columns(['owner_id', 'created_at', 'id']).execute();
}
