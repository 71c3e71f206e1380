// The settings routes of the app API (/api/app/account...), over real HTTP with a browser's cookie jar: profile
// edits show in GET /v5/user_account (cookie and bearer token alike), the session's user and the public profile
// page; every field is checked with a 400 naming it and nothing changes on a refusal; a profile image is stored
// and served like pin images (and outlives a pin sharing it, and goes when replaced); a password change ends the
// other sessions, keeps this one, makes the old password fail at log-in, and is throttled with log-in.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { LOGIN_THROTTLE } from '../src/services/login-throttle.js';
import { PROFILE_LIMITS } from '../src/services/account-settings.js';
import { Browser, documented } from './browser-session.js';
import { api, forEachDialect, startServer, uniqueName, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

forEachDialect('app API: account settings', (dialect) => {
  let s: TestServer;
  let now = Date.now();
  before(async () => {
    s = await startServer(dialect);
    s.ctx.users.throttle.now = () => now;
  });
  after(() => s.close());

  /** A signed-up browser, and a token of the same user from an app (for /v5 as a third-party app sees it). */
  async function member() {
    const b = new Browser(s.url);
    const username = uniqueName('set').slice(0, 30);
    await b.signUp(username);
    const app = await s.app_(username);
    const token = (await s.token(username, app.client_id)).access_token;
    return { b, username, token };
  }

  const patch = (b: Browser, json: unknown) => b.fetch('PATCH', '/api/app/account', { json });
  const setImage = (b: Browser, content_type: string, data: Buffer | string) =>
    b.fetch('PUT', '/api/app/account/profile-image', { json: { content_type, data: typeof data === 'string' ? data : data.toString('base64') } });

  it('every route needs a session (401), and the state changes the CSRF proof (403)', async () => {
    const anonymous = new Browser(s.url);
    await anonymous.session();
    for (const [route, method, path, json] of [
      ['getProfile', 'GET', '/api/app/account', undefined],
      ['updateProfile', 'PATCH', '/api/app/account', { about: 'x' }],
      ['setProfileImage', 'PUT', '/api/app/account/profile-image', { content_type: 'image/png', data: (await png(1, 2, 3)).toString('base64') }],
      ['removeProfileImage', 'DELETE', '/api/app/account/profile-image', undefined],
      ['changePassword', 'POST', '/api/app/account/password', { current_password: 'correct horse battery', new_password: 'another long one' }],
    ] as const) {
      const res = await anonymous.fetch(method, path, { json });
      documented(route, res, 401);
      assert.match(res.data.message, /Log in first/);
    }
    const { b, token } = await member();
    for (const [route, method, path, json] of [
      ['updateProfile', 'PATCH', '/api/app/account', { about: 'forged' }],
      ['removeProfileImage', 'DELETE', '/api/app/account/profile-image', undefined],
      ['changePassword', 'POST', '/api/app/account/password', { current_password: 'correct horse battery', new_password: 'forged password' }],
    ] as const) {
      documented(route, await b.fetch(method, path, { json, csrf: false }), 403);
      documented(route, await b.fetch(method, path, { json, headers: { origin: 'https://evil.example' } }), 403);
    }
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).data.about, '');
  });

  it('edits name, about and website: GET /v5/user_account, the session and the profile page show them at once', async () => {
    const { b, username, token } = await member();
    const before = await b.fetch('GET', '/api/app/account');
    documented('getProfile', before, 200);
    assert.deepEqual(before.data, { id: before.data.id, username, account_type: 'PINNER', full_name: '', about: '', website_url: '', profile_image: null });
    // a bearer token checked just before: its cached check must not keep the old profile
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).data.business_name, null);

    const edit = await patch(b, { full_name: '  Ada Lovelace ', about: 'Engines & poems.\nSecond line <b>', website_url: 'https://ada.example/notes?x=1' });
    documented('updateProfile', edit, 200);
    assert.equal(edit.data.full_name, 'Ada Lovelace'); // trimmed
    assert.equal(edit.data.about, 'Engines & poems.\nSecond line <b>');
    assert.equal(edit.data.website_url, 'https://ada.example/notes?x=1');
    for (const account of [(await api(s.url, 'GET', '/v5/user_account', { token })).data, (await b.fetch('GET', '/v5/user_account')).data]) {
      assert.equal(account.business_name, 'Ada Lovelace');
      assert.equal(account.about, 'Engines & poems.\nSecond line <b>');
      assert.equal(account.website_url, 'https://ada.example/notes?x=1');
      assert.equal(account.account_type, 'PINNER');
    }
    assert.equal((await b.session()).data.user.full_name, 'Ada Lovelace');
    const page = await api(s.url, 'GET', `/${username}/`);
    assert.equal(page.status, 200);
    assert.match(page.data, /<h1>Ada Lovelace<\/h1>/);
    assert.match(page.data, /Engines &amp; poems\.\nSecond line &lt;b&gt;/); // escaped
    assert.match(page.data, /<a href="https:\/\/ada\.example\/notes\?x=1" rel="nofollow noopener ugc">ada\.example\/notes\?x=1<\/a>/);

    // only the fields given change; '' clears the name (a PINNER's) and the website
    const partial = await patch(b, { about: 'Just this' });
    assert.deepEqual([partial.data.full_name, partial.data.about, partial.data.website_url], ['Ada Lovelace', 'Just this', 'https://ada.example/notes?x=1']);
    const cleared = await patch(b, { full_name: '', website_url: '' });
    assert.deepEqual([cleared.data.full_name, cleared.data.website_url], ['', '']);
    const account = (await api(s.url, 'GET', '/v5/user_account', { token })).data;
    assert.equal(account.business_name, null);
    assert.equal(account.website_url, '');
    assert.equal((await b.session()).data.user.full_name, undefined);
    assert.match((await api(s.url, 'GET', `/${username}/`)).data, new RegExp(`<h1>${username}</h1>`));
    // limits count characters, not UTF-16 units: 65 emoji are a name
    assert.equal((await patch(b, { full_name: '🙂'.repeat(PROFILE_LIMITS.fullName) })).status, 200);
  });

  it('refuses each bad field with 400 naming it, and changes nothing', async () => {
    const { b, token } = await member();
    await patch(b, { full_name: 'Kept', about: 'Kept too', website_url: 'http://kept.example/' });
    const cases: Array<[unknown, RegExp]> = [
      [{ full_name: 'x'.repeat(66) }, /full_name must NOT have more than 65 characters/],
      [{ full_name: '🙂'.repeat(66) }, /full_name must be at most 65 characters|full_name must NOT have more than 65/],
      [{ full_name: 'Two\nlines' }, /full_name must be one line of text/],
      [{ full_name: 42 }, /full_name must be string/],
      [{ about: 'a'.repeat(501) }, /about must NOT have more than 500 characters/],
      [{ about: 'bell \u0007' }, /about must be text, without control characters/],
      [{ about: null }, /about must be string/],
      [{ website_url: 'javascript:alert(1)' }, /website_url must be an http or https URL/],
      [{ website_url: 'ftp://files.example/' }, /website_url must be an http or https URL/],
      [{ website_url: 'ada.example' }, /website_url is not a URL/],
      [{ website_url: 'https://me:secret@ada.example/' }, /website_url must not carry a user name or password/],
      [{ website_url: `https://ada.example/${'p'.repeat(2048)}` }, /website_url must NOT have more than 2048 characters/],
      [{ about: 'would change', website_url: 'mailto:ada@example.com' }, /website_url must be an http or https URL/],
      [{ username: 'renamed' }, /unknown field username/],
      [{ profile_image: 'https://elsewhere.example/me.png' }, /unknown field profile_image/],
    ];
    for (const [json, message] of cases) {
      const res = await patch(b, json);
      documented('updateProfile', res, 400);
      assert.equal(res.data.code, 1);
      assert.match(res.data.message, message, JSON.stringify(json));
    }
    const account = (await api(s.url, 'GET', '/v5/user_account', { token })).data;
    assert.deepEqual([account.business_name, account.about, account.website_url], ['Kept', 'Kept too', 'http://kept.example/']);

    // a BUSINESS account's name is its business name: it can change, not go
    const business = await s.ctx.users.create({ username: uniqueName('biz').slice(0, 30), password: 'correct horse battery', accountType: 'BUSINESS' });
    const bb = new Browser(s.url);
    assert.equal((await bb.logIn(business.username, 'correct horse battery')).status, 200);
    const empty = await patch(bb, { full_name: '  ' });
    documented('updateProfile', empty, 400);
    assert.match(empty.data.message, /full_name is the business name of a BUSINESS account, and cannot be empty/);
    assert.equal((await patch(bb, { full_name: 'Acme Corp' })).data.full_name, 'Acme Corp');
  });

  it('a profile image is stored like pin images, served from /media/, and shown by /v5, the session and the profile page', async () => {
    const { b, username, token } = await member();
    const res = await setImage(b, 'image/jpeg', await jpeg(640, 480));
    documented('setProfileImage', res, 200);
    const url: string = res.data.profile_image;
    assert.match(url, new RegExp(`^${s.url}/media/images/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}/150x150\\.jpg$`));
    const served = await fetch(url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 150, 150]); // a square crop
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).data.profile_image, url);
    assert.equal((await b.session()).data.user.profile_image, url);
    assert.match((await api(s.url, 'GET', `/${username}/`)).data, new RegExp(`<img class="avatar" src="${url}" alt="${username}"`));

    // replaced: the old image's files go (no pin uses them); removed: the default avatar is back
    const next = await setImage(b, 'image/png', await png(200, 30, 30, 300, 300));
    assert.match(next.data.profile_image, /\/150x150\.jpg$/); // opaque PNG: the variants are JPEG
    assert.equal((await fetch(url)).status, 404);
    const removed = await b.fetch('DELETE', '/api/app/account/profile-image');
    documented('removeProfileImage', removed, 200);
    assert.equal(removed.data.profile_image, null);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).data.profile_image, `${s.url}/assets/default-avatar.svg`);
    assert.equal((await fetch(next.data.profile_image)).status, 404);
    assert.equal((await b.session()).data.user.profile_image, undefined);
  });

  it('an image both a pin and the profile show stays while either does', async () => {
    const { b, token } = await member();
    const image = await png(20, 90, 200, 320, 240);
    const board = (await api(s.url, 'POST', '/v5/boards', { token, json: { name: 'Shared' } })).data.id;
    const pin = (await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: b64(image) } })).data.id;
    const url: string = (await setImage(b, 'image/png', image)).data.profile_image;
    assert.equal((await api(s.url, 'DELETE', `/v5/pins/${pin}`, { token })).status, 204);
    assert.equal((await fetch(url)).status, 200, 'the profile still uses it');
    const pinTwo = (await api(s.url, 'POST', '/v5/pins', { token, json: { board_id: board, media_source: b64(image) } })).data;
    await b.fetch('DELETE', '/api/app/account/profile-image');
    assert.equal((await fetch(pinTwo.media.images['150x150'].url)).status, 200, 'the pin still uses it');
  });

  it('refuses uploads that are not the declared type, too large, or not an image, with 400 naming the field', async () => {
    const { b, token } = await member();
    const pngBytes = await png(1, 2, 3);
    const tooLarge = Buffer.concat([pngBytes, Buffer.alloc(PROFILE_LIMITS.imageBytes)]);
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /content_type must be one of image\/jpeg, image\/png, image\/webp, image\/gif/],
      ['image/png', 'not base64!', /data is not base64 data/],
      ['image/jpeg', pngBytes, /data is a PNG image, not the image\/jpeg content_type says/],
      ['image/png', Buffer.from('%PDF-1.7 not an image at all'), /data is not a PNG image/],
      ['image/png', pngBytes.subarray(0, pngBytes.length - 20), /data is not a usable image/],
      ['image/png', tooLarge, new RegExp(`data is ${tooLarge.length} bytes: a profile image may be at most 10 MB`)],
    ];
    for (const [type, data, message] of cases) {
      const res = await setImage(b, type, data);
      documented('setProfileImage', res, 400);
      assert.match(res.data.message, message, type);
    }
    const missing = await b.fetch('PUT', '/api/app/account/profile-image', { json: { content_type: 'image/png' } });
    documented('setProfileImage', missing, 400);
    assert.match(missing.data.message, /data is required/);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).data.profile_image, `${s.url}/assets/default-avatar.svg`);
  });

  it('a password change ends the other sessions and keeps this one; the old password no longer logs in', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const { b, username, token } = await member();
    const elsewhere = new Browser(s.url);
    assert.equal((await elsewhere.logIn(username, 'correct horse battery')).status, 200);

    const refusals: Array<[unknown, RegExp]> = [
      [{ current_password: 'not my password', new_password: 'a brand new one' }, /current_password is wrong/],
      [{ current_password: 'correct horse battery', new_password: 'short' }, /new_password must be at least 8 characters/],
      [{ current_password: 'correct horse battery', new_password: 'n'.repeat(257) }, /new_password must be at most 256 characters/],
      [{ current_password: 'correct horse battery', new_password: 'correct horse battery' }, /new_password must differ from current_password/],
      [{ new_password: 'a brand new one' }, /current_password is required/],
    ];
    for (const [json, message] of refusals) {
      const res = await b.fetch('POST', '/api/app/account/password', { json });
      documented('changePassword', res, 400);
      assert.match(res.data.message, message, JSON.stringify(json));
    }
    assert.notEqual((await elsewhere.session()).data.user, null, 'a refused change ends nothing');

    const changed = await b.fetch('POST', '/api/app/account/password', { json: { current_password: 'correct horse battery', new_password: 'a brand new one' } });
    documented('changePassword', changed, 204);
    assert.equal((await b.session()).data.user.username, username, 'this session stays');
    assert.equal((await b.fetch('GET', '/v5/user_account')).status, 200);
    assert.equal((await elsewhere.session()).data.user, null, 'the other session ended');
    assert.equal((await elsewhere.fetch('GET', '/v5/user_account')).status, 401);
    assert.equal((await api(s.url, 'GET', '/v5/user_account', { token })).status, 200, "an app's token is the app's grant, revoked on its own");
    assert.equal((await new Browser(s.url).logIn(username, 'correct horse battery')).status, 401);
    assert.equal((await new Browser(s.url).logIn(username, 'a brand new one')).status, 200);
  });

  it('wrong current passwords count as failed log-ins: past the limit 429 with Retry-After, for log-in too', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const { b, username } = await member();
    for (let i = 0; i < LOGIN_THROTTLE.accountFailures; i++) {
      assert.equal((await b.fetch('POST', '/api/app/account/password', { json: { current_password: `guess ${i}`, new_password: 'a brand new one' } })).status, 400);
    }
    const locked = await b.fetch('POST', '/api/app/account/password', { json: { current_password: 'correct horse battery', new_password: 'a brand new one' } });
    documented('changePassword', locked, 429);
    assert.equal(locked.headers.get('retry-after'), String(LOGIN_THROTTLE.windowMs / 1000));
    assert.equal((await new Browser(s.url).logIn(username, 'correct horse battery')).status, 429);
    now += LOGIN_THROTTLE.windowMs + 1000;
    documented('changePassword', await b.fetch('POST', '/api/app/account/password', { json: { current_password: 'correct horse battery', new_password: 'a brand new one' } }), 204);
  });
});
