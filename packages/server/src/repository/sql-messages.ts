import type { EventFrame, Message, MessageBody } from '@confab/protocol';
import { newId } from '../ids.js';
import type { ChatRepository, Committed, NewMessage, PageQuery, SeqPage } from './repository.js';
import { appendEvents, type Db, insertEvent, loadMessages, now, takeSeq } from './sql-shared.js';

/** Messages, threads, reactions and the event log. */
export function sqlMessages(db: Db) {
  const findByClientId = async (input: NewMessage): Promise<Message | undefined> => {
    const row = await db
      .selectFrom('messages')
      .select('id')
      .where('channel_id', '=', input.channelId)
      .where('author_id', '=', input.authorId)
      .where('client_message_id', '=', input.clientMessageId)
      .executeTakeFirst();
    return row && (await loadMessages(db, [row.id]))[0];
  };

  const store = (input: NewMessage) =>
    db.transaction().execute(async (trx) => {
      const seq = await takeSeq(trx, input.channelId);
      const id = newId();
      const at = now();
      await trx
        .insertInto('messages')
        .values({
          id,
          channel_id: input.channelId,
          seq,
          author_id: input.authorId,
          client_message_id: input.clientMessageId,
          parent_id: input.parentId,
          body: JSON.stringify(input.body),
          reply_count: 0,
          last_reply_at: null,
          created_at: at,
          edited_at: null,
          deleted_at: null,
        })
        .execute();
      await trx.updateTable('channels').set({ last_message_at: at }).where('id', '=', input.channelId).execute();
      const [message] = await loadMessages(trx, [id]);
      const events = [
        await insertEvent(trx, input.channelId, seq, { kind: 'message:created', data: { message: message! } }),
      ];
      if (input.parentId) {
        await trx
          .updateTable('messages')
          .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_reply_at: at }))
          .where('id', '=', input.parentId)
          .execute();
        const [parent] = await loadMessages(trx, [input.parentId]);
        events.push(
          ...(await appendEvents(trx, input.channelId, [{ kind: 'message:updated', data: { message: parent! } }])),
        );
      }
      return { value: { message: message!, created: true }, events };
    });

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
    async sendMessage(input: NewMessage) {
      const existing = await findByClientId(input);
      if (existing) return { value: { message: existing, created: false }, events: [] };
      try {
        return await store(input);
      } catch (error) {
        // A concurrent send with the same client id won the unique key: answer with its message.
        const raced = await findByClientId(input);
        if (raced) return { value: { message: raced, created: false }, events: [] };
        throw error;
      }
    },
    async getMessage(id: string) {
      return (await loadMessages(db, [id]))[0];
    },
    pageMessages: page,
    editMessage(id: string, body: MessageBody) {
      return change(id, async (trx) => {
        await trx
          .updateTable('messages')
          .set({ body: JSON.stringify(body), edited_at: now() })
          .where('id', '=', id)
          .execute();
        return 'message:updated';
      });
    },
    deleteMessage(id: string) {
      return change(id, async (trx) => {
        const result = await trx
          .updateTable('messages')
          .set({ body: null, deleted_at: now() })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return null;
        await trx.deleteFrom('reactions').where('message_id', '=', id).execute();
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
