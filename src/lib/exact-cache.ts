// Database reads kept in memory exactly as long as they are true. `generation` moves on every write to the
// database (this process's or another's, see DbHandle.generation); the first read after a move empties the cache.
// Without a generation (PostgreSQL, written by other instances) nothing is kept and every read loads.
export class ExactCache<V> {
  private readonly entries = new Map<string, V>();
  private seen = Number.NaN;

  constructor(private readonly generation: (() => number) | null, private readonly max: number) {}

  /** The value kept for `key`, or `load()`'s, kept when no write happened while it loaded (undefined is never kept). */
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    if (!this.generation) return load();
    const before = this.current();
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    if (value !== undefined && this.current() === before) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  private current(): number {
    const g = this.generation!();
    if (g !== this.seen) { this.entries.clear(); this.seen = g; }
    return g;
  }
}
