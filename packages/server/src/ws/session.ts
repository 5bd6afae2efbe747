import type { ClientFrame, ServerFrame, User } from '@confab/protocol';
import { parseClientFrame } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Bus } from '../bus/bus.js';
import { ChatError } from '../errors.js';
import { newId } from '../ids.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Actor } from '../services/actor.js';
import type { ChannelService } from '../services/channel-service.js';
import type { MessageService } from '../services/message-service.js';
import type { ChannelHub } from './hub.js';
import type { Subscription } from './subscription.js';

/** What a session needs from the rest of the server. */
export interface SessionDeps {
  hub: ChannelHub;
  bus: Bus;
  channels: ChannelService;
  messages: MessageService;
  frameLimiter: RateLimiter;
  typingLimiter: RateLimiter;
  frameLimit: number;
  heartbeatMs: number;
  log: FastifyBaseLogger;
}

const TYPING_MS = 5000;

/** One open socket: reads client frames in order and answers them; owns its subscriptions. */
export class Session {
  readonly id = newId();
  readonly user: User;
  lastSeen = Date.now();
  readonly #subs = new Map<string, Subscription>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: WebSocket,
    private readonly actor: Actor,
    private readonly deps: SessionDeps,
  ) {
    this.user = actor.user;
  }

  start(): void {
    this.send({
      type: 'hello',
      sessionId: this.id,
      user: this.user,
      scopes: this.actor.scopes,
      heartbeatMs: this.deps.heartbeatMs,
    });
    this.socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.lastSeen = Date.now();
      this.#queue = this.#queue.then(() => this.#receive(data, isBinary)).catch((error: unknown) => this.fail(error));
    });
    this.socket.on('close', () => {
      for (const sub of this.#subs.values()) this.deps.hub.unsubscribe(sub);
      this.#subs.clear();
    });
  }

  send(frame: ServerFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  /** Ends a subscription from the server's side (removed from the channel, or the channel deleted). */
  drop(sub: Subscription, reason: 'removed' | 'deleted'): void {
    if (this.#subs.get(sub.channelId) !== sub) return;
    this.#subs.delete(sub.channelId);
    this.deps.hub.unsubscribe(sub);
    this.send({ type: 'unsubscribed', channelId: sub.channelId, reason });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  /** Reports an unexpected failure to the client without details, and logs it. */
  fail(error: unknown): void {
    this.deps.log.error({ err: error, sessionId: this.id }, 'socket frame failed');
    this.send({ type: 'error', code: 'internal_error', detail: 'Something went wrong on our side.' });
  }

  async #receive(data: Buffer, isBinary: boolean): Promise<void> {
    if (data.length > this.deps.frameLimit) {
      return this.#error(new ChatError('payload_too_large', `Frames are limited to ${this.deps.frameLimit} bytes.`));
    }
    if (isBinary) return this.#error(new ChatError('invalid_frame', 'Frames are JSON text, not binary.'));
    const retryAfter = this.deps.frameLimiter.take(this.id);
    if (retryAfter > 0)
      return this.#error(new ChatError('rate_limited', 'Too many frames; slow down.', { retryAfter }));
    const parsed = parseClientFrame(data.toString('utf8'));
    if (!parsed.ok) {
      return this.send({
        type: 'error',
        code: parsed.code,
        detail: parsed.detail,
        ...(parsed.ref ? { ref: parsed.ref } : {}),
      });
    }
    await this.#handle(parsed.value);
  }

  async #handle(frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case 'ping':
        return this.send({ type: 'pong', ...(frame.id ? { id: frame.id } : {}) });
      case 'subscribe':
        for (const { id, afterSeq } of frame.channels) {
          await this.#guard(() => this.#subscribe(id, afterSeq), { channelId: id, ref: 'subscribe' });
        }
        return;
      case 'unsubscribe':
        for (const channelId of frame.channels) {
          const sub = this.#subs.get(channelId);
          if (sub) this.deps.hub.unsubscribe(sub);
          this.#subs.delete(channelId);
          this.send({ type: 'unsubscribed', channelId, reason: 'requested' });
        }
        return;
      case 'send':
        return this.#guard(
          async () => {
            const { message } = await this.deps.messages.send(this.actor, frame.channelId, frame);
            this.send({ type: 'ack', clientMessageId: frame.clientMessageId, message });
          },
          { channelId: frame.channelId, ref: frame.clientMessageId },
        );
      case 'typing':
        return this.#guard(() => this.#typing(frame.channelId, frame.parentId), {
          channelId: frame.channelId,
          ref: 'typing',
        });
      case 'read':
        return this.#guard(
          async () => {
            await this.deps.channels.markRead(this.actor, frame.channelId, frame.seq);
          },
          { channelId: frame.channelId, ref: 'read' },
        );
    }
  }

  async #subscribe(channelId: string, afterSeq: number | undefined): Promise<void> {
    const channel = await this.deps.channels.readable(this.actor, channelId);
    const previous = this.#subs.get(channelId);
    if (previous) this.deps.hub.unsubscribe(previous);
    this.#subs.set(channelId, this.deps.hub.subscribe(this, channelId, channel.visibility, afterSeq));
  }

  async #typing(channelId: string, parentId: string | undefined): Promise<void> {
    await this.deps.channels.writable(this.actor, channelId);
    if (this.deps.typingLimiter.take(`${this.user.id}:${channelId}`) > 0) return; // at most one a second is enough
    await this.deps.bus.publish({
      kind: 'typing',
      frame: { type: 'typing', channelId, user: this.user, expiresInMs: TYPING_MS, ...(parentId ? { parentId } : {}) },
    });
  }

  async #guard(task: () => Promise<void>, context: { channelId?: string; ref?: string }): Promise<void> {
    try {
      await task();
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      this.#error(error, context);
    }
  }

  #error(error: ChatError, context: { channelId?: string; ref?: string } = {}): void {
    this.send({
      type: 'error',
      code: error.code,
      detail: error.message,
      ...context,
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    });
  }
}
