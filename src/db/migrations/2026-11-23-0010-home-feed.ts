// Frozen: the home feed's order. The feed pages a set of boards' pins newest first by (created_at, id):
// per board, this index gives those pins already in that order, from any bookmark on.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('pins_board_created').on('pins').columns(['board_id', 'created_at', 'id']).execute();
}
