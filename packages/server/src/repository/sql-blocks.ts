import type { ChatRepository } from './repository.js';
import { type Db, now, toUser, userColumns } from './sql-shared.js';

/** Channels whose kind is remembered (forgotten all at once past this many). */
const DIRECT_KEYS_KEPT = 10_000;

/** Who blocked whom. */
export function sqlBlocks(db: Db) {
  // A channel's kind and pair never change, so a send in a public or private channel need not ask again
  // whether it is a direct one: channel id → its direct key, or null for other channels.
  const directKeys = new Map<string, string | null>();
  const blockersAmong = async (blockedId: string, userIds: readonly string[]): Promise<string[]> => {
    if (userIds.length === 0) return [];
    const rows = await db
      .selectFrom('blocks')
      .select('user_id')
      .where('blocked_id', '=', blockedId)
      .where('user_id', 'in', userIds)
      .execute();
    return rows.map((row) => row.user_id);
  };
  return {
    async blockUser(userId: string, blockedId: string) {
      // Most recent first must hold for blocks made within one millisecond too: each is later than the last.
      const last = await db
        .selectFrom('blocks')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const at = now();
      const after = last?.at ? new Date(Date.parse(last.at) + 1).toISOString() : at;
      await db
        .insertInto('blocks')
        .values({ user_id: userId, blocked_id: blockedId, created_at: after > at ? after : at })
        .onConflict((oc) => oc.columns(['user_id', 'blocked_id']).doNothing())
        .execute();
    },
    async unblockUser(userId: string, blockedId: string) {
      await db.deleteFrom('blocks').where('user_id', '=', userId).where('blocked_id', '=', blockedId).execute();
    },
    async listBlocks(userId: string) {
      const rows = await db
        .selectFrom('blocks')
        .innerJoin('users', 'users.id', 'blocks.blocked_id')
        .select(userColumns)
        .where('blocks.user_id', '=', userId)
        .orderBy('blocks.created_at', 'desc')
        .orderBy('blocks.blocked_id')
        .execute();
      return rows.map(toUser);
    },
    blockersAmong,
    async directBlocked(channelId: string, userId: string) {
      let directKey = directKeys.get(channelId);
      if (directKey === undefined) {
        const channel = await db
          .selectFrom('channels')
          .select(['visibility', 'direct_key'])
          .where('id', '=', channelId)
          .executeTakeFirst();
        if (!channel) return false;
        directKey = channel.visibility === 'direct' ? channel.direct_key : null;
        if (directKeys.size >= DIRECT_KEYS_KEPT) directKeys.clear();
        directKeys.set(channelId, directKey);
      }
      const other = directKey?.split(':').find((id) => id !== userId);
      if (other === undefined) return false;
      return (await blockersAmong(userId, [other])).length > 0;
    },
  } satisfies Partial<ChatRepository>;
}
