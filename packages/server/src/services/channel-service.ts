import type {
  Channel,
  ChannelPage,
  CreateChannelRequest,
  EventPage,
  Member,
  MemberPage,
  ReadState,
  Role,
} from '@confab/protocol';
import type { Bus } from '../bus/bus.js';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChannelPatch, ChannelView, ChatRepository, Committed } from '../repository/repository.js';
import { type Actor, requireScope } from './actor.js';
import { decodeOffsetCursor, offsetCursor } from './cursors.js';
import { requireModerator, requireOutrank } from './moderation-service.js';
import { canManage, rolesFrom } from './permissions.js';
import type { Publish } from './publish.js';

/** Shapes a stored channel for the user looking at it. */
export function toChannel(view: ChannelView, viewerId: string): Channel {
  const other = view.directMembers?.find((u) => u.id !== viewerId) ?? view.directMembers?.[0];
  return {
    id: view.id,
    name: view.visibility === 'direct' ? (other?.displayName ?? view.name) : view.name,
    visibility: view.visibility,
    topic: view.topic,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    lastSeq: view.lastSeq,
    lastMessageAt: view.lastMessageAt,
    memberCount: view.memberCount,
    role: view.role,
    readOnly: view.readOnly,
    archived: view.archived,
    membersCanPin: view.membersCanPin,
    ...(other && view.visibility === 'direct' ? { directWith: other } : {}),
    ...(view.role
      ? {
          unreadCount: view.unreadCount ?? 0,
          lastReadSeq: view.lastReadSeq ?? 0,
          unreadMentionCount: view.unreadMentionCount ?? 0,
          mutedUntil: view.mutedUntil,
        }
      : {}),
  };
}

/** The channel, if the viewer is a member of it; `forbidden` otherwise. */
export function requireMember(view: ChannelView): ChannelView {
  if (!view.role) throw new ChatError('forbidden', 'Join the channel first.');
  return view;
}

