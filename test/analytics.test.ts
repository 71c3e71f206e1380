// Analytics from recorded events: a known set of events over several days and app types gives exact daily,
// summary and split figures on every endpoint; the date rules answer 400 saying which rule broke.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importEventsFile, ImportRejected } from '../src/services/events-import.js';
import { api, forEachDialect, startServer, type TestServer } from './helpers.js';
import { b64, png } from './public-helpers.js';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number, hour = 12) => `${day(offset)}T${String(hour).padStart(2, '0')}:00:00Z`;

/** `n` lines of one event, as the ndjson import takes them. */
const lines = (n: number, e: Record<string, unknown>) => Array.from({ length: n }, () => JSON.stringify(e));

forEachDialect('analytics', (dialect) => {
  let s: TestServer;
  let dir: string;
  let ann: { username: string; id: string };
  let tokenA: string;
  let tokenB: string;
  let bobName: string;
  const pin = { one: '', two: '', secret: '', bob: '' };

  const importLines = async (name: string, content: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, content.join('\n') + '\n');
    return importEventsFile(file, s.ctx.events, (names) => s.ctx.users.idsByUsername(names));
  };
  const get = (p: string, token = tokenA) => api(s.url, 'GET', p, { token });
  const range = `start_date=${day(-3)}&end_date=${day(0)}`;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corkboard-analytics-'));
    s = await startServer(dialect);
    const a = await s.user();
    const b = await s.user();
    ann = { username: a.username, id: a.id };
    bobName = b.username;
    tokenA = (await s.token(a.username, (await s.app_(a.username)).client_id)).access_token;
    tokenB = (await s.token(b.username, (await s.app_(b.username)).client_id)).access_token;
    const pa = await s.ctx.oauth.authenticate(`Bearer ${tokenA}`);
    const pb = await s.ctx.oauth.authenticate(`Bearer ${tokenB}`);
    const board = await s.ctx.boards.create(pa, { name: 'Shop' });
    const secret = await s.ctx.boards.create(pa, { name: 'Hidden', privacy: 'SECRET' });
    const boardB = await s.ctx.boards.create(pb, { name: 'Bob likes' });
    const image = b64(await png(200, 10, 10));
    pin.one = (await s.ctx.pins.create(pa, { board_id: board.id, title: 'One', link: 'https://shop.example/one', media_source: image })).id;
    pin.two = (await s.ctx.pins.create(pa, { board_id: board.id, title: 'Two', media_source: b64(await png(10, 200, 10)) })).id;
    pin.secret = (await s.ctx.pins.create(pa, { board_id: secret.id, title: 'Secret', link: 'https://shop.example/s', media_source: image })).id;
    // Bob's pin links to Ann's claimed website: its activity is Ann's OTHER_PINS.
    pin.bob = (await s.ctx.pins.create(pb, { board_id: boardB.id, title: 'Bob pin', link: 'https://SHOP.example/bob', media_source: image })).id;
    await s.ctx.database.db.insertInto('user_websites').values({ user_id: ann.id, website: 'shop.example', verified_at: new Date().toISOString() }).execute();

    const e = (p: keyof typeof pin, type: string, offset: number, app_type = 'WEB', extra: Record<string, unknown> = {}) => ({ pin_id: pin[p], type, at: at(offset), app_type, ...extra });
    const r = await importLines('known.ndjson', [
      ...lines(10, e('one', 'IMPRESSION', -3)), ...lines(2, e('one', 'SAVE', -3)), ...lines(3, e('one', 'PIN_CLICK', -3)), ...lines(1, e('one', 'OUTBOUND_CLICK', -3)),
      ...lines(5, e('one', 'IMPRESSION', -2, 'MOBILE')), ...lines(1, e('one', 'SAVE', -2, 'MOBILE')),
      ...lines(4, e('one', 'IMPRESSION', -1, 'TABLET')), ...lines(1, e('one', 'PIN_CLICK', -1, 'TABLET')),
      ...lines(6, e('two', 'IMPRESSION', -2)), ...lines(2, e('two', 'OUTBOUND_CLICK', -2)),
      ...lines(8, e('bob', 'IMPRESSION', -1, 'MOBILE')), ...lines(1, e('bob', 'SAVE', -1, 'MOBILE')),
      ...lines(3, e('secret', 'IMPRESSION', -1)),
      JSON.stringify(e('one', 'COMMENT', -30)), JSON.stringify(e('one', 'REACTION', -20)), JSON.stringify(e('one', 'REACTION', -2)),
      // The same id twice counts once.
      JSON.stringify(e('two', 'PIN_CLICK', -1, 'WEB', { id: 'dup-1' })), JSON.stringify(e('two', 'PIN_CLICK', -1, 'WEB', { id: 'dup-1' })),
    ]);
    assert.deepEqual(r, { imported: 51, duplicates: 1 });
  });
  after(async () => { await s.close(); rmSync(dir, { recursive: true, force: true }); });

  describe('pins/analytics', () => {
    it('daily and summary figures are exactly the recorded events', async () => {
      const res = await get(`/v5/pins/${pin.one}/analytics?${range}&metric_types=IMPRESSION,SAVE,SAVE_RATE,PIN_CLICK,OUTBOUND_CLICK`);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      const all = res.data.all;
      assert.deepEqual(all.daily_metrics.map((d: { date: string }) => d.date), [day(-3), day(-2), day(-1), day(0)]);
      assert.deepEqual(all.daily_metrics[0], { date: day(-3), data_status: 'READY', metrics: { IMPRESSION: 10, SAVE: 2, SAVE_RATE: 0.2, PIN_CLICK: 3, OUTBOUND_CLICK: 1 } });
      assert.deepEqual(all.daily_metrics[1].metrics, { IMPRESSION: 5, SAVE: 1, SAVE_RATE: 0.2, PIN_CLICK: 0, OUTBOUND_CLICK: 0 });
      assert.deepEqual(all.daily_metrics[2].metrics, { IMPRESSION: 4, SAVE: 0, SAVE_RATE: 0, PIN_CLICK: 1, OUTBOUND_CLICK: 0 });
      // Today: no activity yet, and the pin exists: READY with zeros.
      assert.deepEqual(all.daily_metrics[3], { date: day(0), data_status: 'READY', metrics: { IMPRESSION: 0, SAVE: 0, SAVE_RATE: 0, PIN_CLICK: 0, OUTBOUND_CLICK: 0 } });
      assert.deepEqual(all.summary_metrics, { IMPRESSION: 19, SAVE: 3, SAVE_RATE: 3 / 19, PIN_CLICK: 4, OUTBOUND_CLICK: 1 });
    });

    it('days before the pin existed, without activity, are BEFORE_PIN_CREATED', async () => {
      const res = await get(`/v5/pins/${pin.two}/analytics?${range}&metric_types=IMPRESSION,PIN_CLICK`);
      assert.deepEqual(res.data.all.daily_metrics.map((d: { data_status: string }) => d.data_status), ['BEFORE_PIN_CREATED', 'READY', 'READY', 'READY']);
      assert.deepEqual(res.data.all.daily_metrics[0].metrics, {});
      assert.deepEqual(res.data.all.summary_metrics, { IMPRESSION: 6, PIN_CLICK: 1 });
    });

    it('splits by app type, filters by one, and reports lifetime comments and reactions', async () => {
      const split = (await get(`/v5/pins/${pin.one}/analytics?${range}&metric_types=IMPRESSION,SAVE&split_field=APP_TYPE`)).data;
      assert.deepEqual(Object.keys(split).sort(), ['MOBILE', 'TABLET', 'WEB']);
      assert.deepEqual(split.WEB.summary_metrics, { IMPRESSION: 10, SAVE: 2 });
      assert.deepEqual(split.MOBILE.summary_metrics, { IMPRESSION: 5, SAVE: 1 });
      assert.deepEqual(split.TABLET.summary_metrics, { IMPRESSION: 4, SAVE: 0 });
      const mobile = (await get(`/v5/pins/${pin.one}/analytics?${range}&metric_types=IMPRESSION&app_types=MOBILE`)).data;
      assert.deepEqual(mobile.all.summary_metrics, { IMPRESSION: 5 });
      const life = (await get(`/v5/pins/${pin.one}/analytics?${range}&metric_types=IMPRESSION,TOTAL_COMMENTS,TOTAL_REACTIONS`)).data;
      assert.deepEqual(life.all.lifetime_metrics, { TOTAL_COMMENTS: 1, TOTAL_REACTIONS: 2 });
      assert.deepEqual(life.all.summary_metrics, { IMPRESSION: 19 });
    });

    it('date rules and parameters answer 400 saying which rule broke', async () => {
      const bad = async (query: string, pattern: RegExp) => {
        const res = await get(`/v5/pins/${pin.one}/analytics?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.data.code, 1);
        assert.match(res.data.message, pattern, query);
      };
      await bad(`start_date=${day(0)}&end_date=${day(-3)}&metric_types=IMPRESSION`, /end_date cannot be before start_date/);
      await bad(`start_date=${day(-91)}&end_date=${day(0)}&metric_types=IMPRESSION`, /more than 90 days back/);
      await bad(`start_date=${day(-10)}&end_date=${day(1)}&metric_types=IMPRESSION`, /after today/);
      await bad(`start_date=2026-02-30&end_date=${day(0)}&metric_types=IMPRESSION`, /start_date must be a date/);
      await bad(`start_date=${day(-3)}&end_date=yesterday&metric_types=IMPRESSION`, /end_date must be a date/);
      await bad(range, /metric_types/);
      await bad(`${range}&metric_types=,`, /metric_types needs at least one metric/);
      await bad(`${range}&metric_types=IMPRESSION,BOGUS`, /metric_types has unknown values BOGUS/);
      await bad(`${range}&metric_types=IMPRESSION&split_field=PIN_FORMAT`, /split_field/);
      await bad(`${range}&metric_types=IMPRESSION&app_types=PHONE`, /app_types/);
      assert.equal((await get(`/v5/pins/${pin.one}/analytics?start_date=${day(-90)}&end_date=${day(0)}&metric_types=IMPRESSION`)).status, 200);
    });

    it('pin_metrics=true gives the owner the last 90 days and the lifetime', async () => {
      const res = await get(`/v5/pins/${pin.one}?pin_metrics=true`);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assert.deepEqual(res.data.pin_metrics, {
        '90d': { pin_click: 4, impression: 19, clickthrough: 1 },
        lifetime_metrics: { pin_click: 4, impression: 19, clickthrough: 1, reaction: 2, comment: 1 },
      });
      assert.equal((await get(`/v5/pins/${pin.one}`)).data.pin_metrics, null);
      assert.equal((await get(`/v5/pins/${pin.one}?pin_metrics=true`, tokenB)).data.pin_metrics, null); // not theirs
      const listed = (await get('/v5/pins?pin_metrics=true')).data.items.find((p: { id: string }) => p.id === pin.two);
      assert.deepEqual(listed.pin_metrics['90d'], { pin_click: 1, impression: 6, clickthrough: 2 });
    });

    it('is the owner\'s: another user gets 403 on a public pin, 404 on a secret one', async () => {
      assert.equal((await get(`/v5/pins/${pin.one}/analytics?${range}&metric_types=IMPRESSION`, tokenB)).status, 403);
      assert.equal((await get(`/v5/pins/${pin.secret}/analytics?${range}&metric_types=IMPRESSION`, tokenB)).status, 404);
      assert.equal((await get(`/v5/pins/123/analytics?${range}&metric_types=IMPRESSION`)).status, 404);
    });
  });

  it('multi_pins/analytics answers each pin by id; someone else\'s pin is refused', async () => {
    const res = await get(`/v5/pins/analytics?pin_ids=${pin.one},${pin.two}&${range}&metric_types=IMPRESSION,OUTBOUND_CLICK`);
    assert.equal(res.status, 200, JSON.stringify(res.data));
    assert.deepEqual(Object.keys(res.data).sort(), [pin.one, pin.two].sort());
    assert.deepEqual(res.data[pin.one].all.summary_metrics, { IMPRESSION: 19, OUTBOUND_CLICK: 1 });
    assert.deepEqual(res.data[pin.two].all.summary_metrics, { IMPRESSION: 6, OUTBOUND_CLICK: 2 });
    assert.equal((await get(`/v5/pins/analytics?pin_ids=${pin.bob}&${range}&metric_types=IMPRESSION`)).status, 401);
    assert.equal((await get(`/v5/pins/analytics?pin_ids=abc&${range}&metric_types=IMPRESSION`)).status, 400);
  });

  describe('user_account/analytics', () => {
    it('adds up the account\'s pins and the claimed-website pins of others, with derived rates', async () => {
      const res = await get(`/v5/user_account/analytics?${range}`);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      // one 19 + two 6 + secret 3 + bob 8 impressions; saves 3 + 1; pin clicks 4 + 1; outbound 1 + 2.
      // Engagements: 4 saves + 5 pin clicks + 3 outbound clicks + the reaction of day -2.
      assert.deepEqual(res.data.all.summary_metrics, {
        IMPRESSION: 36, SAVE: 4, PIN_CLICK: 5, OUTBOUND_CLICK: 3, ENGAGEMENT: 13, ENGAGEMENT_RATE: 13 / 36, SAVE_RATE: 4 / 36, PIN_CLICK_RATE: 5 / 36, OUTBOUND_CLICK_RATE: 3 / 36,
      });
      const d1 = res.data.all.daily_metrics.find((d: { date: string }) => d.date === day(-1));
      assert.equal(d1.metrics.IMPRESSION, 4 + 8 + 3);
    });

    it('answers every split and filter from the same events', async () => {
      const q = (extra: string) => get(`/v5/user_account/analytics?${range}&metric_types=IMPRESSION,SAVE&${extra}`).then((r) => { assert.equal(r.status, 200, extra); return r.data; });
      const sums = (data: Record<string, { summary_metrics: Record<string, number> }>) =>
        Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.summary_metrics]));
      assert.deepEqual(sums(await q('split_field=APP_TYPE')), { WEB: { IMPRESSION: 19, SAVE: 2 }, MOBILE: { IMPRESSION: 13, SAVE: 2 }, TABLET: { IMPRESSION: 4, SAVE: 0 } });
      assert.deepEqual(sums(await q('split_field=SOURCE')), { YOUR_PINS: { IMPRESSION: 28, SAVE: 3 }, OTHER_PINS: { IMPRESSION: 8, SAVE: 1 } });
      assert.deepEqual(sums(await q('split_field=OWNED_CONTENT')), { CLAIMED: { IMPRESSION: 30, SAVE: 4 }, OTHER: { IMPRESSION: 6, SAVE: 0 } });
      assert.deepEqual(sums(await q('split_field=PIN_FORMAT')), { ORGANIC_IMAGE: { IMPRESSION: 36, SAVE: 4 }, ORGANIC_VIDEO: { IMPRESSION: 0, SAVE: 0 } });
      assert.deepEqual((await q('source=OTHER_PINS')).all.summary_metrics, { IMPRESSION: 8, SAVE: 1 });
      assert.deepEqual((await q('from_claimed_content=OTHER')).all.summary_metrics, { IMPRESSION: 6, SAVE: 0 });
      assert.deepEqual((await q('app_types=TABLET')).all.summary_metrics, { IMPRESSION: 4, SAVE: 0 });
      assert.deepEqual((await q('pin_format=ORGANIC_VIDEO')).all.summary_metrics, { IMPRESSION: 0, SAVE: 0 });
      // No ads here: paid activity is truthfully none.
      assert.deepEqual((await q('content_type=PAID')).all.summary_metrics, { IMPRESSION: 0, SAVE: 0 });
      assert.deepEqual((await q('content_type=ORGANIC')).all.summary_metrics, { IMPRESSION: 36, SAVE: 4 });
      assert.equal((await get(`/v5/user_account/analytics?${range}&split_field=BOARD`)).status, 400);
      assert.equal((await get(`/v5/user_account/analytics?${range}&metric_types=VIDEO_START`)).status, 400);
      assert.equal((await get(`/v5/user_account/analytics?start_date=${day(0)}&end_date=${day(-1)}`)).status, 400);
    });
  });

  it('top pins rank the caller\'s pins by one metric', async () => {
    const top = async (extra: string, token = tokenA) => {
      const res = await get(`/v5/user_account/analytics/top_pins?${range}&${extra}`, token);
      assert.equal(res.status, 200, JSON.stringify(res.data));
      return res.data;
    };
    const byImpression = await top('sort_by=IMPRESSION');
    assert.equal(byImpression.sort_by, 'IMPRESSION');
    assert.equal(byImpression.date_availability.is_realtime, true);
    // Bob's pin links to Ann's claimed website: one of her OTHER_PINS. The secret pin needs pins:read_secret, which this token has.
    assert.deepEqual(byImpression.pins.map((p: { pin_id: string }) => p.pin_id), [pin.one, pin.bob, pin.two, pin.secret]);
    assert.deepEqual((await top('sort_by=IMPRESSION&source=YOUR_PINS')).pins.map((p: { pin_id: string }) => p.pin_id), [pin.one, pin.two, pin.secret]);
    const noSecret = (await s.token(ann.username, (await s.app_(ann.username)).client_id, ['pins:read', 'user_accounts:read'])).access_token;
    assert.deepEqual((await top('sort_by=IMPRESSION&source=YOUR_PINS', noSecret)).pins.map((p: { pin_id: string }) => p.pin_id), [pin.one, pin.two]);
    assert.equal(byImpression.pins[0].metrics.IMPRESSION, 19);
    assert.equal(byImpression.pins[0].metrics.ENGAGEMENT, 9); // 3 saves + 4 clicks + 1 outbound + 1 reaction
    assert.equal(byImpression.pins[0].data_status.IMPRESSION, 'READY');
    assert.deepEqual((await top('sort_by=OUTBOUND_CLICK')).pins.map((p: { pin_id: string }) => p.pin_id), [pin.two, pin.one]);
    assert.deepEqual((await top('sort_by=IMPRESSION&num_of_pins=1')).pins.map((p: { pin_id: string }) => p.pin_id), [pin.one]);
    assert.deepEqual(Object.keys((await top('sort_by=SAVE&metric_types=SAVE')).pins[0].metrics), ['SAVE']);
    const video = await get(`/v5/user_account/analytics/top_video_pins?${range}&sort_by=VIDEO_START`);
    assert.equal(video.status, 200);
    assert.deepEqual(video.data.pins, []);
    assert.equal((await get(`/v5/user_account/analytics/top_pins?${range}&sort_by=VIDEO_START`)).status, 400);
    assert.equal((await get(`/v5/user_account/analytics/top_pins?${range}`)).status, 400);
    assert.equal((await get(`/v5/user_account/analytics/top_pins?${range}&sort_by=SAVE&num_of_pins=51`)).status, 400);
  });

  describe('live activity', () => {
    const today = async (p: string, metric: string) =>
      (await get(`/v5/pins/${p}/analytics?start_date=${day(0)}&end_date=${day(0)}&metric_types=${metric}`)).data.all.summary_metrics[metric];

    it('a save by someone else is a SAVE of the saved pin; the owner saving their own is not', async () => {
      const boardB = (await api(s.url, 'GET', '/v5/boards', { token: tokenB })).data.items[0].id;
      const boardA = (await api(s.url, 'GET', '/v5/boards', { token: tokenA })).data.items[0].id;
      assert.equal((await api(s.url, 'POST', `/v5/pins/${pin.two}/save`, { token: tokenB, json: { board_id: boardB } })).status, 201);
      assert.equal(await today(pin.two, 'SAVE'), 1);
      assert.equal((await api(s.url, 'POST', `/v5/pins/${pin.two}/save`, { token: tokenA, json: { board_id: boardA } })).status, 201);
      assert.equal(await today(pin.two, 'SAVE'), 1);
      const mobile = await api(s.url, 'POST', `/v5/pins/${pin.two}/save`, { token: tokenB, json: { board_id: boardB }, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' } });
      assert.equal(mobile.status, 201);
      const split = (await get(`/v5/pins/${pin.two}/analytics?start_date=${day(0)}&end_date=${day(0)}&metric_types=SAVE&split_field=APP_TYPE`)).data;
      assert.deepEqual([split.WEB.summary_metrics.SAVE, split.MOBILE.summary_metrics.SAVE], [1, 1]);
    });

    it('widgets count impressions, the app\'s beacon pin clicks (serving a page counts nothing); bots count nothing', async () => {
      const widget = await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${pin.one},${pin.secret}`, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/120.0' } });
      assert.equal(widget.status, 200);
      await widget.text();
      // The widget records after answering: wait until it shows.
      for (let i = 0; i < 50 && (await today(pin.one, 'IMPRESSION')) < 1; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await today(pin.one, 'IMPRESSION'), 1);
      assert.equal(await today(pin.secret, 'IMPRESSION'), 0); // not public: not shown, not counted
      await (await fetch(`${s.url}/v3/pidgets/pins/info/?pin_ids=${pin.one}`, { headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } })).text();
      const page = await fetch(`${s.url}/pin/${pin.one}/`, { headers: { 'user-agent': 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)' } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), new RegExp(`href="/events/outbound/${pin.one}/"`));
      assert.equal(await today(pin.one, 'PIN_CLICK'), 0); // the app reports the opening, as below
      const opened = await fetch(`${s.url}/events/beacon`, { method: 'POST', body: JSON.stringify({ events: [{ id: 'open-pin-0001', type: 'PIN_CLICK', pin_id: pin.one }] }),
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)' } });
      assert.equal(opened.status, 202);
      assert.equal(await today(pin.one, 'PIN_CLICK'), 1);
      assert.equal(await today(pin.one, 'IMPRESSION'), 1); // the bot's widget call counted nothing
    });

    it('outbound clicks go through a redirect that records them', async () => {
      const res = await fetch(`${s.url}/events/outbound/${pin.one}/`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0' } });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), 'https://shop.example/one');
      assert.equal(await today(pin.one, 'OUTBOUND_CLICK'), 1);
      // A HEAD (link checkers) redirects but is not a click.
      assert.equal((await fetch(`${s.url}/events/outbound/${pin.one}/`, { method: 'HEAD', redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0' } })).status, 302);
      assert.equal(await today(pin.one, 'OUTBOUND_CLICK'), 1);
      assert.equal((await fetch(`${s.url}/events/outbound/${pin.two}/`, { redirect: 'manual' })).status, 404); // no link
      assert.equal((await fetch(`${s.url}/events/outbound/${pin.secret}/`, { redirect: 'manual' })).status, 404);
    });

    it('beacons are validated whole, and a repeated event id counts once', async () => {
      const beacon = (body: unknown, contentType = 'application/json') => fetch(`${s.url}/events/beacon`, {
        method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': contentType, 'user-agent': 'Mozilla/5.0' },
      }).then(async (r) => ({ status: r.status, data: await r.json() as { message?: string } }));
      const ev = { id: 'impression-0001', type: 'IMPRESSION', pin_id: pin.two };
      assert.deepEqual(await beacon({ events: [ev] }), { status: 202, data: { recorded: 1, duplicates: 0, ignored: 0 } });
      // sendBeacon posts text/plain.
      assert.deepEqual(await beacon(JSON.stringify({ events: [ev, { ...ev, id: 'impression-0002', pin_id: pin.secret }] }), 'text/plain;charset=UTF-8'),
        { status: 202, data: { recorded: 0, duplicates: 1, ignored: 1 } });
      assert.equal(await today(pin.two, 'IMPRESSION'), 1);
      const bad = await beacon({ events: [{ ...ev, type: 'SAVE' }] });
      assert.equal(bad.status, 400);
      assert.match(bad.data.message ?? "", /events\[0\]\.type/);
      assert.equal((await beacon({ events: [{ id: 'watch-00001', type: 'VIDEO_WATCH', pin_id: pin.one }] })).status, 400);
      assert.equal((await beacon({ events: [] })).status, 400);
      // Another site's page cannot make its visitors report activity here.
      const crossSite = await fetch(`${s.url}/events/beacon`, { method: 'POST', body: JSON.stringify({ events: [{ ...ev, id: 'cross-site-1' }] }), headers: { 'content-type': 'text/plain', origin: 'https://evil.example', 'user-agent': 'Mozilla/5.0' } });
      assert.equal(crossSite.status, 403);
      assert.equal((await beacon('not json', 'text/plain')).status, 400);
      // Video events on an image pin are not video plays.
      assert.deepEqual((await beacon({ events: [{ id: 'start-00001', type: 'VIDEO_START', pin_id: pin.one }] })).data, { recorded: 0, duplicates: 0, ignored: 1 });
    });
  });

  it('an import with bad lines names each and imports nothing', async () => {
    const before = (await get(`/v5/pins/${pin.two}/analytics?${range}&metric_types=IMPRESSION`)).data.all.summary_metrics.IMPRESSION;
    const good = JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: at(-1) });
    await assert.rejects(importLines('bad.ndjson', [
      good, '{not json', JSON.stringify({ pin_id: '999', type: 'IMPRESSION', at: at(-1) }), good,
      JSON.stringify({ pin_id: pin.two, type: 'LIKE', at: at(-1) }), JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: at(2) }),
      JSON.stringify({ pin_id: pin.two, type: 'VIDEO_START', at: at(-1) }), JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: at(-1), actor: 'nobody_here' }),
      JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: at(-1), colour: 'red' }), JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: at(-1), actor: bobName }),
      JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: '2026-02-30T10:00:00Z' }), JSON.stringify({ pin_id: pin.two, type: 'IMPRESSION', at: `${day(-1)}T24:00:00Z` }),
    ]), (err: unknown) => {
      assert.ok(err instanceof ImportRejected);
      assert.deepEqual(err.problems.map((p) => p.line), [2, 3, 5, 6, 7, 8, 9, 11, 12]);
      assert.match(err.problems[7]!.message, /not a real time/);
      assert.match(err.problems[1]!.message, /pin 999 does not exist/);
      assert.match(err.problems[3]!.message, /in the future/);
      assert.match(err.problems[4]!.message, /not a video pin/);
      return true;
    });
    assert.equal((await get(`/v5/pins/${pin.two}/analytics?${range}&metric_types=IMPRESSION`)).data.all.summary_metrics.IMPRESSION, before);
  });
});
