import type { Member, Role, User } from '@confab/protocol';
import type { ExpressionBuilder } from 'kysely';
import { channelNameKey } from '../db/channel-name-key.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import type { ChannelPatch, ChannelRecord, ChannelView, ChatRepository } from './repository.js';
import { appendAudit } from './sql-audit.js';
import {
  appendEvents,
  banInForce,
  type Db,
  insertEvent,
  lockChannel,
  now,
  takeSeq,
  toUser,
  userColumns,
} from './sql-shared.js';

type ChannelsEb = ExpressionBuilder<Database & { c: Database['channels'] }, 'c'>;

const memberCount = (eb: ChannelsEb) =>
  eb
    .selectFrom('members as mc')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('mc.channel_id', '=', 'c.id')
    .as('member_count');

const channelColumns = [
  'c.id',
  'c.name',
  'c.visibility',
  'c.topic',
  'c.created_by',
  'c.created_at',
  'c.last_seq',
  'c.last_message_at',
  'c.read_only',
  'c.archived',
  'c.members_can_pin',
] as const;

type ChannelRow = {
  id: string;
  name: string;
  visibility: ChannelRecord['visibility'];
  topic: string;
  created_by: string;
  created_at: string;
  last_seq: number;
  last_message_at: string | null;
  member_count: number | string | bigint | null;
  read_only: number;
  archived: number;
  members_can_pin: number;
};

function toRecord(row: ChannelRow): ChannelRecord {
  return {
    id: row.id,
    name: row.name,
    visibility: row.visibility,
    topic: row.topic,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastSeq: Number(row.last_seq),
    lastMessageAt: row.last_message_at,
    memberCount: Number(row.member_count ?? 0),
    readOnly: Boolean(row.read_only),
    archived: Boolean(row.archived),
    membersCanPin: Boolean(row.members_can_pin),
  };
}

