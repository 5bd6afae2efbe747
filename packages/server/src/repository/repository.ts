import type {
  AuditEntry,
  Ban,
  Channel,
  EventFrame,
  EventKind,
  LinkPreview,
  Member,
  Message,
  MessageBody,
  ReadState,
  Role,
  User,
} from '@confab/protocol';

/** A stored user with what only the server may see. */
export interface UserRecord extends User {
  passwordHash: string | null;
  externalId: string | null;
  /** Moves on when every session of the user ends (see {@link ChatRepository.endAllSessions}). */
  tokenEpoch: number;
}

/** A refresh token that was just spent, and the session (family) it belongs to. */
export interface SpentRefreshToken {
  userId: string;
  familyId: string;
  /** The session's absolute end. */
  sessionExpiresAt: string;
}

/** A channel as stored, before it is shaped for one viewer. */
export interface ChannelRecord {
  id: string;
  name: string;
  visibility: Channel['visibility'];
  topic: string;
  createdBy: string;
  createdAt: string;
  lastSeq: number;
  lastMessageAt: string | null;
  memberCount: number;
  /** Only owners and moderators post. */
  readOnly: boolean;
  /** Nobody posts, edits or reacts until it is unarchived. */
  archived: boolean;
  /** Any member may pin. */
  membersCanPin: boolean;
}

/** A channel with the viewer's membership, when there is one. */
export interface ChannelView extends ChannelRecord {
  role: Role | null;
  lastReadSeq: number | null;
  unreadCount: number | null;
  /** Messages by others after the read marker that mention the viewer or `@channel` (members only). */
  unreadMentionCount: number | null;
  /** For direct channels: the two members. */
  directMembers: User[] | null;
  /** Until when the viewer is muted here (members only); null when not muted or not a member. */
  mutedUntil: string | null;
}

/** A change to a channel's name, topic or settings. */
export interface ChannelPatch {
  name?: string;
  topic?: string;
  readOnly?: boolean;
  archived?: boolean;
  membersCanPin?: boolean;
}

/** What decides whether a member may post: their role and mute, and the channel's settings. */
export interface MemberStanding {
  role: Role;
  /** Null when not muted (or the mute has passed). */
  mutedUntil: string | null;
  readOnly: boolean;
  archived: boolean;
}

/** What a change produced: its result, and the events committed with it (to publish after commit). */
export interface Committed<T> {
  value: T;
  events: EventFrame[];
}

/** A page request on a channel's or a thread's messages, by `seq`. */
export type PageQuery =
  | { limit: number }
  | { limit: number; beforeSeq: number }
  | { limit: number; afterSeq: number }
  | { limit: number; aroundSeq: number };

/** A page of items with whether more exist either side. */
export interface SeqPage {
  items: Message[];
  /** The channel's event head read before the page: the page reflects every event up to it. */
  headSeq: number;
  hasOlder: boolean;
  hasNewer: boolean;
}

/** A new message to store. */
export interface NewMessage {
  channelId: string;
  authorId: string;
  clientMessageId: string;
  body: MessageBody;
  parentId: string | null;
  /** The mentioned members' ids (resolved by the service). */
  mentions: string[];
  mentionsChannel: boolean;
}

/** An event to append to a channel's log. */
export interface NewEvent {
  kind: EventKind;
  data: EventFrame['data'];
}

/**
 * Storage behind one small interface. Every change that other users must hear of appends its events to
 * the channel's log in the same transaction, each with the channel's next `seq`.
 */
