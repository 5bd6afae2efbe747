import { RedisScript } from '../bus/redis-script.js';

// Presence in Redis, per channel: a hash `presence:<channel>` of user id → how many processes hold a present
// subscription of that user there. Per process: a set `process:<id>:pairs` of the "<channel> <user>" pairs
// it counts in, and a key `process:<id>:alive` that lives as long as the process keeps renewing it. The set
// `processes` lists the process ids, so the survivors can find a process whose heartbeat stopped.

/**
 * KEYS: presence hash, pairs set; ARGV: user, pair. Counts the process in once per pair;
 * returns 1 when the user just came online in the channel, deployment-wide.
 */
export const joinScript = new RedisScript(
  `if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
if redis.call('HINCRBY', KEYS[1], ARGV[1], 1) == 1 then return 1 end
return 0`,
  2,
);

/**
 * KEYS: presence hash, pairs set; ARGV: user, pair, retry ("1" when retrying a leave that may have been
 * lost). Counts the process out; returns 1 when the user is now offline in the channel, deployment-wide.
 */
export const leaveScript = new RedisScript(
  `local removed = redis.call('SREM', KEYS[2], ARGV[2])
if removed == 1 and redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
if (removed == 1 or ARGV[3] == '1') and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 1 end
return 0`,
  2,
);

/**
 * KEYS: alive key, processes set; ARGV: ttl ms, process id. Renews the heartbeat; returns 0 when the key
 * was gone (first beat, Redis lost its data, or the process was taken for dead), so the process re-counts.
 */
export const heartbeatScript = new RedisScript(
  `redis.call('SADD', KEYS[2], ARGV[2])
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'GET') then return 1 end
return 0`,
  2,
);

/**
 * KEYS: the other process's alive key, its pairs set, the processes set; ARGV: its id, the presence hash
 * prefix. When its heartbeat has expired, counts it out of every pair, forgets it, and returns the pairs
 * whose user is now offline; an empty list when it is alive. Atomic: one survivor announces each pair.
 */
export const reapScript = new RedisScript(
  `if redis.call('EXISTS', KEYS[1]) == 1 then return {} end
local gone = {}
for _, pair in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local space = string.find(pair, ' ', 1, true)
  local hash = ARGV[2] .. string.sub(pair, 1, space - 1)
  local user = string.sub(pair, space + 1)
  if redis.call('HINCRBY', hash, user, -1) <= 0 then
    redis.call('HDEL', hash, user)
    table.insert(gone, pair)
  end
end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
return gone`,
  3,
);
