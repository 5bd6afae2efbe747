import type { Role } from '@confab/protocol';
import type { ChannelView } from '../repository/repository.js';
import type { Actor } from './actor.js';

const ranks: Record<Role, number> = { member: 1, moderator: 2, owner: 3 };

/** How far someone reaches in a channel: 4 an administrator, 3 an owner, 2 a moderator, 1 a member, 0 an outsider. */
export function rankOf(role: Role | null, admin = false): number {
  return admin ? 4 : role ? ranks[role] : 0;
}

/** The roles as high as `role` or higher. */
export function rolesFrom(role: Role): Role[] {
  return (Object.keys(ranks) as Role[]).filter((other) => ranks[other] >= ranks[role]);
}

/** The actor's reach in the channel they are looking at. */
export function actorRank(actor: Actor, view: Pick<ChannelView, 'role'>): number {
  return rankOf(view.role, actor.admin);
}

/** Owners, moderators and administrators: remove messages and members, ban, mute, pin, handle reports. */
export function canModerate(actor: Actor, view: Pick<ChannelView, 'role'>): boolean {
  return actorRank(actor, view) >= ranks.moderator;
}

/** Owners and administrators: roles and channel settings. */
export function canManage(actor: Actor, view: Pick<ChannelView, 'role'>): boolean {
  return actorRank(actor, view) >= ranks.owner;
}
