// GET /v5/pins/{id} keeps pins in memory while the database is unchanged (ExactCache): whatever changes a pin,
// its board or who may see it, through the API or straight in the database from another connection, the next
// read answers the change.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { api, FIXTURES, forEachDialect, ownerAndOther, startServer, type TestServer } from './helpers.js';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';

const PNG = readFileSync(path.join(FIXTURES, 'sample-900x1350.png'));

forEachDialect('pin reads stay true', (dialect) => {
  let s: TestServer;
  let owner: string;
  let ownerNoSecret: string;
  let other: string;
  let board: string;
  let pin: string;

  /** An UPDATE from outside the server, as another process writing the same database would make it. */
  async function writeOutside(sql: string, params: string[]): Promise<void> {
    if (dialect === 'sqlite') {
      const db = new SQLite(path.join(s.config.dataDir, 'corkboard.sqlite'));
      db.prepare(sql.replace(/\$\d/g, '?')).run(...params);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: s.config.databaseUrl! });
      await client.connect();
      await client.query(sql, params);
      await client.end();
    }
  }

  const get = (token: string, query = '') => api(s.url, 'GET', `/v5/pins/${pin}${query}`, { token });

  before(async () => {
    s = await startServer(dialect);
    const made = await ownerAndOther(s, 'Cached pins');
    ({ token: owner, otherToken: other, board } = made);
    ownerNoSecret = (await s.token(made.owner.username, made.app.client_id, ORGANIC_SCOPES.filter((x) => !x.endsWith('_secret')))).access_token;
    pin = (await api(s.url, 'POST', '/v5/pins', { token: owner, json: { board_id: board, title: 'First', media_source: { source_type: 'image_base64', content_type: 'image/png', data: PNG.toString('base64') } } })).data.id;
  });
  after(async () => { await s.close(); });

  it('answers the owner and anyone else their own view of one pin', async () => {
    for (let i = 0; i < 2; i++) {
      const mine = await get(owner);
      const theirs = await get(other);
      assert.equal(mine.status, 200);
      assert.equal(mine.data.is_owner, true);
      assert.equal(theirs.status, 200);
      assert.equal(theirs.data.is_owner, false);
      assert.deepEqual({ ...theirs.data, is_owner: true }, mine.data);
    }
  });

  it('answers a change made through the API on the next read', async () => {
    assert.equal((await get(owner)).data.title, 'First');
    assert.equal((await api(s.url, 'PATCH', `/v5/pins/${pin}`, { token: owner, json: { title: 'Second' } })).status, 200);
    assert.equal((await get(owner)).data.title, 'Second');
    assert.equal((await get(other)).data.title, 'Second');
  });

  it('answers a change written straight into the database by another connection', async () => {
    assert.equal((await get(owner)).data.title, 'Second');
    await writeOutside('UPDATE pins SET title = $1 WHERE id = $2', ['Written outside', pin]);
    assert.equal((await get(owner)).data.title, 'Written outside');
  });

  it('follows the board: its privacy decides who sees the pin, and a move changes board_id', async () => {
    assert.equal((await get(other)).status, 200);
    assert.equal((await api(s.url, 'PATCH', `/v5/boards/${board}`, { token: owner, json: { privacy: 'SECRET' } })).status, 200);
    assert.equal((await get(other)).status, 404);
    assert.equal((await get(ownerNoSecret)).status, 404);
    assert.equal((await get(owner)).status, 200);
    await writeOutside('UPDATE boards SET privacy = $1 WHERE id = $2', ['PUBLIC', board]);
    assert.equal((await get(other)).status, 200);

    const second = (await api(s.url, 'POST', '/v5/boards', { token: owner, json: { name: 'Second board' } })).data.id;
    assert.equal((await api(s.url, 'PATCH', `/v5/pins/${pin}`, { token: owner, json: { board_id: second } })).status, 200);
    assert.equal((await get(other)).data.board_id, second);
  });

  it('adds pin_metrics to a copy: the kept pin stays as it was', async () => {
    const withMetrics = await get(owner, '?pin_metrics=true');
    assert.equal(withMetrics.status, 200);
    assert.equal(typeof withMetrics.data.pin_metrics, 'object');
    assert.notEqual(withMetrics.data.pin_metrics, null);
    assert.equal((await get(owner)).data.pin_metrics, null);
  });

  it('answers 404 once the pin is deleted', async () => {
    assert.equal((await get(owner)).status, 200);
    assert.equal((await api(s.url, 'DELETE', `/v5/pins/${pin}`, { token: owner })).status, 204);
    assert.equal((await get(owner)).status, 404);
    assert.equal((await get(other)).status, 404);
  });
});
