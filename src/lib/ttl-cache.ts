// A small in-process cache whose entries live at most `ttlMs`, bounded in size (oldest entries go first).
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly ttlMs: number, private readonly max: number) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= now) { this.entries.delete(key); return undefined; }
    return e.value;
  }

  /** Stores `value` until `now + ttl`, or until `until` when that comes first. */
  set(key: string, value: V, until = Infinity, now = Date.now()): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Math.min(until, now + this.ttlMs) });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
