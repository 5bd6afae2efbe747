import type { MentionFrame, Message, MessageBody, MessagePage } from '@confab/protocol';
import { ChatError } from '../errors.js';
import { resolveMentions } from '../mentions/resolve-mentions.js';
import { firstLink } from '../previews/first-link.js';
import type { LinkPreviews } from '../previews/link-previews.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChannelView, ChatRepository, MemberStanding, PageQuery, SeqPage } from '../repository/repository.js';
import { type UploadService, uploadIdOf } from '../uploads/upload-service.js';
import { type Actor, requireScope } from './actor.js';
import { type ChannelService, requireMember } from './channel-service.js';
import { decodeSeqCursor, seqCursor } from './cursors.js';
import { canModerate, rankOf } from './permissions.js';
import type { Publish } from './publish.js';

/** A page request as it arrives: at most one of the three positions. */
export interface PageParams {
  before?: string | undefined;
  after?: string | undefined;
  around?: string | undefined;
  limit: number;
}

/** Throws `read_only` in an archived channel and `muted` for a muted member. */
function mayChange(standing: MemberStanding): void {
  if (standing.archived) throw new ChatError('read_only', 'The channel is archived.');
  if (standing.mutedUntil !== null)
    throw new ChatError('muted', `You are muted in this channel until ${standing.mutedUntil}.`);
}

/** `@channel` is for owners, moderators and administrators; from anyone else it is plain text. */
function mayMentionChannel(actor: Actor, standing: MemberStanding): boolean {
  return rankOf(standing.role, actor.admin) >= rankOf('moderator');
}

function toPage(page: SeqPage): MessagePage {
  const first = page.items[0];
  const last = page.items.at(-1);
  return {
    items: page.items,
    prevCursor: page.hasOlder && first ? seqCursor(first.seq) : null,
    nextCursor: page.hasNewer && last ? seqCursor(last.seq) : null,
    headSeq: page.headSeq,
  };
}

