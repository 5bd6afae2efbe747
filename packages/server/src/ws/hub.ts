import type { EventFrame, PresenceFrame, TypingServerFrame } from '@confab/protocol';
import type { Bus, BusMessage } from '../bus/bus.js';
import type { Metrics } from '../metrics.js';
import type { ChatRepository } from '../repository/repository.js';
import { EventOrder } from './event-order.js';
import type { PresenceDirectory } from './presence-directory.js';
import type { ReplayBudget, Subscription } from './subscription.js';

/** Events read from the log, and written to a socket, per step of a replay or gap fill. */
const PAGE = 100;

/** How long an event that arrived ahead of its predecessor waits for it before the gap is read from the log (ms). */
const REORDER_WAIT_MS = 100;

/** Presence frames a subscription holds back while its whole list is being read; past it, the list is read again. */
const HELD_PRESENCE = 32;

/** What the hub is told at start. */
export interface HubOptions {
  /** How many missed events one channel's catch-up replays before answering `resync`. */
  replayWindow: number;
  /** Who is online, deployment-wide. */
  presence: PresenceDirectory;
  /**
   * How often to compare each subscribed channel's head `seq` in the log with what its sockets have (ms),
   * for a bus that can miss messages; undefined for one that cannot (in-process).
   */
  gapCheckMs?: number | undefined;
  /** An event as it goes out to sockets: with freshly signed upload links. Applied once per event and delivery. */
  outgoing: (frame: EventFrame) => EventFrame;
}

/**
 * Delivers each channel's events to the sockets subscribed to it, each socket getting every `seq` once,
 * in order. The hot path serializes an event once and, per live subscription, compares `seq` and sends the
 * same string; catch-up after `subscribe` and gap filling read the event log a page at a time, at the pace
 * the socket takes the bytes. Presence goes out as the whole list once per subscribe, then as coalesced
 * changes.
 *
 * Events from the bus are put back in `seq` order per channel first: processes publish what they commit on
 * their own, so two events may arrive swapped, and a swap is not worth a read of the log per subscription.
 *
 * A bus across processes can miss messages (Redis restarted, a network blip). When it resumes, and every
 * `gapCheckMs`, the hub reads each subscribed channel's head `seq` from the log and treats it like an event
 * heard: subscriptions behind it fill the gap from the log. The periodic check fills only up to the head
 * read one check earlier, so events still on their way through the bus do not trigger needless reads.
 */
export class ChannelHub {
  readonly #byChannel = new Map<string, Set<Subscription>>();
  /** Per subscribed channel, its events from the bus put back in `seq` order. */
  readonly #order = new Map<string, EventOrder>();
  readonly #presence: PresenceDirectory;
  /** Presence and typing frames held back, per subscription, while its channel's whole presence list is read. */
  readonly #heldPresence = new WeakMap<Subscription, Buffer[]>();
  readonly #stopListening: () => void;
  readonly #stopResume: () => void;
  readonly #replayWindow: number;
  readonly #outgoing: (frame: EventFrame) => EventFrame;
  readonly #gapTimer: ReturnType<typeof setInterval> | undefined;
  /** Each channel's head at the previous periodic check. */
  #checkedHeads = new Map<string, number>();
  #checking = false;
  /** Whether the bus resumed while a check was running: check again against the head just read. */
  #recheckNow = false;

  constructor(
    private readonly repo: ChatRepository,
    bus: Bus,
    private readonly metrics: Metrics,
    options: HubOptions,
  ) {
    this.#replayWindow = options.replayWindow;
    this.#presence = options.presence;
    this.#outgoing = options.outgoing;
    this.#stopListening = bus.subscribe((message) => this.#onBus(message));
    this.#stopResume = bus.onResume(() => void this.#checkHeads(true));
    if (options.gapCheckMs) {
      this.#gapTimer = setInterval(() => void this.#checkHeads(false), options.gapCheckMs);
      this.#gapTimer.unref();
    }
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
    this.#heldPresence.set(sub, []);
    if (!sub.present) {
      sub.present = true;
      await this.#presence.join(channelId, session.user.id);
    }
    await this.#sendPresenceList(sub);
    await this.#fill(sub);
  }

  /** Ends a subscription. */
  unsubscribe(sub: Subscription): void {
    if (sub.closed) return;
    sub.closed = true;
    const subs = this.#byChannel.get(sub.channelId);
    subs?.delete(sub);
    if (subs?.size === 0) {
      this.#byChannel.delete(sub.channelId);
      this.#order.get(sub.channelId)?.close();
      this.#order.delete(sub.channelId);
    }
    if (!sub.present) return;
    sub.present = false;
    this.#presence.leave(sub.channelId, sub.session.user.id);
  }

