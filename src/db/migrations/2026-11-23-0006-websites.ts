// Frozen: websites a user has proven they control (the claim Pinterest's website verification records).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('user_websites')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('website', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_websites_pk', ['user_id', 'website'])
    .execute();
}
