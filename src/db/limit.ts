// LIMIT written into the SQL text, never bound. SQLite's planner reads a bound LIMIT's value, and a statement whose
// plan read a parameter expires whenever that parameter is bound again: each run of a paged query was parsed and
// planned anew, cached statement or not. Page sizes are few, so the texts stay few.
import { sql, type RawBuilder } from 'kysely';

export function limitOf(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`limitOf: ${rows} is not a row count`);
  return sql.lit(rows);
}
