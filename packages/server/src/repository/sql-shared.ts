import type { EventFrame, LinkPreview, Message, MessageBody, User } from '@confab/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { queueWebhooks } from '../webhooks/outbox.js';
import type { NewEvent } from './repository.js';

/** A Kysely handle, or a transaction on one. */
export type Db = Kysely<Database>;

export const now = (): string => new Date().toISOString();

/** The columns of `users` that make a public {@link User}. */
export const userColumns = ['users.id', 'users.username', 'users.display_name', 'users.avatar_url'] as const;

/** A user row as others see it: `avatarUrl` only when the user has one. */
export function toUser(row: { id: string; username: string; display_name: string; avatar_url: string | null }): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
  };
}

/** Loads messages with their authors and reactions, in the order of `ids`. */
export async function loadMessages(db: Db, ids: readonly string[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('messages')
    .innerJoin('users', 'users.id', 'messages.author_id')
    .selectAll('messages')
    .select(['users.username', 'users.display_name', 'users.avatar_url'])
    .where('messages.id', 'in', ids)
    .execute();
  const reactions = await db
    .selectFrom('reactions')
    .select(['message_id', 'emoji', 'user_id'])
    .where('message_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toMessage(row, reactions)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function toMessage(
  row: Selectable<Database['messages']> & { username: string; display_name: string; avatar_url: string | null },
  reactions: { message_id: string; emoji: string; user_id: string }[],
): Message {
  const grouped = new Map<string, string[]>();
  for (const r of reactions) {
    if (r.message_id !== row.id) continue;
    const users = grouped.get(r.emoji) ?? [];
    users.push(r.user_id);
    grouped.set(r.emoji, users);
  }
  return {
    id: row.id,
    channelId: row.channel_id,
    seq: Number(row.seq),
    clientMessageId: row.client_message_id,
    author: toUser({
      id: row.author_id,
      username: row.username,
      display_name: row.display_name,
      avatar_url: row.avatar_url,
    }),
    body: row.body === null ? null : (JSON.parse(row.body) as MessageBody),
    parentId: row.parent_id,
    replyCount: row.reply_count,
    lastReplyAt: row.last_reply_at,
    reactions: [...grouped].map(([emoji, userIds]) => ({ emoji, count: userIds.length, userIds })),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    mentions: JSON.parse(row.mentions) as string[],
    mentionsChannel: Boolean(row.mentions_channel),
    preview: row.preview === null ? null : (JSON.parse(row.preview) as LinkPreview),
    pinnedAt: row.pinned_at,
    pinnedBy: row.pinned_by,
  };
}

/**
 * Takes the channel's next `seq` inside the caller's transaction. The row update also locks the channel
 * in PostgreSQL (SQLite runs one writer at a time), so concurrent writers queue up and `seq` never skips
 * or repeats.
 */
export async function takeSeq(trx: Db, channelId: string): Promise<number> {
  const row = await trx
    .updateTable('channels')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', channelId)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/**
 * Locks the channel's row until the transaction ends (in PostgreSQL; SQLite runs one writer at a time), so
 * membership changes that check something first — a join and a ban, two owners stepping down — run one after
 * the other: each sees what the other committed.
 */
export async function lockChannel(trx: Db, channelId: string): Promise<void> {
  await trx
    .updateTable('channels')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', channelId)
    .execute();
}

/** The user's ban from the channel, if one is in force (its `until` still ahead, or none). */
export function banInForce(trx: Db, channelId: string, userId: string) {
  return trx
    .selectFrom('bans')
    .selectAll()
    .where('channel_id', '=', channelId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now())]))
    .executeTakeFirst();
}

/** Writes one event to the channel's log under a `seq` taken by {@link takeSeq}. */
export async function insertEvent(trx: Db, channelId: string, seq: number, event: NewEvent): Promise<EventFrame> {
  const at = now();
  const data = JSON.stringify(event.data);
  await trx
    .insertInto('events')
    .values({ channel_id: channelId, seq, kind: event.kind, data, created_at: at })
    .execute();
  const frame: EventFrame = { type: 'event', channelId, seq, kind: event.kind, data: event.data, at };
  await queueWebhooks(trx, [frame], [data]);
  return frame;
}

/** Appends events to a channel's log inside the caller's transaction, each with the next `seq`. */
export async function appendEvents(trx: Db, channelId: string, events: NewEvent[]): Promise<EventFrame[]> {
  const out: EventFrame[] = [];
  for (const event of events) out.push(await insertEvent(trx, channelId, await takeSeq(trx, channelId), event));
  return out;
}
