// Log-in throttling: failures per account and per address answer 429 with Retry-After, before any hashing;
// the owner gets in once the window has passed; and password hashing is bounded, its overflow answered 429.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressKey, LoginThrottle, LOGIN_THROTTLE } from '../src/services/login-throttle.js';
import { PASSWORD_HASHING } from '../src/services/users.js';
import type { ApiError } from '../src/lib/api-error.js';
import { forEachDialect, startServer, uniqueName, whileHashingIsFull, type TestServer } from './helpers.js';

const WINDOW = LOGIN_THROTTLE.windowMs;

describe('LoginThrottle', () => {
  const clocked = () => {
    const t = new LoginThrottle();
    let now = 1_000_000;
    t.now = () => now;
    return { t, advance: (ms: number) => { now += ms; } };
  };

  it('refuses an account after 10 failures until the oldest leaves the 15-minute window', () => {
    const { t, advance } = clocked();
    for (let i = 0; i < 10; i++) { assert.equal(t.begin('Alice', `10.0.0.${i}`), 0); advance(1000); }
    assert.equal(t.begin('alice', '10.0.1.1'), WINDOW / 1000 - 10); // the account, whatever the address or case
    assert.equal(t.begin('bob', '10.0.1.1'), 0);
    advance(WINDOW - 10_000);
    assert.equal(t.begin('alice', '10.0.1.2'), 0); // the first failure left the window: one more try
    assert.ok(t.begin('alice', '10.0.1.3') > 0);
  });

  it('refuses an address after 30 failures, whichever accounts', () => {
    const { t, advance } = clocked();
    for (let i = 0; i < 30; i++) assert.equal(t.begin(`user${i}`, '192.0.2.7'), 0);
    assert.equal(t.begin('someone_else', '192.0.2.7'), WINDOW / 1000);
    assert.equal(t.begin('someone_else', '192.0.2.8'), 0);
    advance(WINDOW);
    assert.equal(t.begin('someone_else', '192.0.2.7'), 0);
  });

  it('a success forgets the account\'s failures; a try never checked counts for nothing', () => {
    const { t } = clocked();
    for (let i = 0; i < 9; i++) t.begin('carol', '198.51.100.1');
    t.begin('carol', '198.51.100.1');
    t.succeeded('carol', '198.51.100.1');
    for (let i = 0; i < 10; i++) assert.equal(t.begin('carol', '198.51.100.2'), 0);
    const { t: u } = clocked();
    for (let i = 0; i < 20; i++) { u.begin('dave', '198.51.100.3'); u.cancelled('dave', '198.51.100.3'); }
    assert.equal(u.begin('dave', '198.51.100.3'), 0);
  });

  it('counts an IPv6 client by its /64', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('::ffff:203.0.113.9'), '::ffff:203.0.113.9');
    const { t } = clocked();
    for (let i = 0; i < 30; i++) t.begin(`v6user${i}`, `2001:db8:1:2::${i.toString(16)}`);
    assert.ok(t.begin('v6other', '2001:db8:1:2:ffff::1') > 0);
  });
});

