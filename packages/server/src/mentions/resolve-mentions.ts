import type { MessageBody } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { ChatRepository } from '../repository/repository.js';
import { mentionTokens } from './mention-tokens.js';

/** The most users one message mentions (the contract's `Mentions.maxItems`). */
export const MAX_MENTIONS = 50;

/** Candidate usernames looked up at most per message (a token, and its form without trailing `.`/`-`). */
const MAX_CANDIDATES = 4 * MAX_MENTIONS;

/** Who a message mentions, as stored on it. */
export interface ResolvedMentions {
  mentions: string[];
  mentionsChannel: boolean;
}

/** No mentions at all. */
export const NO_MENTIONS: ResolvedMentions = { mentions: [], mentionsChannel: false };

/**
 * Resolves a message's mentions: the `@username` tokens of a text body that name members of the channel
 * (ignoring case; others are plain text), then the `explicit` ids a send named, each of which must be a
 * member (`invalid_request` otherwise). The author never mentions themselves; at most {@link MAX_MENTIONS}.
 * A member who blocked the author is dropped without a word (the author is not told of the block).
 * `@channel` mentions everyone, when `mayMentionChannel` (owners, moderators and administrators); from
 * anyone else it stays plain text.
 */
export async function resolveMentions(
  repo: ChatRepository,
  channelId: string,
  authorId: string,
  body: MessageBody,
  explicit: readonly string[] = [],
  mayMentionChannel = false,
): Promise<ResolvedMentions> {
  const tokens =
    body.type === 'text' && body.text.includes('@') ? mentionTokens(body.text) : { usernames: [], channel: false };
  const usernames = tokens.usernames.slice(0, MAX_CANDIDATES);
  const ids = [...new Set(explicit)];
  const mentionsChannel = tokens.channel && mayMentionChannel;
  if (usernames.length === 0 && ids.length === 0) return { mentions: [], mentionsChannel };
  const found = await repo.membersAmong(channelId, { userIds: ids, usernames });
  const memberIds = new Set(found.map((m) => m.id));
  const stranger = ids.find((id) => !memberIds.has(id));
  if (stranger !== undefined)
    throw new ChatError('invalid_request', `mentions: "${stranger}" is not a member of this channel.`);
  const byName = new Map(found.map((m) => [m.username.toLowerCase(), m.id]));
  const named = usernames.flatMap((name) => byName.get(name) ?? []);
  const candidates = [...new Set([...named, ...ids])].filter((id) => id !== authorId);
  const blockers = new Set(await repo.blockersAmong(authorId, candidates));
  const mentions = candidates.filter((id) => !blockers.has(id)).slice(0, MAX_MENTIONS);
  return { mentions, mentionsChannel };
}
