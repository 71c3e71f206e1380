// POST /v5/oauth/token beyond the browser flow: refresh (plain and continuous, reuse detection), client credentials, expiry,
// revocation, scopes, and every way a bearer token or a token request can be refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../src/lib/secrets.js';
import { ROTATION_RACE_MS } from '../src/services/oauth.js';
import { api, basic, forEachDialect, REPO_ROOT, startServer, type TestServer } from './helpers.js';

const SPEC = JSON.parse(readFileSync(path.resolve(REPO_ROOT, 'spec', 'pinterest-api-v5.openapi.json'), 'utf8'));
const CLIENT_CREDENTIALS_RESPONSE = SPEC.components.schemas.OauthAccessTokenResponseClientCredentials as {
  required: string[]; properties: Record<string, { type: string; enum?: string[] }>;
};

const DAY = 86400;

/** Asserts a Pinterest error body: {code, message} and nothing else. */
function assertError(res: { status: number; data: any }, status: number, code: number, message?: RegExp): void {
  assert.equal(res.status, status, JSON.stringify(res.data));
  assert.deepEqual(Object.keys(res.data).sort(), ['code', 'message']);
  assert.equal(res.data.code, code);
  assert.equal(typeof res.data.message, 'string');
  if (message) assert.match(res.data.message, message);
}

