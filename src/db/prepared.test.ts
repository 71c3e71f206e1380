import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { prepared } from './prepared.js';

describe('prepared queries', () => {
  it('compile once, then run with each call\'s arguments in their places and the constants as written', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    await db.schema.createTable('t').addColumn('id', 'text').addColumn('kind', 'text').addColumn('n', 'integer').execute();
    await db.insertInto('t').values([{ id: 'a', kind: 'x', n: 1 }, { id: 'a', kind: 'y', n: 2 }, { id: 'b', kind: 'x', n: 3 }]).execute();
    let builds = 0;
    const q = prepared(db, 2, (id: string, min: number) => {
      builds++;
      return db.selectFrom('t').select('n').where('kind', '=', 'x').where('n', '>=', min).where('id', '=', id);
    });
    assert.deepEqual(await q('a', 0), [{ n: 1 }]);
    assert.deepEqual(await q('b', 0), [{ n: 3 }]);
    assert.deepEqual(await q('b', 4), []);
    assert.equal(builds, 1);
    const unused = prepared(db, 1, (_id: string) => db.selectFrom('t').select('n'));
    await assert.rejects(unused('a'), /every argument must appear/);
    await assert.rejects(unused('a'), /every argument must appear/); // a second call does not run it either
    await db.destroy();
  });
});
