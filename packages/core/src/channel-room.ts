import type { Channel, Message, MessageBody, User } from '@confab/protocol';
import type { ReadableAtom } from 'nanostores';
import type { ChannelInfo } from './channel-info.js';
import type { Draft } from './drafts.js';
import type { LocalMessage, Thread } from './feed.js';
import type { ReadState } from './read-marker.js';

/**
 * One channel, from `client.channel(id)`: its feed of top-level messages, its threads, who is typing, its
 * read marker and drafts, kept current by the channel's events (each `seq` applied once and in order, gaps
 * fetched, a `resync` reloaded). After `logout()` a room from before is inert: its stores are empty, its
 * actions reject; `client.channel(id)` gives the new session's room.
 */
export interface ChannelRoom {
  /** The channel's id. */
  readonly id: string;
  /** Messages ascending by `seq`, local echoes (`pending` / `failed`) last; observing it loads and subscribes. */
  readonly $messages: ReadableAtom<LocalMessage[]>;
  /** Whether older messages exist above the window. */
  readonly $hasOlder: ReadableAtom<boolean>;
  /** Whether newer messages exist below the window. */
  readonly $hasNewer: ReadableAtom<boolean>;
  /** A page is being loaded. */
  readonly $loading: ReadableAtom<boolean>;
  /** Others typing right now. */
  readonly $typing: ReadableAtom<User[]>;
  /** The channel itself (name, topic, role, counts), loaded when first observed; `not_found` also means "not yours to see". */
  readonly $info: ReadableAtom<ChannelInfo>;
  /** The user's read marker and unread count here, as `$info` has them. */
  readonly $readState: ReadableAtom<ReadState>;
  /** Loads older messages above the window; resolves whether more older ones exist. */
  loadOlder(): Promise<boolean>;
  /** Loads newer messages below the window; resolves whether more newer ones exist. */
  loadNewer(): Promise<boolean>;
  /** Loads the newest page in one request, however far back the window is (it lets go of the rest). */
  loadLatest(): Promise<void>;
  /** Loads the page holding a message. */
  jumpTo(messageId: string): Promise<void>;
  /** Sends optimistically; resolves with the stored message (exactly once, even across reconnects). */
  send(body: MessageBody, options?: { parentId?: string }): Promise<Message>;
  /** The replies to one message (the same object for the same parent), and the message itself in `$parent`. */
  thread(parentId: string): Thread;
  /** Replaces a message's body (your own). */
  edit(messageId: string, body: MessageBody): Promise<Message>;
  /** Deletes a message (it stays as a tombstone). */
  delete(messageId: string): Promise<Message>;
  /** Adds your reaction. */
  react(messageId: string, emoji: string): Promise<Message>;
  /** Removes your reaction. */
  unreact(messageId: string, emoji: string): Promise<Message>;
  /** Retries a failed send (same client id: it cannot double). */
  retry(clientMessageId: string): Promise<Message>;
  /** Drops a failed or pending send. */
  discard(clientMessageId: string): void;
  /** Marks everything applied so far as read: at once in `$channels`, then on the server (retried when offline). */
  markRead(): void;
  /**
   * Keeps the channel read while the returned function is not called and the page is visible: new messages
   * never show as unread (no badge flash), and the server is told, coalesced.
   */
  keepRead(): () => void;
  /** Tells the others you are typing (at most every two seconds). */
  typing(): void;
  /** Joins the (public) channel; `$info` and `$channels` follow. */
  join(): Promise<Channel>;
  /** The unsent text of the channel, or of one thread; kept across reloads where Web Storage is available. */
  draft(parentId?: string): Draft;
}
