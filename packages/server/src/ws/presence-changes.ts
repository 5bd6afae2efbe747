import type { PresenceFrame } from '@confab/protocol';

/** Where a user stood at the last publish, and where they stand now. */
interface Change {
  before: boolean;
  now: boolean;
}

/**
 * Collects who came online and who went offline, per channel, and publishes them together once per tick:
 * one `presence` frame per changed channel, whatever the number of subscribes. A user who comes and goes
 * within one tick (a re-subscribe, a reconnect) is no change at all.
 */
export class PresenceChanges {
  readonly #pending = new Map<string, Map<string, Change>>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly publish: (frame: PresenceFrame) => void,
    private readonly tickMs: number,
  ) {}

  /** Notes that `userId` is now online (or offline) in the channel. */
  note(channelId: string, userId: string, online: boolean): void {
    const changes = this.#pending.get(channelId) ?? new Map<string, Change>();
    this.#pending.set(channelId, changes);
    const change = changes.get(userId);
    if (change) change.now = online;
    else changes.set(userId, { before: !online, now: online });
    this.#timer ??= setTimeout(() => this.flush(), this.tickMs).unref();
  }

  /** Publishes what changed since the last publish. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const [channelId, changes] of pending) {
      const joined: string[] = [];
      const left: string[] = [];
      for (const [userId, { before, now }] of changes) {
        if (now && !before) joined.push(userId);
        else if (before && !now) left.push(userId);
      }
      if (joined.length || left.length)
        this.publish({
          type: 'presence',
          channelId,
          ...(joined.length ? { joined } : {}),
          ...(left.length ? { left } : {}),
        });
    }
  }

  /** Stops the tick; what is pending is dropped. */
  close(): void {
    clearTimeout(this.#timer);
    this.#pending.clear();
  }
}
