// At most `limit` tasks at once, at most `maxWaiting` more waiting their turn (first come, first served); beyond
// that a task is refused at once with QueueFull rather than queued without bound.
export class QueueFull extends Error {}

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number, readonly maxWaiting: number) {}

  get running(): number { return this.active; }
  get queued(): number { return this.waiting.length; }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else if (this.waiting.length >= this.maxWaiting) throw new QueueFull(`${this.active} running and ${this.waiting.length} waiting`);
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over, still counted
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); else this.active--;
    }
  }
}
