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
  };
  members: {
    channel_id: string;
    user_id: string;
    role: 'owner' | 'moderator' | 'member';
    joined_at: string;
    last_read_seq: number;
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
  };
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
  /** Which message references which upload, in which channel: the channel's members may fetch it. */
  upload_posts: { upload_id: string; message_id: string; channel_id: string };
}