  close(): void {
    this.#stopListening();
    this.#stopResume();
    clearInterval(this.#gapTimer);
    for (const order of this.#order.values()) order.close();
  }

  /**
   * Sends the channel's whole presence list, then the presence and typing frames held back while it was
   * read (they may be newer than the list; applying one twice changes nothing). When more than
   * {@link HELD_PRESENCE} arrived meanwhile, the list is read and sent again instead.
   */
  async #sendPresenceList(sub: Subscription): Promise<void> {
    for (;;) {
      const online = await this.#presence.online(sub.channelId);
      if (sub.closed) return;
      sub.session.send({ type: 'presence', channelId: sub.channelId, online });
      const held = this.#heldPresence.get(sub) ?? [];
      if (held.length > HELD_PRESENCE) {
        this.#heldPresence.set(sub, []);
        continue;
      }
      this.#heldPresence.delete(sub);
      for (const text of held) sub.session.sendText(text);
      return;
    }
  }

  /**
   * Compares each subscribed channel's head in the log with its subscriptions: `now` (after the bus
   * resumed) with the head just read, otherwise with the head read one check earlier.
   */
  async #checkHeads(now: boolean): Promise<void> {
    if (this.#checking) {
      this.#recheckNow ||= now;
      return;
    }
    this.#checking = true;
    const previous = this.#checkedHeads;
    const heads = new Map<string, number>();
    try {
      for (const channelId of [...this.#byChannel.keys()]) {
        const head = await this.repo.headSeq(channelId);
        if (head === undefined) continue;
        heads.set(channelId, head);
        const target = now ? head : previous.get(channelId);
        for (const sub of this.#byChannel.get(channelId) ?? []) if (target !== undefined) this.#behind(sub, target);
      }
    } catch {
      // the database is away: the next check tries again
    } finally {
      this.#checkedHeads = heads;
      this.#checking = false;
    }
    if (this.#recheckNow) {
      this.#recheckNow = false;
      await this.#checkHeads(true);
    }
  }

  /** Notes that `seq` exists in the subscription's channel: a live subscription behind it fills from the log. */
  #behind(sub: Subscription, seq: number): void {
    if (seq <= sub.lastSeq) return;
    sub.heardSeq = Math.max(sub.heardSeq, seq);
    if (!sub.live) return;
    sub.live = false;
    this.#fill(sub).catch((error: unknown) => sub.session.fail(error));
  }

  #onBus(message: BusMessage): void {
    if (message.kind === 'added' || message.kind === 'signed-out' || message.kind === 'mention') return;
    const channelId = message.kind === 'channel-deleted' ? message.channelId : message.frame.channelId;
    const subs = this.#byChannel.get(channelId);
    if (!subs) return;
    switch (message.kind) {
      case 'event':
        this.#orderOf(channelId).push(message.frame);
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

  #orderOf(channelId: string): EventOrder {
    let order = this.#order.get(channelId);
    if (!order) {
      order = new EventOrder((frame) => {
        const subs = this.#byChannel.get(channelId);
        if (subs) this.#fanOut(subs, frame);
      }, REORDER_WAIT_MS);
      this.#order.set(channelId, order);
    }
    return order;
  }

  /**
   * The hot path: one serialization into bytes, then per subscription a `seq` comparison and a send of
   * those same bytes (a string would be encoded again for every socket).
   */
  #fanOut(subs: Set<Subscription>, frame: EventFrame): void {
    const data = Buffer.from(JSON.stringify(this.#outgoing(frame)));
    this.metrics.fanoutLatency.observe(Math.max(0, Date.now() - Date.parse(frame.at)) / 1000);
    for (const sub of subs) {
      if (sub.live && frame.seq === sub.lastSeq + 1) {
        sub.session.sendText(data);
        this.#sent(sub, frame);
      } else this.#behind(sub, frame.seq);
    }
  }

  /** Sends `frame`, serialized once, to every subscription that has had the presence list, except `skipUserId`'s sockets. */
  #relay(subs: Set<Subscription>, frame: TypingServerFrame | PresenceFrame, skipUserId?: string): void {
    const data = Buffer.from(JSON.stringify(frame));
    for (const sub of subs) {
      if (!sub.present || sub.session.user.id === skipUserId) continue;
      const held = this.#heldPresence.get(sub);
      if (held) held.push(data);
      else sub.session.sendText(data);
    }
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
        const outgoing = this.#outgoing(event);
        const written = wait ? sub.session.sendWritten(outgoing) : sub.session.send(outgoing);
        this.#sent(sub, event);
        await written;
        if (sub.closed) return;
      }
    }
  }

  /**
   * Records `frame` as sent. A member who left a private or direct channel stops hearing it; so does one
   * who was removed (`by` someone else) or banned, from any channel.
   */
  #sent(sub: Subscription, frame: EventFrame): void {
    sub.lastSeq = frame.seq;
    if (frame.kind !== 'member:left' && frame.kind !== 'member:banned') return;
    if (!('user' in frame.data) || frame.data.user.id !== sub.session.user.id) return;
    const ousted = frame.kind === 'member:banned' || ('by' in frame.data && frame.data.by !== undefined);
    if (ousted || sub.visibility !== 'public') sub.session.drop(sub, 'removed');
  }
}
