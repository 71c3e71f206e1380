import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QueueFull, Semaphore } from './semaphore.js';

/** A task that runs until released, recording how many tasks run at once. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => { open = r; });
  return { open, opened };
}

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, the rest in arrival order', async () => {
    const sem = new Semaphore(2, 10);
    let now = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 6 }, gate);
    const runs = gates.map((g, i) => sem.run(async () => {
      order.push(i);
      peak = Math.max(peak, ++now);
      await g.opened;
      now--;
      return i;
    }));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(order, [0, 1]);
    assert.equal(sem.running, 2);
    assert.equal(sem.queued, 4);
    for (const g of [...gates].reverse()) g.open(); // finishing out of order does not let more in at once
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5]);
    assert.equal(peak, 2);
    assert.equal(sem.running, 0);
  });

  it('refuses at once, without running it, a task beyond the queue', async () => {
    const sem = new Semaphore(1, 2);
    const g = gate();
    const held = [sem.run(() => g.opened), sem.run(() => g.opened), sem.run(() => g.opened)];
    let ran = false;
    await assert.rejects(sem.run(async () => { ran = true; }), QueueFull);
    assert.equal(ran, false);
    g.open();
    await Promise.all(held);
    assert.equal(await sem.run(async () => 'free again'), 'free again');
  });

  it('a failing task gives its slot back', async () => {
    const sem = new Semaphore(1, 0);
    await assert.rejects(sem.run(async () => { throw new Error('boom'); }), /boom/);
    assert.equal(sem.running, 0);
    assert.equal(await sem.run(async () => 1), 1);
  });
});
