import type { FastifyBaseLogger } from 'fastify';
import { LoginBackoff, type SignInBackoff } from '../auth/login-backoff.js';
import type { ServerConfig } from '../config.js';
import { RateLimiter, type SharedRateLimit } from '../rate-limit.js';
import { RedisLoginBackoff } from '../shared-limits/redis-login-backoff.js';
import { RedisRateLimit } from '../shared-limits/redis-rate-limit.js';
import { LocalPresence, type PresenceDirectory } from '../ws/presence-directory.js';
import { RedisPresence } from '../ws/presence-redis.js';
import type { Bus } from './bus.js';
import { createMemoryBus } from './memory-bus.js';
import { createRedisBus } from './redis-bus.js';
import { RedisLink } from './redis-link.js';

/** How long presence changes are collected before they are published (ms). */
const PRESENCE_TICK_MS = 250;
/** How long a starting process waits for Redis before it starts anyway (and reports not ready). */
const REDIS_START_WAIT_MS = 5000;

/** What one process shares with the others of its deployment (or keeps to itself, when it is alone). */
export interface ScaleOut {
  bus: Bus;
  presence: PresenceDirectory;
  /** Messages per user. */
  sendLimit: SharedRateLimit;
  /** Writes other than messages, per user. */
  writeLimit: SharedRateLimit;
  /** Sign-ins and registrations, per client address. */
  authLimit: SharedRateLimit;
  /** Message searches, per user (each costs a full-text query). */
  searchLimit: SharedRateLimit;
  /** Failed sign-ins per username. */
  loginBackoff: SignInBackoff;
  /** How often the hub checks for events the bus missed; undefined when it cannot miss any. */
  gapCheckMs: number | undefined;
  /** Publishes the last presence changes and closes the connections; call after the sockets closed. */
  close(): Promise<void>;
}

/** One process alone: everything in memory. With `redisUrl`: fan-out, presence and the limits on Redis. */
export async function createScaleOut(config: ServerConfig, log: FastifyBaseLogger): Promise<ScaleOut> {
  const sendRate = [config.sendRate, config.sendRate * 10] as const;
  const writeRate = [config.writeRate, config.writeRate * 10] as const;
  const authRate = [config.authRate, config.authRate * 10] as const;
  if (!config.redisUrl) {
    const bus = createMemoryBus();
    const presence = new LocalPresence((frame) => void bus.publish({ kind: 'presence', frame }), PRESENCE_TICK_MS);
    return {
      bus,
      presence,
      sendLimit: new RateLimiter(...sendRate),
      writeLimit: new RateLimiter(...writeRate),
      authLimit: new RateLimiter(...authRate),
      searchLimit: new RateLimiter(...writeRate),
      loginBackoff: new LoginBackoff(),
      gapCheckMs: undefined,
      async close() {
        await presence.close();
        await bus.close();
      },
    };
  }
  const link = new RedisLink(config.redisUrl, log);
  if (!(await link.ready(REDIS_START_WAIT_MS))) log.warn('Redis is not reachable yet; starting without it (not ready)');
  const bus = createRedisBus(link);
  const presence = new RedisPresence(link, (frame) => void bus.publish({ kind: 'presence', frame }), {
    ttlMs: config.presenceTtlMs,
    tickMs: PRESENCE_TICK_MS,
  });
  return {
    bus,
    presence,
    sendLimit: new RedisRateLimit(link, 'send', ...sendRate),
    writeLimit: new RedisRateLimit(link, 'write', ...writeRate),
    authLimit: new RedisRateLimit(link, 'auth', ...authRate),
    searchLimit: new RedisRateLimit(link, 'search', ...writeRate),
    loginBackoff: new RedisLoginBackoff(link),
    gapCheckMs: config.gapCheckMs || undefined,
    async close() {
      await presence.close();
      await bus.close();
      await link.close();
    },
  };
}