/** Messages, threads and reactions: posting rules, authorship and paging. */
export class MessageService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly channels: ChannelService,
    private readonly publish: Publish,
    /** Messages per user; shared by the processes of a deployment when it runs on Redis. */
    private readonly sendLimiter: SharedRateLimit,
    /** Edits, deletes and reactions, per user. */
    private readonly writeLimiter: SharedRateLimit,
    private readonly onStored: (message: Message) => void,
    /** Checks and fills in bodies that reference uploads, and signs their links on the way out. */
    private readonly uploads: Pick<UploadService, 'prepare' | 'posted' | 'linked'>,
    /** Hands a `mention` frame to every socket of the users (through the bus, once per message). */
    private readonly mentioned: (userIds: string[], frame: MentionFrame) => Promise<void>,
    /** Fetches link previews in the background; undefined when they are off. */
    private readonly previews: Pick<LinkPreviews, 'consider'> | undefined,
  ) {}

  #linkedPage(page: MessagePage): MessagePage {
    return { ...page, items: page.items.map(this.uploads.linked) };
  }

  async #pageQuery(params: PageParams, scopeCheck: (m: Message) => boolean): Promise<PageQuery> {
    const given = [params.before, params.after, params.around].filter((v) => v !== undefined);
    if (given.length > 1) throw new ChatError('invalid_request', 'Give at most one of before, after and around.');
    const { limit } = params;
    if (params.before !== undefined) return { limit, beforeSeq: decodeSeqCursor(params.before) };
    if (params.after !== undefined) return { limit, afterSeq: decodeSeqCursor(params.after) };
    if (params.around !== undefined) {
      const target = await this.repo.getMessage(params.around);
      if (!target || !scopeCheck(target)) throw new ChatError('not_found', 'No such message in this list.');
      return { limit, aroundSeq: target.seq };
    }
    return { limit };
  }

  async list(actor: Actor, channelId: string, params: PageParams): Promise<MessagePage> {
    await this.channels.readable(actor, channelId);
    const query = await this.#pageQuery(params, (m) => m.channelId === channelId && m.parentId === null);
    return this.#linkedPage(toPage(await this.repo.pageMessages(channelId, null, query)));
  }

  async replies(actor: Actor, parentId: string, params: PageParams): Promise<MessagePage> {
    const parent = await this.get(actor, parentId);
    const query = await this.#pageQuery(params, (m) => m.parentId === parentId);
    return this.#linkedPage(toPage(await this.repo.pageMessages(parent.channelId, parentId, query)));
  }

  async get(actor: Actor, messageId: string): Promise<Message> {
    return this.uploads.linked((await this.#located(actor, messageId)).message);
  }

  /** A message the actor may read, with its channel as the actor sees it. */
  async #located(actor: Actor, messageId: string): Promise<{ message: Message; channel: ChannelView }> {
    const message = await this.repo.getMessage(messageId);
    if (!message) throw new ChatError('not_found', 'No such message.');
    const channel = await this.channels.readable(actor, message.channelId).catch((error: unknown) => {
      if (error instanceof ChatError && error.code === 'banned') throw error;
      throw new ChatError('not_found', 'No such message.');
    });
    return { message, channel };
  }

  /** A message in a channel the actor may write to. */
  async #writable(actor: Actor, messageId: string): Promise<Message> {
    const { message, channel } = await this.#located(actor, messageId);
    requireScope(actor, 'chat:write');
    requireMember(channel);
    return message;
  }

  /**
   * Whether the actor may post (or type) in the channel: a member with `chat:write`, not muted, in a channel
   * that is not archived, nor read-only unless they moderate it, nor a direct channel whose other member
   * blocked them. The member's standing settles it (one indexed lookup, where the channel view would also
   * count members and unread messages on every send); without one, {@link ChannelService.writable} answers
   * with the right error. Answers the standing.
   */
  async mayPost(actor: Actor, channelId: string): Promise<MemberStanding> {
    requireScope(actor, 'chat:write');
    const standing = await this.repo.memberStanding(channelId, actor.user.id);
    if (!standing) {
      await this.channels.writable(actor, channelId);
      throw new ChatError('forbidden', 'Join the channel first.'); // joined and left again meanwhile
    }
    mayChange(standing);
    if (standing.readOnly && rankOf(standing.role, actor.admin) < rankOf('moderator'))
      throw new ChatError('read_only', 'Only owners and moderators post in this channel.');
    if (await this.repo.directBlocked(channelId, actor.user.id))
      throw new ChatError('blocked', 'This user does not take direct messages from you.');
    return standing;
  }

  /** Whether the actor, a member, may change things in the channel: edit or react (not muted, not archived). */
  async #mayChange(actor: Actor, channelId: string): Promise<MemberStanding> {
    const standing = await this.repo.memberStanding(channelId, actor.user.id);
    if (!standing) throw new ChatError('forbidden', 'Join the channel first.');
    mayChange(standing);
    return standing;
  }

  /** Stores a message once per client id; a retry answers with the stored one (`created: false`). */
  async send(
    actor: Actor,
    channelId: string,
    input: {
      clientMessageId: string;
      body: MessageBody;
      parentId?: string | undefined;
      /** Users to mention besides the `@username`s of the text; each must be a member. */
      mentions?: string[] | undefined;
    },
  ): Promise<{ message: Message; created: boolean }> {
    const standing = await this.mayPost(actor, channelId);
    await this.sendLimiter.spend(actor.user.id, 'Too many messages; slow down.');
    if (input.parentId) {
      const parent = await this.repo.getMessage(input.parentId);
      if (!parent || parent.channelId !== channelId)
        throw new ChatError('not_found', 'No such parent message in this channel.');
      if (parent.parentId !== null)
        throw new ChatError('invalid_request', "Reply to the thread's first message; threads are one level deep.");
    }
    const body = await this.uploads.prepare(actor, input.body);
    const mentions = await resolveMentions(
      this.repo,
      channelId,
      actor.user.id,
      body,
      input.mentions,
      mayMentionChannel(actor, standing),
    );
    const { value, events } = await this.repo.sendMessage({
      channelId,
      authorId: actor.user.id,
      clientMessageId: input.clientMessageId,
      body,
      parentId: input.parentId ?? null,
      ...mentions,
    });
    if (value.created) this.onStored(value.message);
    if (uploadIdOf(body) !== undefined) await this.uploads.posted(value.message);
    await this.publish(events);
    if (value.created) await this.#created(value.message);
    return { ...value, message: this.uploads.linked(value.message) };
  }

  /** After a new message is committed: its link preview is queued, and the users it mentions are told. */
  async #created(message: Message): Promise<void> {
    this.previews?.consider(message);
    const named = message.mentions ?? [];
    if (named.length === 0 && !message.mentionsChannel) return;
    const everyone = message.mentionsChannel ? await this.repo.memberIds(message.channelId) : [];
    const candidates = [...new Set([...named, ...everyone])].filter((id) => id !== message.author.id);
    // `named` has no one who blocked the author (see resolveMentions); `@channel` skips them here.
    const blockers = new Set(everyone.length ? await this.repo.blockersAmong(message.author.id, candidates) : []);
    const userIds = candidates.filter((id) => !blockers.has(id));
    if (userIds.length === 0) return;
    await this.mentioned(userIds, {
      type: 'mention',
      channelId: message.channelId,
      message: this.uploads.linked(message),
    });
  }

  async #own(actor: Actor, messageId: string): Promise<Message> {
    const message = await this.#writable(actor, messageId);
    if (message.author.id !== actor.user.id) throw new ChatError('forbidden', 'Only the author may change a message.');
    return message;
  }

  async edit(actor: Actor, messageId: string, body: MessageBody): Promise<Message> {
    await this.writeLimiter.spend(actor.user.id, 'Too many edits; slow down.');
    const message = await this.#own(actor, messageId);
    if (message.deletedAt) throw new ChatError('conflict', 'A deleted message cannot be edited.');
    const standing = await this.#mayChange(actor, message.channelId);
    const stored = await this.uploads.prepare(actor, body);
    const mentions = await resolveMentions(
      this.repo,
      message.channelId,
      actor.user.id,
      stored,
      undefined,
      mayMentionChannel(actor, standing),
    );
    const linkChanged = firstLink(stored) !== firstLink(message.body);
    const { value, events } = await this.repo.editMessage(messageId, stored, {
      ...mentions,
      clearPreview: linkChanged && message.preview != null,
    });
    if (uploadIdOf(message.body) !== undefined || uploadIdOf(stored) !== undefined) await this.uploads.posted(value);
    await this.publish(events);
    if (linkChanged) this.previews?.consider(value);
    return this.uploads.linked(value);
  }

  /** Removes a message's link preview for good (its author only). */
  async removePreview(actor: Actor, messageId: string): Promise<Message> {
    await this.writeLimiter.spend(actor.user.id, 'Too many changes; slow down.');
    await this.#own(actor, messageId);
    const { value, events } = await this.repo.removePreview(messageId);
    await this.publish(events);
    return this.uploads.linked(value);
  }

  /** Deletes a message: its author, or an owner, moderator or administrator of its channel (audited). */
  async delete(actor: Actor, messageId: string): Promise<Message> {
    await this.writeLimiter.spend(actor.user.id, 'Too many deletions; slow down.');
    const { message, channel } = await this.#located(actor, messageId);
    requireScope(actor, 'chat:write');
    if (message.author.id === actor.user.id) requireMember(channel);
    else if (!canModerate(actor, channel))
      throw new ChatError('forbidden', 'Only the author, owners and moderators may delete a message.');
    const { value, events } = await this.repo.deleteMessage(messageId, actor.user.id);
    if (uploadIdOf(message.body) !== undefined) await this.uploads.posted(value);
    await this.publish(events);
    return value;
  }

  async react(actor: Actor, messageId: string, emoji: string, on: boolean): Promise<Message> {
    await this.writeLimiter.spend(actor.user.id, 'Too many reactions; slow down.');
    const message = await this.#writable(actor, messageId);
    await this.#mayChange(actor, message.channelId);
    if (message.deletedAt && on) throw new ChatError('conflict', 'A deleted message takes no reactions.');
    const { value, events } = on
      ? await this.repo.addReaction(messageId, actor.user.id, emoji)
      : await this.repo.removeReaction(messageId, actor.user.id, emoji);
    await this.publish(events);
    return this.uploads.linked(value);
  }
}
