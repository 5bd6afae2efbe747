/** How the per-account backoff grows. */
export interface BackoffPolicy {
  /** Attempts that may fail before the first wait. */
  freeAttempts: number;
  /** The first wait, in seconds; each further failure doubles it. */
  firstWaitSeconds: number;
  /** The longest wait, in seconds, so nobody can lock an account for good. */
  maxWaitSeconds: number;
}

export const defaultBackoff: BackoffPolicy = { freeAttempts: 5, firstWaitSeconds: 1, maxWaitSeconds: 15 * 60 };

/** A key is forgotten this long after its last attempt (and then starts afresh). */
export const FORGET_AFTER_MS = 60 * 60 * 1000;
/** Keys kept at most; past it the stalest go first, so a spray of usernames cannot exhaust memory. */
const MAX_KEYS = 100_000;

interface Attempts {
  failures: number;
  lockedUntil: number;
  lastAttempt: number;
}

/**
 * Failed sign-ins per account key, in this process or shared by a deployment (see
 * shared-limits/redis-login-backoff.ts); both follow a {@link BackoffPolicy}.
 */
export interface SignInBackoff {
  readonly policy: BackoffPolicy;
  /** Starts an attempt for `key`: 0 when it may go ahead (counted as failed until it succeeds), or the seconds to wait. */
  begin(key: string): number | Promise<number>;
  /** The attempt succeeded: the key starts afresh. */
  succeeded(key: string): void | Promise<void>;
}

/**
 * Failed sign-ins per account key (a username, whether or not it exists): after `freeAttempts` failures
 * every attempt must wait, twice as long after each further failure, at most `maxWaitSeconds`.
 *
 * An attempt counts as a failure from the moment it starts ({@link begin}) until it succeeds
 * ({@link succeeded}), so parallel attempts cannot slip past the limit while their passwords are checked.
 * The counts live in this process.
 */
export class LoginBackoff implements SignInBackoff {
  readonly #keys = new Map<string, Attempts>();

  constructor(readonly policy: BackoffPolicy = defaultBackoff) {}

  /** Starts an attempt for `key`: 0 when it may go ahead (counted as failed until it succeeds), or the seconds to wait. */
  begin(key: string, now = Date.now()): number {
    let entry = this.#keys.get(key);
    if (entry && now - entry.lastAttempt > FORGET_AFTER_MS) entry = undefined;
    if (entry && entry.lockedUntil > now) return Math.ceil((entry.lockedUntil - now) / 1000);
    entry ??= { failures: 0, lockedUntil: 0, lastAttempt: now };
    entry.failures += 1;
    entry.lastAttempt = now;
    const past = entry.failures - this.policy.freeAttempts;
    if (past >= 0) {
      const wait = Math.min(this.policy.firstWaitSeconds * 2 ** past, this.policy.maxWaitSeconds);
      entry.lockedUntil = now + wait * 1000;
    }
    this.#keys.delete(key); // re-inserted last: the map stays ordered by last attempt
    this.#keys.set(key, entry);
    if (this.#keys.size > MAX_KEYS) this.#trim(now);
    return 0;
  }

  /** The attempt succeeded: the key starts afresh. */
  succeeded(key: string): void {
    this.#keys.delete(key);
  }

  #trim(now: number): void {
    for (const [key, entry] of this.#keys) {
      if (this.#keys.size <= MAX_KEYS && now - entry.lastAttempt <= FORGET_AFTER_MS) break;
      this.#keys.delete(key);
    }
  }
}
