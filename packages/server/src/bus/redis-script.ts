import type { Redis } from 'ioredis';

/**
 * A Lua script and how many of its arguments are keys. It is sent whole with `EVAL` every time (Redis
 * caches it compiled), never by SHA1 alone: a NOSCRIPT retry after a Redis restart could overtake a later
 * command, and presence depends on commands arriving in the order they were sent.
 */
export class RedisScript {
  constructor(
    readonly lua: string,
    readonly keyCount: number,
  ) {}

  run(redis: Redis, keys: readonly string[], args: readonly (string | number)[] = []): Promise<unknown> {
    return redis.eval(this.lua, this.keyCount, ...keys, ...args);
  }
}
