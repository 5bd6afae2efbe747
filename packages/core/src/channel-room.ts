import type {
  AuditPage,
  Ban,
  BanPage,
  Channel,
  Member,
  Message,
  MessageBody,
  Report,
  ReportPage,
  Role,
  SearchPage,
  UpdateChannelRequest,
  Upload,
  User,
} from '@confab/protocol';
import type { ReadableAtom } from 'nanostores';
import type { ChannelInfo } from './channel-info.js';
import type { Draft } from './drafts.js';
import type { LocalMessage, Thread } from './feed.js';
import type { ReadState } from './read-marker.js';
import type { UploadOptions } from './uploads.js';

/** What goes with files sent by `sendFiles`. */
export interface SendFilesOptions {
  /** A text message sent before the files (their caption). */
  text?: string;
  /** Sends them as replies in this thread. */
  parentId?: string;
  /** Users the text mentions besides its `@username`s (ids). */
  mentions?: string[];
  /** Progress of all the uploads together, in bytes of the files. */
  onProgress?: (loaded: number, total: number) => void;
  /** Cancels the uploads: `sendFiles` then rejects with the signal's reason (an `AbortError`) and sends nothing. */
  signal?: AbortSignal;
}

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
  /**
   * The members with their roles and mutes: loaded (every page) when first observed, kept current by the
   * channel's `member:*` events, read again after a `resync`.
   */
  readonly $members: ReadableAtom<Member[]>;
  /**
   * The owners and moderators alone, kept like `$members` (a promotion adds one, a demotion takes them off):
   * enough for role badges without reading every member of a large channel.
   */
  readonly $staff: ReadableAtom<Member[]>;
  /**
   * The pinned messages, most recently pinned first: loaded when first observed, kept current by
   * `message:pinned`, `message:unpinned`, `message:updated` and `message:deleted` events.
   */
  readonly $pins: ReadableAtom<Message[]>;
  /** Loads older messages above the window; resolves whether more older ones exist. */
  loadOlder(): Promise<boolean>;
  /** Loads newer messages below the window; resolves whether more newer ones exist. */
  loadNewer(): Promise<boolean>;
  /** Loads the newest page in one request, however far back the window is (it lets go of the rest). */
  loadLatest(): Promise<void>;
  /** Loads the page holding a message. */
  jumpTo(messageId: string): Promise<void>;
  /**
   * Sends optimistically; resolves with the stored message (exactly once, even across reconnects). `mentions`
   * are user ids to mention besides the `@username`s in the text (each a member of the channel).
   */
  send(body: MessageBody, options?: { parentId?: string; mentions?: string[] }): Promise<Message>;
  /**
   * Stores a file to attach (`POST /uploads`); resolves with it, its `url` absolute. Progress comes from
   * XMLHttpRequest where there is one (browsers), otherwise once at the end. Cancelled by `signal`, it rejects
   * with the signal's reason (`error.name === 'AbortError'`); a refused file (413 `payload_too_large`, 415
   * `unsupported_media_type`) rejects with a {@link ConfabError} carrying the server's `detail`.
   * @example const upload = await room.upload(file, { onProgress: (loaded, total) => bar.value = loaded / total });
   */
  upload(file: Blob, options?: UploadOptions): Promise<Upload>;
  /**
   * Uploads the files one after another, then sends the `text`, if any, and each file (an `image`, `video`
   * or `file` message by its upload) through `send`, in that order. If an upload fails or is cancelled, nothing is sent.
   * @example await room.sendFiles(input.files, { text: 'The slides', onProgress });
   */
  sendFiles(files: Iterable<Blob>, options?: SendFilesOptions): Promise<Message[]>;
  /**
   * Members whose username or display name starts with `prefix` (ignoring case and accents), not you: for
   * an @-autocomplete. The member list is kept for a minute, and dropped when someone joins or leaves.
   */
  searchMembers(prefix: string, limit?: number): Promise<User[]>;
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
  /** Removes the link preview of your message (it is not fetched again). */
  removePreview(messageId: string): Promise<Message>;
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
  /**
   * Changes the channel's name, topic or settings (`readOnly`, `archived`, `membersCanPin`): owners and
   * administrators. `$info` and `$channels` follow at once.
   */
  update(patch: UpdateChannelRequest): Promise<Channel>;
  /** Makes a member `owner`, `moderator` or `member` (owners and administrators). */
  setRole(userId: string, role: Role): Promise<Member>;
  /** Mutes a member until a time (ISO 8601), or lifts it (`null`): they read but cannot post or react. */
  mute(userId: string, until: string | null): Promise<Member>;
  /** Removes a member (moderators and up); they may join again. */
  removeMember(userId: string): Promise<void>;
  /**
   * Bans a user (moderators and up): no longer a member, and until `until` (for good without it) unable to
   * read, join or be added.
   * @example await room.ban(userId, { reason: 'spam', until: new Date(Date.now() + 86_400_000).toISOString() });
   */
  ban(userId: string, options?: { reason?: string; until?: string }): Promise<Ban>;
  /** Lifts a ban. */
  unban(userId: string): Promise<void>;
  /** A page of the bans in force, newest first (moderators and up). */
  bans(cursor?: string): Promise<BanPage>;
  /** A page of the channel's moderation record, newest first (moderators and up). */
  auditLog(cursor?: string): Promise<AuditPage>;
  /** A page of reported messages, newest first: open ones unless `status` says `resolved` (moderators and up). */
  reports(options?: { status?: 'open' | 'resolved'; cursor?: string }): Promise<ReportPage>;
  /** Closes a report: `actioned` when something was done about it, `dismissed` otherwise. */
  resolveReport(reportId: string, resolution: 'dismissed' | 'actioned'): Promise<Report>;
  /** Reports a message to the channel's moderators (again while open: the same report). */
  report(messageId: string, reason: string): Promise<Report>;
  /** Pins a message (moderators and up, or any member when `membersCanPin`). */
  pin(messageId: string): Promise<Message>;
  /** Unpins a message (whoever may pin). */
  unpin(messageId: string): Promise<Message>;
  /** Searches this channel's messages (see `client.search`). */
  search(q: string, options?: { before?: string; limit?: number }): Promise<SearchPage>;
}