/** Channels and membership: who may see, join, change and leave what. */
export class ChannelService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly publish: Publish,
    private readonly bus: Bus,
    private readonly replayWindow: number,
    /** Channel and membership changes and read markers, per user. */
    private readonly writeLimiter: SharedRateLimit,
    /** `CONFAB_ADMINS`: usernames that rank as administrators when they are acted on. */
    private readonly admins: readonly string[] = [],
  ) {}

  /**
   * The channel if the actor may read it: public channels are open to all, private ones to members (and
   * administrators), direct ones to their two members. A user banned from it gets `banned`, whatever its
   * visibility.
   */
  async readable(actor: Actor, channelId: string): Promise<ChannelView> {
    const view = await this.repo.getChannel(channelId, actor.user.id);
    if (!view) throw new ChatError('not_found', 'No such channel.');
    if (view.role) return view; // a ban ends the membership, so a member is never banned
    if (actor.admin && view.visibility !== 'direct') return view;
    if (await this.repo.activeBan(channelId, actor.user.id))
      throw new ChatError('banned', 'You are banned from this channel.');
    if (view.visibility !== 'public') throw new ChatError('not_found', 'No such channel.');
    return view;
  }

  /** The channel if the actor is a member with write access. */
  async writable(actor: Actor, channelId: string): Promise<ChannelView> {
    requireScope(actor, 'chat:write');
    return requireMember(await this.readable(actor, channelId));
  }

  async list(
    actor: Actor,
    scope: 'joined' | 'public',
    cursor: string | undefined,
    limit: number,
  ): Promise<ChannelPage> {
    const offset = decodeOffsetCursor(cursor);
    const rows =
      scope === 'public'
        ? await this.repo.listPublicChannels(actor.user.id, offset, limit + 1)
        : await this.repo.listJoinedChannels(actor.user.id, offset, limit + 1);
    return {
      items: rows.slice(0, limit).map((v) => toChannel(v, actor.user.id)),
      nextCursor: rows.length > limit ? offsetCursor(offset + limit) : null,
    };
  }

  async create(actor: Actor, input: CreateChannelRequest): Promise<{ channel: Channel; created: boolean }> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many new channels; slow down.');
    if (input.visibility === 'direct') {
      if (input.userId === actor.user.id)
        throw new ChatError('invalid_request', 'A direct channel needs another user.');
      if (!(await this.repo.findUserById(input.userId))) throw new ChatError('not_found', 'No such user.');
      if ((await this.repo.blockersAmong(actor.user.id, [input.userId])).length > 0)
        throw new ChatError('blocked', 'This user does not take direct messages from you.');
      const directKey = [actor.user.id, input.userId].sort().join(':');
      const existing = await this.repo.findDirectChannel(directKey);
      if (existing) {
        await this.#enrol(existing.id, actor.user.id); // the caller may have left it: opening it brings them back
        return { channel: await this.get(actor, existing.id), created: false };
      }
      const record = await this.repo
        .createChannel({
          name: '',
          visibility: 'direct',
          topic: '',
          createdBy: actor.user.id,
          memberIds: [input.userId],
          directKey,
        })
        .catch(async (error: unknown) => {
          if (await this.repo.findDirectChannel(directKey)) return undefined; // the other side opened it first
          throw error;
        });
      return record ? this.#created(actor, record.id, [input.userId]) : this.create(actor, input);
    }
    const memberIds = input.memberIds ?? [];
    for (const id of memberIds) {
      if (!(await this.repo.findUserById(id))) throw new ChatError('not_found', `No user "${id}".`);
    }
    const name = input.name.trim();
    await this.#nameFree(input.visibility, name);
    const record = await this.repo
      .createChannel({
        name,
        visibility: input.visibility,
        topic: input.topic ?? '',
        createdBy: actor.user.id,
        memberIds,
        directKey: null,
      })
      .catch(async (error: unknown) => {
        await this.#nameFree(input.visibility, name); // a concurrent create took the name first
        throw error;
      });
    return this.#created(actor, record.id, memberIds);
  }

  /** Throws `name_taken` when another channel of `visibility` (not `exceptId`) has `name`, ignoring case. */
  async #nameFree(visibility: 'public' | 'private', name: string, exceptId?: string): Promise<void> {
    const holder = await this.repo.findChannelByName(visibility, name);
    if (holder && holder.id !== exceptId) {
      throw new ChatError('name_taken', `A ${visibility} channel named "${holder.name}" already exists.`);
    }
  }

  /** A channel was just created: tells its members' sockets, and answers it as its creator sees it. */
  async #created(
    actor: Actor,
    channelId: string,
    memberIds: readonly string[],
  ): Promise<{ channel: Channel; created: true }> {
    const channel = await this.get(actor, channelId);
    await this.#tell(actor.user.id, channel);
    await this.#announce(
      channelId,
      memberIds.filter((id) => id !== actor.user.id),
    );
    return { channel, created: true };
  }

  async get(actor: Actor, channelId: string): Promise<Channel> {
    return toChannel(await this.readable(actor, channelId), actor.user.id);
  }

  /** The channel, if the actor owns it or administers the deployment. */
  async #owned(actor: Actor, channelId: string): Promise<ChannelView> {
    requireScope(actor, 'chat:write');
    const view = await this.readable(actor, channelId);
    if (!canManage(actor, view)) throw new ChatError('forbidden', 'Only the channel owner may do this.');
    return view;
  }

  /** Changes the name, topic or settings (owners and administrators); what changed goes to the audit log. */
  async update(actor: Actor, channelId: string, patch: ChannelPatch): Promise<Channel> {
    await this.writeLimiter.spend(actor.user.id, 'Too many channel changes; slow down.');
    const { visibility } = await this.#owned(actor, channelId);
    if (visibility === 'direct') throw new ChatError('forbidden', 'A direct channel has no name to change.');
    const name = patch.name?.trim();
    if (name !== undefined) await this.#nameFree(visibility, name, channelId);
    const { events } = await this.repo
      .updateChannel(channelId, { ...patch, ...(name === undefined ? {} : { name }) }, actor.user.id)
      .catch(async (error: unknown) => {
        if (name !== undefined) await this.#nameFree(visibility, name, channelId); // a concurrent rename won
        throw error;
      });
    await this.publish(events);
    return this.get(actor, channelId);
  }

  async remove(actor: Actor, channelId: string): Promise<void> {
    await this.writeLimiter.spend(actor.user.id, 'Too many channel changes; slow down.');
    await this.#owned(actor, channelId);
    await this.repo.deleteChannel(channelId);
    await this.bus.publish({ kind: 'channel-deleted', channelId });
  }

  /** A range of the event log for a client that saw a gap; `resync` past the replay window. */
  async events(actor: Actor, channelId: string, afterSeq: number, limit: number): Promise<EventPage> {
    const view = await this.readable(actor, channelId);
    const headSeq = view.lastSeq;
    if (afterSeq > headSeq || headSeq - afterSeq > this.replayWindow) return { items: [], headSeq, resync: true };
    const items = await this.repo.eventsBetween(channelId, afterSeq, Math.min(headSeq, afterSeq + limit));
    return { items, headSeq, resync: false };
  }

  async markRead(actor: Actor, channelId: string, seq: number): Promise<ReadState> {
    await this.writeLimiter.spend(actor.user.id, 'Too many read markers; slow down.');
    requireMember(await this.readable(actor, channelId));
    return this.repo.markRead(channelId, actor.user.id, seq);
  }

  /** A page of the channel's members, oldest first; with `minRole`, only those of that role or a higher one. */
  async listMembers(
    actor: Actor,
    channelId: string,
    cursor: string | undefined,
    limit: number,
    minRole?: Role,
  ): Promise<MemberPage> {
    await this.readable(actor, channelId);
    const offset = decodeOffsetCursor(cursor);
    const roles = minRole ? rolesFrom(minRole) : undefined;
    const rows = await this.repo.listMembers(channelId, offset, limit + 1, roles);
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? offsetCursor(offset + limit) : null };
  }

  /** Joins (`me`) or adds a user; `created` is false when they were a member already. */
  async addMember(actor: Actor, channelId: string, memberRef: string): Promise<{ member: Member; created: boolean }> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many membership changes; slow down.');
    const userId = memberRef === 'me' ? actor.user.id : memberRef;
    const view = await this.readable(actor, channelId);
    if (userId === actor.user.id) {
      if (!view.role && view.visibility !== 'public' && !actor.admin)
        throw new ChatError('not_found', 'No such channel.');
    } else {
      if (!view.role && !actor.admin) throw new ChatError('forbidden', 'Only members may add others.');
      if (view.visibility === 'direct') throw new ChatError('forbidden', 'A direct channel has exactly two members.');
      if (!(await this.repo.findUserById(userId))) throw new ChatError('not_found', 'No such user.');
      if (await this.repo.activeBan(channelId, userId))
        throw new ChatError('banned', 'This user is banned from the channel.');
    }
    return this.#enrol(channelId, userId);
  }

  /** Makes a user a member (announcing it), unless they are one already (`created` false). */
  async #enrol(channelId: string, userId: string): Promise<{ member: Member; created: boolean }> {
    const existing = await this.repo.getMember(channelId, userId);
    if (existing) return { member: existing, created: false };
    let added: Committed<Member> | 'banned';
    try {
      added = await this.repo.addMember(channelId, userId, 'member');
    } catch (error) {
      const raced = await this.repo.getMember(channelId, userId); // a concurrent join got there first
      if (raced) return { member: raced, created: false };
      throw error;
    }
    if (added === 'banned') throw new ChatError('banned', 'Banned from this channel.'); // banned meanwhile
    await this.publish(added.events);
    await this.#announce(channelId, [userId]);
    return { member: added.value, created: true };
  }

  /** Tells each user's sockets that they are now a member of the channel (an `added` frame), as they see it. */
  async #announce(channelId: string, userIds: readonly string[]): Promise<void> {
    for (const userId of new Set(userIds)) {
      const view = await this.repo.getChannel(channelId, userId);
      if (view?.role) await this.#tell(userId, toChannel(view, userId));
    }
  }

  #tell(userId: string, channel: Channel): Promise<void> {
    return this.bus.publish({ kind: 'added', userId, frame: { type: 'added', channel } });
  }

  /** Leaves (`me`) or, for owners, moderators and administrators who outrank them, removes someone. */
  async removeMember(actor: Actor, channelId: string, memberRef: string): Promise<void> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many membership changes; slow down.');
    const userId = memberRef === 'me' ? actor.user.id : memberRef;
    const view = await this.readable(actor, channelId);
    const self = userId === actor.user.id;
    if (!self) {
      requireModerator(actor, view);
      if (view.visibility === 'direct') throw new ChatError('forbidden', 'A direct channel has exactly two members.');
    }
    const member = await this.repo.getMember(channelId, userId);
    if (!member) throw new ChatError('not_found', 'Not a member of this channel.');
    if (!self) requireOutrank(actor, view, member, this.admins);
    const { events } = await this.repo.removeMember(channelId, userId, actor.user.id);
    await this.publish(events);
  }
}