export interface ChatRepository {
  // users
  createUser(user: {
    username: string;
    displayName: string;
    avatarUrl?: string;
    passwordHash: string | null;
    externalId?: string;
  }): Promise<UserRecord>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  findUserByUsername(username: string): Promise<UserRecord | undefined>;
  /** Users whose username starts with `prefix`, by username. */
  searchUsers(prefix: string, limit: number): Promise<User[]>;
  /** The user behind a host-app identity, created on first sight; `avatarUrl`, when given, replaces theirs. */
  upsertExternalUser(externalId: string, displayName: string, avatarUrl?: string): Promise<UserRecord>;
  /** Changes a user's profile (`avatarUrl: null` removes the avatar); undefined when there is no such user. */
  updateUser(id: string, patch: { displayName?: string; avatarUrl?: string | null }): Promise<UserRecord | undefined>;
  // sessions
  /** Starts a session (a refresh-token family) with its first token; forgets the user's sessions that ended. */
  startSession(input: {
    userId: string;
    tokenHash: string;
    tokenExpiresAt: string;
    sessionExpiresAt: string;
  }): Promise<void>;
  /** Adds the next refresh token of a session. */
  saveRefreshToken(tokenHash: string, userId: string, familyId: string, expiresAt: string): Promise<void>;
  /**
   * Spends a refresh token of a live session. A token spent before (or concurrently) is a reuse: its whole
   * session is revoked. Undefined when the token is unknown, spent, expired or its session is over.
   */
  takeRefreshToken(tokenHash: string, now: string): Promise<SpentRefreshToken | undefined>;
  /** Ends the session a refresh token belongs to (spent or not). */
  endSession(tokenHash: string, now: string): Promise<void>;
  /**
   * Ends every session of a user in one transaction: revokes their refresh tokens, spends their socket
   * tickets and moves their token epoch on; with `passwordHash`, sets the new password too. Answers the user
   * as changed, or undefined when there is no such user.
   */
  endAllSessions(userId: string, now: string, passwordHash?: string): Promise<UserRecord | undefined>;
  saveTicket(ticketHash: string, userId: string, scopes: string[], expiresAt: string): Promise<void>;
  /** Spends a socket ticket: at most one caller ever gets it back. */
  takeTicket(ticketHash: string, now: string): Promise<{ userId: string; scopes: string[] } | undefined>;
  // channels
  createChannel(input: {
    name: string;
    visibility: Channel['visibility'];
    topic: string;
    createdBy: string;
    memberIds: string[];
    directKey: string | null;
  }): Promise<ChannelRecord>;
  findDirectChannel(directKey: string): Promise<ChannelRecord | undefined>;
  /** The public or private channel whose name matches `name` ignoring case (see `channelNameKey`). */
  findChannelByName(visibility: 'public' | 'private', name: string): Promise<ChannelRecord | undefined>;
  getChannel(id: string, viewerId: string): Promise<ChannelView | undefined>;
  listJoinedChannels(userId: string, offset: number, limit: number): Promise<ChannelView[]>;
  listPublicChannels(viewerId: string, offset: number, limit: number): Promise<ChannelView[]>;
  /** Changes a channel's name, topic or settings; with `actorId`, what changed goes to the audit log. */
  updateChannel(id: string, patch: ChannelPatch, actorId?: string): Promise<Committed<ChannelRecord>>;
  deleteChannel(id: string): Promise<void>;
  getMember(channelId: string, userId: string): Promise<Member | undefined>;
  /** Makes the user a member, unless a ban from the channel is in force (checked with the channel locked). */
  addMember(channelId: string, userId: string, role: Role): Promise<Committed<Member> | 'banned'>;
  /** Ends a membership; `by` someone else is a removal (in the event and the audit log). */
  removeMember(channelId: string, userId: string, by?: string): Promise<Committed<void>>;
  /** Members oldest first; only those with one of `roles` when given. */
  listMembers(channelId: string, offset: number, limit: number, roles?: readonly Role[]): Promise<Member[]>;
  markRead(channelId: string, userId: string, seq: number): Promise<ReadState>;
  // moderation
  /** A member's role and mute, with the channel's posting settings, in one lookup; undefined for a non-member. */
  memberStanding(channelId: string, userId: string): Promise<MemberStanding | undefined>;
  /** The user's ban from the channel, while it is in force. */
  activeBan(channelId: string, userId: string): Promise<Ban | undefined>;
  /**
   * Changes a member's role or mute (`member:updated`, audited); `last_owner` when it would leave the
   * channel without an owner; undefined for a non-member.
   */
  updateMember(
    channelId: string,
    userId: string,
    patch: { role?: Role; mutedUntil?: string | null },
    actorId: string,
  ): Promise<Committed<Member> | 'last_owner' | undefined>;
  /** Bans a user (replacing a ban) and ends their membership in one transaction (`member:banned`, audited). */
  banMember(input: {
    channelId: string;
    userId: string;
    actorId: string;
    reason: string | null;
    until: string | null;
  }): Promise<Committed<Ban>>;
  /** Lifts a ban; `false` when none was in force (then no event). */
  unbanMember(channelId: string, userId: string, actorId: string): Promise<Committed<boolean>>;
  /** Bans in force, newest first, after the position `after`. */
  listBans(channelId: string, after: { createdAt: string; userId: string } | undefined, limit: number): Promise<Ban[]>;
  /** The audit log, newest first, before the entry `beforeId`. */
  listAudit(channelId: string, beforeId: string | undefined, limit: number): Promise<AuditEntry[]>;
  // messages
  /** Stores a message, or returns the one already stored under the same client id (`created: false`). */
  sendMessage(input: NewMessage): Promise<Committed<{ message: Message; created: boolean }>>;
  getMessage(id: string): Promise<Message | undefined>;
  pageMessages(channelId: string, parentId: string | null, query: PageQuery): Promise<SeqPage>;
  /** Replaces a message's body and mentions; `clearPreview` drops a preview that no longer fits its text. */
  editMessage(
    id: string,
    body: MessageBody,
    edit: { mentions: string[]; mentionsChannel: boolean; clearPreview: boolean },
  ): Promise<Committed<Message>>;
  /** Tombstones a message; a moderator's removal of someone else's message goes to the audit log too. */
  deleteMessage(id: string, deletedBy: string): Promise<Committed<Message>>;
  addReaction(messageId: string, userId: string, emoji: string): Promise<Committed<Message>>;
  removeReaction(messageId: string, userId: string, emoji: string): Promise<Committed<Message>>;
  /**
   * Stores a link preview with a `message:updated` event, if the message still `wants` it: not deleted, its
   * preview not removed by the author, and `wants` holds for it (e.g. its first link is still the same).
   */
  setPreview(messageId: string, preview: LinkPreview, wants: (message: Message) => boolean): Promise<Committed<void>>;
  /** Removes a message's preview for good (a `message:updated` event when there was one). */
  removePreview(messageId: string): Promise<Committed<Message>>;
  /** The members of a channel among `userIds` or with one of `usernames` (lower case, matched ignoring case). */
  membersAmong(
    channelId: string,
    among: { userIds: readonly string[]; usernames: readonly string[] },
  ): Promise<{ id: string; username: string }[]>;
  /** Every member's id. */
  memberIds(channelId: string): Promise<string[]>;
  // blocks
  /** `userId` blocks `blockedId` (blocking again keeps the first time). */
  blockUser(userId: string, blockedId: string): Promise<void>;
  unblockUser(userId: string, blockedId: string): Promise<void>;
  /** The users `userId` blocked, most recently blocked first. */
  listBlocks(userId: string): Promise<User[]>;
  /** Those of `userIds` who blocked `blockedId`. */
  blockersAmong(blockedId: string, userIds: readonly string[]): Promise<string[]>;
  /** Whether the channel is a direct channel whose other user blocked `userId`. */
  directBlocked(channelId: string, userId: string): Promise<boolean>;
  // the event log
  headSeq(channelId: string): Promise<number | undefined>;
  /** Events with `afterSeq < seq <= uptoSeq`, ascending. */
  eventsBetween(channelId: string, afterSeq: number, uptoSeq: number): Promise<EventFrame[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
