import type { Channel, EventFrame, Message, User } from '@confab/protocol';
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { allPages, type ChatApi, unwrap } from './http.js';
import type { RoomControl } from './room.js';

/** What the channel list needs from its client. */
export interface ChannelListHost {
  readonly api: ChatApi;
  /** The room of a channel (made on first use). */
  room(id: string): RoomControl;
  me(): User | null;
  /** Opens the socket, so that `added` frames arrive even while no channel is joined. */
  goLive(): void;
  /** Whether a channel counts as read as messages arrive (its room is kept read). */
  keptRead(channelId: string): boolean;
  /** The list changed. */
  changed(): void;
}

/** What a read channel counts. */
const READ = { unreadCount: 0, unreadMentionCount: 0 };
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
  /** Counts sign-outs: a reply for an earlier session is dropped. */
  #session = 0;

  constructor(private readonly host: ChannelListHost) {
    onMount(this.$channels, () => {
      this.#observed = true;
      void this.refresh().catch(() => {});
      return () => {
        this.#observed = false;
        for (const id of this.#watched) host.room(id).release();
        this.#watched.clear();
      };
    });
  }

  /** Forgets the list (the user signed out); rooms were ended by the client. */
  reset(): void {
    this.#session++;
    this.#watched.clear();
    this.#set([]);
  }

  /** Reloads the list if anyone is watching it (after signing in). */
  reloadIfObserved(): void {
    if (this.#observed) void this.refresh().catch(() => {});
  }

  /** Reloads the list from the server (after joining or creating a channel, say). */
  async refresh(): Promise<Channel[]> {
    const session = this.#session;
    const channels = await allPages((cursor) =>
      unwrap(this.host.api.GET('/api/v1/channels', { params: { query: { scope: 'joined', limit: 100, cursor } } })),
    );
    if (session !== this.#session) return [];
    // A channel kept read (the open one) is read whatever the server counted a moment ago.
    const shown = channels.map((c) => (this.host.keptRead(c.id) ? { ...c, ...READ } : c));
    this.#set(shown.sort(byActivity));
    for (const channel of shown) this.#watch(channel);
    if (this.#observed) this.host.goLive();
    return shown;
  }

  /** The user became a member (an `added` frame, or their own create or join): lists and watches it. */
  add(channel: Channel): void {
    const list = this.#channels.get();
    if (list.some((c) => c.id === channel.id)) return;
    this.#set([...list, channel].sort(byActivity));
    this.#watch(channel);
  }

  /** Subscribes a listed channel for live counts while the list is observed. */
  #watch(channel: Channel): void {
    if (!this.#observed || this.#watched.has(channel.id)) return;
    this.#watched.add(channel.id);
    const room = this.host.room(channel.id);
    room.noteHead(channel.lastSeq);
    room.retain();
  }

  /** Keeps counts, order and names current from a channel's events. */
  onEvent(event: EventFrame): void {
    const list = this.#channels.get();
    const channel = list.find((c) => c.id === event.channelId);
    if (!channel) return;
    const me = this.host.me()?.id;
    const mine = 'user' in event.data && event.data.user.id === me;
    if ((event.kind === 'member:left' || event.kind === 'member:banned') && mine) {
      this.remove(channel.id);
      return;
    }
    const next: Channel = { ...channel, lastSeq: Math.max(channel.lastSeq, event.seq) };
    if (event.kind === 'message:created' && 'message' in event.data) {
      const { message } = event.data;
      next.lastMessageAt = message.createdAt;
      if (message.parentId === null && message.author.id !== me) {
        if (this.host.keptRead(channel.id)) Object.assign(next, { ...READ, lastReadSeq: event.seq });
        else next.unreadCount = (channel.unreadCount ?? 0) + 1;
      }
    }
    if (event.kind === 'member:joined') next.memberCount = channel.memberCount + 1;
    if (event.kind === 'member:left' || event.kind === 'member:banned')
      next.memberCount = Math.max(0, channel.memberCount - 1);
    if (event.kind === 'member:updated' && mine && 'role' in event.data)
      Object.assign(next, { role: event.data.role, mutedUntil: event.data.mutedUntil ?? null });
    if (event.kind === 'channel:updated' && 'channel' in event.data) {
      const { name, topic, readOnly, archived, membersCanPin } = event.data.channel;
      const settings = { topic, readOnly, archived, membersCanPin };
      Object.assign(next, channel.visibility === 'direct' ? settings : { name, ...settings });
    }
    this.#set(list.map((c) => (c === channel ? next : c)).sort(byActivity));
  }

  /** A listed channel changed as the user sees it (an update they made, their role or mute). */
  patch(channelId: string, fields: Partial<Channel>): void {
    const list = this.#channels.get();
    if (list.some((c) => c.id === channelId))
      this.#set(list.map((c) => (c.id === channelId ? { ...c, ...fields } : c)));
  }

  /** The user read up to `seq` in a channel. */
  markRead(channelId: string, seq: number): void {
    const list = this.#channels.get();
    const channel = list.find((c) => c.id === channelId);
    if (!channel || (!channel.unreadCount && !channel.unreadMentionCount && (channel.lastReadSeq ?? 0) >= seq)) return;
    this.#set(list.map((c) => (c === channel ? { ...c, ...READ, lastReadSeq: seq } : c)));
  }

  /** A new message mentions the user (a `mention` frame, once per message): counted unless already read. */
  mention(message: Message): void {
    const list = this.#channels.get();
    const channel = list.find((c) => c.id === message.channelId);
    if (!channel || this.host.keptRead(channel.id) || message.seq <= (channel.lastReadSeq ?? 0)) return;
    const unreadMentionCount = (channel.unreadMentionCount ?? 0) + 1;
    this.#set(list.map((c) => (c === channel ? { ...c, unreadMentionCount } : c)));
  }

  /** The user left, was removed, or the channel is gone. */
  remove(channelId: string): void {
    this.#set(this.#channels.get().filter((c) => c.id !== channelId));
    if (this.#watched.delete(channelId)) this.host.room(channelId).release();
  }

  #set(channels: Channel[]): void {
    this.#channels.set(channels);
    this.host.changed();
  }
}
