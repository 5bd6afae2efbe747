import type { EventFrame, LinkPreview, Message, MessageBody } from '@confab/protocol';
import { sql } from 'kysely';
import { newId } from '../ids.js';
import { type WebhookBatch, webhookBatch } from '../webhooks/outbox.js';
import type { ChatRepository, Committed, NewMessage, PageQuery, SeqPage } from './repository.js';
import { appendAudit } from './sql-audit.js';
import { searchIndexSql } from './sql-search.js';
import { appendEvents, type Db, loadMessages, now, toUser } from './sql-shared.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most sends one group commit stores. */
const MAX_BATCH = 256;

/** A send waiting for its group commit. */
interface PendingSend {
  input: NewMessage;
  resolve: (stored: Committed<{ message: Message; created: boolean }>) => void;
  reject: (error: unknown) => void;
}

/** A new message's row, before it is stored. */
interface NewRow {
  input: NewMessage;
  id: string;
  seq: number;
  body: string;
}

type AuthorRow = { id: string; username: string; display_name: string; avatar_url: string | null };

/**
 * The statements every send runs, as plain SQL both dialects read (`sql` compiles a template in a few
 * microseconds, where the query builder takes tens per statement: the larger part of a send's cost). A run
 * of messages to one channel takes its `seq` numbers, and writes its rows, with one statement each.
 */
const sendSql = {
  findByClientId: (input: NewMessage) =>
    sql<{
      id: string;
    }>`select "id" from "messages" where "channel_id" = ${input.channelId} and "author_id" = ${input.authorId} and "client_message_id" = ${input.clientMessageId}`,
  /** Takes the next `count` seqs and notes the activity; like takeSeq, it locks the channel row. */
  takeSeqs: (channelId: string, count: number, at: string) =>
    sql<{
      last_seq: number | string;
    }>`update "channels" set "last_seq" = "last_seq" + ${count}, "last_message_at" = ${at} where "id" = ${channelId} returning "last_seq"`,
  insertMessages: (rows: NewRow[], at: string) =>
    sql`insert into "messages" ("id", "channel_id", "seq", "author_id", "client_message_id", "parent_id", "body", "reply_count", "last_reply_at", "created_at", "edited_at", "deleted_at", "mentions", "mentions_channel") values ${sql.join(
      rows.map(
        ({ input, id, seq, body }) =>
          sql`(${id}, ${input.channelId}, ${seq}, ${input.authorId}, ${input.clientMessageId}, ${input.parentId}, ${body}, 0, null, ${at}, null, null, ${JSON.stringify(input.mentions)}, ${input.mentionsChannel ? 1 : 0})`,
      ),
    )}`,
  insertMentions: (rows: { channelId: string; userId: string; seq: number; messageId: string }[]) =>
    sql`insert into "mentions" ("channel_id", "user_id", "seq", "message_id") values ${sql.join(
      rows.map((row) => sql`(${row.channelId}, ${row.userId}, ${row.seq}, ${row.messageId})`),
    )}`,
  authors: (ids: string[]) =>
    sql<AuthorRow>`select "id", "username", "display_name", "avatar_url" from "users" where "id" in (${sql.join(ids)})`,
  insertEvents: (events: EventFrame[], data: string[]) =>
    sql`insert into "events" ("channel_id", "seq", "kind", "data", "created_at") values ${sql.join(
      events.map((event, i) => sql`(${event.channelId}, ${event.seq}, ${event.kind}, ${data[i]}, ${event.at})`),
    )}`,
};

type Stored = Committed<{ message: Message; created: boolean }>;

