import type { Generated } from 'kysely';

/** Rows as stored; timestamps are ISO-8601 strings in both dialects. */
export interface Database {
  users: {
    id: string;
    username: string;
    display_name: string;
    /** An absolute http(s) URL, or null. */
    avatar_url: string | null;
    password_hash: string | null;
    external_id: string | null;
    created_at: string;
    /** Moves on when every session of the user ends; access tokens of an older epoch are refused. */
    token_epoch: number;
  };
  /** One per sign-in: the refresh tokens it rotated through share it, and end with it. */
  refresh_families: {
    id: string;
    user_id: string;
    created_at: string;
    /** The absolute end of the session, however often it is refreshed. */
    expires_at: string;
    revoked_at: string | null;
  };
  refresh_tokens: {
    token_hash: string;
    user_id: string;
    expires_at: string;
    family_id: string;
    /** When it was rotated; presenting it again revokes the family. */
    spent_at: string | null;
  };
  ws_tickets: { ticket_hash: string; user_id: string; scopes: string; expires_at: string };
  channels: {
    id: string;
    name: string;
    visibility: 'public' | 'private' | 'direct';
    topic: string;
    created_by: string;
    created_at: string;
    last_seq: number;
    last_message_at: string | null;
    /** For direct channels: the two user ids, sorted and joined, so a pair has one channel. */
    direct_key: string | null;
    /**
     * For public and private channels: the name as compared for uniqueness (see `channelNameKey`), unique
     * per visibility; null for direct channels and for old duplicates that kept their name.
     */
    name_key: string | null;
    /** 1: only owners and moderators post. */
    read_only: Generated<number>;
    /** 1: nobody posts, edits or reacts until it is unarchived. */
    archived: Generated<number>;
    /** 1: any member may pin. */
    members_can_pin: Generated<number>;
  };
  members: {
    channel_id: string;
    user_id: string;
    role: 'owner' | 'moderator' | 'member';
    joined_at: string;
    last_read_seq: number;
    /** The member may not post or react until then; null when not muted. */
    muted_until: string | null;
  };
  messages: {
    id: string;
    channel_id: string;
    seq: number;
    author_id: string;
    client_message_id: string;
    parent_id: string | null;
    /** JSON of the typed body; null on a tombstone. */
    body: string | null;
    reply_count: number;
    last_reply_at: string | null;
    created_at: string;
    edited_at: string | null;
    deleted_at: string | null;
    /** JSON array of the mentioned users' ids. */
    mentions: string;
    /** 1 when the message mentions `@channel`, else 0. */
    mentions_channel: number;
    /** JSON of the link preview; null when there is none. */
    preview: string | null;
    /** 1 once the author removed the preview: it is never fetched again. */
    preview_removed: number;
    /** Who deleted it (the author or a moderator), on a tombstone. */
    deleted_by: string | null;
    /** When it was pinned to its channel; null when it is not pinned. */
    pinned_at: string | null;
    pinned_by: string | null;
  };
  /**
   * The search index's rows: one per message that is not deleted, with its words (see `indexText`). SQLite
   * adds `doc` (the FTS5 rowid, in storing order) and PostgreSQL a generated `vector`; both are read with SQL.
   */
  message_search: { message_id: string; channel_id: string; text: string };
  /** One row per user a message mentions, for counting a channel's unread mentions. */
  mentions: { channel_id: string; user_id: string; seq: number; message_id: string };
  reactions: { message_id: string; user_id: string; emoji: string; created_at: string };
  events: { channel_id: string; seq: number; kind: string; data: string; created_at: string };
  /** Files users uploaded; the bytes are in the blob store under `id`. */
  uploads: {
    id: string;
    owner_id: string;
    /** The client's file name, made safe. */
    name: string;
    /** The type read from the bytes. */
    content_type: string;
    size: number;
    width: number | null;
    height: number | null;
    created_at: string;
    /** When a message about to reference it last claimed it; the sweep spares it for a while after. */
    claimed_at: string | null;
  };
  /** Who may not read or join a channel, and until when (for good when `until` is null). */
  bans: {
    channel_id: string;
    user_id: string;
    reason: string | null;
    until: string | null;
    banned_by: string;
    created_at: string;
  };
  /** A channel's moderation record; `id` sorts in creation order, `details` is JSON. */
  audit_log: {
    id: string;
    channel_id: string;
    action: string;
    actor_id: string;
    target_id: string | null;
    message_id: string | null;
    reason: string | null;
    details: string;
    at: string;
  };
  /** Which message references which upload, in which channel: the channel's members may fetch it. */
  upload_posts: { upload_id: string; message_id: string; channel_id: string };
  /** A message reported to its channel's moderators; at most one open report per reporter and message. */
  reports: {
    id: string;
    channel_id: string;
    message_id: string;
    reporter_id: string;
    reason: string;
    created_at: string;
    status: 'open' | 'resolved';
    resolution: 'dismissed' | 'actioned' | null;
    resolved_by: string | null;
    resolved_at: string | null;
  };
  /** `user_id` blocked `blocked_id`. */
  blocks: { user_id: string; blocked_id: string; created_at: string };
  /** Events still owed to a webhook endpoint (see `webhooks/outbox.ts`). */
  webhook_outbox: {
    endpoint: string;
    channel_id: string;
    seq: number;
    /** The JSON body to POST. */
    body: string;
    created_at: string;
    /** Failed attempts so far. */
    attempts: number;
    /** Not attempted before then. */
    next_at: string;
    /** The process delivering it, until `lease_until`. */
    leased_by: string | null;
    lease_until: string | null;
  };
}
