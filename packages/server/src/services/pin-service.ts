import type { Message, PinPage } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChannelView } from '../repository/repository.js';
import type { PinPosition, PinRepository } from '../repository/sql-pins.js';
import { type Actor, requireScope } from './actor.js';
import type { ChannelService } from './channel-service.js';
import { canModerate } from './permissions.js';
import type { Publish } from './publish.js';

const pinCursor = (message: Message): string =>
  Buffer.from(`${message.pinnedAt ?? ''} ${message.id}`).toString('base64url');

function decodePinCursor(cursor: string): PinPosition {
  const [pinnedAt = '', messageId = ''] = Buffer.from(cursor, 'base64url').toString().split(' ');
  if (
    Number.isNaN(Date.parse(pinnedAt)) ||
    !messageId ||
    Buffer.from(`${pinnedAt} ${messageId}`).toString('base64url') !== cursor
  ) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this list.`);
  }
  return { pinnedAt, messageId };
}

/**
 * Who may pin in a channel: owners, moderators and administrators; any member when the channel lets
 * members pin, and both people of a direct channel. Not in an archived channel, nor while muted.
 */
export function mayPin(actor: Actor, view: ChannelView): void {
  if (view.archived) throw new ChatError('read_only', 'The channel is archived.');
  if (canModerate(actor, view)) return;
  if (!view.role) throw new ChatError('forbidden', 'Join the channel first.');
  if (!view.membersCanPin && view.visibility !== 'direct')
    throw new ChatError('forbidden', 'Only owners and moderators pin messages in this channel.');
  if (view.mutedUntil !== null) throw new ChatError('muted', `You are muted in this channel until ${view.mutedUntil}.`);
}

/** Pins: who may pin and unpin, and the channel's list of pinned messages. */
export class PinService {
  constructor(
    private readonly repo: PinRepository,
    private readonly messages: { getMessage(id: string): Promise<Message | undefined> },
    private readonly channels: Pick<ChannelService, 'readable'>,
    private readonly publish: Publish,
    /** Writes other than messages, per user. */
    private readonly writeLimiter: SharedRateLimit,
    /** Signs upload links on the way out. */
    private readonly linked: (message: Message) => Message,
  ) {}

  /** The message and its channel, if the actor may read it; `not_found` otherwise (`banned` for the banned). */
  async #located(actor: Actor, messageId: string): Promise<{ message: Message; channel: ChannelView }> {
    const message = await this.messages.getMessage(messageId);
    if (!message) throw new ChatError('not_found', 'No such message.');
    const channel = await this.channels.readable(actor, message.channelId).catch((error: unknown) => {
      if (error instanceof ChatError && error.code === 'banned') throw error;
      throw new ChatError('not_found', 'No such message.');
    });
    return { message, channel };
  }

  /** Pins a message to its channel; pinning it again is harmless (no new event). */
  async pin(actor: Actor, messageId: string): Promise<Message> {
    return this.#change(actor, messageId, true);
  }

  /** Unpins a message; harmless when it is not pinned. */
  async unpin(actor: Actor, messageId: string): Promise<Message> {
    return this.#change(actor, messageId, false);
  }

  async #change(actor: Actor, messageId: string, pin: boolean): Promise<Message> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, pin ? 'Too many pins; slow down.' : 'Too many unpins; slow down.');
    const { message, channel } = await this.#located(actor, messageId);
    mayPin(actor, channel);
    if (pin && message.deletedAt) throw new ChatError('conflict', 'A deleted message cannot be pinned.');
    const result = pin
      ? await this.repo.pinMessage(messageId, actor.user.id)
      : await this.repo.unpinMessage(messageId, actor.user.id);
    if (result === undefined) throw new ChatError('not_found', 'No such message.');
    if (result === 'tombstone') throw new ChatError('conflict', 'A deleted message cannot be pinned.');
    await this.publish(result.events);
    return this.linked(result.value);
  }

  /** The channel's pinned messages, most recently pinned first (whoever may read the channel). */
  async list(actor: Actor, channelId: string, cursor: string | undefined, limit: number): Promise<PinPage> {
    await this.channels.readable(actor, channelId);
    const after = cursor === undefined ? undefined : decodePinCursor(cursor);
    const found = await this.repo.listPins(channelId, after, limit + 1);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(this.linked), nextCursor: found.length > limit && last ? pinCursor(last) : null };
  }
}
