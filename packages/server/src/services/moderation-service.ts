import type { AuditPage, Ban, BanPage, BanRequest, Member, Role, UpdateMemberRequest, User } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChannelView, ChatRepository } from '../repository/repository.js';
import { type Actor, requireScope } from './actor.js';
import type { ChannelService } from './channel-service.js';
import { actorRank, canManage, canModerate, rankOf } from './permissions.js';
import type { Publish } from './publish.js';

/** A member (or not) as someone acting on them sees them: their role here and whether they administer the deployment. */
export interface Target {
  user: Pick<User, 'id' | 'username'>;
  role: Role | null;
}

/**
 * Throws `forbidden` unless the actor strictly outranks the target in the channel (administrator > owner >
 * moderator > member > outsider): a moderator cannot act on a moderator or an owner.
 */
export function requireOutrank(actor: Actor, view: ChannelView, target: Target, admins: readonly string[]): void {
  const theirs = rankOf(target.role, admins.includes(target.user.username.toLowerCase()));
  if (actorRank(actor, view) <= theirs) {
    throw new ChatError('forbidden', 'Only someone who outranks this user may do this.');
  }
}

/** Throws `forbidden` unless the actor moderates the channel (owner, moderator or administrator). */
export function requireModerator(actor: Actor, view: ChannelView): void {
  if (!canModerate(actor, view))
    throw new ChatError('forbidden', 'Only owners, moderators and administrators may do this.');
}

const BAN_CURSOR = 'b';
const AUDIT_CURSOR = 'a';

function banCursor(ban: Ban): string {
  return BAN_CURSOR + Buffer.from(`${ban.createdAt}\n${ban.user.id}`).toString('base64url');
}

function decodeBanCursor(cursor: string | undefined): { createdAt: string; userId: string } | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, userId, extra] = cursor.startsWith(BAN_CURSOR)
    ? Buffer.from(cursor.slice(1), 'base64url').toString().split('\n')
    : [];
  if (!createdAt || !userId || extra !== undefined || Number.isNaN(Date.parse(createdAt))) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this list.`);
  }
  return { createdAt, userId };
}

function decodeAuditCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = cursor.startsWith(AUDIT_CURSOR) ? cursor.slice(1) : '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this list.`);
  }
  return id;
}

/** Roles, mutes, bans and the audit log: who may act on whom, in which channel. */
export class ModerationService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly channels: ChannelService,
    private readonly publish: Publish,
    /** Moderation changes, per user. */
    private readonly writeLimiter: SharedRateLimit,
    /** `CONFAB_ADMINS`: usernames that rank as administrators when they are acted on. */
    private readonly admins: readonly string[] = [],
  ) {}

  /** The channel, if the actor may change things in it (any channel but a direct one). */
  async #changeable(actor: Actor, channelId: string): Promise<ChannelView> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many moderation changes; slow down.');
    const view = await this.channels.readable(actor, channelId);
    if (view.visibility === 'direct') throw new ChatError('forbidden', 'A direct channel has no moderation.');
    return view;
  }

  /** Changes a member's role (owners and administrators) or mute (moderators too); `member:updated`. */
  async updateMember(actor: Actor, channelId: string, memberRef: string, patch: UpdateMemberRequest): Promise<Member> {
    const view = await this.#changeable(actor, channelId);
    const userId = memberRef === 'me' ? actor.user.id : memberRef;
    if (patch.role !== undefined && !canManage(actor, view))
      throw new ChatError('forbidden', 'Only owners and administrators change roles.');
    if (patch.mutedUntil !== undefined) requireModerator(actor, view);
    const target = await this.repo.getMember(channelId, userId);
    if (!target) throw new ChatError('not_found', 'Not a member of this channel.');
    const self = userId === actor.user.id;
    // Stepping down from a role is one's own to do; everything else (a mute included) needs a higher rank.
    if (!self || patch.mutedUntil !== undefined) requireOutrank(actor, view, target, this.admins);
    const changed = await this.repo.updateMember(
      channelId,
      userId,
      {
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.mutedUntil === undefined ? {} : { mutedUntil: patch.mutedUntil }),
      },
      actor.user.id,
    );
    if (changed === undefined) throw new ChatError('not_found', 'Not a member of this channel.');
    if (changed === 'last_owner')
      throw new ChatError('conflict', 'The last owner cannot step down; make someone else an owner first.');
    await this.publish(changed.events);
    return changed.value;
  }

  /** Bans a user (replacing a ban in force): they stop being a member and cannot read, join or be added. */
  async ban(actor: Actor, channelId: string, userId: string, input: BanRequest): Promise<Ban> {
    const view = await this.#changeable(actor, channelId);
    requireModerator(actor, view);
    const user = await this.repo.findUserById(userId);
    if (!user) throw new ChatError('not_found', 'No such user.');
    const member = await this.repo.getMember(channelId, userId);
    requireOutrank(actor, view, { user, role: member?.role ?? null }, this.admins);
    const until = input.until === undefined ? null : new Date(input.until).toISOString();
    if (until !== null && until <= new Date().toISOString())
      throw new ChatError('invalid_request', '/until is not in the future.');
    const { value, events } = await this.repo.banMember({
      channelId,
      userId,
      actorId: actor.user.id,
      reason: input.reason?.trim() || null,
      until,
    });
    await this.publish(events);
    return value;
  }

  /** Lifts a ban (`member:unbanned`); nothing happens when there was none. */
  async unban(actor: Actor, channelId: string, userId: string): Promise<void> {
    const view = await this.#changeable(actor, channelId);
    requireModerator(actor, view);
    const { events } = await this.repo.unbanMember(channelId, userId, actor.user.id);
    await this.publish(events);
  }

  async listBans(actor: Actor, channelId: string, cursor: string | undefined, limit: number): Promise<BanPage> {
    requireModerator(actor, await this.channels.readable(actor, channelId));
    const rows = await this.repo.listBans(channelId, decodeBanCursor(cursor), limit + 1);
    const last = rows[limit - 1];
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit && last ? banCursor(last) : null };
  }

  async listAudit(actor: Actor, channelId: string, cursor: string | undefined, limit: number): Promise<AuditPage> {
    requireModerator(actor, await this.channels.readable(actor, channelId));
    const rows = await this.repo.listAudit(channelId, decodeAuditCursor(cursor), limit + 1);
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit),
      nextCursor: rows.length > limit && last ? AUDIT_CURSOR + last.id : null,
    };
  }
}
