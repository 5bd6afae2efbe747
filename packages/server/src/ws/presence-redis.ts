import type { RedisLink } from '../bus/redis-link.js';
import { PresenceChanges } from './presence-changes.js';
import type { PresenceDirectory, PublishPresence } from './presence-directory.js';
import { PresenceRoster } from './presence-roster.js';
import { heartbeatScript, joinScript, leaveScript, reapScript } from './presence-scripts.js';

/** What the Redis presence is told at start. */
export interface RedisPresenceOptions {
  /** How long a process counts after its last heartbeat (ms); it beats three times per period. */
  ttlMs: number;
  /** How long changes are collected before they are published (ms). */
  tickMs: number;
}

const pairOf = (channelId: string, userId: string) => `${channelId} ${userId}`;

/**
 * Presence for a deployment, kept in Redis (keys in presence-scripts.ts). This process counts its own
 * sockets in a {@link PresenceRoster} and tells Redis only when a user's first subscription in a channel
 * starts here or their last one stops; Redis answers whether that changed the user's presence anywhere,
 * and only then is a change published.
 *
 * Each heartbeat renews this process's key, counts out the processes whose key expired (a crash, a kill,
 * a lost network) and announces their users offline where no other process has them. When Redis was
 * unreachable, or lost its data, or took this process for dead, the next heartbeat re-counts this process
 * from its roster, so Redis converges on what the sockets say.
 */
export class RedisPresence implements PresenceDirectory {
  readonly #roster = new PresenceRoster();
  readonly #changes: PresenceChanges;
  readonly #timer: ReturnType<typeof setInterval>;
  /** Pairs whose leave may not have reached Redis: retried (and announced if offline) by the next re-count. */
  readonly #unsentLeaves = new Set<string>();
  /** Commands on their way, so `close` can wait for them. */
  readonly #inFlight = new Set<Promise<unknown>>();
  #dirty = false;
  #beating = false;
  #closed = false;

  constructor(
    private readonly link: RedisLink,
    publish: PublishPresence,
    private readonly options: RedisPresenceOptions,
  ) {
    this.#changes = new PresenceChanges(publish, options.tickMs);
    this.#timer = setInterval(() => void this.#heartbeat(), Math.max(1, Math.floor(options.ttlMs / 3)));
    this.#timer.unref();
    void this.#heartbeat();
  }

  async join(channelId: string, userId: string): Promise<void> {
    if (!this.#roster.add(channelId, userId)) return;
    await this.#join(channelId, userId);
  }

  leave(channelId: string, userId: string): void {
    if (this.#roster.remove(channelId, userId)) void this.#leave(channelId, userId, false);
  }

  async online(channelId: string): Promise<string[]> {
    try {
      return await this.link.client.hkeys(this.#hash(channelId));
    } catch {
      return this.#roster.online(channelId); // Redis is away: what this process knows is the best answer
    }
  }

  /**
   * Renews this process's heartbeat, re-counts it when needed, and counts out the processes that stopped
   * beating. Runs on a timer; one beat at a time.
   */
  async #heartbeat(): Promise<void> {
    if (this.#beating || this.#closed) return;
    this.#beating = true;
    try {
      const me = this.link.processId;
      const known = await heartbeatScript.run(
        this.link.client,
        [this.#alive(me), this.link.key('processes')],
        [this.options.ttlMs, me],
      );
      if (known === 0 || this.#dirty) await this.#recount();
      const processes = await this.link.client.smembers(this.link.key('processes'));
      for (const other of processes) if (other !== me) await this.#reap(other);
    } catch {
      this.#dirty = true; // Redis is away; the next beat re-counts
    } finally {
      this.#beating = false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await Promise.allSettled([...this.#inFlight]);
    try {
      await this.link.client.del(this.#alive(this.link.processId));
      await this.#reap(this.link.processId); // whatever leave did not get through
    } catch {
      // Redis is away: the others count this process out once its heartbeat key expires
    }
    this.#changes.flush();
    this.#changes.close();
  }

  async #join(channelId: string, userId: string): Promise<void> {
    const sent = joinScript.run(this.link.client, this.#keys(channelId), [userId, pairOf(channelId, userId)]);
    try {
      if ((await this.#track(sent)) === 1) this.#changes.note(channelId, userId, true);
    } catch {
      this.#dirty = true;
    }
  }

  async #leave(channelId: string, userId: string, retry: boolean): Promise<void> {
    const pair = pairOf(channelId, userId);
    this.#unsentLeaves.delete(pair);
    const sent = leaveScript.run(this.link.client, this.#keys(channelId), [userId, pair, retry ? '1' : '0']);
    try {
      if ((await this.#track(sent)) === 1) this.#changes.note(channelId, userId, false);
    } catch {
      this.#unsentLeaves.add(pair);
      this.#dirty = true;
    }
  }

  /**
   * Makes Redis count this process exactly where its roster says: joins every pair it holds (a no-op where
   * Redis has it) and leaves the pairs Redis still has, or may have, that it no longer holds. All commands
   * are sent in one go after reading Redis, so they reach Redis before any later join or leave.
   */
  async #recount(): Promise<void> {
    const remote = await this.link.client.smembers(this.#pairs(this.link.processId));
    this.#dirty = false;
    const held = new Set<string>();
    const sent: Promise<void>[] = [];
    for (const [channelId, userId] of this.#roster.entries()) {
      held.add(pairOf(channelId, userId));
      sent.push(this.#join(channelId, userId));
    }
    for (const pair of new Set([...remote, ...this.#unsentLeaves])) {
      if (held.has(pair)) continue;
      const [channelId = '', userId = ''] = pair.split(' ');
      sent.push(this.#leave(channelId, userId, true));
    }
    await Promise.all(sent);
  }

  /** Counts out process `id` if its heartbeat expired, announcing its users offline where no one else has them. */
  async #reap(id: string): Promise<void> {
    const gone = (await reapScript.run(
      this.link.client,
      [this.#alive(id), this.#pairs(id), this.link.key('processes')],
      [id, this.link.key('presence', '')],
    )) as string[];
    for (const pair of gone) {
      const [channelId = '', userId = ''] = pair.split(' ');
      this.#changes.note(channelId, userId, false);
    }
  }

  #track<T>(command: Promise<T>): Promise<T> {
    this.#inFlight.add(command);
    void command.finally(() => this.#inFlight.delete(command)).catch(() => {});
    return command;
  }

  #keys(channelId: string): string[] {
    return [this.#hash(channelId), this.#pairs(this.link.processId)];
  }

  #hash(channelId: string): string {
    return this.link.key('presence', channelId);
  }

  #pairs(id: string): string {
    return this.link.key('process', id, 'pairs');
  }

  #alive(id: string): string {
    return this.link.key('process', id, 'alive');
  }
}
