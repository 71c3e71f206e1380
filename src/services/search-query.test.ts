// Search queries: words as the engines index them, id lists, and what is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../lib/api-error.js';
import { MAX_WORDS, parseSearchQuery } from './search-query.js';

const words = (raw: string) => parseSearchQuery(raw, { ids: true });

describe('parseSearchQuery', () => {
  it('keeps letters, marks and digits only, lower-cased; the last word is a prefix unless the query ends after it', () => {
    assert.deepEqual(words('"Tomato" AND (soup*'), { kind: 'words', terms: { words: ['tomato', 'and', 'soup'], prefixLast: false } });
    assert.deepEqual(words('NEAR(crème brûl'), { kind: 'words', terms: { words: ['near', 'crème', 'brûl'], prefixLast: true } });
    assert.deepEqual(words('a:b'), { kind: 'words', terms: { words: ['a', 'b'], prefixLast: false } }); // too short for a prefix
    assert.deepEqual(words('gazpacho '), { kind: 'words', terms: { words: ['gazpacho'], prefixLast: false } });
    assert.deepEqual(words('*()"\''), { kind: 'nothing' });
    assert.deepEqual(words('\u0301 tomato'), { kind: 'words', terms: { words: ['tomato'], prefixLast: true } });
  });

  it('reads comma-separated numbers, or one id-long number, as pin ids; shorter numbers are words', () => {
    assert.deepEqual(words('12, 34,12,'), { kind: 'ids', ids: ['12', '34'] });
    assert.deepEqual(words('1137288271238219776'), { kind: 'ids', ids: ['1137288271238219776'] });
    assert.deepEqual(words('2024'), { kind: 'words', terms: { words: ['2024'], prefixLast: true } });
    assert.equal(parseSearchQuery('12,34', { ids: false }).kind, 'words');
    assert.equal(words('12,abc').kind, 'words');
  });

  it('refuses empty queries and too many words or ids with 400', () => {
    for (const raw of ['', '  \t', Array(MAX_WORDS + 1).fill('w').join(' '), Array.from({ length: 251 }, (_, i) => i + 1).join(',')]) {
      assert.throws(() => words(raw), (e: unknown) => e instanceof ApiError && e.status === 400, JSON.stringify(raw).slice(0, 40));
    }
  });
});
