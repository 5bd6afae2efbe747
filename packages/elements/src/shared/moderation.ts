import {
  type Channel,
  type ChannelInfo,
  type ChannelRoom,
  type ChatClient,
  can,
  type Me,
  type Member,
  type Role,
} from '@confab/core';
import type { ReactiveControllerHost } from 'lit';
import type { ModerationRequest } from '../events/chat-moderate.js';
import { StoreController } from './store-controller.js';

const RANKS: Record<Role, number> = { member: 1, moderator: 2, owner: 3 };

/** How far someone reaches in a channel: 4 an administrator, 3 an owner, 2 a moderator, 1 a member, 0 nobody. */
export const rankOf = (role: Role | null | undefined, admin = false): number => (admin ? 4 : role ? RANKS[role] : 0);

/** The viewer's reach in a channel. */
export const viewerRank = (channel: Channel | undefined, me: Me | null): number =>
  rankOf(channel?.role, me?.admin === true);

/** What a message needs to know about its channel's people, and about what the viewer may do there. */
export interface MessageModeration {
  /** Owners' and moderators' roles, by user id. */
  readonly roles: ReadonlyMap<string, Role>;
  /** Owners' and moderators' display names, by user id (who pinned a message; a member who did goes unnamed). */
  readonly names: ReadonlyMap<string, string>;
  /** The users the viewer blocked. */
  readonly blocked: ReadonlySet<string>;
  /** The viewer's reach ({@link rankOf}): they act only on people below it. */
  readonly rank: number;
  /** The viewer moderates: removes others' messages, mutes and bans their authors. */
  readonly moderate: boolean;
  /** The viewer may pin and unpin. */
  readonly pin: boolean;
  /** The viewer may report others' messages. */
  readonly report: boolean;
  /** The viewer may post here (replies too): a member, not muted, the channel neither archived nor read-only to them. */
  readonly post: boolean;
  /** The viewer may react: a member, not muted, the channel not archived. */
  readonly react: boolean;
}

/** What the viewer may do to a member, in the order the member panel offers it. */
export type MemberAction =
  | 'make-owner'
  | 'make-moderator'
  | 'make-member'
  | 'mute'
  | 'unmute'
  | 'remove'
  | 'ban'
  | 'block'
  | 'unblock';

/**
 * The actions the viewer may take on `target`: roles for owners and administrators, mute, remove and ban for
 * moderators and up — only on people they outrank — and block or unblock on anyone else.
 */
export function memberActions(
  target: Member,
  viewer: { id: string | undefined; rank: number; blocked: boolean },
  now = Date.now(),
): MemberAction[] {
  if (target.user.id === viewer.id) return [];
  const actions: MemberAction[] = [];
  const above = viewer.rank > rankOf(target.role);
  if (above && viewer.rank >= RANKS.owner)
    for (const role of ['owner', 'moderator', 'member'] as const)
      if (role !== target.role) actions.push(`make-${role}`);
  if (above && viewer.rank >= RANKS.moderator) {
    const muted = !!target.mutedUntil && Date.parse(target.mutedUntil) > now;
    actions.push(muted ? 'unmute' : 'mute', 'remove', 'ban');
  }
  actions.push(viewer.blocked ? 'unblock' : 'block');
  return actions;
}

const NO_MEMBERS: Member[] = [];
const NO_IDS: string[] = [];
const LOADING: ChannelInfo = { status: 'loading' };

/**
 * Follows what the moderation controls need of a channel (its owners and moderators, the channel, the viewer
 * and whom they blocked) and derives a {@link MessageModeration} from it, anew only when one of them changed.
 * It reads no other member: a channel of thousands opens with one short request for its staff.
 */
export class ModerationController {
  readonly #me: StoreController<Me | null>;
  readonly #blocked: StoreController<string[]>;
  readonly #staff: StoreController<Member[]>;
  readonly #info: StoreController<ChannelInfo>;
  #from: unknown[] = [];
  #value: MessageModeration | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#me = new StoreController<Me | null>(host, null);
    this.#blocked = new StoreController<string[]>(host, NO_IDS);
    this.#staff = new StoreController<Member[]>(host, NO_MEMBERS);
    this.#info = new StoreController<ChannelInfo>(host, LOADING);
  }

  /** Follows `room` of `client` (call it from `willUpdate`). */
  follow(client: ChatClient | undefined, room: ChannelRoom | undefined): void {
    this.#me.follow(client?.$me);
    this.#blocked.follow(client?.$blocked);
    this.#staff.follow(room?.$staff);
    this.#info.follow(room?.$info);
  }

  get me(): Me | null {
    return this.#me.value;
  }

  get blocked(): string[] {
    return this.#blocked.value;
  }

  /** The channel, once loaded. */
  get channel(): Channel | undefined {
    const info = this.#info.value;
    return info.status === 'ready' ? info.channel : undefined;
  }

  /** The viewer's reach in the channel. */
  get rank(): number {
    return viewerRank(this.channel, this.me);
  }

  /** What messages need, for the channel followed. */
  get value(): MessageModeration {
    const from = [this.me, this.#blocked.value, this.#staff.value, this.channel];
    if (this.#value && from.every((v, i) => v === this.#from[i])) return this.#value;
    const [me, channel, staff] = [this.me, this.channel, this.#staff.value];
    const roles = new Map<string, Role>();
    const names = new Map<string, string>();
    for (const m of staff) {
      names.set(m.user.id, m.user.displayName);
      if (m.role !== 'member') roles.set(m.user.id, m.role);
    }
    this.#from = from;
    this.#value = {
      roles,
      names,
      blocked: new Set(this.#blocked.value),
      rank: viewerRank(channel, me),
      moderate: can('moderate', channel, me),
      pin: can('pin', channel, me),
      report: !!channel && !!me,
      post: can('post', channel, me),
      react: can('react', channel, me),
    };
    return this.#value;
  }
}

/** Carries out a moderation request in `room` (and, to block, on `client`). */
export async function runModeration(
  client: ChatClient,
  room: ChannelRoom,
  request: ModerationRequest,
): Promise<unknown> {
  switch (request.action) {
    case 'set-role':
      return room.setRole(request.userId, request.role);
    case 'mute':
      return room.mute(request.userId, request.until);
    case 'remove':
      return room.removeMember(request.userId);
    case 'ban':
      return room.ban(request.userId, {
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.until ? { until: request.until } : {}),
      });
    case 'unban':
      return room.unban(request.userId);
    case 'block':
      return client.block(request.userId);
    case 'unblock':
      return client.unblock(request.userId);
    case 'delete-message':
      return room.delete(request.messageId);
    case 'resolve':
      return room.resolveReport(request.reportId, request.resolution);
    case 'update':
      return room.update(request.patch);
  }
}
