import { ChatError } from './errors.js';

/**
 * A limit on how often a key (a user, an address) may do something, checked before it is done. In one
 * process it is a {@link RateLimiter}; across processes it is kept in Redis, so the answer may take a
 * round trip.
 */
export interface SharedRateLimit {
  /** Takes one token for `key`, or throws `rate_limited` (429) saying `detail` and how long to wait. */
  spend(key: string, detail: string): void | Promise<void>;
}

/** A token bucket per key, in this process: `rate` tokens a second, holding at most `burst`. */
export class RateLimiter implements SharedRateLimit {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly rate: number,
    readonly burst: number,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, or the seconds to wait before it would be. */
  take(key: string, at = Date.now()): number {
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.rate);
    bucket.at = at;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#sweep(at);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.rate);
  }

  /** Takes one token for `key`, or throws `rate_limited` (429) saying `detail` and how long to wait. */
  spend(key: string, detail: string): void {
    const retryAfter = this.take(key);
    if (retryAfter > 0) throw new ChatError('rate_limited', detail, { retryAfter });
  }

  /** Forgets buckets that have refilled, so memory stays bounded. */
  #sweep(at: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((at - bucket.at) / 1000) * this.rate >= this.burst) this.#buckets.delete(key);
    }
  }
}
