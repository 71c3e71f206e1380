import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { immutable, toJson } from './immutable.js';

describe('immutable values', () => {
  it('are frozen all the way down', () => {
    const v = immutable({ a: { b: [1, { c: 'x' }] } });
    assert.throws(() => { (v as any).a = 1; }, TypeError);
    assert.throws(() => { (v.a.b as any).push(2); }, TypeError);
    assert.throws(() => { (v.a.b[1] as any).c = 'y'; }, TypeError);
  });

  it('are stringified as JSON.stringify does, once', () => {
    const v = immutable({ s: 'quote " and \u2028', n: 1, z: null, list: [true, { d: 'ü' }] });
    assert.equal(toJson(v), JSON.stringify(v));
    assert.equal(toJson(v), toJson(v));
    let calls = 0;
    const counted = immutable({ toJSON: () => ({ calls: ++calls }) });
    toJson(counted);
    toJson(counted);
    assert.equal(calls, 1);
  });

  it('leave every other value to JSON.stringify on each call', () => {
    const plain = { n: 1 };
    assert.equal(toJson(plain), '{"n":1}');
    plain.n = 2;
    assert.equal(toJson(plain), '{"n":2}');
    for (const v of ['s', 3, null, [1, 2]]) assert.equal(toJson(v), JSON.stringify(v));
  });
});
