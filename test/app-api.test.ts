// Corkboard's own JSON API (/api/app/): session, sign-up, log-in and log-out over real HTTP, with a browser's
// cookie jar. Each answer is checked against the schema the OpenAPI document gives for it (routes.ts), each
// refusal for its status and the field or proof it names; CSRF, closed sign-up, throttling and the hashing bound.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_ROUTES } from '../src/http/app-api/routes.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { LOGIN_THROTTLE } from '../src/services/login-throttle.js';
import { Browser, documented, type Answer } from './browser-session.js';
import { api, forEachDialect, startServer, uniqueName, whileHashingIsFull, type TestServer } from './helpers.js';

const cookieNamed = (res: Answer, name: string) => res.setCookie.find((c) => c.startsWith(`${name}=`));

describe('CORKBOARD_SIGNUP', () => {
  it('is open by default, closed when asked, and any other value is refused naming the variable', () => {
    assert.equal(loadConfig({}).signup, 'open');
    assert.equal(loadConfig({ CORKBOARD_SIGNUP: 'closed' }).signup, 'closed');
    assert.throws(() => loadConfig({ CORKBOARD_SIGNUP: 'invite' }), (err: unknown) => err instanceof ConfigError && /CORKBOARD_SIGNUP/.test(err.message));
  });
});

