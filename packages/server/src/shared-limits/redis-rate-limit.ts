import type { RedisLink } from '../bus/redis-link.js';
import { RedisScript } from '../bus/redis-script.js';
import { ChatError } from '../errors.js';
import { RateLimiter, type SharedRateLimit } from '../rate-limit.js';

/**
 * KEYS: the bucket; ARGV: rate per second, burst. The token bucket of {@link RateLimiter}, on Redis's clock
 * so every process agrees; the bucket is forgotten once it would be full again. Returns 0 when a token was
 * taken, or the whole seconds to wait.
 */
const takeScript = new RedisScript(
  `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return wait`,
  1,
);

/**
 * A token bucket per key shared by every process of a deployment (e.g. messages per user: a user with
 * sockets on three processes still gets `rate` a second in all). While Redis is unreachable each process
 * falls back to its own bucket, so limits loosen for the outage instead of refusing everyone.
 */
export class RedisRateLimit implements SharedRateLimit {
  readonly #fallback: RateLimiter;

  constructor(
    private readonly link: RedisLink,
    /** Names the limit in the keys, e.g. `send`. */
    private readonly name: string,
    readonly rate: number,
    readonly burst: number,
  ) {
    this.#fallback = new RateLimiter(rate, burst);
  }

  async spend(key: string, detail: string): Promise<void> {
    let retryAfter: number;
    try {
      retryAfter = Number(
        await takeScript.run(this.link.client, [this.link.key('rate', this.name, key)], [this.rate, this.burst]),
      );
    } catch {
      retryAfter = this.#fallback.take(key);
    }
    if (retryAfter > 0) throw new ChatError('rate_limited', detail, { retryAfter });
  }
}
