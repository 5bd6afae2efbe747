import type { Message, MessageBody, Visibility } from '@confab/protocol';
import { PostgresAdapter, sql } from 'kysely';
import { type SearchQuery, toFts5, toTsquery } from '../search/query.js';
import { indexText } from '../search/words.js';
import { type Db, loadMessages } from './sql-shared.js';

/**
 * Writing the search index, in the transaction that stores, edits or deletes a message. The statements
 * are the same on both databases: SQLite's triggers carry the text into FTS5, PostgreSQL generates the
 * `tsvector` itself.
 */
export const searchIndexSql = {
  /** Index rows for new messages, one statement for a run of them (a message without words gets '' so it keeps its place). */
  insert: (rows: { messageId: string; channelId: string; body: MessageBody }[]) =>
    sql`insert into "message_search" ("message_id", "channel_id", "text") values ${sql.join(
      rows.map((row) => sql`(${row.messageId}, ${row.channelId}, ${indexText(row.body)})`),
    )}`,
  /** An edit: the new words replace the old ones (the row keeps its place). */
  update: (messageId: string, body: MessageBody) =>
    sql`update "message_search" set "text" = ${indexText(body)} where "message_id" = ${messageId}`,
  /** A deletion: the message leaves the index. */
  remove: (messageId: string) => sql`delete from "message_search" where "message_id" = ${messageId}`,
};

/** What a search asks the database. */
export interface SearchRequest {
  userId: string;
  query: SearchQuery;
  /** Only this channel (the caller checked that the user may read it). */
  channelId: string | undefined;
  /** Only messages older than this one (by id: ids sort by time). */
  beforeId: string | undefined;
  limit: number;
}

/** A channel as a search hit names it. */
export interface HitChannel {
  id: string;
  name: string;
  visibility: Visibility;
}

/** Full-text search over messages, and what a hit needs besides the message. */
export interface SearchRepository {
  /** The newest messages matching the query in channels the user may read, newest first. */
  searchMessages(request: SearchRequest): Promise<Message[]>;
  /** The channels of hits, by id: a direct channel is named after the user's counterpart. */
  hitChannels(channelIds: readonly string[], viewerId: string): Promise<Map<string, HitChannel>>;
}

/** Whether a table exists (the bans table arrives with the moderation migration). */
async function tableExists(db: Db, postgres: boolean, name: string): Promise<boolean> {
  const { rows } = postgres
    ? await sql<{ found: number }>`select 1 as found from information_schema.tables where table_name = ${name}`.execute(
        db,
      )
    : await sql<{
        found: number;
      }>`select 1 as found from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return rows.length > 0;
}

/** Search on SQLite (FTS5, newest first by a descending rowid scan) or PostgreSQL (`tsvector` + GIN). */
export function sqlSearch(db: Db): SearchRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let bans: Promise<boolean> | undefined;

  /** The channels the user may read: public ones and their own, minus those they are banned from. */
  const readable = async (request: SearchRequest, channel: ReturnType<typeof sql.ref>) => {
    const at = new Date().toISOString();
    const scope = request.channelId
      ? sql`${channel} = ${request.channelId}`
      : sql`${channel} in (select "id" from "channels" where "visibility" = 'public' union all select "channel_id" from "members" where "user_id" = ${request.userId})`;
    bans ??= tableExists(db, postgres, 'bans');
    if (!(await bans)) return scope;
    return sql`${scope} and ${channel} not in (select "channel_id" from "bans" where "user_id" = ${request.userId} and ("until" is null or "until" > ${at}))`;
  };

  return {
    async searchMessages(request) {
      const { query, beforeId, limit } = request;
      let ids: string[];
      if (postgres) {
        const where = await readable(request, sql.ref('s.channel_id'));
        const older = beforeId === undefined ? sql`` : sql`and "s"."message_id" < ${beforeId}`;
        const { rows } = await sql<{ id: string }>`
          select "s"."message_id" as "id" from "message_search" "s"
          where "s"."vector" @@ ${toTsquery(query)}::tsquery and ${where} ${older}
          order by "s"."message_id" desc limit ${limit}
        `.execute(db);
        ids = rows.map((r) => r.id);
      } else {
        const where = await readable(request, sql.ref('s.channel_id'));
        // Rowids grow in storing order, which is id order: the page ends below the first row at or after
        // the cursor (the cursor's own message may have been deleted since).
        const older =
          beforeId === undefined
            ? sql``
            : sql`and "f"."rowid" < coalesce((select "doc" from "message_search" where "message_id" >= ${beforeId} order by "message_id" limit 1), 9223372036854775807) and "s"."message_id" < ${beforeId}`;
        const { rows } = await sql<{ id: string }>`
          select "s"."message_id" as "id" from "message_search_fts" "f"
          join "message_search" "s" on "s"."doc" = "f"."rowid"
          where "message_search_fts" match ${toFts5(query)} and ${where} ${older}
          order by "f"."rowid" desc limit ${limit}
        `.execute(db);
        ids = rows.map((r) => r.id);
      }
      return loadMessages(db, ids);
    },

    async hitChannels(channelIds, viewerId) {
      const found = new Map<string, HitChannel>();
      if (channelIds.length === 0) return found;
      const rows = await db
        .selectFrom('channels')
        .select(['id', 'name', 'visibility'])
        .where('id', 'in', channelIds)
        .execute();
      const direct = rows.filter((r) => r.visibility === 'direct').map((r) => r.id);
      const counterparts = new Map<string, string>();
      if (direct.length > 0) {
        const members = await db
          .selectFrom('members')
          .innerJoin('users', 'users.id', 'members.user_id')
          .select(['members.channel_id', 'members.user_id', 'users.display_name'])
          .where('members.channel_id', 'in', direct)
          .orderBy('members.joined_at')
          .execute();
        for (const m of members) {
          if (m.user_id !== viewerId || !counterparts.has(m.channel_id)) counterparts.set(m.channel_id, m.display_name);
        }
      }
      for (const r of rows) {
        found.set(r.id, { id: r.id, name: counterparts.get(r.id) ?? r.name, visibility: r.visibility });
      }
      return found;
    },
  };
}
