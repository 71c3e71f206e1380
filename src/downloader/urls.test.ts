import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTarget, UnsupportedUrl } from './urls.js';

const UP = 'https://upstream.example';

describe('parseTarget', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['https://www.pinterest.com/pin/1234567890/', { kind: 'pin', pinId: '1234567890', origin: UP }],
    ['https://www.pinterest.com/pin/spicy-gazpacho--99887766/', { kind: 'pin', pinId: '99887766' }],
    ['https://de.pinterest.com/pin/42/?utm_source=x', { kind: 'pin', pinId: '42', origin: UP }],
    ['https://www.pinterest.com/pin/42/sent/?invite_code=abc&sender=1', { kind: 'pin', pinId: '42' }],
    ['https://pinterest.co.uk/alice/soups/', { kind: 'board', username: 'alice', board: 'soups', origin: UP }],
    ['https://br.pinterest.com/alice/soups/cold/', { kind: 'section', username: 'alice', board: 'soups', section: 'cold' }],
    ['https://www.pinterest.com.au/alice/', { kind: 'profile', username: 'alice' }],
    ['https://www.pinterest.fr/alice/pins/', { kind: 'profile', username: 'alice' }],
    ['https://pin.it/4AbCdEf', { kind: 'short', code: '4AbCdEf', origin: UP }],
    ['http://127.0.0.1:9000/pin/77/', { kind: 'pin', pinId: '77', origin: 'http://127.0.0.1:9000' }],
    ['http://cork.example/bob/trips/', { kind: 'board', username: 'bob', board: 'trips', origin: 'http://cork.example' }],
    ['http://cork.example/url_shortener/p3x/redirect/', { kind: 'short', code: 'p3x', origin: 'http://cork.example' }],
  ];
  for (const [url, expected] of cases) {
    it(url, () => {
      const t = parseTarget(url, UP) as unknown as Record<string, string>;
      for (const [k, v] of Object.entries(expected)) assert.equal(t[k], v, k);
    });
  }
  for (const bad of ['not a url', 'ftp://pinterest.com/pin/1/', 'https://www.pinterest.com/', 'https://www.pinterest.com/pin/abc/', 'https://www.pinterest.com/search/pins/', 'https://pin.it/', 'https://www.pinterest.com/a/b/c/d/', 'https://www.pinterest.com/pin/1/2/']) {
    it(`refuses ${bad}, saying what works`, () => {
      assert.throws(() => parseTarget(bad, UP), (err: Error) => err instanceof UnsupportedUrl && /pin.*board.*section.*profile/.test(err.message));
    });
  }
});
