import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from './database.js';

describe('SQLite generation', () => {
  it('moves on every write, this connection\'s (committed or not) or another\'s, and never on reads', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-generation-'));
    const handle = await openDatabase({ dataDir, databaseUrl: null });
    try {
      const { db } = handle;
      const generation = handle.generation!;
      const g0 = generation();
      await db.selectFrom('settings').selectAll().execute();
      assert.equal(generation(), g0, 'a read moved it');

      await db.insertInto('settings').values({ name: 'k', value: 'v' }).execute();
      const g1 = generation();
      assert.ok(g1 > g0, 'an insert did not move it');
      await db.updateTable('settings').set({ value: 'v' }).where('name', '=', 'nothing-matches').execute();
      assert.equal(generation(), g1, 'an update of no row moved it');

      await assert.rejects(db.transaction().execute(async (trx) => {
        await trx.updateTable('settings').set({ value: 'w' }).where('name', '=', 'k').execute();
        throw new Error('roll back');
      }));
      const g2 = generation();
      assert.ok(g2 > g1, 'a rolled-back update did not move it (it must err on the side of moving)');

      const other = new SQLite(path.join(dataDir, 'corkboard.sqlite')); // as the CLI does, from another process
      other.prepare("UPDATE settings SET value = 'x' WHERE name = 'k'").run();
      other.close();
      const g3 = generation();
      assert.ok(g3 > g2, 'another connection\'s commit did not move it');
      assert.equal(generation(), g3);
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