/** Messages, threads, reactions and the event log. */
export function sqlMessages(db: Db) {
  const findByClientId = async (trx: Db, input: NewMessage): Promise<Message | undefined> => {
    const [row] = (await sendSql.findByClientId(input).execute(trx)).rows;
    return row && (await loadMessages(trx, [row.id]))[0];
  };

  /** Stores new messages to one channel, in order, inside `trx`: consecutive seqs, one statement per table. */
  const insertRun = async (trx: Db, inputs: NewMessage[], hooks: WebhookBatch): Promise<Stored[]> => {
    const at = now();
    const { channelId } = inputs[0]!;
    const [taken] = (await sendSql.takeSeqs(channelId, inputs.length, at).execute(trx)).rows;
    if (!taken) throw new Error(`no channel ${channelId}`);
    const first = Number(taken.last_seq) - inputs.length + 1;
    const rows = inputs.map((input, i) => ({ input, id: newId(), seq: first + i, body: JSON.stringify(input.body) }));
    await sendSql.insertMessages(rows, at).execute(trx);
    await searchIndexSql
      .insert(rows.map(({ input, id }) => ({ messageId: id, channelId, body: input.body })))
      .execute(trx);
    const mentioned = rows.flatMap(({ input, id, seq }) =>
      input.mentions.map((userId) => ({ channelId, userId, seq, messageId: id })),
    );
    if (mentioned.length > 0) await sendSql.insertMentions(mentioned).execute(trx);
    const authorIds = [...new Set(inputs.map((input) => input.authorId))];
    const authors = new Map((await sendSql.authors(authorIds).execute(trx)).rows.map((row) => [row.id, toUser(row)]));
    // What loadMessages would read back: a new message has no reactions, replies or edits yet.
    const messages = rows.map(({ input, id, seq, body }): Message => {
      const author = authors.get(input.authorId);
      if (!author) throw new Error(`no user ${input.authorId}`);
      return {
        id,
        channelId,
        seq,
        clientMessageId: input.clientMessageId,
        author,
        body: JSON.parse(body) as MessageBody,
        parentId: input.parentId,
        replyCount: 0,
        lastReplyAt: null,
        reactions: [],
        createdAt: at,
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        mentions: input.mentions,
        mentionsChannel: input.mentionsChannel,
        preview: null,
        pinnedAt: null,
        pinnedBy: null,
      };
    });
    const events = messages.map(
      (message): EventFrame => ({
        type: 'event',
        channelId,
        seq: message.seq,
        kind: 'message:created',
        data: { message },
        at,
      }),
    );
    const data = events.map((event) => JSON.stringify(event.data));
    await sendSql.insertEvents(events, data).execute(trx);
    hooks.add(events, data);
    return messages.map((message, i) => ({ value: { message, created: true }, events: [events[i]!] }));
  };

  /** Stores one new message, and for a reply its parent's new reply count, inside `trx`. */
  const insert = async (trx: Db, input: NewMessage, hooks: WebhookBatch): Promise<Stored> => {
    const [stored] = await insertRun(trx, [input], hooks);
    if (!input.parentId) return stored!;
    await trx
      .updateTable('messages')
      .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_reply_at: stored!.value.message.createdAt }))
      .where('id', '=', input.parentId)
      .execute();
    const [parent] = await loadMessages(trx, [input.parentId]);
    stored!.events.push(
      ...(await appendEvents(trx, input.channelId, [{ kind: 'message:updated', data: { message: parent! } }])),
    );
    return stored!;
  };

  /** The stored message under the input's client id, or a new one; inside `trx`. */
  const storeIn = async (trx: Db, input: NewMessage): Promise<Stored> => {
    const existing = await findByClientId(trx, input);
    if (existing) return { value: { message: existing, created: false }, events: [] };
    const hooks = webhookBatch(trx);
    const stored = await insert(trx, input, hooks);
    await hooks.flush();
    return stored;
  };

  /**
   * A group commit's sends (sorted by channel) inside `trx`: consecutive new messages to one channel are
   * stored as one run; a reply, or a send already stored under its client id, on its own.
   */
  const storeBatch = async (trx: Db, inputs: NewMessage[]): Promise<Stored[]> => {
    const out: Stored[] = [];
    const hooks = webhookBatch(trx);
    let run: number[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const stored = await insertRun(
        trx,
        run.map((i) => inputs[i]!),
        hooks,
      );
      for (const [k, i] of run.entries()) out[i] = stored[k]!;
      run = [];
    };
    for (const [i, input] of inputs.entries()) {
      const existing = await findByClientId(trx, input);
      if (existing) out[i] = { value: { message: existing, created: false }, events: [] };
      else if (input.parentId) {
        await flush();
        out[i] = await insert(trx, input, hooks);
      } else {
        if (run.length > 0 && inputs[run[0]!]!.channelId !== input.channelId) await flush();
        run.push(i);
      }
    }
    await flush();
    await hooks.flush(); // the batch's messages owed to webhooks: one statement (replies' updates queue their own)
    return out;
  };

  /** One send in its own transaction: the way a send that failed in a group commit is retried. */
  const storeAlone = async (input: NewMessage) => {
    try {
      return await db.transaction().execute((trx) => storeIn(trx, input));
    } catch (error) {
      // A concurrent send with the same client id won the unique key: answer with its message.
      const raced = await findByClientId(db, input);
      if (raced) return { value: { message: raced, created: false }, events: [] };
      throw error;
    }
  };

  /**
   * Group commit: a send waits for the end of the current turn of the event loop (`setImmediate`), so the
   * sends that arrived meanwhile — and those arriving while a batch commits — are stored together in one
   * transaction and the per-transaction cost is paid once per batch. Each send still resolves only after
   * the transaction holding it committed ("ack after commit"). Sorted by channel, so two processes on
   * PostgreSQL lock channel rows in the same order; a channel's sends keep their arrival order. If a batch
   * fails, nothing of it was committed and each send is retried alone, so only the bad one fails.
   */
  const queue: PendingSend[] = [];
  let scheduled = false;
  const commitQueued = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const ordered =
        batch.length > 1 ? [...batch].sort((a, b) => compare(a.input.channelId, b.input.channelId)) : batch;
      let stored: Stored[] | undefined;
      try {
        stored = await db.transaction().execute((trx) =>
          storeBatch(
            trx,
            ordered.map((pending) => pending.input),
          ),
        );
      } catch {
        for (const pending of ordered) await storeAlone(pending.input).then(pending.resolve, pending.reject);
      }
      if (stored) for (const [i, pending] of ordered.entries()) pending.resolve(stored[i]!);
    }
    scheduled = false;
  };

  /** Runs a change to one message in a transaction and appends the event it causes. */
  const change = (
    id: string,
    apply: (trx: Db, channelId: string) => Promise<EventFrame['kind'] | null>,
    extra: Record<string, unknown> = {},
  ): Promise<Committed<Message>> =>
    db.transaction().execute(async (trx) => {
      const { channel_id } = await trx
        .selectFrom('messages')
        .select('channel_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const kind = await apply(trx, channel_id);
      const [message] = await loadMessages(trx, [id]);
      const events = kind
        ? await appendEvents(trx, channel_id, [{ kind, data: { message: message!, ...extra } as EventFrame['data'] }])
        : [];
      return { value: message!, events };
    });

  const page = async (channelId: string, parentId: string | null, query: PageQuery): Promise<SeqPage> => {
    const scope = () => {
      const q = db.selectFrom('messages').select(['id', 'seq']).where('channel_id', '=', channelId);
      return parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
    };
    const headSeq = Number(
      (await db.selectFrom('channels').select('last_seq').where('id', '=', channelId).executeTakeFirst())?.last_seq ??
        0,
    );
    const exists = async (op: '<' | '>', seq: number) =>
      (await scope().where('seq', op, seq).limit(1).execute()).length > 0;
    const { limit } = query;
    let rows: { id: string; seq: number }[];
    let hasOlder: boolean;
    let hasNewer: boolean;
    if ('afterSeq' in query) {
      const found = await scope()
        .where('seq', '>', query.afterSeq)
        .orderBy('seq', 'asc')
        .limit(limit + 1)
        .execute();
      rows = found.slice(0, limit);
      hasNewer = found.length > limit;
      hasOlder = await exists('<', rows[0] ? Number(rows[0].seq) : query.afterSeq + 1);
    } else if ('aroundSeq' in query) {
      const olderWanted = Math.floor((limit - 1) / 2);
      const older = await scope()
        .where('seq', '<', query.aroundSeq)
        .orderBy('seq', 'desc')
        .limit(olderWanted + 1)
        .execute();
      const kept = older.slice(0, olderWanted).reverse();
      const newerWanted = limit - kept.length;
      const newer = await scope()
        .where('seq', '>=', query.aroundSeq)
        .orderBy('seq', 'asc')
        .limit(newerWanted + 1)
        .execute();
      rows = [...kept, ...newer.slice(0, newerWanted)];
      hasOlder = older.length > olderWanted;
      hasNewer = newer.length > newerWanted;
    } else {
      const before = 'beforeSeq' in query ? query.beforeSeq : undefined;
      const q = before === undefined ? scope() : scope().where('seq', '<', before);
      const found = await q
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      rows = found.slice(0, limit).reverse();
      hasOlder = found.length > limit;
      const last = rows.at(-1);
      hasNewer = before === undefined ? false : await exists('>', last ? Number(last.seq) : before - 1);
    }
    return {
      items: await loadMessages(
        db,
        rows.map((r) => r.id),
      ),
      headSeq,
      hasOlder,
      hasNewer,
    };
  };

  return {
    sendMessage(input: NewMessage) {
      return new Promise<Committed<{ message: Message; created: boolean }>>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => void commitQueued());
      });
    },
    async getMessage(id: string) {
      return (await loadMessages(db, [id]))[0];
    },
    pageMessages: page,
    editMessage(
      id: string,
      body: MessageBody,
      edit: { mentions: string[]; mentionsChannel: boolean; clearPreview: boolean },
    ) {
      return change(id, async (trx, channelId) => {
        const { seq } = await trx
          .updateTable('messages')
          .set({
            body: JSON.stringify(body),
            edited_at: now(),
            mentions: JSON.stringify(edit.mentions),
            mentions_channel: edit.mentionsChannel ? 1 : 0,
            ...(edit.clearPreview ? { preview: null } : {}),
          })
          .where('id', '=', id)
          .returning('seq')
          .executeTakeFirstOrThrow();
        await trx.deleteFrom('mentions').where('message_id', '=', id).execute();
        await searchIndexSql.update(id, body).execute(trx);
        const rows = edit.mentions.map((userId) => ({ channelId, userId, seq: Number(seq), messageId: id }));
        if (rows.length > 0) await sendSql.insertMentions(rows).execute(trx);
        return 'message:updated';
      });
    },
    deleteMessage(id: string, deletedBy: string) {
      return change(id, async (trx, channelId) => {
        const row = await trx
          .updateTable('messages')
          .set({
            body: null,
            deleted_at: now(),
            deleted_by: deletedBy,
            mentions: '[]',
            mentions_channel: 0,
            preview: null,
            pinned_at: null,
            pinned_by: null,
          })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .returning('author_id')
          .executeTakeFirst();
        if (!row) return null;
        await trx.deleteFrom('reactions').where('message_id', '=', id).execute();
        await trx.deleteFrom('mentions').where('message_id', '=', id).execute();
        await searchIndexSql.remove(id).execute(trx);
        if (row.author_id !== deletedBy) {
          await appendAudit(trx, {
            channelId,
            action: 'message.deleted',
            actorId: deletedBy,
            targetId: row.author_id,
            messageId: id,
          });
        }
        return 'message:deleted';
      });
    },
    addReaction(messageId: string, userId: string, emoji: string) {
      return change(
        messageId,
        async (trx) => {
          const result = await trx
            .insertInto('reactions')
            .values({ message_id: messageId, user_id: userId, emoji, created_at: now() })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? 'reaction:added' : null;
        },
        { emoji, userId },
      );
    },
    removeReaction(messageId: string, userId: string, emoji: string) {
      return change(
        messageId,
        async (trx) => {
          const result = await trx
            .deleteFrom('reactions')
            .where('message_id', '=', messageId)
            .where('user_id', '=', userId)
            .where('emoji', '=', emoji)
            .executeTakeFirst();
          return Number(result.numDeletedRows) > 0 ? 'reaction:removed' : null;
        },
        { emoji, userId },
      );
    },
    async setPreview(messageId: string, preview: LinkPreview, wants: (message: Message) => boolean) {
      return db.transaction().execute(async (trx): Promise<Committed<void>> => {
        const row = await trx
          .selectFrom('messages')
          .select(['channel_id', 'preview_removed'])
          .where('id', '=', messageId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        const [current] = row && !row.preview_removed ? await loadMessages(trx, [messageId]) : [];
        if (!row || !current || !wants(current)) return { value: undefined, events: [] };
        await trx
          .updateTable('messages')
          .set({ preview: JSON.stringify(preview) })
          .where('id', '=', messageId)
          .execute();
        const [message] = await loadMessages(trx, [messageId]);
        const events = await appendEvents(trx, row.channel_id, [
          { kind: 'message:updated', data: { message: message! } },
        ]);
        return { value: undefined, events };
      });
    },
    removePreview(messageId: string) {
      return change(messageId, async (trx) => {
        const before = await trx
          .selectFrom('messages')
          .select('preview')
          .where('id', '=', messageId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('messages')
          .set({ preview: null, preview_removed: 1 })
          .where('id', '=', messageId)
          .execute();
        return before.preview === null ? null : 'message:updated';
      });
    },
    async headSeq(channelId: string) {
      const row = await db.selectFrom('channels').select('last_seq').where('id', '=', channelId).executeTakeFirst();
      return row && Number(row.last_seq);
    },
    async eventsBetween(channelId: string, afterSeq: number, uptoSeq: number) {
      const rows = await db
        .selectFrom('events')
        .select(['seq', 'kind', 'data', 'created_at'])
        .where('channel_id', '=', channelId)
        .where('seq', '>', afterSeq)
        .where('seq', '<=', uptoSeq)
        .orderBy('seq')
        .execute();
      return rows.map(
        (row): EventFrame => ({
          type: 'event',
          channelId,
          seq: Number(row.seq),
          kind: row.kind as EventFrame['kind'],
          data: JSON.parse(row.data) as EventFrame['data'],
          at: row.created_at,
        }),
      );
    },
  } satisfies Partial<ChatRepository>;
}
