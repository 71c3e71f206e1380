// The whole OAuth 2.0 flow over HTTP, as a browser and an app would drive it, and each way it must refuse.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../src/lib/api-error.js';
import { api, basic, forEachDialect, startServer, type TestServer } from './helpers.js';

/** A minimal browser: keeps cookies, reads the hidden form fields of a page. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  async request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (form) { h['content-type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(form).toString(); }
    const res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (v) this.cookies.set(k!, v); else this.cookies.delete(k!);
    }
    return { status: res.status, location: res.headers.get('location'), html: await res.text(), setCookie: res.headers.getSetCookie() };
  }
  static fields(html: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    return out;
  }
}

forEachDialect('OAuth 2.0 browser flow', (dialect) => {
  let s: TestServer;
  let alice: { id: string; username: string; password: string };
  let client: { client_id: string; client_secret: string };
  const redirect = 'http://localhost:8085/callback';
  const authorizePath = (extra: Record<string, string> = {}) => `/oauth/?${new URLSearchParams({
    client_id: client.client_id, redirect_uri: redirect, response_type: 'code', scope: 'user_accounts:read,boards:read', state: 'xyz-123', ...extra,
  })}`;

  before(async () => {
    s = await startServer(dialect);
    alice = await s.user();
    client = await s.app_(alice.username, [redirect]);
  });
  after(() => s.close());

  /** Logs in through the form and approves (or denies) on the consent page; returns the redirect. */
  async function consent(decision: 'allow' | 'deny', extra: Record<string, string> = {}) {
    const b = new Browser(s.url);
    const login = await b.request('GET', authorizePath(extra));
    assert.equal(login.status, 200);
    assert.match(login.html, /Log in to Corkboard/);
    const loggedIn = await b.request('POST', '/login', { ...Browser.fields(login.html), username: alice.username, password: alice.password });
    assert.equal(loggedIn.status, 303);
    const page = await b.request('GET', loggedIn.location!);
    assert.equal(page.status, 200);
    assert.match(page.html, /Test app wants access/);
    assert.match(page.html, /See your user accounts and followers/); // scopes in words
    assert.match(page.html, /See your public boards/);
    const done = await b.request('POST', '/oauth/', { ...Browser.fields(page.html), decision });
    assert.equal(done.status, 302);
    return { url: new URL(done.location!), browser: b };
  }

  const exchange = async (code: string, redirectUri = redirect, secret = client.client_secret) => {
    const r = await fetch(`${s.url}/v5/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(client.client_id, secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    });
    return { status: r.status, data: (await r.json()) as any };
  };

  it('log in -> consent -> code -> token -> user_account', async () => {
    const { url } = await consent('allow');
    assert.equal(url.origin + url.pathname, redirect);
    assert.equal(url.searchParams.get('state'), 'xyz-123');
    const code = url.searchParams.get('code')!;
    assert.ok(code);
    const tok = await exchange(code);
    assert.equal(tok.status, 200);
    assert.match(tok.data.access_token, /^pina_/);
    assert.match(tok.data.refresh_token, /^pinr_/);
    assert.equal(tok.data.response_type, 'authorization_code');
    assert.equal(tok.data.token_type, 'bearer');
    assert.equal(tok.data.scope, 'user_accounts:read,boards:read');
    assert.equal(tok.data.expires_in, 30 * 86400);
    assert.equal(tok.data.refresh_token_expires_in, 60 * 86400);
    const me = await api(s.url, 'GET', '/v5/user_account', { token: tok.data.access_token });
    assert.equal(me.status, 200);
    assert.equal(me.data.username, alice.username);
    assert.equal(me.headers.get('x-ratelimit-limit'), '1000');
  });

  it('a second use of a code fails and revokes the tokens of the first', async () => {
    const { url } = await consent('allow');
    const code = url.searchParams.get('code')!;
    const first = await exchange(code);
    assert.equal(first.status, 200);
    const second = await exchange(code);
    assert.equal(second.status, 400);
    assert.equal(second.data.code, 1);
    const me = await api(s.url, 'GET', '/v5/user_account', { token: first.data.access_token });
    assert.equal(me.status, 401);
  });

  it('a code bound to another redirect_uri is refused', async () => {
    const { url } = await consent('allow');
    const res = await exchange(url.searchParams.get('code')!, 'http://localhost:8085/other');
    assert.equal(res.status, 400);
    assert.match(res.data.message, /redirect_uri/);
  });

  it('a wrong client secret is refused with 401', async () => {
    const { url } = await consent('allow');
    const res = await exchange(url.searchParams.get('code')!, redirect, 'not-the-secret');
    assert.equal(res.status, 401);
    assert.equal(res.data.code, 2);
  });

  it('deny redirects with error=access_denied and the state', async () => {
    const { url } = await consent('deny');
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.equal(url.searchParams.get('state'), 'xyz-123');
    assert.equal(url.searchParams.get('code'), null);
  });

  it('an unregistered redirect_uri or unknown client gets an error page, never a redirect', async () => {
    const b = new Browser(s.url);
    const bad = await b.request('GET', authorizePath({ redirect_uri: 'https://evil.example/steal' }));
    assert.equal(bad.status, 400);
    assert.equal(bad.location, null);
    assert.match(bad.html, /not registered/);
    const unknown = await b.request('GET', authorizePath({ client_id: '12345' }));
    assert.equal(unknown.status, 400);
    assert.equal(unknown.location, null);
  });

  it('consumer_id is accepted in place of client_id (Pinterest quickstart)', async () => {
    const b = new Browser(s.url);
    const { client_id: _omit, ...rest } = Object.fromEntries(new URL(s.url + authorizePath()).searchParams);
    const page = await b.request('GET', `/oauth/?${new URLSearchParams({ ...rest, consumer_id: client.client_id })}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /Log in/);
  });

  it('an unknown scope is sent back to the app as invalid_scope', async () => {
    const b = new Browser(s.url);
    const res = await b.request('GET', authorizePath({ scope: 'boards:read,root:all' }));
    assert.equal(res.status, 302);
    assert.equal(new URL(res.location!).searchParams.get('error'), 'invalid_scope');
  });

  it('forms without the CSRF token are refused; cookies are HttpOnly and SameSite', async () => {
    const b = new Browser(s.url);
    const login = await b.request('GET', authorizePath());
    assert.ok(login.setCookie.some((c) => /^cb_csrf=/.test(c) && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c)));
    const forged = await b.request('POST', '/login', { username: alice.username, password: alice.password, next: '/' });
    assert.equal(forged.status, 403);
    const ok = await b.request('POST', '/login', { ...Browser.fields(login.html), username: alice.username, password: alice.password });
    assert.ok(ok.setCookie.some((c) => /^cb_session=/.test(c) && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c)));
    const page = await b.request('GET', ok.location!);
    const noCsrf = await b.request('POST', '/oauth/', { ...Browser.fields(page.html), csrf: 'x'.repeat(32), decision: 'allow' });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.location, null);
  });

  it('a wrong password answers 401 with the form again', async () => {
    const b = new Browser(s.url);
    const login = await b.request('GET', authorizePath());
    const res = await b.request('POST', '/login', { ...Browser.fields(login.html), username: alice.username, password: 'wrong password' });
    assert.equal(res.status, 401);
    assert.match(res.html, /Wrong username or password/);
  });

  it('login never redirects off-site', async () => {
    const b = new Browser(s.url);
    const login = await b.request('GET', authorizePath());
    const res = await b.request('POST', '/login', { ...Browser.fields(login.html), next: '//evil.example/', username: alice.username, password: alice.password });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/');
  });
  describe('app redirect URIs', () => {
    const create = (uri: string) => s.ctx.apps.create(alice.id, 'Redirects', [uri]);
    for (const uri of ['https://app.example/cb', 'https://app.example:8443/cb?x=1', 'http://localhost:8085/cb', 'http://127.0.0.1/cb', 'http://127.8.9.10:9/',
      'http://[::1]:8085/cb', 'com.example.app:/oauth2redirect', 'com.example.app://cb']) {
      it(`accepts ${uri}`, async () => assert.ok((await create(uri)).client_id));
    }
    for (const uri of ['javascript:alert(document.cookie)//', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd',
      'vbscript:msgbox(1)', 'blob:https://app.example/x', 'about:blank', 'myapp:/cb', 'http://app.example/cb', 'http://localhost.app.example/cb',
      'http://10.0.0.1/cb', 'http://[::2]/cb', 'https://user:pw@app.example/cb', 'https://user@app.example/cb', 'https://app.example/cb#frag',
      'https://app.example/cb#', 'com.example.app:/cb#x', '/relative/cb']) {
      it(`refuses ${uri} with 400 naming redirect_uri`, async () => {
        await assert.rejects(create(uri), (err: Error) => err instanceof ApiError && err.status === 400 && err.code === 1 && /redirect_uri/.test(err.message));
      });
    }

    it('the authorization page refuses a javascript: URI registered before the rule, without redirecting', async () => {
      const app = await s.app_(alice.username, ['https://app.example/cb']);
      await s.ctx.database.db.insertInto('app_redirect_uris').values({ app_id: app.client_id, uri: 'javascript:alert(1)//' }).execute();
      const res = await new Browser(s.url).request('GET', `/oauth/?${new URLSearchParams({ client_id: app.client_id, redirect_uri: 'javascript:alert(1)//', response_type: 'code', scope: 'boards:read' })}`);
      assert.equal(res.status, 400);
      assert.equal(res.location, null);
      assert.match(res.html, /Redirect not allowed/);
    });
  });
});
