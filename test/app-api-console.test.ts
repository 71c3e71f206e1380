// The developer console's JSON API (/api/app/apps..., /api/app/api-keys...) over real HTTP with a browser's cookie
// jar: each answer checked against the schema the route table documents; secrets shown once and working where
// they should (OAuth token endpoint, /v5, the download API) and not once rotated, revoked or deleted; every field
// validated with 400 naming it; another user's objects 404; logged out 401; no CSRF proof 403.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { APP_ROUTES } from '../src/http/app-api/routes.js';
import { KNOWN_SCOPES } from '../src/schemas/operations.js';
import { Browser, type Answer } from './browser-session.js';
import { api, basic, forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';

type RouteName = keyof typeof APP_ROUTES;

function documented(route: RouteName, res: Answer, status: number): void {
  assert.equal(res.status, status, JSON.stringify(res.data));
  const doc = (APP_ROUTES[route].responses as Record<number, { schema?: TSchema }>)[status];
  assert.ok(doc, `${route} does not document ${status}`);
  if (doc.schema) assert.ok(Value.Check(doc.schema, res.data), `${route} ${status}: ${JSON.stringify(res.data)} does not match its schema`);
  else assert.equal(res.data, undefined);
}

forEachDialect('app API: developer console', (dialect) => {
  let s: TestServer;
  let alice: Browser;
  let bob: Browser;

  before(async () => {
    // pinterest.com links go to a closed local port, so submitted downloads fail at once instead of leaving the machine
    s = await startServer(dialect, { CORKBOARD_PINTEREST_UPSTREAM: 'http://127.0.0.1:9' });
    alice = new Browser(s.url);
    await alice.signUp(uniqueName('alice'));
    bob = new Browser(s.url);
    await bob.signUp(uniqueName('bob'));
  });
  after(() => s.close());

  const createApp = async (b: Browser, name = 'My app', redirect_uris = ['https://example.com/cb', 'http://localhost:8085/']) => {
    const res = await b.fetch('POST', '/api/app/apps', { json: { name, redirect_uris } });
    documented('appsCreate', res, 201);
    return res.data as { client_id: string; client_secret: string };
  };
  const clientCredentials = (clientId: string, secret: string) => fetch(`${s.url}/v5/oauth/token`, {
    method: 'POST', headers: { authorization: basic(clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=user_accounts:read',
  });

  it('logged out, every console route answers 401', async () => {
    const anon = new Browser(s.url);
    await anon.session(); // a CSRF token, so the POSTs pass the proof and meet the session check
    const cases: Array<[RouteName, string, string, unknown?]> = [
      ['scopes', 'GET', '/api/app/scopes'],
      ['appsList', 'GET', '/api/app/apps'],
      ['appsCreate', 'POST', '/api/app/apps', { name: 'x', redirect_uris: ['https://example.com/'] }],
      ['appsRotateSecret', 'POST', '/api/app/apps/1/secret'],
      ['appsDelete', 'DELETE', '/api/app/apps/1'],
      ['tokensList', 'GET', '/api/app/apps/1/tokens'],
      ['tokensCreate', 'POST', '/api/app/apps/1/tokens', { scopes: ['boards:read'] }],
      ['tokensRevoke', 'DELETE', '/api/app/apps/1/tokens/2'],
      ['apiKeysList', 'GET', '/api/app/api-keys'],
      ['apiKeysCreate', 'POST', '/api/app/api-keys', { name: 'k', daily_quota: 5 }],
      ['apiKeysRevoke', 'DELETE', '/api/app/api-keys/1'],
    ];
    for (const [route, method, path, json] of cases) {
      const res = await anon.fetch(method, path, json === undefined ? {} : { json });
      documented(route, res, 401);
      assert.match(res.data.message, /log in/i, route);
    }
  });

  it('scopes: every scope of the v5 document with its description', async () => {
    const res = await alice.fetch('GET', '/api/app/scopes');
    documented('scopes', res, 200);
    assert.deepEqual(res.data.items.map((i: { scope: string }) => i.scope), KNOWN_SCOPES);
    assert.equal(res.data.items.find((i: { scope: string }) => i.scope === 'boards:read').description, 'See your public boards, including group boards you join');
  });

  it('apps: create shows the secret once, the list never; rotate replaces it; delete ends its tokens', async () => {
    const created = await createApp(alice, '  Recipe sync  ');
    const list = await alice.fetch('GET', '/api/app/apps');
    documented('appsList', list, 200);
    assert.deepEqual(list.data.items.map((a: { client_id: string }) => a.client_id), [created.client_id]);
    const [app] = list.data.items;
    assert.equal(app.name, 'Recipe sync');
    assert.deepEqual(app.redirect_uris, ['http://localhost:8085/', 'https://example.com/cb']);
    assert.ok(Math.abs(Date.parse(app.created_at) - Date.now()) < 60_000);
    assert.ok(!JSON.stringify(list.data).includes(created.client_secret));
    assert.equal((await clientCredentials(created.client_id, created.client_secret)).status, 200);

    // a token the app issued before it is deleted
    const minted = await alice.fetch('POST', `/api/app/apps/${created.client_id}/tokens`, { json: { scopes: ['user_accounts:read'] } });
    documented('tokensCreate', minted, 201);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: minted.data.access_token })).status, 200);

    const rotated = await alice.fetch('POST', `/api/app/apps/${created.client_id}/secret`);
    documented('appsRotateSecret', rotated, 200);
    assert.equal(rotated.data.client_id, created.client_id);
    assert.notEqual(rotated.data.client_secret, created.client_secret);
    assert.equal((await clientCredentials(created.client_id, created.client_secret)).status, 401);
    assert.equal((await clientCredentials(created.client_id, rotated.data.client_secret)).status, 200);
    // rotating the secret leaves the app's tokens alone
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: minted.data.access_token })).status, 200);

    const deleted = await alice.fetch('DELETE', `/api/app/apps/${created.client_id}`);
    documented('appsDelete', deleted, 204);
    assert.deepEqual((await alice.fetch('GET', '/api/app/apps')).data.items, []);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: minted.data.access_token })).status, 401);
    assert.equal((await clientCredentials(created.client_id, rotated.data.client_secret)).status, 401);
    documented('appsDelete', await alice.fetch('DELETE', `/api/app/apps/${created.client_id}`), 404);
  });

  it('apps: each field is checked, with 400 naming it', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ redirect_uris: ['https://example.com/'] }, /name is required/],
      [{ name: '', redirect_uris: ['https://example.com/'] }, /name/],
      [{ name: '   ', redirect_uris: ['https://example.com/'] }, /name must be 1 to 100/],
      [{ name: 'x'.repeat(101), redirect_uris: ['https://example.com/'] }, /name/],
      [{ name: 7, redirect_uris: ['https://example.com/'] }, /name must be string/],
      [{ name: 'x' }, /redirect_uris is required/],
      [{ name: 'x', redirect_uris: [] }, /redirect_uris/],
      [{ name: 'x', redirect_uris: 'https://example.com/' }, /redirect_uris must be array/],
      [{ name: 'x', redirect_uris: ['javascript:alert(1)'] }, /redirect_uri javascript:alert\(1\) must use https:/],
      [{ name: 'x', redirect_uris: ['http://example.com/cb'] }, /redirect_uri http:\/\/example.com\/cb must use https:/],
      [{ name: 'x', redirect_uris: ['https://example.com/#frag'] }, /fragment/],
      [{ name: 'x', redirect_uris: ['callback'] }, /not an absolute URL/],
      [{ name: 'x', redirect_uris: ['https://example.com/'], secret: 'mine' }, /unknown field secret/],
    ];
    for (const [json, message] of bad) {
      const res = await alice.fetch('POST', '/api/app/apps', { json });
      documented('appsCreate', res, 400);
      assert.match(res.data.message, message, JSON.stringify(json));
    }
    assert.deepEqual((await alice.fetch('GET', '/api/app/apps')).data.items, []);
    for (const path of ['/api/app/apps/abc/secret', '/api/app/apps/12345678901234567890/secret']) {
      const res = await alice.fetch('POST', path);
      documented('appsRotateSecret', res, 400);
      assert.match(res.data.message, /client_id/);
    }
    const res = await alice.fetch('DELETE', '/api/app/apps/1/tokens/x1');
    documented('tokensRevoke', res, 400);
    assert.match(res.data.message, /token_id/);
  });

  it('tokens: generated with the chosen scopes, listed without the secret, revoked for good', async () => {
    const { client_id } = await createApp(alice);
    const issued = await alice.fetch('POST', `/api/app/apps/${client_id}/tokens`, { json: { scopes: ['user_accounts:read', 'boards:read'] } });
    documented('tokensCreate', issued, 201);
    const t = issued.data;
    assert.equal(t.scope, 'user_accounts:read,boards:read');
    assert.match(t.access_token, /^pina_/);
    assert.match(t.refresh_token, /^pinr_/);
    const me = await api(s.url, 'GET', '/v5/user_account', { token: t.access_token });
    assert.equal(me.status, 200);
    assert.equal(me.data.username, (await alice.session()).data.user.username);
    assert.equal((await api(s.url, 'GET', '/v5/boards', { token: t.access_token })).status, 200);
    const pins = await api(s.url, 'GET', '/v5/pins', { token: t.access_token });
    assert.equal(pins.status, 401);
    assert.equal(pins.data.code, 3); // missing pins:read

    const second = await alice.fetch('POST', `/api/app/apps/${client_id}/tokens`, { json: { scopes: ['boards:read', 'pins:read'] } });
    const list = await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`);
    documented('tokensList', list, 200);
    assert.equal(list.data.items.length, 2);
    const [newest, first] = list.data.items;
    assert.deepEqual(newest.scopes, ['boards:read', 'pins:read']);
    assert.deepEqual(first.scopes, ['user_accounts:read', 'boards:read']);
    assert.equal(first.grant_type, 'authorization_code');
    assert.ok(Date.parse(first.expires_at) > Date.now() + 29 * 86_400_000, first.expires_at); // 30 days
    assert.ok(Date.parse(first.refresh_token_expires_at) > Date.parse(first.expires_at));
    const text = JSON.stringify(list.data);
    for (const secret of [t.access_token, t.refresh_token, second.data.access_token]) assert.ok(!text.includes(secret));

    documented('tokensRevoke', await alice.fetch('DELETE', `/api/app/apps/${client_id}/tokens/${first.id}`), 204);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: t.access_token })).status, 401);
    const refresh = await fetch(`${s.url}/v5/oauth/token`, {
      method: 'POST', headers: { authorization: basic(client_id, (await alice.fetch('POST', `/api/app/apps/${client_id}/secret`)).data.client_secret),
        'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&refresh_token=${t.refresh_token}`,
    });
    assert.equal(refresh.status, 400); // the refresh token went with it
    assert.deepEqual((await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`)).data.items.map((i: { id: string }) => i.id), [newest.id]);
    assert.equal((await api(s.url, 'GET', '/v5/pins', { token: second.data.access_token })).status, 200); // the other stays
    documented('tokensRevoke', await alice.fetch('DELETE', `/api/app/apps/${client_id}/tokens/${first.id}`), 404);
  });

  it('tokens: scopes are checked, with 400 naming them', async () => {
    const { client_id } = await createApp(alice);
    for (const [json, message] of [
      [{}, /scopes is required/], [{ scopes: [] }, /scopes/], [{ scopes: ['boards:read', 'boards:read'] }, /scopes/],
      [{ scopes: ['boards:everything'] }, /scopes\.0 must be one of .*boards:read/], [{ scopes: 'boards:read' }, /scopes must be array/],
    ] as const) {
      const res = await alice.fetch('POST', `/api/app/apps/${client_id}/tokens`, { json });
      documented('tokensCreate', res, 400);
      assert.match(res.data.message, message, JSON.stringify(json));
    }
    assert.deepEqual((await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`)).data.items, []);
  });

  it("another user's app, token or key answers 404, and nothing changes", async () => {
    const { client_id, client_secret } = await createApp(alice);
    const token = (await alice.fetch('POST', `/api/app/apps/${client_id}/tokens`, { json: { scopes: ['user_accounts:read'] } })).data;
    const [grant] = (await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`)).data.items;
    const key = (await alice.fetch('POST', '/api/app/api-keys', { json: { name: 'alice key', daily_quota: 10 } })).data;
    const bobsApp = await createApp(bob);

    const cases: Array<[RouteName, string, string, unknown?]> = [
      ['appsRotateSecret', 'POST', `/api/app/apps/${client_id}/secret`],
      ['appsDelete', 'DELETE', `/api/app/apps/${client_id}`],
      ['tokensList', 'GET', `/api/app/apps/${client_id}/tokens`],
      ['tokensCreate', 'POST', `/api/app/apps/${client_id}/tokens`, { scopes: ['user_accounts:read'] }],
      ['tokensRevoke', 'DELETE', `/api/app/apps/${client_id}/tokens/${grant.id}`],
      ['tokensRevoke', 'DELETE', `/api/app/apps/${bobsApp.client_id}/tokens/${grant.id}`], // his app, her token
      ['apiKeysRevoke', 'DELETE', `/api/app/api-keys/${key.id}`],
    ];
    for (const [route, method, path, json] of cases) documented(route, await bob.fetch(method, path, json === undefined ? {} : { json }), 404);
    assert.ok(!(await bob.fetch('GET', '/api/app/apps')).data.items.some((a: { client_id: string }) => a.client_id === client_id));
    assert.deepEqual((await bob.fetch('GET', '/api/app/api-keys')).data.items, []);
    // all of it still works for alice
    assert.equal((await clientCredentials(client_id, client_secret)).status, 200);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token: token.access_token })).status, 200);
    assert.ok((await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`)).data.items.some((g: { id: string }) => g.id === grant.id));
    assert.ok((await alice.fetch('GET', '/api/app/api-keys')).data.items.some((k: { id: string }) => k.id === key.id));
  });

  it('API keys: the key shown once, its use in 24 hours counted as the quota counts it, revoked for good', async () => {
    const created = await alice.fetch('POST', '/api/app/api-keys', { json: { name: ' Batch job ', daily_quota: 2 } });
    documented('apiKeysCreate', created, 201);
    const { api_key, id, webhook_secret } = created.data;
    assert.match(api_key, /^cbk_/);
    assert.match(webhook_secret, /^whsec_/);
    const mine = async () => (await alice.fetch('GET', '/api/app/api-keys')).data.items.find((k: { id: string }) => k.id === id);
    const listed = await alice.fetch('GET', '/api/app/api-keys');
    documented('apiKeysList', listed, 200);
    assert.deepEqual({ ...(await mine()), created_at: undefined }, { id, name: 'Batch job', key_prefix: api_key.slice(0, 10), daily_quota: 2, used_24h: 0, created_at: undefined });
    assert.ok(!JSON.stringify(listed.data).includes(api_key) && !JSON.stringify(listed.data).includes(webhook_secret));

    const submit = (n: number) => fetch(`${s.url}/api/v1/submit/`, { method: 'POST', headers: { authorization: api_key, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `https://www.pinterest.com/pin/${n}/` }) });
    assert.equal((await submit(1)).status, 200);
    assert.equal((await mine()).used_24h, 1);
    assert.equal((await submit(2)).status, 200);
    assert.equal((await mine()).used_24h, 2);
    assert.equal((await submit(3)).status, 429); // the same count the console shows
    assert.equal((await mine()).used_24h, 2);

    documented('apiKeysRevoke', await alice.fetch('DELETE', `/api/app/api-keys/${id}`), 204);
    assert.equal(await mine(), undefined);
    assert.equal((await submit(4)).status, 401);
    documented('apiKeysRevoke', await alice.fetch('DELETE', `/api/app/api-keys/${id}`), 404);
  });

  it('API keys: each field is checked, with 400 naming it', async () => {
    for (const [json, message] of [
      [{ daily_quota: 5 }, /name is required/], [{ name: '', daily_quota: 5 }, /name/], [{ name: '  ', daily_quota: 5 }, /name must be 1 to 100/],
      [{ name: 'k' }, /daily_quota is required/], [{ name: 'k', daily_quota: 0 }, /daily_quota must be >= 1/],
      [{ name: 'k', daily_quota: 1.5 }, /daily_quota must be integer/], [{ name: 'k', daily_quota: '5' }, /daily_quota must be integer/],
      [{ name: 'k', daily_quota: 2_000_000 }, /daily_quota must be <= 1000000/],
    ] as const) {
      const res = await alice.fetch('POST', '/api/app/api-keys', { json });
      documented('apiKeysCreate', res, 400);
      assert.match(res.data.message, message, JSON.stringify(json));
    }
    const res = await alice.fetch('DELETE', '/api/app/api-keys/nope');
    documented('apiKeysRevoke', res, 400);
    assert.match(res.data.message, /key_id/);
  });

  it('state changes without the CSRF proof answer 403 and change nothing', async () => {
    const { client_id, client_secret } = await createApp(alice, 'Guarded');
    const key = (await alice.fetch('POST', '/api/app/api-keys', { json: { name: 'guarded', daily_quota: 3 } })).data;
    const attempts: Array<[RouteName, string, string, unknown?]> = [
      ['appsCreate', 'POST', '/api/app/apps', { name: 'Forged', redirect_uris: ['https://evil.example/'] }],
      ['appsRotateSecret', 'POST', `/api/app/apps/${client_id}/secret`],
      ['appsDelete', 'DELETE', `/api/app/apps/${client_id}`],
      ['tokensCreate', 'POST', `/api/app/apps/${client_id}/tokens`, { scopes: ['boards:read'] }],
      ['apiKeysCreate', 'POST', '/api/app/api-keys', { name: 'forged', daily_quota: 3 }],
      ['apiKeysRevoke', 'DELETE', `/api/app/api-keys/${key.id}`],
    ];
    for (const [route, method, path, json] of attempts) {
      for (const proof of [{ csrf: false as const }, { csrf: 'wrong-token' }, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }]) {
        const res = await alice.fetch(method, path, { ...proof, ...(json === undefined ? {} : { json }) });
        documented(route, res, 403);
        assert.match(res.data.message, /^CSRF check failed/);
      }
    }
    const apps = (await alice.fetch('GET', '/api/app/apps')).data.items;
    assert.ok(apps.some((a: { client_id: string }) => a.client_id === client_id));
    assert.ok(!apps.some((a: { name: string }) => a.name === 'Forged'));
    assert.equal((await clientCredentials(client_id, client_secret)).status, 200);
    // the list has the client-credentials token just asked for, and nothing a forged request made
    assert.deepEqual((await alice.fetch('GET', `/api/app/apps/${client_id}/tokens`)).data.items.map((g: { grant_type: string }) => g.grant_type), ['client_credentials']);
    const keys = (await alice.fetch('GET', '/api/app/api-keys')).data.items;
    assert.ok(keys.some((k: { id: string }) => k.id === key.id));
    assert.ok(!keys.some((k: { name: string }) => k.name === 'forged'));
  });
});
