import type { EventFrame, Message, MessageBody, ServerFrame, User } from '@confab/protocol';
import { atom, type ReadableAtom } from 'nanostores';
import { Feed, type FeedHost, type LocalMessage } from './feed.js';
import { type ChatApi, unwrap } from './http.js';
import type { Outbox } from './outbox.js';

/** What a room needs from its client. */
export interface RoomHost {
  readonly api: ChatApi;
  readonly outbox: Outbox;
  readonly windowSize: number;
  me(): User | null;
  /** Subscribes the socket to the room (now, or on the next open socket). */
  subscribe(room: ChannelRoom): void;
  unsubscribe(room: ChannelRoom): void;
  /** Sends a socket frame if the socket is open. */
  sendFrame(frame: { type: 'typing' | 'read'; channelId: string; seq?: number }): boolean;
  /** Lets the channel list see each applied event. */
  onEvent(event: EventFrame): void;
}

const RING_SIZE = 500;
const TYPING_THROTTLE_MS = 2000;

/**
 * One channel: its feed of top-level messages, its threads, who is typing, and the event stream that
 * keeps them current. Applies each `seq` once and in order; fetches gaps; reloads after a `resync`.
 */
export class ChannelRoom {
  readonly #feed: Feed;
  readonly #threads = new Map<string, Feed>();
  readonly #typing = atom<User[]>([]);
  readonly #typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last `seq` applied; undefined until the first page or subscription says where we are. */
  lastSeq: number | undefined;
  #ring: EventFrame[] = [];
  #retained = 0;
  #queue: Promise<void> = Promise.resolve();
  #lastTyping = 0;

  /** Messages ascending by `seq`, local echoes (`pending` / `failed`) last. */
  readonly $messages: ReadableAtom<LocalMessage[]>;
  readonly $hasOlder: ReadableAtom<boolean>;
  readonly $hasNewer: ReadableAtom<boolean>;
  readonly $loading: ReadableAtom<boolean>;
  /** Others typing right now. */
  readonly $typing: ReadableAtom<User[]> = this.#typing;

  constructor(
    readonly id: string,
    private readonly host: RoomHost,
  ) {
    this.#feed = new Feed(this.#feedHost, null);
    this.$messages = this.#feed.$messages;
    this.$hasOlder = this.#feed.$hasOlder;
    this.$hasNewer = this.#feed.$hasNewer;
    this.$loading = this.#feed.$loading;
  }

  /** Loads older messages above the window; resolves whether more older ones exist. */
  loadOlder = (): Promise<boolean> => this.#feed.loadOlder();
  /** Loads newer messages below the window; resolves whether more newer ones exist. */
  loadNewer = (): Promise<boolean> => this.#feed.loadNewer();
  /** Loads the page holding a message. */
  jumpTo = (messageId: string): Promise<void> => this.#feed.jumpTo(messageId);

  /** Sends optimistically; resolves with the stored message (exactly once, even across reconnects). */
  send(body: MessageBody, options: { parentId?: string } = {}): Promise<Message> {
    return options.parentId ? this.thread(options.parentId).send(body) : this.#feed.send(body);
  }

  /** The replies to one message, with the same shape as the channel's feed. */
  thread(parentId: string): Feed {
    const feed = this.#threads.get(parentId) ?? new Feed(this.#feedHost, parentId);
    this.#threads.set(parentId, feed);
    return feed;
  }

