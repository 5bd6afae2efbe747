import type { PresenceFrame } from '@confab/protocol';
import { PresenceChanges } from './presence-changes.js';
import { PresenceRoster } from './presence-roster.js';

/**
 * Who is online in each channel, for the whole deployment. The hub tells it when a socket's subscription
 * starts or stops counting; it publishes who came online and who went offline, coalesced per tick, and
 * answers the whole list for a `subscribe`.
 */
export interface PresenceDirectory {
  /** One more present subscription of the user; resolves once it counts in {@link online}. */
  join(channelId: string, userId: string): Promise<void>;
  /** One fewer present subscription of the user. */
  leave(channelId: string, userId: string): void;
  /** Everyone online in the channel, on every process. */
  online(channelId: string): Promise<string[]>;
  /** Publishes what is pending and stops; this process's users no longer count anywhere. */
  close(): Promise<void>;
}

/** How presence changes leave a process: as `presence` frames on the bus. */
export type PublishPresence = (frame: PresenceFrame) => void;

/** Presence for a single process: the roster in memory is the whole truth. */
export class LocalPresence implements PresenceDirectory {
  readonly #roster = new PresenceRoster();
  readonly #changes: PresenceChanges;

  constructor(publish: PublishPresence, tickMs: number) {
    this.#changes = new PresenceChanges(publish, tickMs);
  }

  async join(channelId: string, userId: string): Promise<void> {
    if (this.#roster.add(channelId, userId)) this.#changes.note(channelId, userId, true);
  }

  leave(channelId: string, userId: string): void {
    if (this.#roster.remove(channelId, userId)) this.#changes.note(channelId, userId, false);
  }

  async online(channelId: string): Promise<string[]> {
    return this.#roster.online(channelId);
  }

  async close(): Promise<void> {
    this.#changes.close();
  }
}
