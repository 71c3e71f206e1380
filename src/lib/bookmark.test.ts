// Bookmarks: opaque, URL-safe as issued, round-trip exactly, and anything else answers 400 before a query runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.js';
import { decodeBookmark, DEFAULT_PAGE_SIZE, encodeBookmark, MAX_PAGE_SIZE, pageRequest, toPage, type Cursor } from './bookmark.js';

/** Asserts `fn` throws Pinterest's 400 {code: 1}. */
function assertInvalid(fn: () => unknown, label?: string, message?: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ApiError, `${label}: expected ApiError, got ${String(err)}`);
    assert.equal(err.status, 400, label);
    assert.equal(err.code, 1, label);
    if (message) assert.match(err.message, message, label);
    return true;
  }, label);
}

const CURSORS: Cursor[] = [
  ['1137288271238219776'],
  ['2026-11-23T10:00:00.000Z', '1137288271238219776'],
  [42, 'x'],
  [0, -1.5, 'ünïcødé ✓ 🎉'],
  ['???>>>~~~\u00ff\u00fe'], // bytes that standard base64 would write with + and /
  [''],
];

describe('encodeBookmark / decodeBookmark', () => {
  for (const cursor of CURSORS) {
    it(`round-trips ${JSON.stringify(cursor)}`, () => {
      const bm = encodeBookmark(cursor);
      assert.deepEqual(decodeBookmark(bm, cursor.length), cursor);
    });
  }

  it('is URL-safe as issued: no escaping needed in a query string', () => {
    for (const cursor of CURSORS) {
      const bm = encodeBookmark(cursor);
      assert.match(bm, /^[A-Za-z0-9_-]+$/);
      assert.equal(encodeURIComponent(bm), bm);
      assert.equal(new URLSearchParams(`bookmark=${bm}`).get('bookmark'), bm);
    }
  });

  it('is opaque: the cursor does not show in clear', () => {
    const bm = encodeBookmark(['1137288271238219776']);
    assert.ok(!bm.includes('1137288271238219776'));
  });

  const garbage: Array<[string, string]> = [
    ['empty', ''],
    ['not base64url', 'not a bookmark!'],
    ['standard base64 characters', Buffer.from(JSON.stringify([1, 'a?>'])).toString('base64') + '+/'],
    ['percent-encoded', '%5B1%2C%22a%22%5D'],
    ['base64url of non-JSON', Buffer.from('hello world').toString('base64url')],
    ['a JSON object', Buffer.from(JSON.stringify({ v: 1, k: 'a' })).toString('base64url')],
    ['a JSON string', Buffer.from(JSON.stringify('abc')).toString('base64url')],
    ['another version', Buffer.from(JSON.stringify([2, 'a'])).toString('base64url')],
    ['no version', Buffer.from(JSON.stringify(['a'])).toString('base64url')],
    ['too few keys', Buffer.from(JSON.stringify([1])).toString('base64url')],
    ['too many keys', Buffer.from(JSON.stringify([1, 'a', 'b'])).toString('base64url')],
    ['an object key', Buffer.from(JSON.stringify([1, { $gt: '' }])).toString('base64url')],
    ['a null key', Buffer.from(JSON.stringify([1, null])).toString('base64url')],
    ['a boolean key', Buffer.from(JSON.stringify([1, true])).toString('base64url')],
    ['an overlong key', Buffer.from(JSON.stringify([1, 'x'.repeat(201)])).toString('base64url')],
    ['over 512 characters', 'A'.repeat(513)],
    ['SQL', "1' OR '1'='1"],
  ];
  for (const [label, bm] of garbage) {
    it(`refuses ${label} with ApiError 400`, () => assertInvalid(() => decodeBookmark(bm, 1), label, /bookmark/));
  }

  it('refuses a tampered bookmark', () => {
    const bm = encodeBookmark(['1137288271238219776']);
    const flipped = bm.slice(0, 3) + (bm[3] === 'A' ? 'B' : 'A') + bm.slice(4); // breaks the JSON framing
    assertInvalid(() => decodeBookmark(flipped, 1), 'flipped');
    assertInvalid(() => decodeBookmark(bm.slice(0, -4), 1), 'truncated');
    assertInvalid(() => decodeBookmark(`${bm}!`, 1), 'appended');
  });

  it('refuses a bookmark of another list (other arity)', () => {
    assertInvalid(() => decodeBookmark(encodeBookmark(['a', 'b']), 1));
    assertInvalid(() => decodeBookmark(encodeBookmark(['a']), 2));
  });
});

describe('pageRequest', () => {
  it(`defaults to page_size ${DEFAULT_PAGE_SIZE} and no cursor`, () => {
    assert.equal(DEFAULT_PAGE_SIZE, 25);
    assert.deepEqual(pageRequest({}), { pageSize: 25, after: null });
    assert.deepEqual(pageRequest({ page_size: undefined, bookmark: undefined }), { pageSize: 25, after: null });
  });

  it(`accepts 1 to ${MAX_PAGE_SIZE}`, () => {
    assert.equal(MAX_PAGE_SIZE, 250);
    for (const n of [1, 2, 25, 100, 249, 250]) assert.equal(pageRequest({ page_size: n }).pageSize, n);
  });

  for (const bad of [0, -1, 251, 1000, 1.5, Number.NaN, 'abc', '10']) {
    it(`refuses page_size ${JSON.stringify(bad)}`, () => assertInvalid(() => pageRequest({ page_size: bad as never }), String(bad), /page_size/));
  }

  it('decodes the bookmark with the list arity', () => {
    const bm = encodeBookmark(['2026-01-01T00:00:00.000Z', '5']);
    assert.deepEqual(pageRequest({ bookmark: bm }, 2).after, ['2026-01-01T00:00:00.000Z', '5']);
    assertInvalid(() => pageRequest({ bookmark: bm }, 1));
    assertInvalid(() => pageRequest({ bookmark: 'garbage!' }));
  });
});

describe('toPage', () => {
  const rows = Array.from({ length: 6 }, (_, i) => ({ id: String(100 + i) }));
  const keyOf = (r: { id: string }): Cursor => [r.id];

  it('an extra row means more: a bookmark pointing after the last row served', () => {
    const page = toPage(rows.slice(0, 3), { pageSize: 2, after: null }, keyOf);
    assert.deepEqual(page.items.map((r) => r.id), ['100', '101']);
    assert.ok(page.bookmark);
    assert.deepEqual(decodeBookmark(page.bookmark, 1), ['101']);
  });

  it('no extra row: the last page has a null bookmark', () => {
    assert.equal(toPage(rows.slice(0, 2), { pageSize: 2, after: null }, keyOf).bookmark, null);
    assert.deepEqual(toPage([], { pageSize: 2, after: null }, keyOf), { items: [], bookmark: null });
  });

  it('maps the rows it serves', () => {
    const page = toPage(rows, { pageSize: 5, after: null }, keyOf, (r) => Number(r.id));
    assert.deepEqual(page.items, [100, 101, 102, 103, 104]);
  });
});
