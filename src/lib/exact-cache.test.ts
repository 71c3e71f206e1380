import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExactCache } from './exact-cache.js';

describe('ExactCache', () => {
  it('keeps a value while the generation stands still, and loads again once it moves', async () => {
    let generation = 1;
    let loads = 0;
    const cache = new ExactCache<string>(() => generation, 10);
    const load = async () => `v${++loads}`;
    assert.equal(await cache.get('a', load), 'v1');
    assert.equal(await cache.get('a', load), 'v1');
    generation++;
    assert.equal(await cache.get('a', load), 'v2');
    assert.equal(loads, 2);
  });

  it('does not keep what was loaded while a write happened, nor undefined', async () => {
    let generation = 1;
    let loads = 0;
    const cache = new ExactCache<string>(() => generation, 10);
    assert.equal(await cache.get('a', async () => { generation++; return `v${++loads}`; }), 'v1');
    assert.equal(await cache.get('a', async () => `v${++loads}`), 'v2'); // the first was not kept
    assert.equal(await cache.get('a', async () => `v${++loads}`), 'v2');
    assert.equal(await cache.get('gone', async () => undefined), undefined);
    assert.equal(await cache.get('gone', async () => 'back'), 'back');
  });

  it('without a generation loads every time', async () => {
    let loads = 0;
    const cache = new ExactCache<number>(null, 10);
    await cache.get('a', async () => ++loads);
    assert.equal(await cache.get('a', async () => ++loads), 2);
  });

  it('holds at most `max` entries, dropping the oldest', async () => {
    const cache = new ExactCache<string>(() => 1, 2);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    assert.equal(await cache.get('a', async () => 'reloaded'), 'reloaded');
    assert.equal(await cache.get('c', async () => 'reloaded'), 'c');
  });
});
