// Failed log-ins, counted per account and per client address in a sliding window: past the limit, the next try
// is refused (429 with Retry-After) before any password is hashed, until the oldest counted failure leaves the
// window. Once guessing stops, the owner is locked out no longer than the window: then the right password works
// (while it goes on, each freed try can be spent by the attacker: a device cookie for known browsers would help).
// A try is counted when it starts (so concurrent guesses cannot slip past the limit together) and uncounted
// when it succeeds or is never checked. A success also forgets the account's failures.
// In-process: each instance counts its own tries.
import { ipv6Groups } from '../lib/ip-address.js';

export interface ThrottlePolicy { accountFailures: number; addressFailures: number; windowMs: number }

/** 10 failures per account and 30 per address (a household or office shares one) in 15 minutes. */
export const LOGIN_THROTTLE: ThrottlePolicy = { accountFailures: 10, addressFailures: 30, windowMs: 15 * 60_000 };

/** Keys remembered at most: past it, expired keys go, then the oldest. */
const MAX_KEYS = 100_000;

/** An IPv6 client is counted by its /64, the block one subscriber usually holds; IPv4 by its address. */
export function addressKey(address: string): string {
  const groups = address.startsWith('::ffff:') ? null : ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64` : address;
}

export class LoginThrottle {
  /** The clock, in ms; tests move it. */
  now: () => number = Date.now;
  /** Times of the tries counted in the window, oldest first, per key. */
  private readonly tries = new Map<string, number[]>();

  constructor(readonly policy: ThrottlePolicy = LOGIN_THROTTLE) {}

  /** Counts a try of `account` from `address` and answers 0, or answers the seconds to wait and counts nothing. */
  begin(account: string, address: string): number {
    const now = this.now();
    const keys = this.keys(account, address);
    const wait = Math.max(this.waitFor(keys[0], this.policy.accountFailures, now), this.waitFor(keys[1], this.policy.addressFailures, now));
    if (wait > 0) return Math.ceil(wait / 1000);
    for (const key of keys) {
      const log = this.tries.get(key) ?? [];
      log.push(now);
      this.tries.set(key, log);
    }
    if (this.tries.size > MAX_KEYS) this.trim(now);
    return 0;
  }

  /** The right password: the account's failures are forgotten, and this try does not count against the address. */
  succeeded(account: string, address: string): void {
    const [accountKey, addressKey] = this.keys(account, address);
    this.tries.delete(accountKey);
    this.uncount(addressKey);
  }

  /** The try was never checked (the server was too busy): it counts against neither. */
  cancelled(account: string, address: string): void {
    for (const key of this.keys(account, address)) this.uncount(key);
  }

  private keys(account: string, address: string): [string, string] {
    // Names are at most 30 characters: a longer one is no account, and need not be kept whole.
    return [`account:${account.toLowerCase().slice(0, 64)}`, `address:${addressKey(address)}`];
  }

  /** Ms until a try is allowed for `key`, 0 when it is now; drops tries that left the window. */
  private waitFor(key: string, limit: number, now: number): number {
    const log = this.tries.get(key);
    if (!log) return 0;
    while (log.length && log[0]! <= now - this.policy.windowMs) log.shift();
    if (!log.length) { this.tries.delete(key); return 0; }
    return log.length >= limit ? log[log.length - limit]! + this.policy.windowMs - now : 0;
  }

  private uncount(key: string): void {
    const log = this.tries.get(key);
    log?.pop();
    if (log && !log.length) this.tries.delete(key);
  }

  private trim(now: number): void {
    for (const [key, log] of this.tries) if (log[log.length - 1]! <= now - this.policy.windowMs) this.tries.delete(key);
    for (const key of this.tries.keys()) {
      if (this.tries.size <= MAX_KEYS) break;
      this.tries.delete(key);
    }
  }
}
