import { once } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { Redis, type RedisOptions } from 'ioredis';
import { newId } from '../ids.js';

/** Every key and the pub/sub channel start with this, so a Redis shared with other software stays tidy. */
const PREFIX = 'confab:';
/** How long a command may wait for Redis before it fails (and the caller falls back or catches up later). */
const COMMAND_TIMEOUT_MS = 5000;

/** Reconnects quickly after a blip, then every 2 s for as long as Redis stays away. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 2000);

/**
 * One server process's link to Redis: a command connection shared by the bus publisher, presence and the
 * shared limits, the process id that tags what it publishes, and the key names. Commands fail at once
 * while Redis is unreachable (no offline queue), so no caller waits on an outage; each has its fallback.
 */
export class RedisLink {
  /** This process, as the other processes of the deployment see it. */
  readonly processId = newId();
  readonly client: Redis;
  #closing = false;

  constructor(
    url: string,
    readonly log: FastifyBaseLogger,
  ) {
    this.client = new Redis(url, {
      retryStrategy,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectionName: `confab-${this.processId}`,
    });
    watch(this.client, 'commands', log, () => this.#closing);
  }

  /** A key (or channel) name in Confab's namespace. */
  key(...parts: string[]): string {
    return PREFIX + parts.join(':');
  }

  /** A second connection with the same settings, for pub/sub (a subscribed connection takes no other commands). */
  duplicate(role: string, options: RedisOptions = {}): Redis {
    const connection = this.client.duplicate({ ...options, connectionName: `confab-${this.processId}-${role}` });
    watch(connection, role, this.log, () => this.#closing);
    return connection;
  }

  /** Resolves once the command connection is ready, or false after `timeoutMs` (the server starts anyway, not ready). */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    const timeout = AbortSignal.timeout(timeoutMs);
    return once(this.client, 'ready', { signal: timeout }).then(
      () => true,
      () => false,
    );
  }

  /** Closes a connection: politely when it is up, at once when it is not. */
  static async end(connection: Redis): Promise<void> {
    if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
    else connection.disconnect();
  }

  async close(): Promise<void> {
    this.#closing = true;
    await RedisLink.end(this.client);
  }
}

/** Logs when a connection is lost and when it is back, once each, rather than every failed retry. */
function watch(connection: Redis, role: string, log: FastifyBaseLogger, closing: () => boolean): void {
  let lost = false;
  connection.on('error', (error: Error) => {
    if (lost || closing()) return;
    lost = true;
    log.warn({ err: error, role }, 'Redis connection lost; retrying');
  });
  connection.on('close', () => {
    if (lost || closing()) return;
    lost = true;
    log.warn({ role }, 'Redis connection closed; retrying');
  });
  connection.on('ready', () => {
    if (lost) log.info({ role }, 'Redis connection back');
    lost = false;
  });
}