forEachDialect('log-in throttling over HTTP', (dialect) => {
  let s: TestServer;
  let now = Date.now();
  const advance = (ms: number) => { now += ms; };

  before(async () => {
    s = await startServer(dialect);
    s.ctx.users.throttle.now = () => now;
  });
  after(() => s.close());

  /** Posts the log-in form as a browser would (CSRF cookie and field included). */
  async function logIn(username: string, password: string) {
    const csrf = 'c'.repeat(32);
    const res = await fetch(`${s.url}/login`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `cb_csrf=${csrf}` },
      body: new URLSearchParams({ csrf, next: '/', username, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), html: await res.text(), session: res.headers.getSetCookie().some((c) => c.startsWith('cb_session=')) };
  }

  it('10 wrong passwords lock the account with 429 and Retry-After; after the window the owner logs in', async () => {
    advance(WINDOW);
    const owner = await s.user();
    for (let i = 0; i < 10; i++) assert.equal((await logIn(owner.username, `wrong guess ${i}`)).status, 401, `guess ${i}`);
    const locked = await logIn(owner.username, 'wrong guess 10');
    assert.equal(locked.status, 429);
    assert.equal(locked.retryAfter, String(WINDOW / 1000));
    assert.match(locked.html, /Too many failed log-ins\. Try again in 15 minutes\./);
    assert.match(locked.html, /<form method="post" action="\/login">/);
    const rightTooSoon = await logIn(owner.username, owner.password); // no oracle: the right password waits too
    assert.equal(rightTooSoon.status, 429);
    assert.equal(rightTooSoon.session, false);
    advance(WINDOW + 1000);
    const back = await logIn(owner.username, owner.password);
    assert.equal(back.status, 303);
    assert.equal(back.session, true);
  });

  it('30 failures from one address lock it for every account', async () => {
    advance(WINDOW);
    const victim = await s.user();
    for (let i = 0; i < 30; i++) assert.equal((await logIn(uniqueName('nobody'), 'not the password')).status, 401, `try ${i}`);
    const locked = await logIn(victim.username, victim.password);
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.retryAfter) > 0 && Number(locked.retryAfter) <= WINDOW / 1000);
    advance(WINDOW);
    assert.equal((await logIn(victim.username, victim.password)).status, 303);
  });

  it('while every hashing slot and queue place is taken, a log-in answers 429 at once, and counts for nothing', async () => {
    advance(WINDOW);
    const owner = await s.user();
    await whileHashingIsFull(async () => {
      assert.equal(PASSWORD_HASHING.running, PASSWORD_HASHING.limit);
      for (let i = 0; i < 12; i++) {
        const res = await logIn(owner.username, owner.password);
        assert.equal(res.status, 429);
        assert.equal(res.retryAfter, '1');
        assert.match(res.html, /Too many passwords are being checked right now/);
      }
      // creating an account hashes too, under the same bound
      await assert.rejects(s.ctx.users.create({ username: uniqueName(), password: 'long enough password' }), (err: ApiError) => err.status === 429 && err.headers['retry-after'] === '1');
    });
    // the refused tries were never checked, so they did not lock the account
    assert.equal((await logIn(owner.username, owner.password)).status, 303);
  });

  it('a name or password no account can have is refused without hashing it', async () => {
    advance(WINDOW);
    const owner = await s.user();
    await whileHashingIsFull(async () => {
      // were either hashed, the full queue would answer 429
      assert.equal((await logIn(owner.username, 'x'.repeat(100_000))).status, 401);
      assert.equal((await logIn(`${'n'.repeat(5000)}`, 'some password')).status, 401);
      assert.equal((await logIn('not a name!', 'some password')).status, 401);
    });
  });

  it('every checked password is hashed under the bound, at most two at a time; the queue\'s overflow is 429', async () => {
    advance(WINDOW);
    // Count from inside the tasks the bound runs: a check that bypassed it would be missing from `hashed`.
    const run = PASSWORD_HASHING.run;
    let hashed = 0, inside = 0, peak = 0;
    PASSWORD_HASHING.run = <T>(task: () => Promise<T>) => run.call(PASSWORD_HASHING, async (): Promise<T> => {
      hashed++; peak = Math.max(peak, ++inside);
      try { return await task(); } finally { inside--; }
    }) as Promise<T>;
    try {
      const results = await Promise.all(Array.from({ length: 28 }, () => logIn(uniqueName('flood'), 'wrong password')));
      for (const r of results) assert.ok(r.status === 401 || (r.status === 429 && r.retryAfter === '1'), `${r.status} ${r.retryAfter}`);
      assert.ok(results.some((r) => r.status === 401));
      assert.equal(hashed, results.filter((r) => r.status === 401).length);
    } finally { PASSWORD_HASHING.run = run; }
    assert.ok(peak <= PASSWORD_HASHING.limit, `peak ${peak}`);
  });
});
