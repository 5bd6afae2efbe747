import type { AuditAction, AuditEntry, Ban, Member, Role } from '@confab/protocol';
import type { ChatRepository, Committed, MemberStanding } from './repository.js';
import { appendAudit } from './sql-audit.js';
import { inForce, toMember } from './sql-channels.js';
import { appendEvents, banInForce, type Db, lockChannel, now, toUser, userColumns } from './sql-shared.js';

type UserRow = { id: string; username: string; display_name: string; avatar_url: string | null };

/** Loads users by id, for the people a ban or an audit entry names. */
async function usersById(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows: UserRow[] = wanted.length
    ? await db.selectFrom('users').select(userColumns).where('users.id', 'in', wanted).execute()
    : [];
  const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
  return (id: string) => byId.get(id) ?? { id, username: 'unknown', displayName: 'Unknown user' };
}

type BanRow = {
  channel_id: string;
  user_id: string;
  reason: string | null;
  until: string | null;
  banned_by: string;
  created_at: string;
};

async function toBans(db: Db, rows: BanRow[]): Promise<Ban[]> {
  const user = await usersById(
    db,
    rows.flatMap((row) => [row.user_id, row.banned_by]),
  );
  return rows.map((row) => ({
    channelId: row.channel_id,
    user: user(row.user_id),
    reason: row.reason,
    until: row.until,
    bannedBy: user(row.banned_by),
    createdAt: row.created_at,
  }));
}

/** Bans, mutes, roles and the audit log. */
export function sqlModeration(db: Db) {
  const memberRow = (trx: Db, channelId: string, userId: string) =>
    trx
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.user_id')
      .select([...userColumns, 'members.role', 'members.joined_at', 'members.muted_until'])
      .where('members.channel_id', '=', channelId)
      .where('members.user_id', '=', userId)
      .executeTakeFirst();

  return {
    async memberStanding(channelId: string, userId: string): Promise<MemberStanding | undefined> {
      const row = await db
        .selectFrom('members as m')
        .innerJoin('channels as c', 'c.id', 'm.channel_id')
        .select(['m.role', 'm.muted_until', 'c.read_only', 'c.archived'])
        .where('m.channel_id', '=', channelId)
        .where('m.user_id', '=', userId)
        .executeTakeFirst();
      return (
        row && {
          role: row.role,
          mutedUntil: inForce(row.muted_until),
          readOnly: Boolean(row.read_only),
          archived: Boolean(row.archived),
        }
      );
    },
    async activeBan(channelId: string, userId: string): Promise<Ban | undefined> {
      const row = await banInForce(db, channelId, userId);
      return row && (await toBans(db, [row]))[0];
    },
    async updateMember(
      channelId: string,
      userId: string,
      patch: { role?: Role; mutedUntil?: string | null },
      actorId: string,
    ): Promise<Committed<Member> | 'last_owner' | undefined> {
      return db.transaction().execute(async (trx) => {
        await lockChannel(trx, channelId); // two owners stepping down at once: one of them stays
        const before = await memberRow(trx, channelId, userId);
        if (!before) return undefined;
        if (patch.role !== undefined && before.role === 'owner' && patch.role !== 'owner') {
          const owners = await trx
            .selectFrom('members')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('channel_id', '=', channelId)
            .where('role', '=', 'owner')
            .executeTakeFirstOrThrow();
          if (Number(owners.n) <= 1) return 'last_owner';
        }
        await trx
          .updateTable('members')
          .set({
            ...(patch.role === undefined ? {} : { role: patch.role }),
            ...(patch.mutedUntil === undefined ? {} : { muted_until: patch.mutedUntil }),
          })
          .where('channel_id', '=', channelId)
          .where('user_id', '=', userId)
          .execute();
        const member = toMember((await memberRow(trx, channelId, userId))!);
        const audit = (action: AuditAction, details: Record<string, unknown>) =>
          appendAudit(trx, { channelId, action, actorId, targetId: userId, details });
        if (patch.role !== undefined && patch.role !== before.role) {
          await audit('member.role_changed', { role: patch.role, previous: before.role });
        }
        if (patch.mutedUntil !== undefined) {
          if (patch.mutedUntil === null) await audit('member.unmuted', {});
          else await audit('member.muted', { until: patch.mutedUntil });
        }
        const events = await appendEvents(trx, channelId, [
          {
            kind: 'member:updated',
            data: { user: member.user, role: member.role, mutedUntil: member.mutedUntil ?? null, by: actorId },
          },
        ]);
        return { value: member, events };
      });
    },
    async banMember(input: {
      channelId: string;
      userId: string;
      actorId: string;
      reason: string | null;
      until: string | null;
    }): Promise<Committed<Ban>> {
      const { channelId, userId, actorId, reason, until } = input;
      return db.transaction().execute(async (trx) => {
        await lockChannel(trx, channelId); // after a concurrent join, not beside it (see addMember)
        const member = await memberRow(trx, channelId, userId);
        await trx.deleteFrom('bans').where('channel_id', '=', channelId).where('user_id', '=', userId).execute();
        const row: BanRow = {
          channel_id: channelId,
          user_id: userId,
          reason,
          until,
          banned_by: actorId,
          created_at: now(),
        };
        await trx.insertInto('bans').values(row).execute();
        if (member) {
          await trx.deleteFrom('members').where('channel_id', '=', channelId).where('user_id', '=', userId).execute();
        }
        await appendAudit(trx, {
          channelId,
          action: 'member.banned',
          actorId,
          targetId: userId,
          reason,
          details: { until },
        });
        const [ban] = await toBans(trx, [row]);
        const events = await appendEvents(trx, channelId, [
          {
            kind: 'member:banned',
            data: { user: ban!.user, role: member?.role ?? 'member', by: actorId, until },
          },
        ]);
        return { value: ban!, events };
      });
    },
    async unbanMember(channelId: string, userId: string, actorId: string): Promise<Committed<boolean>> {
      return db.transaction().execute(async (trx) => {
        const ban = await banInForce(trx, channelId, userId);
        await trx.deleteFrom('bans').where('channel_id', '=', channelId).where('user_id', '=', userId).execute();
        if (!ban) return { value: false, events: [] };
        await appendAudit(trx, { channelId, action: 'member.unbanned', actorId, targetId: userId });
        const user = (await usersById(trx, [userId]))(userId);
        const events = await appendEvents(trx, channelId, [
          { kind: 'member:unbanned', data: { user, role: 'member', by: actorId } },
        ]);
        return { value: true, events };
      });
    },
    async listBans(channelId: string, after: { createdAt: string; userId: string } | undefined, limit: number) {
      let query = db
        .selectFrom('bans')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now())]));
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('user_id', '<', after.userId)]),
          ]),
        );
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('user_id', 'desc').limit(limit).execute();
      return toBans(db, rows);
    },
    async listAudit(channelId: string, beforeId: string | undefined, limit: number): Promise<AuditEntry[]> {
      let query = db.selectFrom('audit_log').selectAll().where('channel_id', '=', channelId);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      const user = await usersById(
        db,
        rows.flatMap((row) => [row.actor_id, row.target_id]),
      );
      return rows.map((row) => ({
        id: row.id,
        channelId: row.channel_id,
        action: row.action as AuditAction,
        actor: user(row.actor_id),
        target: row.target_id === null ? null : user(row.target_id),
        messageId: row.message_id,
        reason: row.reason,
        details: JSON.parse(row.details) as Record<string, unknown>,
        at: row.at,
      }));
    },
  } satisfies Partial<ChatRepository>;
}