  edit(messageId: string, body: MessageBody): Promise<Message> {
    return this.#change(
      this.host.api.PATCH('/api/v1/messages/{messageId}', { params: { path: { messageId } }, body: { body } }),
    );
  }

  delete(messageId: string): Promise<Message> {
    return this.#change(this.host.api.DELETE('/api/v1/messages/{messageId}', { params: { path: { messageId } } }));
  }

  react(messageId: string, emoji: string): Promise<Message> {
    const params = { path: { messageId, emoji } };
    return this.#change(this.host.api.PUT('/api/v1/messages/{messageId}/reactions/{emoji}', { params }));
  }

  unreact(messageId: string, emoji: string): Promise<Message> {
    const params = { path: { messageId, emoji } };
    return this.#change(this.host.api.DELETE('/api/v1/messages/{messageId}/reactions/{emoji}', { params }));
  }

  /** Retries a failed send (same client id: it cannot double). */
  retry = (clientMessageId: string): Promise<Message> => this.host.outbox.retry(clientMessageId);
  /** Drops a failed or pending send. */
  discard = (clientMessageId: string): void => this.host.outbox.discard(clientMessageId);

  /** Marks everything applied so far as read. */
  markRead(): void {
    const seq = this.lastSeq ?? 0;
    if (!this.host.sendFrame({ type: 'read', channelId: this.id, seq })) {
      void this.host.api.PUT('/api/v1/channels/{channelId}/read', {
        params: { path: { channelId: this.id } },
        body: { seq },
      });
    }
  }

  /** Tells the others you are typing (at most every two seconds). */
  typing(): void {
    if (Date.now() - this.#lastTyping < TYPING_THROTTLE_MS) return;
    if (this.host.sendFrame({ type: 'typing', channelId: this.id })) this.#lastTyping = Date.now();
  }

  /** @internal Socket frames for this channel, from the client. */
  handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'event':
        this.#serially(() => this.#onEvent(frame));
        break;
      case 'resync':
        this.#serially(async () => {
          this.#ring = [];
          this.lastSeq = frame.seq;
          for (const feed of [this.#feed, ...this.#threads.values()]) void feed.loadLatest().catch(() => {});
        });
        break;
      case 'subscribed':
        this.#serially(async () => {
          this.lastSeq ??= frame.seq;
        });
        break;
      case 'typing':
        this.#showTyping(frame.user, frame.expiresInMs);
        break;
    }
  }

  /** @internal */
  retain(): void {
    if (this.#retained++ === 0 && this.lastSeq !== undefined) this.host.subscribe(this);
  }

  /** @internal Where a page or the channel list says the channel was; subscribing starts from there. */
  noteHead(seq: number): void {
    if (this.lastSeq !== undefined) return;
    this.lastSeq = seq;
    if (this.#retained > 0) this.host.subscribe(this);
  }

  /** @internal */
  release(): void {
    if (--this.#retained === 0) this.host.unsubscribe(this);
  }

  /** @internal Applies a message the server returned (an ack or a REST reply). */
  applyMessage(message: Message, created: boolean): void {
    const feed = message.parentId === null ? this.#feed : this.#threads.get(message.parentId);
    feed?.apply(message, created);
  }

  get #feedHost(): FeedHost {
    return {
      channelId: this.id,
      api: this.host.api,
      outbox: this.host.outbox,
      windowSize: this.host.windowSize,
      me: () => this.host.me(),
      retain: () => this.retain(),
      release: () => this.release(),
      eventsAfter: (seq) => this.#eventsAfter(seq),
      noteHead: (seq) => this.noteHead(seq),
    };
  }

  async #onEvent(event: EventFrame): Promise<void> {
    const last = this.lastSeq;
    if (last !== undefined && event.seq <= last) return;
    if (last !== undefined && event.seq > last + 1) {
      const missing = await this.#fetchEvents(last, event.seq - 1);
      if (missing === 'resync') return this.handle({ type: 'resync', channelId: this.id, seq: event.seq });
      for (const e of missing) this.#apply(e);
    }
    this.#apply(event);
  }

  #apply(event: EventFrame): void {
    if (this.lastSeq !== undefined && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.#ring.push(event);
    if (this.#ring.length > RING_SIZE) this.#ring.shift();
    if ('message' in event.data) {
      const { message } = event.data;
      if (event.kind === 'message:created') this.host.outbox.settle(message);
      this.applyMessage(message, event.kind === 'message:created');
      if (event.kind === 'message:created') this.#stopTyping(message.author.id);
    }
    this.host.onEvent(event);
  }

  async #eventsAfter(seq: number): Promise<EventFrame[] | 'resync'> {
    const first = this.#ring[0];
    if (this.lastSeq === undefined || seq >= this.lastSeq) return [];
    if (first && first.seq <= seq + 1) return this.#ring.filter((e) => e.seq > seq);
    return this.#fetchEvents(seq, this.lastSeq);
  }

  /** The log over REST, `after < seq <= upto`. */
  async #fetchEvents(after: number, upto: number): Promise<EventFrame[] | 'resync'> {
    const events: EventFrame[] = [];
    while (after < upto) {
      const page = await unwrap(
        this.host.api.GET('/api/v1/channels/{channelId}/events', {
          params: { path: { channelId: this.id }, query: { afterSeq: after, limit: 100 } },
        }),
      );
      if (page.resync) return 'resync';
      const fresh = page.items.filter((e) => e.seq <= upto);
      if (!fresh.length) break;
      events.push(...fresh);
      after = fresh.at(-1)!.seq;
    }
    return events;
  }

  async #change(call: Parameters<typeof unwrap<Message>>[0]): Promise<Message> {
    const message = await unwrap(call);
    this.applyMessage(message, false);
    return message;
  }

  #serially(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch(() => {});
  }

  #showTyping(user: User, forMs: number): void {
    if (user.id === this.host.me()?.id) return;
    clearTimeout(this.#typingTimers.get(user.id));
    this.#typingTimers.set(
      user.id,
      setTimeout(() => this.#stopTyping(user.id), forMs),
    );
    if (!this.#typing.get().some((u) => u.id === user.id)) this.#typing.set([...this.#typing.get(), user]);
  }

  #stopTyping(userId: string): void {
    clearTimeout(this.#typingTimers.get(userId));
    this.#typingTimers.delete(userId);
    if (this.#typing.get().some((u) => u.id === userId))
      this.#typing.set(this.#typing.get().filter((u) => u.id !== userId));
  }
}
