// CORKBOARD_TRUST_PROXY: behind a reverse proxy the client address (what the log-in throttle counts per address)
// comes from X-Forwarded-For, but only when the connection is from a trusted proxy; otherwise the header is ignored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LOGIN_THROTTLE } from '../src/services/login-throttle.js';
import { startServer, uniqueName, type TestServer } from './helpers.js';

/** Posts the log-in form as a browser would, through a proxy that says the client is `forwardedFor`. */
async function logIn(s: TestServer, username: string, password: string, forwardedFor: string): Promise<number> {
  const csrf = 'c'.repeat(32);
  const res = await fetch(`${s.url}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `cb_csrf=${csrf}`, 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ csrf, next: '/', username, password }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Spends one address's failures on names that are no account, then tries the owner's right password from another. */
async function ownerAfterFlood(s: TestServer): Promise<number> {
  const owner = await s.user();
  for (let i = 0; i < LOGIN_THROTTLE.addressFailures; i++) assert.equal(await logIn(s, uniqueName('nobody'), 'wrong password', '203.0.113.7'), 401);
  assert.equal(await logIn(s, owner.username, owner.password, '203.0.113.7'), 429); // that address is spent either way
  return logIn(s, owner.username, owner.password, '198.51.100.20');
}

describe('CORKBOARD_TRUST_PROXY', () => {
  let trusting: TestServer;
  let plain: TestServer;
  before(async () => {
    trusting = await startServer('sqlite', { CORKBOARD_TRUST_PROXY: '127.0.0.1,::1' });
    plain = await startServer('sqlite');
  });
  after(async () => { await trusting.close(); await plain.close(); });

  it('behind a trusted proxy, one client\'s failures lock that client only', async () => {
    assert.equal(await ownerAfterFlood(trusting), 303);
  });

  it('unset, X-Forwarded-For is ignored: every client is the connection\'s address', async () => {
    assert.equal(await ownerAfterFlood(plain), 429);
  });
});
