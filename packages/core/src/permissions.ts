import type { Channel, Me } from '@confab/protocol';

/** What a user may try in a channel: what {@link can} answers for. */
export type ChannelAction = 'post' | 'react' | 'pin' | 'moderate' | 'manage';

/** Why the user cannot post in a channel, for the composer to say; see {@link postBlocker}. */
export type PostBlocker = 'archived' | 'read_only' | 'muted';

const moderates = (channel: Channel, me: Me) =>
  me.admin === true || channel.role === 'owner' || channel.role === 'moderator';

const muted = (channel: Channel, now: number) =>
  typeof channel.mutedUntil === 'string' && Date.parse(channel.mutedUntil) > now;

/**
 * Why the signed-in user cannot post in `channel` right now (`archived`, `read_only`, `muted`), or null when
 * nothing in the channel's settings stops them (not being a member is {@link can}'s to say).
 * @example composer.blocked = postBlocker(channel, client.$me.get());
 */
export function postBlocker(channel: Channel | undefined, me: Me | null, now = Date.now()): PostBlocker | null {
  if (!channel || !me) return null;
  if (channel.archived) return 'archived';
  if (channel.readOnly && !moderates(channel, me)) return 'read_only';
  if (muted(channel, now)) return 'muted';
  return null;
}

/**
 * Whether the signed-in user may do `action` in `channel`, as the server decides it: post (a member, not
 * muted, not archived, not read-only unless moderator or owner), react (a member, not muted, not archived),
 * pin (moderators and owners, or any member when `membersCanPin`), moderate (moderators, owners,
 * administrators), manage (owners, administrators). For showing or hiding controls; the server has the last word.
 * @example if (can('pin', channel, client.$me.get())) showPinButton();
 */
export function can(action: ChannelAction, channel: Channel | undefined, me: Me | null, now = Date.now()): boolean {
  if (!channel || !me) return false;
  const member = channel.role !== null && channel.role !== undefined;
  switch (action) {
    case 'post':
      return member && postBlocker(channel, me, now) === null;
    case 'react':
      return member && !channel.archived && !muted(channel, now);
    case 'pin':
      return moderates(channel, me) || (member && channel.membersCanPin === true);
    case 'moderate':
      return moderates(channel, me);
    case 'manage':
      return me.admin === true || channel.role === 'owner';
  }
}
