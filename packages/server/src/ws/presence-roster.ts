/**
 * Who is online in each channel, as this process sees it: how many present subscriptions each user has
 * there. A user is online in a channel while at least one of their sockets is subscribed to it.
 */
export class PresenceRoster {
  readonly #counts = new Map<string, Map<string, number>>();

  /** Counts one more subscription of `userId`; true when the user just came online in the channel. */
  add(channelId: string, userId: string): boolean {
    const counts = this.#counts.get(channelId) ?? new Map<string, number>();
    this.#counts.set(channelId, counts);
    const before = counts.get(userId) ?? 0;
    counts.set(userId, before + 1);
    return before === 0;
  }

  /** Counts one fewer; true when the user just went offline in the channel. */
  remove(channelId: string, userId: string): boolean {
    const counts = this.#counts.get(channelId);
    const before = counts?.get(userId) ?? 0;
    if (!counts || before === 0) return false;
    if (before > 1) {
      counts.set(userId, before - 1);
      return false;
    }
    counts.delete(userId);
    if (counts.size === 0) this.#counts.delete(channelId);
    return true;
  }

  /** Everyone online in the channel. */
  online(channelId: string): string[] {
    return [...(this.#counts.get(channelId)?.keys() ?? [])];
  }

  /** Every channel and user with at least one present subscription. */
  *entries(): IterableIterator<[channelId: string, userId: string]> {
    for (const [channelId, counts] of this.#counts) for (const userId of counts.keys()) yield [channelId, userId];
  }
}
