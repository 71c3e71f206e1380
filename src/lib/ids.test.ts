// Ids: 19-digit decimal strings, strictly increasing per generator, unique across workers, robust to the clock.
import { afterEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { IdGenerator, isId, MAX_WORKERS } from './ids.js';

/** Freezes Date.now at `ms` (changeable through the returned setter) for the rest of the test. */
function freezeClock(ms: number): (next: number) => void {
  let now = ms;
  mock.method(Date, 'now', () => now);
  return (next) => { now = next; };
}

const WORKER_OF = (id: string) => Number((BigInt(id) >> 12n) & 1023n);

describe('IdGenerator', () => {
  afterEach(() => mock.restoreAll());

  it('gives 19-digit numeric strings', () => {
    const gen = new IdGenerator(7);
    for (let i = 0; i < 1000; i++) {
      const id = gen.next();
      assert.match(id, /^\d{19}$/);
      assert.ok(isId(id));
    }
  });

  it('gives 19 digits from 2018 to 2079 (string order is numeric order)', () => {
    for (const date of ['2018-01-01T00:00:00Z', '2026-11-23T12:00:00Z', '2079-01-01T00:00:00Z']) {
      freezeClock(Date.parse(date));
      for (const worker of [0, MAX_WORKERS - 1]) assert.match(new IdGenerator(worker).next(), /^\d{19}$/, date);
      mock.restoreAll();
    }
  });

  it('is strictly increasing within one generator, as numbers and as strings', () => {
    const gen = new IdGenerator(3);
    let prev = gen.next();
    for (let i = 0; i < 20_000; i++) { // more than 4096 per millisecond is likely here: the sequence wraps
      const id = gen.next();
      assert.ok(BigInt(id) > BigInt(prev), `${id} after ${prev}`);
      assert.ok(id > prev);
      prev = id;
    }
  });

  it('stays increasing past 4096 ids in one frozen millisecond', () => {
    freezeClock(Date.parse('2026-01-01T00:00:00Z'));
    const gen = new IdGenerator(1);
    const ids = Array.from({ length: 10_000 }, () => gen.next());
    for (let i = 1; i < ids.length; i++) assert.ok(BigInt(ids[i]!) > BigInt(ids[i - 1]!), `at ${i}`);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('stays increasing when the clock steps back', () => {
    const set = freezeClock(Date.parse('2026-01-01T00:00:10Z'));
    const gen = new IdGenerator(2);
    const a = gen.next();
    set(Date.parse('2026-01-01T00:00:05Z')); // NTP stepped the clock back 5 s
    const b = gen.next();
    const c = gen.next();
    set(Date.parse('2026-01-01T00:00:11Z'));
    const d = gen.next();
    assert.ok(BigInt(b) > BigInt(a));
    assert.ok(BigInt(c) > BigInt(b));
    assert.ok(BigInt(d) > BigInt(c));
  });

  it('two generators with different workers never collide, even on the same millisecond', () => {
    freezeClock(Date.parse('2026-01-01T00:00:00Z'));
    const g1 = new IdGenerator(1);
    const g2 = new IdGenerator(2);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const a = g1.next();
      const b = g2.next();
      assert.equal(WORKER_OF(a), 1);
      assert.equal(WORKER_OF(b), 2);
      seen.add(a).add(b);
    }
    assert.equal(seen.size, 10_000);
  });

  it('two generators on the real clock never collide', () => {
    const g1 = new IdGenerator(0);
    const g2 = new IdGenerator(MAX_WORKERS - 1);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(g1.next()).add(g2.next());
    assert.equal(seen.size, 20_000);
  });

  it('refuses a worker number out of range', () => {
    for (const w of [-1, MAX_WORKERS, 1.5, Number.NaN]) assert.throws(() => new IdGenerator(w), /worker/, String(w));
    assert.doesNotThrow(() => new IdGenerator(0));
    assert.doesNotThrow(() => new IdGenerator(MAX_WORKERS - 1));
  });
});

describe('isId', () => {
  it('accepts up to 19 digits and nothing else', () => {
    for (const ok of ['1', '1137288271238219776', '0000000000000000001']) assert.equal(isId(ok), true, ok);
    for (const bad of ['', '12345678901234567890', '-1', '12a', ' 1', '1 ', '1e5', '0x10', '１２']) assert.equal(isId(bad), false, bad);
  });
});
