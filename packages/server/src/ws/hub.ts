import type { EventFrame, PresenceFrame, TypingServerFrame } from '@confab/protocol';
import type { Bus, BusMessage } from '../bus/bus.js';
import type { Metrics } from '../metrics.js';
import type { ChatRepository } from '../repository/repository.js';
import { PresenceChanges } from './presence-changes.js';
import { PresenceRoster } from './presence-roster.js';
import type { ReplayBudget, Subscription } from './subscription.js';

/** Events read from the log, and written to a socket, per step of a replay or gap fill. */
const PAGE = 100;

/** What the hub is told at start. */
export interface HubOptions {
  /** How many missed events one channel's catch-up replays before answering `resync`. */
  replayWindow: number;
  /** How long presence changes are collected before they are published (ms). */
  presenceTickMs?: number;
}

/**
 * Delivers each channel's events to the sockets subscribed to it, each socket getting every `seq` once,
 * in order. The hot path serializes an event once and, per live subscription, compares `seq` and sends the
 * same string; catch-up after `subscribe` and gap filling read the event log a page at a time, at the pace
 * the socket takes the bytes. Presence goes out as the whole list once per subscribe, then as coalesced
 * changes.
 */
export class ChannelHub {
  readonly #byChannel = new Map<string, Set<Subscription>>();
  readonly #roster = new PresenceRoster();
  readonly #changes: PresenceChanges;
  readonly #stopListening: () => void;
  readonly #replayWindow: number;