forEachDialect('app API /api/app/', (dialect) => {
  let s: TestServer;
  let now = Date.now();
  before(async () => {
    s = await startServer(dialect);
    s.ctx.users.throttle.now = () => now;
  });
  after(() => s.close());

  it('GET session: logged out, a CSRF token and its HttpOnly SameSite=Lax cookie, set once', async () => {
    const b = new Browser(s.url);
    const first = await b.session();
    documented('session', first, 200);
    assert.equal(first.data.user, null);
    assert.match(first.data.csrf_token, /^[A-Za-z0-9_-]{32,}$/);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const cookie = cookieNamed(first, 'cb_csrf')!;
    assert.ok(cookie.startsWith(`cb_csrf=${first.data.csrf_token};`));
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i);
    const again = await b.session();
    assert.equal(again.data.csrf_token, first.data.csrf_token);
    assert.equal(cookieNamed(again, 'cb_csrf'), undefined);
  });

  it('signup: 201 with the user and a session cookie; the session then shows the user', async () => {
    const b = new Browser(s.url);
    const name = uniqueName('Signer');
    const res = await b.signUp(name, 'eight ch');
    documented('signup', res, 201);
    assert.equal(res.data.user.username, name);
    assert.deepEqual(Object.keys(res.data.user).sort(), ['id', 'username']); // only what the account has
    assert.equal(res.data.csrf_token, b.csrf);
    const session = cookieNamed(res, 'cb_session')!;
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Lax/i);
    assert.match(session, /Path=\//);
    const after = await b.session();
    documented('session', after, 200);
    assert.deepEqual(after.data.user, res.data.user);
    // a real account: the CLI's user lookup finds it and the password works
    assert.equal((await s.ctx.users.byUsername(name)).id, res.data.user.id);
    assert.equal((await new Browser(s.url).logIn(name, 'eight ch')).status, 200);
  });

  it('signup refuses bad fields with 400 naming the field, and a taken name with 409', async () => {
    const b = new Browser(s.url);
    await b.session();
    const cases: Array<[unknown, RegExp]> = [
      [{ password: 'long enough' }, /username is required/],
      [{ username: uniqueName() }, /password is required/],
      [{ username: uniqueName(), password: 'short' }, /password must be at least 8 characters/],
      [{ username: 'no spaces allowed', password: 'long enough' }, /username must be 3 to 30 letters, digits or underscores/],
      [{ username: 'ab', password: 'long enough' }, /username must be 3 to 30/],
      [{ username: 'Settings', password: 'long enough' }, /username Settings is reserved/],
      [{ username: 'signup', password: 'long enough' }, /username signup is reserved/], // the web app's own page
      [{ username: uniqueName(), password: 12345678 }, /password must be string/],
      [{ username: uniqueName(), password: 'long enough', admin: true }, /unknown field admin/],
      [{ username: uniqueName(), password: 'p'.repeat(257) }, /password must be at most 256 characters/],
    ];
    for (const [json, message] of cases) {
      const res = await b.fetch('POST', '/api/app/signup', { json });
      documented('signup', res, 400);
      assert.equal(res.data.code, 1);
      assert.match(res.data.message, message, JSON.stringify(json));
      assert.equal(cookieNamed(res, 'cb_session'), undefined);
    }
    const notJson = await b.fetch('POST', '/api/app/signup', { headers: { 'content-type': 'application/json' }, json: undefined });
    assert.equal(notJson.status, 400);
    const taken = uniqueName('taken');
    await new Browser(s.url).signUp(taken);
    const again = await b.fetch('POST', '/api/app/signup', { json: { username: taken.toUpperCase(), password: 'long enough' } });
    documented('signup', again, 409);
    assert.match(again.data.message, new RegExp(`username ${taken.toUpperCase()} is taken`));
  });

  it('every POST needs the CSRF proof: missing, wrong, cookie-less or cross-site is 403 and changes nothing', async () => {
    const owner = await s.user();
    for (const route of ['signup', 'login', 'logout'] as const) {
      const b = new Browser(s.url);
      await b.signUp(uniqueName()); // logged in, with a CSRF token
      const name = uniqueName('csrf');
      const json = route === 'logout' ? undefined : { username: route === 'login' ? owner.username : name, password: route === 'login' ? owner.password : 'long enough' };
      const { path } = APP_ROUTES[route];
      const stranger = new Browser(s.url);
      stranger.cookies.set('cb_session', b.cookies.get('cb_session')!); // the session, not the CSRF cookie
      const refusals: Array<[string, Promise<Answer>, RegExp]> = [
        ['no header', b.fetch('POST', path, { json, csrf: false }), /X-CSRF-Token header is missing/],
        ['wrong header', b.fetch('POST', path, { json, csrf: 'x'.repeat(32) }), /does not match the cb_csrf cookie/],
        ['no cookie', stranger.fetch('POST', path, { json, csrf: b.csrf! }), /cb_csrf cookie is missing/],
        ['cross-site Origin', b.fetch('POST', path, { json, headers: { origin: 'https://evil.example' } }), /another site/],
        ['cross-site fetch', b.fetch('POST', path, { json, headers: { 'sec-fetch-site': 'cross-site' } }), /another site/],
      ];
      for (const [what, pending, message] of refusals) {
        const res = await pending;
        documented(route, res, 403);
        assert.match(res.data.message, /^CSRF check failed: /, `${route} ${what}`);
        assert.match(res.data.message, message, `${route} ${what}`);
        assert.equal(cookieNamed(res, 'cb_session'), undefined, `${route} ${what}: no session change`);
      }
      await assert.rejects(s.ctx.users.byUsername(name)); // no account was made
      assert.notEqual((await b.session()).data.user, null, `${route}: still logged in`);
      // the same site's own Origin passes
      const ok = await b.fetch('POST', path, { json, headers: { origin: s.url, 'sec-fetch-site': 'same-origin' } });
      assert.equal(ok.status, { signup: 201, login: 200, logout: 204 }[route]);
    }
  });

  it('login: 200 with the user and a session; wrong or unknown is 401; missing fields 400', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const owner = await s.user();
    const b = new Browser(s.url);
    const res = await b.logIn(owner.username.toUpperCase(), owner.password);
    documented('login', res, 200);
    assert.deepEqual(res.data.user, { id: owner.id, username: owner.username });
    assert.ok(cookieNamed(res, 'cb_session'));
    assert.equal((await b.session()).data.user.id, owner.id);
    // logging in again (here as another account) ends the session the browser had
    const first = b.cookies.get('cb_session')!;
    const other = await s.user();
    assert.equal((await b.logIn(other.username, other.password)).data.user.id, other.id);
    assert.notEqual(b.cookies.get('cb_session'), first);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { headers: { cookie: `cb_session=${first}` } })).status, 401);
    assert.equal((await b.session()).data.user.id, other.id);
    for (const [username, password] of [[owner.username, 'wrong password'], [uniqueName('nobody'), 'whatever it is'], ['not a name!', 'x']]) {
      const wrong = await new Browser(s.url).logIn(username!, password!);
      documented('login', wrong, 401);
      assert.equal(wrong.data.message, 'Wrong username or password.');
      assert.equal(cookieNamed(wrong, 'cb_session'), undefined);
    }
    const missing = await b.fetch('POST', '/api/app/login', { json: { username: owner.username } });
    documented('login', missing, 400);
    assert.match(missing.data.message, /password is required/);
  });

  it('login is throttled: 10 failures lock the account with 429 and Retry-After, the right password too', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const owner = await s.user();
    const b = new Browser(s.url);
    for (let i = 0; i < 10; i++) assert.equal((await b.logIn(owner.username, `wrong guess ${i}`)).status, 401);
    const locked = await b.logIn(owner.username, owner.password);
    documented('login', locked, 429);
    assert.equal(locked.headers.get('retry-after'), String(LOGIN_THROTTLE.windowMs / 1000));
    assert.match(locked.data.message, /Too many failed log-ins/);
    assert.equal(cookieNamed(locked, 'cb_session'), undefined);
    now += LOGIN_THROTTLE.windowMs + 1000;
    assert.equal((await b.logIn(owner.username, owner.password)).status, 200);
  });

  it('while password hashing is full, login and signup answer 429 with Retry-After: 1', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const owner = await s.user();
    const b = new Browser(s.url);
    await b.session();
    const name = uniqueName('busy');
    await whileHashingIsFull(async () => {
      const login = await b.logIn(owner.username, owner.password);
      documented('login', login, 429);
      assert.equal(login.headers.get('retry-after'), '1');
      const signup = await b.fetch('POST', '/api/app/signup', { json: { username: name, password: 'long enough' } });
      documented('signup', signup, 429);
      assert.equal(signup.headers.get('retry-after'), '1');
    });
    await assert.rejects(s.ctx.users.byUsername(name));
    assert.equal((await b.logIn(owner.username, owner.password)).status, 200);
  });

  it('logout: 204, the cookie cleared and the session ended on the server', async () => {
    const b = new Browser(s.url);
    await b.signUp(uniqueName());
    const sessionId = b.cookies.get('cb_session')!;
    const res = await b.fetch('POST', '/api/app/logout');
    documented('logout', res, 204);
    assert.match(cookieNamed(res, 'cb_session')!, /^cb_session=;/);
    assert.equal(b.cookies.has('cb_session'), false);
    assert.equal((await b.session()).data.user, null);
    // the old cookie, replayed, is nobody: here and on /v5
    const replay = new Browser(s.url);
    replay.cookies.set('cb_session', sessionId);
    assert.equal((await replay.session()).data.user, null);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { headers: { cookie: `cb_session=${sessionId}` } })).status, 401);
    // logging out with no session is still 204
    assert.equal((await b.fetch('POST', '/api/app/logout')).status, 204);
  });

  it('cookies are Secure when the public URL is https', async () => {
    const publicUrl = s.config.publicUrl;
    s.config.publicUrl = 'https://corkboard.example';
    try {
      const b = new Browser(s.url);
      const session = await b.session();
      assert.match(cookieNamed(session, 'cb_csrf')!, /; Secure/i);
      const res = await b.signUp(uniqueName());
      assert.match(cookieNamed(res, 'cb_session')!, /; Secure/i);
    } finally { s.config.publicUrl = publicUrl; }
  });

  it('unknown /api/app/ paths and methods answer 404 {code, message}', async () => {
    for (const [method, path] of [['GET', '/api/app/nothing'], ['GET', '/api/app/login'], ['DELETE', '/api/app/session']]) {
      const unknown = await api(s.url, method!, path!);
      assert.equal(unknown.status, 404, `${method} ${path}`);
      assert.equal(typeof unknown.data.code, 'number');
      assert.equal(typeof unknown.data.message, 'string');
    }
  });
});

forEachDialect('app API with CORKBOARD_SIGNUP=closed', (dialect) => {
  let s: TestServer;
  before(async () => { s = await startServer(dialect, { CORKBOARD_SIGNUP: 'closed' }); });
  after(() => s.close());

  it('signup is 403 and makes no account; login still works', async () => {
    const b = new Browser(s.url);
    await b.session();
    const name = uniqueName();
    const res = await b.fetch('POST', '/api/app/signup', { json: { username: name, password: 'long enough' } });
    documented('signup', res, 403);
    assert.match(res.data.message, /Sign-up is closed on this server \(CORKBOARD_SIGNUP=closed\)/);
    await assert.rejects(s.ctx.users.byUsername(name));
    const owner = await s.user();
    assert.equal((await b.logIn(owner.username, owner.password)).status, 200);
  });
});
