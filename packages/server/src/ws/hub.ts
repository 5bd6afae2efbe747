import type { EventFrame, PresenceFrame } from '@confab/protocol';
import type { Bus, BusMessage } from '../bus/bus.js';
import type { Metrics } from '../metrics.js';
import type { ChatRepository } from '../repository/repository.js';
import type { Session } from './session.js';
import { Subscription } from './subscription.js';

/**
 * Delivers each channel's events to the sockets subscribed to it: a catch-up from the event log first,
 * then live events from the bus, each socket getting every `seq` once, in order, with gaps filled from
 * the log.
 */
export class ChannelHub {
  readonly #byChannel = new Map<string, Set<Subscription>>();
  readonly #online = new Map<string, Map<string, number>>();
  readonly #stopListening: () => void;

  constructor(
    private readonly repo: ChatRepository,
    private readonly bus: Bus,
    private readonly metrics: Metrics,
    private readonly replayWindow: number,
  ) {
    this.#stopListening = bus.subscribe((message) => this.#onBus(message));
  }

  /**
   * Subscribes a socket to a channel it may read. Registers first, then reads the log: every event
   * committed after the head read arrives through the queue, and anything older is dropped by `seq`.
   */
  subscribe(
    session: Session,
    channelId: string,
    visibility: Subscription['visibility'],
    afterSeq: number | undefined,
  ): Subscription {
    const sub = new Subscription(session, channelId, visibility);
    const subs = this.#byChannel.get(channelId) ?? new Set<Subscription>();
    this.#byChannel.set(channelId, subs);
    subs.add(sub);
    sub.enqueue(async () => {
      const head = (await this.repo.headSeq(channelId)) ?? 0;
      const missed = afterSeq === undefined ? 0 : head - afterSeq;
      if (afterSeq !== undefined && (missed < 0 || missed > this.replayWindow)) {
        session.send({ type: 'resync', channelId, seq: head });
      } else if (afterSeq !== undefined) {
        for (const event of await this.repo.eventsBetween(channelId, afterSeq, head)) session.send(event);
      }
      sub.lastSeq = head;
      session.send({ type: 'subscribed', channelId, seq: head });
      this.#changePresence(channelId, session.user.id, +1);
    });
    return sub;
  }

  /** Ends a subscription; its queued deliveries are dropped. */
  unsubscribe(sub: Subscription): void {
    if (sub.closed) return;
    sub.closed = true;
    this.#byChannel.get(sub.channelId)?.delete(sub);
    if (this.#byChannel.get(sub.channelId)?.size === 0) this.#byChannel.delete(sub.channelId);
    if (sub.lastSeq >= 0) this.#changePresence(sub.channelId, sub.session.user.id, -1);
  }

  close(): void {
    this.#stopListening();
  }

  #onBus(message: BusMessage): void {
    if (message.kind === 'added') return;
    const channelId = message.kind === 'channel-deleted' ? message.channelId : message.frame.channelId;
    const subs = this.#byChannel.get(channelId);
    if (!subs) return;
    for (const sub of subs) {
      switch (message.kind) {
        case 'event':
          sub.enqueue(() => this.#deliver(sub, message.frame));
          break;
        case 'typing':
          if (sub.session.user.id !== message.frame.user.id) sub.enqueue(async () => sub.session.send(message.frame));
          break;
        case 'presence':
          sub.enqueue(async () => sub.session.send(message.frame));
          break;
        case 'channel-deleted':
          sub.session.drop(sub, 'deleted');
          break;
      }
    }
  }

  async #deliver(sub: Subscription, frame: EventFrame): Promise<void> {
    if (frame.seq <= sub.lastSeq) return;
    if (frame.seq > sub.lastSeq + 1) {
      for (const missing of await this.repo.eventsBetween(sub.channelId, sub.lastSeq, frame.seq - 1))
        sub.session.send(missing);
    }
    sub.session.send(frame);
    sub.lastSeq = frame.seq;
    this.metrics.fanoutLatency.observe(Math.max(0, Date.now() - Date.parse(frame.at)) / 1000);
    const leaver = frame.kind === 'member:left' && 'user' in frame.data ? frame.data.user.id : undefined;
    if (leaver === sub.session.user.id && sub.visibility !== 'public') sub.session.drop(sub, 'removed');
  }

  #changePresence(channelId: string, userId: string, delta: 1 | -1): void {
    const counts = this.#online.get(channelId) ?? new Map<string, number>();
    const before = counts.get(userId) ?? 0;
    const after = before + delta;
    if (after > 0) counts.set(userId, after);
    else counts.delete(userId);
    if (counts.size) this.#online.set(channelId, counts);
    else this.#online.delete(channelId);
    if ((before === 0) !== (after === 0) || delta > 0) {
      const frame: PresenceFrame = { type: 'presence', channelId, online: [...counts.keys()] };
      void this.bus.publish({ kind: 'presence', frame });
    }
  }
}
