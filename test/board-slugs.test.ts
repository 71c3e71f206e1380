// Board slugs (/<user>/<slug>/) stay unique per owner however many boards share a name, and the next one is
// found in one read rather than by trying name-2, name-3, ... in turn (timings: bench).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startServer, type TestServer } from './helpers.js';
import type { Principal } from '../src/services/oauth.js';

forEachDialect('board slugs', (dialect) => {
  let s: TestServer;
  let p: Principal;
  const slugOf = async (id: string) =>
    (await s.ctx.database.db.selectFrom('boards').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  before(async () => {
    s = await startServer(dialect);
    const u = await s.user();
    const app = await s.app_(u.username);
    p = await s.ctx.oauth.authenticate(`Bearer ${(await s.token(u.username, app.client_id)).access_token}`);
  });
  after(() => s.close());

  it('the 1,000th board of one name gets name-1000, and every slug is distinct', async () => {
    // Names that share the prefix without being numbered copies must not be mistaken for them.
    await s.ctx.boards.create(p, { name: 'Trip planning' });
    await s.ctx.boards.create(p, { name: 'Trip 7x' });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) ids.push((await s.ctx.boards.create(p, { name: 'Trip!' })).id);
    const slugs = await Promise.all([ids[0]!, ids[1]!, ids[999]!].map(slugOf));
    assert.deepEqual(slugs, ['trip', 'trip-2', 'trip-1000']);
    const all = await s.ctx.database.db.selectFrom('boards').select('slug').where('owner_id', '=', p.user.id).execute();
    assert.equal(new Set(all.map((r) => r.slug)).size, all.length);
  });

  it('a renamed board takes the next free number, and keeps its slug when renamed to the same slug', async () => {
    const other = await s.ctx.boards.create(p, { name: 'Elsewhere' });
    await s.ctx.boards.update(p, other.id, { name: 'TRIP' });
    assert.equal(await slugOf(other.id), 'trip-1001');
    await s.ctx.boards.update(p, other.id, { name: 'Trip.' });
    assert.equal(await slugOf(other.id), 'trip-1001');
    const alone = await s.ctx.boards.create(p, { name: 'Solo' });
    await s.ctx.boards.update(p, alone.id, { name: 'solo!' });
    assert.equal(await slugOf(alone.id), 'solo');
  });

  it('a name ending in a number past nine digits never makes the next copy collide', async () => {
    await s.ctx.boards.create(p, { name: 'Road' });
    await s.ctx.boards.create(p, { name: 'Road 999999999' });
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await slugOf((await s.ctx.boards.create(p, { name: 'Road' })).id));
    assert.deepEqual(made, ['road-1000000000', 'road-1000000001', 'road-1000000002']);
  });
});