/** Channels, membership and read state. */
export function sqlChannels(db: Db) {
  /** Channel rows joined with the viewer's membership (left join) and unread count. */
  const viewQuery = (viewerId: string) =>
    db
      .selectFrom('channels as c')
      .leftJoin('members as m', (join) => join.onRef('m.channel_id', '=', 'c.id').on('m.user_id', '=', viewerId))
      .select(channelColumns)
      .select(['m.role', 'm.last_read_seq', 'm.muted_until'])
      .select(memberCount)
      .select((eb) =>
        eb
          .selectFrom('messages as u')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('u.channel_id', '=', 'c.id')
          .whereRef('u.seq', '>', 'm.last_read_seq')
          .where('u.author_id', '!=', viewerId)
          .where('u.parent_id', 'is', null)
          .where('u.deleted_at', 'is', null)
          .as('unread_count'),
      )
      .select((eb) =>
        eb
          .selectFrom('mentions as x')
          .innerJoin('messages as xm', 'xm.id', 'x.message_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('x.user_id', '=', viewerId)
          .whereRef('x.channel_id', '=', 'c.id')
          .whereRef('x.seq', '>', 'm.last_read_seq')
          .where('xm.mentions_channel', '=', 0)
          .where('xm.deleted_at', 'is', null)
          .as('unread_mentions'),
      )
      .select((eb) =>
        eb
          .selectFrom('messages as cm')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('cm.channel_id', '=', 'c.id')
          .where('cm.mentions_channel', '=', 1)
          .whereRef('cm.seq', '>', 'm.last_read_seq')
          .where('cm.author_id', '!=', viewerId)
          .where('cm.deleted_at', 'is', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('blocks as cb')
                  .select('cb.user_id')
                  .where('cb.user_id', '=', viewerId)
                  .whereRef('cb.blocked_id', '=', 'cm.author_id'),
              ),
            ),
          )
          .as('unread_channel_mentions'),
      );

  type Count = number | string | bigint | null;
  type ViewRow = ChannelRow & {
    role: Role | null;
    last_read_seq: number | null;
    muted_until: string | null;
    unread_count: Count;
    unread_mentions: Count;
    unread_channel_mentions: Count;
  };

  const toViews = async (rows: ViewRow[]): Promise<ChannelView[]> => {
    const directIds = rows.filter((r) => r.visibility === 'direct').map((r) => r.id);
    const directMembers = new Map<string, User[]>();
    if (directIds.length) {
      const members = await db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select(['members.channel_id', ...userColumns])
        .where('members.channel_id', 'in', directIds)
        .orderBy('users.username')
        .execute();
      for (const m of members) directMembers.set(m.channel_id, [...(directMembers.get(m.channel_id) ?? []), toUser(m)]);
    }
    return rows.map((row) => ({
      ...toRecord(row),
      role: row.role ?? null,
      lastReadSeq: row.role ? Number(row.last_read_seq) : null,
      unreadCount: row.role ? Number(row.unread_count ?? 0) : null,
      unreadMentionCount: row.role ? Number(row.unread_mentions ?? 0) + Number(row.unread_channel_mentions ?? 0) : null,
      directMembers: directMembers.get(row.id) ?? null,
      mutedUntil: row.role ? inForce(row.muted_until) : null,
    }));
  };

  const getRecord = (id: string) => getRecordIn(db, id);
  const getRecordIn = async (trx: Db, id: string): Promise<ChannelRecord | undefined> => {
    const row = await trx
      .selectFrom('channels as c')
      .select(channelColumns)
      .select(memberCount)
      .where('c.id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  };

  const memberOf = async (trx: Db, channelId: string, userId: string): Promise<Member | undefined> => {
    const row = await trx
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.user_id')
      .select([...userColumns, 'members.role', 'members.joined_at', 'members.muted_until'])
      .where('members.channel_id', '=', channelId)
      .where('members.user_id', '=', userId)
      .executeTakeFirst();
    return row && toMember(row);
  };

  return {
    async createChannel(input) {
      const id = newId();
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('channels')
          .values({
            id,
            name: input.name,
            visibility: input.visibility,
            topic: input.topic,
            created_by: input.createdBy,
            created_at: at,
            last_seq: 0,
            last_message_at: null,
            direct_key: input.directKey,
            name_key: input.visibility === 'direct' ? null : channelNameKey(input.name),
          })
          .execute();
        const owner = input.visibility === 'direct' ? 'member' : 'owner';
        const memberIds = [...new Set([input.createdBy, ...input.memberIds])];
        await trx
          .insertInto('members')
          .values(
            memberIds.map((userId) => ({
              channel_id: id,
              user_id: userId,
              role: userId === input.createdBy ? owner : 'member',
              joined_at: at,
              last_read_seq: 0,
            })),
          )
          .execute();
      });
      return (await getRecord(id))!;
    },
    async findChannelByName(visibility: 'public' | 'private', name: string) {
      const row = await db
        .selectFrom('channels')
        .select('id')
        .where('visibility', '=', visibility)
        .where('name_key', '=', channelNameKey(name))
        .executeTakeFirst();
      return row && getRecord(row.id);
    },
    async findDirectChannel(directKey: string) {
      const row = await db.selectFrom('channels').select('id').where('direct_key', '=', directKey).executeTakeFirst();
      return row && getRecord(row.id);
    },
    async getChannel(id: string, viewerId: string) {
      const rows = await viewQuery(viewerId).where('c.id', '=', id).execute();
      return (await toViews(rows))[0];
    },
    async listJoinedChannels(userId: string, offset: number, limit: number) {
      const rows = await viewQuery(userId)
        .where('m.user_id', '=', userId)
        .orderBy((eb) => eb.fn.coalesce('c.last_message_at', 'c.created_at'), 'desc')
        .orderBy('c.id', 'desc')
        .offset(offset)
        .limit(limit)
        .execute();
      return toViews(rows);
    },
    async listPublicChannels(viewerId: string, offset: number, limit: number) {
      const rows = await viewQuery(viewerId)
        .where('c.visibility', '=', 'public')
        .orderBy('c.name')
        .orderBy('c.id')
        .offset(offset)
        .limit(limit)
        .execute();
      return toViews(rows);
    },
    async updateChannel(id: string, patch: ChannelPatch, actorId?: string) {
      return db.transaction().execute(async (trx) => {
        const before = actorId === undefined ? undefined : await getRecordIn(trx, id);
        const named = patch.name === undefined ? {} : { name: patch.name, name_key: channelNameKey(patch.name) };
        const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
        await trx
          .updateTable('channels')
          .set({
            ...named,
            ...(patch.topic === undefined ? {} : { topic: patch.topic }),
            ...(patch.readOnly === undefined ? {} : { read_only: flag(patch.readOnly) }),
            ...(patch.archived === undefined ? {} : { archived: flag(patch.archived) }),
            ...(patch.membersCanPin === undefined ? {} : { members_can_pin: flag(patch.membersCanPin) }),
          })
          .where('id', '=', id)
          .execute();
        if (before && actorId !== undefined) {
          const changed = Object.fromEntries(
            Object.entries(patch).filter(
              ([key, value]) => value !== undefined && before[key as keyof ChannelPatch] !== value,
            ),
          );
          if (Object.keys(changed).length > 0) {
            await appendAudit(trx, { channelId: id, action: 'channel.updated', actorId, details: changed });
          }
        }
        const seq = await takeSeq(trx, id);
        const row = await trx
          .selectFrom('channels as c')
          .select(channelColumns)
          .select(memberCount)
          .where('c.id', '=', id)
          .executeTakeFirstOrThrow();
        const channel = toRecord(row);
        const event = await insertEvent(trx, id, seq, {
          kind: 'channel:updated',
          data: { channel: { ...publicShape(channel), role: null } },
        });
        return { value: channel, events: [event] };
      });
    },
    async deleteChannel(id: string) {
      await db.transaction().execute(async (trx) => {
        const messageIds = trx.selectFrom('messages').select('id').where('channel_id', '=', id);
        await trx.deleteFrom('reactions').where('message_id', 'in', messageIds).execute();
        await trx.deleteFrom('mentions').where('channel_id', '=', id).execute();
        await trx.deleteFrom('reports').where('channel_id', '=', id).execute();
        await trx.deleteFrom('messages').where('channel_id', '=', id).execute();
        await trx.deleteFrom('events').where('channel_id', '=', id).execute();
        await trx.deleteFrom('members').where('channel_id', '=', id).execute();
        await trx.deleteFrom('bans').where('channel_id', '=', id).execute();
        await trx.deleteFrom('audit_log').where('channel_id', '=', id).execute();
        await trx.deleteFrom('channels').where('id', '=', id).execute();
      });
    },
    async getMember(channelId: string, userId: string) {
      return memberOf(db, channelId, userId);
    },
    async addMember(channelId: string, userId: string, role: Role) {
      return db.transaction().execute(async (trx) => {
        await lockChannel(trx, channelId); // a ban committed meanwhile is seen below; one after waits for this
        if (await banInForce(trx, channelId, userId)) return 'banned' as const;
        await trx
          .insertInto('members')
          .values({ channel_id: channelId, user_id: userId, role, joined_at: now(), last_read_seq: 0 })
          .execute();
        const member = (await memberOf(trx, channelId, userId))!;
        const events = await appendEvents(trx, channelId, [
          { kind: 'member:joined', data: { user: member.user, role } },
        ]);
        return { value: member, events };
      });
    },
    async removeMember(channelId: string, userId: string, by?: string) {
      return db.transaction().execute(async (trx) => {
        const member = (await memberOf(trx, channelId, userId))!;
        await trx.deleteFrom('members').where('channel_id', '=', channelId).where('user_id', '=', userId).execute();
        const removed = by !== undefined && by !== userId;
        if (removed) await appendAudit(trx, { channelId, action: 'member.removed', actorId: by, targetId: userId });
        const events = await appendEvents(trx, channelId, [
          { kind: 'member:left', data: { user: member.user, role: member.role, ...(removed ? { by } : {}) } },
        ]);
        return { value: undefined, events };
      });
    },
    async listMembers(channelId: string, offset: number, limit: number, roles?: readonly Role[]) {
      const rows = await db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select([...userColumns, 'members.role', 'members.joined_at', 'members.muted_until'])
        .where('members.channel_id', '=', channelId)
        .$if(roles !== undefined, (query) => query.where('members.role', 'in', roles!))
        .orderBy('members.joined_at')
        .orderBy('users.id')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map(toMember);
    },
    async membersAmong(channelId: string, among: { userIds: readonly string[]; usernames: readonly string[] }) {
      if (among.userIds.length === 0 && among.usernames.length === 0) return [];
      return db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select(['users.id', 'users.username'])
        .where('members.channel_id', '=', channelId)
        .where((eb) =>
          eb.or([
            ...(among.userIds.length ? [eb('users.id', 'in', among.userIds)] : []),
            ...(among.usernames.length ? [eb(eb.fn('lower', ['users.username']), 'in', among.usernames)] : []),
          ]),
        )
        .execute();
    },
    async memberIds(channelId: string) {
      const rows = await db.selectFrom('members').select('user_id').where('channel_id', '=', channelId).execute();
      return rows.map((row) => row.user_id);
    },
    async markRead(channelId: string, userId: string, seq: number) {
      const channel = await getRecord(channelId);
      const upto = Math.min(seq, channel?.lastSeq ?? 0);
      await db
        .updateTable('members')
        .set({ last_read_seq: upto })
        .where('channel_id', '=', channelId)
        .where('user_id', '=', userId)
        .where('last_read_seq', '<', upto)
        .execute();
      const view = await this.getChannel(channelId, userId);
      return { channelId, lastReadSeq: view?.lastReadSeq ?? 0, unreadCount: view?.unreadCount ?? 0 };
    },
  } satisfies Partial<ChatRepository> & ThisType<Pick<ChatRepository, 'getChannel'>>;
}

/** A channel as anyone may see it, for events that every subscriber receives. */
export function publicShape(channel: ChannelRecord) {
  return {
    id: channel.id,
    name: channel.name,
    visibility: channel.visibility,
    topic: channel.topic,
    createdBy: channel.createdBy,
    createdAt: channel.createdAt,
    lastSeq: channel.lastSeq,
    lastMessageAt: channel.lastMessageAt,
    memberCount: channel.memberCount,
    readOnly: channel.readOnly,
    archived: channel.archived,
    membersCanPin: channel.membersCanPin,
  };
}

/** A mute or ban end as it stands now: null once it has passed. */
export function inForce(until: string | null): string | null {
  return until !== null && until > now() ? until : null;
}

/** A member row as the API shows it: `mutedUntil` only while the mute is in force. */
export function toMember(row: {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
  role: Role;
  joined_at: string;
  muted_until: string | null;
}): Member {
  return { user: toUser(row), role: row.role, joinedAt: row.joined_at, mutedUntil: inForce(row.muted_until) };
}