  constructor(
    private readonly repo: ChatRepository,
    private readonly bus: Bus,
    private readonly metrics: Metrics,
    options: HubOptions,
  ) {
    this.#replayWindow = options.replayWindow;
    this.#changes = new PresenceChanges(
      (frame) => void this.bus.publish({ kind: 'presence', frame }),
      options.presenceTickMs ?? 250,
    );
    this.#stopListening = bus.subscribe((message) => this.#onBus(message));
  }

  /**
   * Starts `sub` (replacing `previous`, the socket's subscription to the same channel, without a presence
   * change) and resolves once its catch-up is written: the missed events after `afterSeq` (or `resync` past
   * the replay window or the frame's `budget`), `subscribed`, the channel's whole presence list, and
   * whatever was committed meanwhile. Registers first, then reads the log: every event committed after the
   * head read is heard, and anything older is dropped by `seq`.
   */
  async subscribe(
    sub: Subscription,
    afterSeq: number | undefined,
    budget: ReplayBudget,
    previous?: Subscription,
  ): Promise<void> {
    const subs = this.#byChannel.get(sub.channelId) ?? new Set<Subscription>();
    this.#byChannel.set(sub.channelId, subs.add(sub));
    if (previous) {
      sub.present = previous.present;
      previous.present = false;
      this.unsubscribe(previous);
    }
    const { session, channelId } = sub;
    const head = (await this.repo.headSeq(channelId)) ?? 0;
    if (sub.closed) return;
    const missed = afterSeq === undefined ? 0 : head - afterSeq;
    if (afterSeq === undefined || missed === 0) sub.lastSeq = head;
    else if (missed < 0 || missed > this.#replayWindow || missed > budget.left) {
      session.send({ type: 'resync', channelId, seq: head });
      sub.lastSeq = head;
    } else {
      budget.left -= missed;
      sub.lastSeq = afterSeq;
      await this.#copy(sub, head);
      if (sub.closed) return;
    }
    session.send({ type: 'subscribed', channelId, seq: head });
    if (!sub.present) {
      sub.present = true;
      if (this.#roster.add(channelId, session.user.id)) this.#changes.note(channelId, session.user.id, true);
    }
    session.send({ type: 'presence', channelId, online: this.#roster.online(channelId) });
    await this.#fill(sub);
  }

  /** Ends a subscription. */
  unsubscribe(sub: Subscription): void {
    if (sub.closed) return;
    sub.closed = true;
    const subs = this.#byChannel.get(sub.channelId);
    subs?.delete(sub);
    if (subs?.size === 0) this.#byChannel.delete(sub.channelId);
    if (!sub.present) return;
    sub.present = false;
    if (this.#roster.remove(sub.channelId, sub.session.user.id))
      this.#changes.note(sub.channelId, sub.session.user.id, false);
  }

  close(): void {
    this.#stopListening();
    this.#changes.close();
  }

  #onBus(message: BusMessage): void {
    if (message.kind === 'added' || message.kind === 'signed-out') return;
    const channelId = message.kind === 'channel-deleted' ? message.channelId : message.frame.channelId;
    const subs = this.#byChannel.get(channelId);
    if (!subs) return;
    switch (message.kind) {
      case 'event':
        this.#fanOut(subs, message.frame);
        break;
      case 'typing':
        this.#relay(subs, message.frame, message.frame.user.id);
        break;
      case 'presence':
        this.#relay(subs, message.frame);
        break;
      case 'channel-deleted':
        for (const sub of subs) sub.session.drop(sub, 'deleted');
    }
  }

  /** The hot path: one serialization, then per subscription a `seq` comparison and a send. */
  #fanOut(subs: Set<Subscription>, frame: EventFrame): void {
    const text = JSON.stringify(frame);
    const bytes = Buffer.byteLength(text);
    this.metrics.fanoutLatency.observe(Math.max(0, Date.now() - Date.parse(frame.at)) / 1000);
    for (const sub of subs) {
      if (sub.live && frame.seq === sub.lastSeq + 1) {
        sub.session.sendText(text, bytes);
        this.#sent(sub, frame);
      } else if (frame.seq > sub.lastSeq) {
        sub.heardSeq = Math.max(sub.heardSeq, frame.seq);
        if (sub.live) {
          sub.live = false;
          this.#fill(sub).catch((error: unknown) => sub.session.fail(error));
        }
      }
    }
  }

  /** Sends `frame`, serialized once, to every subscription that has had the presence list, except `skipUserId`'s sockets. */
  #relay(subs: Set<Subscription>, frame: TypingServerFrame | PresenceFrame, skipUserId?: string): void {
    const text = JSON.stringify(frame);
    const bytes = Buffer.byteLength(text);
    for (const sub of subs) if (sub.present && sub.session.user.id !== skipUserId) sub.session.sendText(text, bytes);
  }

  /** Sends what was heard while not live, from the log, then goes live. */
  async #fill(sub: Subscription): Promise<void> {
    while (!sub.closed && sub.heardSeq > sub.lastSeq) await this.#copy(sub, sub.heardSeq);
    if (!sub.closed) sub.live = true;
  }

  /**
   * Copies the events after `sub.lastSeq` up to `uptoSeq` from the log, a page at a time, at the socket's pace:
   * each page is written out before the next is read, and a crowded socket is waited for frame by frame.
   */
  async #copy(sub: Subscription, uptoSeq: number): Promise<void> {
    while (!sub.closed && sub.lastSeq < uptoSeq) {
      const pageEnd = Math.min(uptoSeq, sub.lastSeq + PAGE);
      const events = await this.repo.eventsBetween(sub.channelId, sub.lastSeq, pageEnd);
      if (sub.closed) return;
      if (events.length === 0) {
        sub.lastSeq = pageEnd; // a hole in the log: nothing there to send or to wait for
        continue;
      }
      for (const event of events) {
        if (event.seq <= sub.lastSeq) continue;
        const wait = event === events.at(-1) || sub.session.crowded();
        const written = wait ? sub.session.sendWritten(event) : sub.session.send(event);
        this.#sent(sub, event);
        await written;
        if (sub.closed) return;
      }
    }
  }

  /** Records `frame` as sent; a member who left a private or direct channel stops hearing it. */
  #sent(sub: Subscription, frame: EventFrame): void {
    sub.lastSeq = frame.seq;
    const leaver = frame.kind === 'member:left' && 'user' in frame.data ? frame.data.user.id : undefined;
    if (leaver === sub.session.user.id && sub.visibility !== 'public') sub.session.drop(sub, 'removed');
  }
}
