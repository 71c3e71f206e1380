// Follows: users and boards, explicit and implicit, the lists on both sides, and the counts they move.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { ORGANIC_SCOPES } from '../src/schemas/operations.js';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';

forEachDialect('follows', (dialect) => {
  let s: TestServer;
  const t: Record<string, string> = {};
  const names: Record<string, string> = {};

  before(async () => {
    s = await startServer(dialect);
    for (const who of ['ann', 'ben', 'cat', 'dan']) {
      const u = await s.user(`${who}_${dialect}`);
      names[who] = u.username;
      t[who] = (await s.token(u.username, (await s.app_(u.username)).client_id)).access_token;
    }
    await s.ctx.users.create({ username: `biz_${dialect}`, password: 'correct horse battery', accountType: 'BUSINESS' });
    names.biz = `biz_${dialect}`;
  });
  after(() => s.close());

  const follow = (who: string, whom: string) => api(s.url, 'POST', `/v5/user_account/following/${whom}`, { token: t[who], json: {} });
  const usernames = (res: { data: { items: Array<{ username: string }> } }) => res.data.items.map((i) => i.username).sort();

  it('following a user answers their summary; twice is fine; unknown is 404; oneself is 400', async () => {
    const res = await follow('ann', names.ben!);
    assert.equal(res.status, 200);
    assert.deepEqual(res.data, { type: 'user', username: names.ben });
    assert.equal((await follow('ann', names.ben!)).status, 200);
    assert.equal((await follow('ann', 'nobody_at_all')).status, 404);
    assert.equal((await follow('ann', names.ann!)).status, 400);
  });

  it('lists and counts on both sides', async () => {
    await follow('cat', names.ben!);
    await follow('ann', names.biz!);
    assert.deepEqual(usernames(await api(s.url, 'GET', '/v5/user_account/followers', { token: t.ben })), [names.ann, names.cat].sort());
    assert.deepEqual(usernames(await api(s.url, 'GET', '/v5/user_account/following', { token: t.ann })), [names.ben, names.biz].sort());
    assert.deepEqual(usernames(await api(s.url, 'GET', '/v5/user_account/following?feed_type=CREATOR_ONLY', { token: t.ann })), [names.biz]);
    assert.equal((await api(s.url, 'GET', '/v5/user_account/following?feed_type=RANKED', { token: t.ann })).status, 400);
    assert.equal((await api(s.url, 'GET', '/v5/user_account/following?feed_type=NOPE', { token: t.ann })).status, 400);
    const ben = (await api(s.url, 'GET', '/v5/user_account', { token: t.ben })).data;
    assert.deepEqual([ben.follower_count, ben.following_count], [2, 0]);
    const ann = (await api(s.url, 'GET', '/v5/user_account', { token: t.ann })).data;
    assert.deepEqual([ann.follower_count, ann.following_count], [0, 2]);
  });

  it('pages through followers with bookmarks, none missing or repeated', async () => {
    const many: string[] = [];
    for (let i = 0; i < 7; i++) {
      const u = await s.user();
      const tok = (await s.token(u.username, (await s.app_(u.username)).client_id)).access_token;
      await api(s.url, 'POST', `/v5/user_account/following/${names.dan}`, { token: tok, json: {} });
      many.push(u.username);
    }
    const seen: string[] = [];
    let bookmark: string | null = null;
    do {
      const res: any = await api(s.url, 'GET', `/v5/user_account/followers?page_size=3${bookmark ? `&bookmark=${bookmark}` : ''}`, { token: t.dan });
      seen.push(...res.data.items.map((i: { username: string }) => i.username));
      bookmark = res.data.bookmark;
    } while (bookmark);
    assert.deepEqual(seen.sort(), many.sort());
  });

  it('board follows: explicit and implicit, public boards only, board follower_count kept', async () => {
    const pub = (await api(s.url, 'POST', '/v5/boards', { token: t.cat, json: { name: 'Cat public' } })).data;
    const secret = (await api(s.url, 'POST', '/v5/boards', { token: t.cat, json: { name: 'Cat secret', privacy: 'SECRET' } })).data;
    const benBoard = (await api(s.url, 'POST', '/v5/boards', { token: t.ben, json: { name: 'Ben public' } })).data;
    const dan = { user: await s.ctx.users.byUsername(names.dan!), appId: 'web', scopes: new Set(ORGANIC_SCOPES), grant: 'authorization_code' as const, tokenId: 'web' };
    await s.ctx.follows.followBoard(dan, pub.id);
    await s.ctx.follows.followBoard(dan, pub.id); // twice counts once
    await assert.rejects(s.ctx.follows.followBoard(dan, secret.id));
    assert.equal((await api(s.url, 'GET', `/v5/boards/${pub.id}`, { token: t.cat })).data.follower_count, 1);
    const explicit = await api(s.url, 'GET', '/v5/user_account/following/boards?explicit_following=true', { token: t.dan });
    assert.deepEqual(explicit.data.items.map((b: { id: string }) => b.id), [pub.id]);
    // dan now follows ben too: ben's public board joins the implicit list, and cat becomes an implicit followee
    await follow('dan', names.ben!);
    const all = await api(s.url, 'GET', '/v5/user_account/following/boards', { token: t.dan });
    assert.deepEqual(all.data.items.map((b: { id: string }) => b.id).sort(), [pub.id, benBoard.id].sort());
    assert.deepEqual(usernames(await api(s.url, 'GET', '/v5/user_account/following', { token: t.dan })), [names.ben, names.cat].sort());
    assert.deepEqual(usernames(await api(s.url, 'GET', '/v5/user_account/following?explicit_following=true', { token: t.dan })), [names.ben]);
  });

  it('a signed-in person follows and unfollows someone else\'s board from its page', async () => {
    const board = (await api(s.url, 'POST', '/v5/boards', { token: t.ben, json: { name: 'Ben on the web' } })).data;
    const slug = (await s.ctx.database.db.selectFrom('boards').select('slug').where('id', '=', board.id).executeTakeFirstOrThrow()).slug;
    const pagePath = `/${names.ben}/${slug}/`;
    const session = await s.ctx.sessions.logIn(names.cat!, 'correct horse battery');
    const cookie = `cb_session=${session!.sessionId}`;
    const page = await fetch(s.url + pagePath, { headers: { cookie } });
    const text = await page.text();
    assert.match(text, /<button type="submit">Follow<\/button>/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(text)![1]!;
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('cb_csrf='))!.split(';')[0]!;
    const post = (action: string, opts: { csrf?: string; cookies?: string } = {}) => fetch(`${s.url}/web/boards/${board.id}/follow`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: opts.cookies ?? `${cookie}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: opts.csrf ?? csrf, action, next: pagePath }),
    });
    const followed = await post('follow');
    assert.equal(followed.status, 303);
    assert.equal(followed.headers.get('location'), pagePath);
    assert.equal((await api(s.url, 'GET', `/v5/boards/${board.id}`, { token: t.ben })).data.follower_count, 1);
    assert.match(await (await fetch(s.url + pagePath, { headers: { cookie: `${cookie}; ${csrfCookie}` } })).text(), /<button type="submit">Unfollow<\/button> <span class="muted">1 followers/);
    assert.equal((await post('follow', { csrf: 'x'.repeat(32) })).status, 403);
    assert.equal((await post('follow', { cookies: csrfCookie })).status, 401);
    assert.equal((await post('unfollow')).status, 303);
    assert.equal((await api(s.url, 'GET', `/v5/boards/${board.id}`, { token: t.ben })).data.follower_count, 0);
    // A board made secret since can still be let go of; a "next" that would leave the site goes home instead.
    assert.equal((await post('follow')).status, 303);
    assert.equal((await api(s.url, 'PATCH', `/v5/boards/${board.id}`, { token: t.ben, json: { privacy: 'SECRET' } })).status, 200);
    const away = await fetch(`${s.url}/web/boards/${board.id}/follow`, {
      method: 'POST', redirect: 'manual', headers: { cookie: `${cookie}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, action: 'unfollow', next: '/\t/evil.example' }),
    });
    assert.equal(away.status, 303);
    assert.equal(away.headers.get('location'), '/');
    assert.equal((await api(s.url, 'GET', `/v5/boards/${board.id}`, { token: t.ben })).data.follower_count, 0);
    const own = await s.ctx.sessions.logIn(names.ben!, 'correct horse battery');
    assert.doesNotMatch(await (await fetch(s.url + pagePath, { headers: { cookie: `cb_session=${own!.sessionId}` } })).text(), /<form method="post"/);
  });
});