forEachDialect('OAuth tokens', (dialect) => {
  let s: TestServer;
  let alice: { id: string; username: string };
  let bob: { id: string; username: string };
  let client: { client_id: string; client_secret: string };
  let otherClient: { client_id: string; client_secret: string };

  before(async () => {
    s = await startServer(dialect);
    alice = await s.user();
    bob = await s.user();
    client = await s.app_(alice.username);
    otherClient = await s.app_(bob.username);
  });
  after(() => s.close());

  /** POST a form to /v5/oauth/token (or /revoke) with the app's HTTP Basic credentials. */
  async function tokenRequest(form: Record<string, string>, opts: { app?: typeof client; authorization?: string | null; path?: string } = {}) {
    const app = opts.app ?? client;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const authorization = opts.authorization === undefined ? basic(app.client_id, app.client_secret) : opts.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const res = await fetch(`${s.url}${opts.path ?? '/v5/oauth/token'}`, { method: 'POST', headers, body: new URLSearchParams(form) });
    const text = await res.text();
    let data: any;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = text; }
    return { status: res.status, data, headers: res.headers };
  }
  const revoke = (token: string, app = client) => tokenRequest({ token }, { app, path: '/v5/oauth/token/revoke' });
  const me = (token: string) => api(s.url, 'GET', '/v5/user_account', { token });

  describe('refresh_token grant', () => {
    it('plain refresh gives a new, working access token with the same scopes; the refresh token stays usable', async () => {
      const minted = await s.token(alice.username, client.client_id, ['user_accounts:read', 'boards:read']);
      const res = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! });
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assert.match(res.data.access_token, /^pina_/);
      assert.notEqual(res.data.access_token, minted.access_token);
      assert.equal(res.data.response_type, 'refresh_token');
      assert.equal(res.data.token_type, 'bearer');
      assert.equal(res.data.expires_in, 30 * DAY);
      assert.equal(res.data.scope, 'user_accounts:read,boards:read');
      const who = await me(res.data.access_token);
      assert.equal(who.status, 200);
      assert.equal(who.data.username, alice.username);
      // without continuous refresh the refresh token is not rotated
      const again = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! });
      assert.equal(again.status, 200);
      assert.notEqual(again.data.access_token, res.data.access_token);
    });

    for (const flag of ['continuous_refresh', 'refresh_on'] as const) {
      it(`${flag}=true rotates: a new refresh token, and the old one is spent`, async () => {
        const minted = await s.token(alice.username, client.client_id);
        const before = Math.floor(Date.now() / 1000);
        const res = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, [flag]: 'true' });
        const afterS = Math.ceil(Date.now() / 1000);
        assert.equal(res.status, 200, JSON.stringify(res.data));
        assert.match(res.data.refresh_token, /^pinr_/);
        assert.notEqual(res.data.refresh_token, minted.refresh_token);
        assert.equal(res.data.refresh_token_expires_in, 60 * DAY);
        assert.ok(Number.isInteger(res.data.refresh_token_expires_at));
        assert.ok(res.data.refresh_token_expires_at >= before + 60 * DAY && res.data.refresh_token_expires_at <= afterS + 60 * DAY);
        assert.equal(res.data.response_type, 'refresh_token');
        assert.equal((await me(res.data.access_token)).status, 200);
        const old = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, [flag]: 'true' });
        assertError(old, 400, 1, /refresh token/i);
        // the new one works
        const next = await tokenRequest({ grant_type: 'refresh_token', refresh_token: res.data.refresh_token, [flag]: 'true' });
        assert.equal(next.status, 200);
      });
    }

    it('a chain of continuous refreshes never repeats a token', async () => {
      const minted = await s.token(alice.username, client.client_id);
      const access = new Set([minted.access_token]);
      const refresh = new Set([minted.refresh_token!]);
      let current = minted.refresh_token!;
      for (let i = 0; i < 5; i++) {
        const res = await tokenRequest({ grant_type: 'refresh_token', refresh_token: current, continuous_refresh: 'true' });
        assert.equal(res.status, 200, JSON.stringify(res.data));
        assert.ok(!access.has(res.data.access_token), 'access token repeated');
        assert.ok(!refresh.has(res.data.refresh_token), 'refresh token repeated');
        access.add(res.data.access_token);
        refresh.add(res.data.refresh_token);
        current = res.data.refresh_token;
      }
      assert.equal(access.size, 6);
      assert.equal(refresh.size, 6);
    });

    // The old token's revocation is conditional, so concurrent rotations cannot all succeed.
    it('concurrent continuous refreshes of one refresh token: only one succeeds', async () => {
      for (let round = 0; round < 5; round++) {
        const minted = await s.token(alice.username, client.client_id);
        const attempt = () => tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, continuous_refresh: 'true' });
        const results = await Promise.all([attempt(), attempt(), attempt()]);
        assert.equal(results.filter((r) => r.status === 200).length, 1, `round ${round}: ${results.map((r) => r.status).join(',')}`);
        for (const r of results.filter((x) => x.status !== 200)) assertError(r, 400, 1);
        // losing a race is not a replay: the winner's tokens keep working
        const winner = results.find((r) => r.status === 200)!.data;
        assert.equal((await me(winner.access_token)).status, 200, `round ${round}`);
        assert.equal((await tokenRequest({ grant_type: 'refresh_token', refresh_token: winner.refresh_token, continuous_refresh: 'true' })).status, 200, `round ${round}`);
      }
    });

    describe('reuse of a rotated refresh token (RFC 9700 4.14.2)', () => {
      /** Moves a spent token's rotation into the past, beyond the grace given to a client racing itself. */
      const rotatedLongAgo = async (token: string) => {
        const res = await s.ctx.database.db.updateTable('oauth_tokens').set({ revoked_at: new Date(Date.now() - ROTATION_RACE_MS - 5000).toISOString() })
          .where('token_hash', '=', sha256(token)).where('revoked_at', 'is not', null).executeTakeFirst();
        assert.equal(Number(res.numUpdatedRows), 1);
      };
      const rotate = async (refresh: string) => {
        const res = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, continuous_refresh: 'true' });
        assert.equal(res.status, 200, JSON.stringify(res.data));
        return res.data as { access_token: string; refresh_token: string };
      };

      for (const continuous of [true, false]) {
        it(`a replayed rotated token (${continuous ? 'continuous' : 'plain'} refresh) is refused and revokes every token of its family`, async () => {
          const minted = await s.token(alice.username, client.client_id);
          const bystander = await s.token(alice.username, client.client_id); // another authorization of the same user and app
          const first = await rotate(minted.refresh_token!);
          const second = await rotate(first.refresh_token);
          await rotatedLongAgo(minted.refresh_token!);
          const replay = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, ...(continuous ? { continuous_refresh: 'true' } : {}) });
          const unknown = await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'pinr_never-issued' });
          assertError(replay, 400, 1);
          assert.equal(replay.data.message, unknown.data.message); // answered as any invalid refresh token
          for (const access of [minted.access_token, first.access_token, second.access_token]) assertError(await me(access), 401, 2);
          assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: second.refresh_token, continuous_refresh: 'true' }), 400, 1);
          assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: second.refresh_token }), 400, 1);
          // other families are untouched
          assert.equal((await me(bystander.access_token)).status, 200);
          assert.equal((await tokenRequest({ grant_type: 'refresh_token', refresh_token: bystander.refresh_token! })).status, 200);
        });
      }

      it('a replay moments after the rotation (the client racing itself) is refused but revokes nothing', async () => {
        const minted = await s.token(alice.username, client.client_id);
        const next = await rotate(minted.refresh_token!);
        assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, continuous_refresh: 'true' }), 400, 1);
        assert.equal((await me(next.access_token)).status, 200);
        await rotate(next.refresh_token);
      });

      it('another app presenting the token revokes nothing', async () => {
        const minted = await s.token(alice.username, client.client_id);
        const next = await rotate(minted.refresh_token!);
        await rotatedLongAgo(minted.refresh_token!);
        assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! }, { app: otherClient }), 400, 1);
        assert.equal((await me(next.access_token)).status, 200);
      });
    });

    it('scope narrows the new token; asking for more than held is refused', async () => {
      const minted = await s.token(alice.username, client.client_id, ['user_accounts:read', 'boards:read']);
      const narrow = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, scope: 'user_accounts:read' });
      assert.equal(narrow.status, 200);
      assert.equal(narrow.data.scope, 'user_accounts:read');
      assert.equal((await me(narrow.data.access_token)).status, 200);
      assertError(await api(s.url, 'GET', '/v5/boards', { token: narrow.data.access_token }), 401, 3, /boards:read/);
      const wider = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, scope: 'user_accounts:read,pins:write' });
      assertError(wider, 400, 1, /pins:write/);
    });

    it('refuses an unknown refresh token, an access token, and another app\'s refresh token', async () => {
      const minted = await s.token(alice.username, client.client_id);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'pinr_not-a-token' }), 400, 1);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.access_token }), 400, 1);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! }, { app: otherClient }), 400, 1);
      // and the owner can still use it
      assert.equal((await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! })).status, 200);
    });

    it('a refresh token is no bearer token', async () => {
      const minted = await s.token(alice.username, client.client_id);
      assertError(await me(minted.refresh_token!), 401, 2);
    });

    it('an expired refresh token is refused', async () => {
      const minted = await s.token(alice.username, client.client_id);
      await age(minted.refresh_token!);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! }), 400, 1, /expired|invalid/i);
    });
  });

  describe('client_credentials grant', () => {
    it('answers the fields of OauthAccessTokenResponseClientCredentials, without a refresh token', async () => {
      const res = await tokenRequest({ grant_type: 'client_credentials', scope: 'user_accounts:read,boards:read' });
      assert.equal(res.status, 200, JSON.stringify(res.data));
      for (const field of CLIENT_CREDENTIALS_RESPONSE.required) assert.ok(field in res.data, `missing ${field}`);
      for (const [field, value] of Object.entries(res.data)) {
        const prop = CLIENT_CREDENTIALS_RESPONSE.properties[field];
        assert.ok(prop, `${field} is not in the spec's client credentials response`);
        assert.equal(prop.type === 'integer' ? Number.isInteger(value) : typeof value === prop.type, true, `${field} is not ${prop.type}`);
        if (prop.enum) assert.ok(prop.enum.includes(value as string), `${field}=${String(value)}`);
      }
      assert.equal(res.data.response_type, 'client_credentials');
      assert.equal(res.data.token_type, 'bearer');
      assert.equal(res.data.scope, 'user_accounts:read,boards:read');
      assert.match(res.data.access_token, /^pina_/);
      assert.equal(res.data.refresh_token, undefined);
    });

    it('is accepted where the spec allows client_credentials, acting as the app owner', async () => {
      const { data } = await tokenRequest({ grant_type: 'client_credentials', scope: 'user_accounts:read,boards:read' });
      const who = await me(data.access_token); // user_account/get lists client_credentials: [user_accounts:read]
      assert.equal(who.status, 200, JSON.stringify(who.data));
      assert.equal(who.data.username, alice.username);
      const boards = await api(s.url, 'GET', '/v5/boards', { token: data.access_token });
      assert.equal(boards.status, 200, JSON.stringify(boards.data));
    });

    it('is refused where the spec has no client_credentials security (boards/delete, board_sections/create)', async () => {
      const user = await s.token(alice.username, client.client_id);
      const board = await api(s.url, 'POST', '/v5/boards', { token: user.access_token, json: { name: 'Not for client tokens' } });
      assert.equal(board.status, 201, JSON.stringify(board.data));
      const { data } = await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read,boards:write' });
      assertError(await api(s.url, 'DELETE', `/v5/boards/${board.data.id}`, { token: data.access_token }), 403, 29, /client_credentials/);
      assertError(await api(s.url, 'POST', `/v5/boards/${board.data.id}/sections`, { token: data.access_token, json: { name: 'S' } }), 403, 29);
      assert.equal((await api(s.url, 'GET', `/v5/boards/${board.data.id}`, { token: user.access_token })).status, 200); // still there
    });

    it('needs scopes it holds, like a user token', async () => {
      const { data } = await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read' });
      assertError(await me(data.access_token), 401, 3, /user_accounts:read/);
    });

    it('refuses a missing or unknown scope, naming the field', async () => {
      assertError(await tokenRequest({ grant_type: 'client_credentials' }), 400, 1, /scope/);
      assertError(await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read,root:all' }), 400, 1, /root:all/);
    });
  });

  /** Moves a token's expiry into the past, as the clock would after its lifetime. */
  async function age(token: string): Promise<void> {
    const res = await s.ctx.database.db.updateTable('oauth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    assert.equal(Number(res.numUpdatedRows), 1);
  }

  describe('expiry and revocation', () => {
    it('an expired access token answers 401 {code: 2}', async () => {
      // A server whose access tokens live one second; the clock, not the database, expires them (the server
      // remembers recently checked tokens, but never past their expiry).
      const short = await startServer(dialect, { CORKBOARD_ACCESS_TOKEN_TTL: '1' });
      try {
        const u = await short.user();
        const c = await short.app_(u.username);
        const minted = await short.token(u.username, c.client_id);
        assert.equal((await api(short.url, 'GET', '/v5/user_account', { token: minted.access_token })).status, 200);
        await new Promise((r) => setTimeout(r, 1100));
        assertError(await api(short.url, 'GET', '/v5/user_account', { token: minted.access_token }), 401, 2, /expired/);
        // its refresh token still gets a fresh access token
        const res = await fetch(`${short.url}/v5/oauth/token`, {
          method: 'POST', headers: { authorization: basic(c.client_id, c.client_secret), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: minted.refresh_token! }).toString(),
        });
        assert.equal(res.status, 200);
        const body = await res.json() as { access_token: string };
        assert.equal((await api(short.url, 'GET', '/v5/user_account', { token: body.access_token })).status, 200);
      } finally {
        await short.close();
      }
    });

    it('CORKBOARD_ACCESS_TOKEN_TTL and CORKBOARD_REFRESH_TOKEN_TTL set the lifetimes answered', async () => {
      const short = await startServer(dialect, { CORKBOARD_ACCESS_TOKEN_TTL: '1', CORKBOARD_REFRESH_TOKEN_TTL: '2' });
      try {
        const owner = await short.user();
        const app = await short.app_(owner.username);
        const minted = await short.token(owner.username, app.client_id) as Record<string, unknown>;
        assert.equal(minted.expires_in, 1);
        assert.equal(minted.refresh_token_expires_in, 2);
        const row = await short.ctx.database.db.selectFrom('oauth_tokens').select('expires_at')
          .where('token_hash', '=', sha256(minted.access_token as string)).executeTakeFirstOrThrow();
        assert.ok(Date.parse(row.expires_at) <= Date.now() + 1000);
      } finally {
        await short.close();
      }
    });

    it('a revoked access token answers 401 afterwards; other tokens are untouched', async () => {
      const a = await s.token(alice.username, client.client_id);
      const b = await s.token(alice.username, client.client_id);
      const res = await revoke(a.access_token);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assertError(await me(a.access_token), 401, 2);
      assert.equal((await me(b.access_token)).status, 200);
      // revoking an access token leaves its refresh token alive
      assert.equal((await tokenRequest({ grant_type: 'refresh_token', refresh_token: a.refresh_token! })).status, 200);
    });

    it('revoking a refresh token revokes its whole family', async () => {
      const minted = await s.token(alice.username, client.client_id);
      const rotated = await tokenRequest({ grant_type: 'refresh_token', refresh_token: minted.refresh_token!, continuous_refresh: 'true' });
      assert.equal(rotated.status, 200);
      assert.equal((await revoke(rotated.data.refresh_token)).status, 200);
      assertError(await me(minted.access_token), 401, 2);
      assertError(await me(rotated.data.access_token), 401, 2);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: rotated.data.refresh_token }), 400, 1);
    });

    it('only the app a token was issued to may revoke it', async () => {
      const minted = await s.token(alice.username, client.client_id);
      assertError(await revoke(minted.access_token, otherClient), 403, 29);
      assert.equal((await me(minted.access_token)).status, 200);
    });

    it('revoke: an unknown token is not an error; a missing token or a bad client is', async () => {
      assert.equal((await revoke('pina_never-issued')).status, 200);
      assertError(await tokenRequest({}, { path: '/v5/oauth/token/revoke' }), 400, 1, /token/);
      const minted = await s.token(alice.username, client.client_id);
      assertError(await tokenRequest({ token: minted.access_token }, { path: '/v5/oauth/token/revoke', authorization: basic(client.client_id, 'wrong') }), 401, 2);
      assertError(await tokenRequest({ token: minted.access_token }, { path: '/v5/oauth/token/revoke', authorization: null }), 401, 2);
      assert.equal((await me(minted.access_token)).status, 200);
    });
  });

  describe('bearer tokens on /v5', () => {
    it('a token without the operation\'s scope answers 401 {code: 3} naming the missing scope', async () => {
      const minted = await s.token(alice.username, client.client_id, ['boards:read']);
      assertError(await me(minted.access_token), 401, 3, /user_accounts:read/);
      const pinsOnly = await s.token(alice.username, client.client_id, ['pins:read']);
      const res = await api(s.url, 'GET', '/v5/pins', { token: pinsOnly.access_token });
      assertError(res, 401, 3, /boards:read/);
      assert.doesNotMatch(res.data.message, /pins:read/); // only what is missing
    });

    it('a missing, malformed or unknown bearer answers 401 {code: 2}', async () => {
      const minted = await s.token(alice.username, client.client_id);
      const cases: Array<[string, Record<string, string>]> = [
        ['no header', {}],
        ['empty bearer', { authorization: 'Bearer ' }],
        ['garbage', { authorization: 'Bearer garbage' }],
        ['unknown pina_', { authorization: 'Bearer pina_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
        ['token without scheme', { authorization: minted.access_token }],
        ['Basic credentials', { authorization: basic(client.client_id, client.client_secret) }],
        ['two tokens', { authorization: `Bearer ${minted.access_token} ${minted.access_token}` }],
      ];
      for (const [label, headers] of cases) {
        const res = await api(s.url, 'GET', '/v5/user_account', { headers });
        assert.equal(res.status, 401, label);
        assert.equal(res.data.code, 2, label);
        assert.equal(typeof res.data.message, 'string', label);
      }
      // the scheme is case-insensitive
      assert.equal((await api(s.url, 'GET', '/v5/user_account', { headers: { authorization: `bearer ${minted.access_token}` } })).status, 200);
    });
  });

  describe('malformed token requests', () => {
    it('an unknown or missing grant_type answers 400 naming grant_type', async () => {
      assertError(await tokenRequest({ grant_type: 'password', username: 'a', password: 'b' }), 400, 1, /grant_type/);
      assertError(await tokenRequest({ code: 'x' }), 400, 1, /grant_type/);
    });

    it('each grant names the field it misses', async () => {
      assertError(await tokenRequest({ grant_type: 'authorization_code', redirect_uri: 'http://localhost:8085/' }), 400, 1, /\bcode\b/);
      assertError(await tokenRequest({ grant_type: 'authorization_code', code: 'abc' }), 400, 1, /redirect_uri/);
      assertError(await tokenRequest({ grant_type: 'refresh_token' }), 400, 1, /refresh_token/);
      assertError(await tokenRequest({ grant_type: 'client_credentials' }), 400, 1, /scope/);
      assertError(await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'x', continuous_refresh: 'perhaps' }), 400, 1, /continuous_refresh/);
    });

    it('a wrong or missing client authentication answers 401 {code: 2}', async () => {
      assertError(await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read' }, { authorization: null }), 401, 2);
      assertError(await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read' }, { authorization: basic(client.client_id, 'nope') }), 401, 2);
      assertError(await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read' }, { authorization: basic('999', client.client_secret) }), 401, 2);
      assertError(await tokenRequest({ grant_type: 'client_credentials', scope: 'boards:read' }, { authorization: 'Basic !!!' }), 401, 2);
    });
  });
});
