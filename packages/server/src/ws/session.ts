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
import { type ReplayBudget, Subscription } from './subscription.js';

/** What a session needs from the rest of the server. */
export interface SessionDeps {
  hub: ChannelHub;
  bus: Bus;
  channels: ChannelService;
  messages: MessageService;
  /** Frames per socket. */
  frameLimiter: RateLimiter;
  /** Frames per user, all their sockets together. */
  userFrameLimiter: RateLimiter;
  typingLimiter: RateLimiter;
  frameLimit: number;
  /** Bytes a socket may have waiting, both ways, before it is closed with {@link BACKLOG_OVER_LIMIT}. */
  socketBacklog: number;
  /** Events one `subscribe` frame may replay across its channels. */
  replayBudget: number;
  heartbeatMs: number;
  log: FastifyBaseLogger;
}

const TYPING_MS = 5000;
/** Bytes go out as a text message (JSON), not a binary one. */
const AS_TEXT = { binary: false } as const;

/** The close code for a socket whose backlog passed `socketBacklog`: the client reconnects and resumes. */
export const BACKLOG_OVER_LIMIT = 4008;

/**
 * One open socket: reads client frames in order and answers them; owns its subscriptions. Size and rate
 * limits are checked as frames arrive, so refused frames never wait in the queue; what waits (frames to
 * handle, bytes the client has not read) is bounded by `socketBacklog`.
 */
export class Session {
  readonly id = newId();
  readonly user: User;
  lastSeen = Date.now();
  readonly #subs = new Map<string, Subscription>();
  #queue: Promise<void> = Promise.resolve();
  /** Bytes of received frames waiting to be handled. */
  #inbound = 0;

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
      if (this.socket.readyState !== this.socket.OPEN || !this.#admit(data, isBinary)) return;
      this.#inbound += data.length;
      if (this.#overLimit(0)) return;
      this.#queue = this.#queue
        .then(() => this.#receive(data))
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          this.#inbound -= data.length;
        });
    });
    this.socket.on('close', () => this.#release());
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /**
   * Sends an already serialized frame as a text message — a string, or its UTF-8 bytes when the same frame
   * goes to many sockets — or closes the socket with {@link BACKLOG_OVER_LIMIT} instead when it would take
   * the backlog past the limit.
   */
  sendText(text: string | Buffer, onWritten?: () => void): void {
    const bytes = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    if (this.socket.readyState === this.socket.OPEN && !this.#overLimit(bytes))
      this.socket.send(text, AS_TEXT, onWritten);
    else onWritten?.();
  }

  /** Sends a frame and resolves once it is handed to the network (or could not be sent). */
  sendWritten(frame: ServerFrame): Promise<void> {
    return new Promise((resolve) => this.sendText(JSON.stringify(frame), resolve));
  }

  /** Whether the backlog is past half the limit: the moment for a replay to wait until it is written. */
  crowded(): boolean {
    return this.#backlog() > this.deps.socketBacklog / 2;
  }

  /** Bytes waiting both ways: written but not yet read by the client, and received but not yet handled. */
  #backlog(): number {
    return this.socket.bufferedAmount + this.#inbound;
  }

  /** Ends a subscription from the server's side (removed from the channel, or the channel deleted). */
  drop(sub: Subscription, reason: 'removed' | 'deleted'): void {
    if (this.#subs.get(sub.channelId) !== sub) return;
    this.#subs.delete(sub.channelId);
    this.deps.hub.unsubscribe(sub);
    this.send({ type: 'unsubscribed', channelId: sub.channelId, reason });
  }

  /** Closes the socket; its subscriptions end at once, not when the client acknowledges. */
  close(code: number, reason: string): void {
    this.socket.close(code, reason);
    this.#release();
  }

  /** Reports an unexpected failure to the client without details, and logs it. */
  fail(error: unknown): void {
    this.deps.log.error({ err: error, sessionId: this.id }, 'socket frame failed');
    this.send({ type: 'error', code: 'internal_error', detail: 'Something went wrong on our side.' });
  }

  /** Whether the backlog (unread bytes, unhandled frames, and `extra`) passes the limit; closes the socket if so. */
  #overLimit(extra: number): boolean {
    if (this.#backlog() + extra <= this.deps.socketBacklog) return false;
    this.deps.log.warn({ sessionId: this.id, userId: this.user.id }, 'socket backlog over limit; closing');
    this.close(BACKLOG_OVER_LIMIT, 'backlog over limit');
    return true;
  }

  /** Checks a frame as it arrives: size, text, and the socket's and the user's frame rates. */
  #admit(data: Buffer, isBinary: boolean): boolean {
    if (data.length > this.deps.frameLimit) {
      this.#error(new ChatError('payload_too_large', `Frames are limited to ${this.deps.frameLimit} bytes.`));
      return false;
    }
    if (isBinary) {
      this.#error(new ChatError('invalid_frame', 'Frames are JSON text, not binary.'));
      return false;
    }
    const retryAfter = Math.max(this.deps.frameLimiter.take(this.id), this.deps.userFrameLimiter.take(this.user.id));
    if (retryAfter > 0) {
      this.#error(new ChatError('rate_limited', 'Too many frames; slow down.', { retryAfter }));
      return false;
    }
    return true;
  }

  #release(): void {
    for (const sub of this.#subs.values()) this.deps.hub.unsubscribe(sub);
    this.#subs.clear();
  }

  async #receive(data: Buffer): Promise<void> {
    if (this.socket.readyState !== this.socket.OPEN) return;
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
      case 'subscribe': {
        const budget: ReplayBudget = { left: this.deps.replayBudget };
        const listed = new Set<string>();
        for (const { id, afterSeq } of frame.channels) {
          if (listed.has(id)) continue;
          listed.add(id);
          await this.#guard(() => this.#subscribe(id, afterSeq, budget), { channelId: id, ref: 'subscribe' });
        }
        return;
      }
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

  /** Subscribes to one channel and waits until its catch-up is written, so one socket replays one channel at a time. */
  async #subscribe(channelId: string, afterSeq: number | undefined, budget: ReplayBudget): Promise<void> {
    const channel = await this.deps.channels.readable(this.actor, channelId);
    if (this.socket.readyState !== this.socket.OPEN) return;
    const sub = new Subscription(this, channelId, channel.visibility);
    const previous = this.#subs.get(channelId);
    this.#subs.set(channelId, sub);
    await this.deps.hub.subscribe(sub, afterSeq, budget, previous);
  }

  /** Tells the channel the user is typing, if they may post there (a muted member's typing would mislead). */
  async #typing(channelId: string, parentId: string | undefined): Promise<void> {
    await this.deps.messages.mayPost(this.actor, channelId);
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
