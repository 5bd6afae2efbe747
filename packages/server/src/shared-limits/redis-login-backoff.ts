import {
  type BackoffPolicy,
  defaultBackoff,
  FORGET_AFTER_MS,
  LoginBackoff,
  type SignInBackoff,
} from '../auth/login-backoff.js';
import type { RedisLink } from '../bus/redis-link.js';
import { RedisScript } from '../bus/redis-script.js';

/**
 * KEYS: the account key's hash; ARGV: free attempts, first wait (s), longest wait (s), forget after (ms).
 * {@link LoginBackoff.begin} on Redis's clock: returns the seconds to wait, or 0 and counts the attempt.
 */
const beginScript = new RedisScript(
  `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local locked = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
if locked > now then return math.ceil((locked - now) / 1000) end
local past = redis.call('HINCRBY', KEYS[1], 'failures', 1) - tonumber(ARGV[1])
if past >= 0 then
  local wait = math.min(tonumber(ARGV[2]) * 2 ^ past, tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], 'lockedUntil', now + wait * 1000)
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0`,
  1,
);

/**
 * Failed sign-ins per account key, counted by every process of a deployment together, with the policy of
 * {@link LoginBackoff}. While Redis is unreachable each process counts on its own.
 */
export class RedisLoginBackoff implements SignInBackoff {
  readonly #fallback: LoginBackoff;

  constructor(
    private readonly link: RedisLink,
    readonly policy: BackoffPolicy = defaultBackoff,
  ) {
    this.#fallback = new LoginBackoff(policy);
  }

  async begin(key: string): Promise<number> {
    const { freeAttempts, firstWaitSeconds, maxWaitSeconds } = this.policy;
    try {
      return Number(
        await beginScript.run(
          this.link.client,
          [this.#key(key)],
          [freeAttempts, firstWaitSeconds, maxWaitSeconds, FORGET_AFTER_MS],
        ),
      );
    } catch {
      return this.#fallback.begin(key);
    }
  }

  async succeeded(key: string): Promise<void> {
    this.#fallback.succeeded(key);
    await this.link.client.del(this.#key(key)).catch(() => {});
  }

  #key(key: string): string {
    return this.link.key('login', key);
  }
}
