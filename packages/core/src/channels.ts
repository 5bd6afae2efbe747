import type { Channel, EventFrame, User } from '@confab/protocol';
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { type ChatApi, unwrap } from './http.js';
import type { ChannelRoom } from './room.js';

const activity = (c: Channel) => c.lastMessageAt ?? c.createdAt;
const byActivity = (a: Channel, b: Channel) => (activity(a) < activity(b) ? 1 : activity(a) > activity(b) ? -1 : 0);

/**
 * The channels the user has joined, most recent activity first, with unread counts kept current by
 * subscribing every one of them while the list is observed, and channels the user is added to listed
 * as their `added` frames arrive.
 */
export class ChannelList {
  readonly #channels = atom<Channel[]>([]);
  readonly $channels: ReadableAtom<Channel[]> = this.#channels;
  readonly #watched = new Set<string>();
  #observed = false;

  constructor(
    private readonly api: ChatApi,
    private readonly room: (id: string) => ChannelRoom,
    private readonly me: () => User | null,
    /** Opens the socket, so that `added` frames arrive even while no channel is joined. */
    private readonly goLive: () => void,
  ) {
    onMount(this.$channels, () => {
      this.#observed = true;
      void this.refresh().catch(() => {});
      return () => {
        this.#observed = false;
        for (const id of this.#watched) this.room(id).release();
        this.#watched.clear();
      };
    });
  }

  /** Reloads the list if anyone is watching it (after signing in). */
  reloadIfObserved(): void {
    if (this.#observed) void this.refresh().catch(() => {});
  }

  /** Reloads the list from the server (after joining or creating a channel, say). */
  async refresh(): Promise<Channel[]> {
    const channels: Channel[] = [];
    let cursor: string | undefined;
    do {
      const query = { scope: 'joined' as const, limit: 100, ...(cursor ? { cursor } : {}) };
      const page = await unwrap(this.api.GET('/api/v1/channels', { params: { query } }));
      channels.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    this.#channels.set(channels.sort(byActivity));
    for (const channel of channels) this.#watch(channel);
    if (this.#observed) this.goLive();
    return channels;
  }

  /** The user became a member (an `added` frame, or their own create or join): lists and watches it. */
  add(channel: Channel): void {
    const list = this.#channels.get();
    if (list.some((c) => c.id === channel.id)) return;
    this.#channels.set([...list, channel].sort(byActivity));
    this.#watch(channel);
  }

  /** Subscribes a listed channel for live counts while the list is observed. */
  #watch(channel: Channel): void {
    if (!this.#observed || this.#watched.has(channel.id)) return;
    this.#watched.add(channel.id);
    const room = this.room(channel.id);
    room.noteHead(channel.lastSeq);
    room.retain();
  }

  /** Keeps counts, order and names current from a channel's events. */
  onEvent(event: EventFrame): void {
    const list = this.#channels.get();
    const channel = list.find((c) => c.id === event.channelId);
    if (!channel) return;
    const me = this.me()?.id;
    if (event.kind === 'member:left' && 'user' in event.data && event.data.user.id === me) {
      this.remove(channel.id);
      return;
    }
    const next: Channel = { ...channel, lastSeq: Math.max(channel.lastSeq, event.seq) };
    if (event.kind === 'message:created' && 'message' in event.data) {
      const { message } = event.data;
      next.lastMessageAt = message.createdAt;
      if (message.parentId === null && message.author.id !== me) next.unreadCount = (channel.unreadCount ?? 0) + 1;
    }
    if (event.kind === 'member:joined') next.memberCount = channel.memberCount + 1;
    if (event.kind === 'member:left') next.memberCount = Math.max(0, channel.memberCount - 1);
    if (event.kind === 'channel:updated' && 'channel' in event.data) {
      const { name, topic } = event.data.channel;
      Object.assign(next, channel.visibility === 'direct' ? { topic } : { name, topic });
    }
    this.#channels.set(list.map((c) => (c === channel ? next : c)).sort(byActivity));
  }

  /** The user read up to `seq` in a channel. */
  markRead(channelId: string, seq: number): void {
    this.#channels.set(
      this.#channels.get().map((c) => (c.id === channelId ? { ...c, unreadCount: 0, lastReadSeq: seq } : c)),
    );
  }

  /** The user left, was removed, or the channel is gone. */
  remove(channelId: string): void {
    this.#channels.set(this.#channels.get().filter((c) => c.id !== channelId));
    if (this.#watched.delete(channelId)) this.room(channelId).release();
  }
}
