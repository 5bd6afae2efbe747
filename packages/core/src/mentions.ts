import type { Message, User } from '@confab/protocol';

/**
 * Whether a message mentions the user (in `mentions`, or `@channel` with `mentionsChannel`) and someone
 * else wrote it: what to highlight, and what `unreadMentionCount` counts.
 */
export const isMentioned = (message: Message, me: User | null): boolean =>
  !!me && message.author.id !== me.id && (!!message.mentionsChannel || !!message.mentions?.includes(me.id));
