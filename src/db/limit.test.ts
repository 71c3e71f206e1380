import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { limitOf } from './limit.js';

describe('limitOf', () => {
  it('writes the row count into the SQL instead of binding it', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    const q = db.selectFrom('t').select('id').where('id', '>', 5).limit(limitOf(26)).compile();
    assert.match(q.sql, /limit 26$/);
    assert.deepEqual(q.parameters, [5]);
    await db.destroy();
  });

  it('refuses anything but a whole, non-negative number', () => {
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => limitOf(bad), /not a row count/);
  });
});
