import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

interface Window { count: number; resetAt: number }

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    // drop finished windows so the map holds only keys seen in the current window
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    }, sweepEveryMs).unref();
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.windows.set(key, w);
    }
    const allowed = w.count < limit;
    if (allowed) w.count++;
    return { allowed, limit, remaining: limit - w.count, resetSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}
