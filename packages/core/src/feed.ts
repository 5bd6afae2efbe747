import type { EventFrame, Message, MessageBody, MessagePage, User } from '@confab/protocol';
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { ConfabError } from './errors.js';
import type { ChatApi } from './http.js';
import { unwrap } from './http.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import { append, bound, emptyWindow, type MessageWindow, replace, upsert } from './window.js';

/** A message as the UI shows it: stored, or a local echo still `pending` or `failed`. */
export type LocalMessage = Message & { pending?: boolean; failed?: ConfabError };

/**
 * A channel's top-level messages, or one thread's replies: a bounded window of loaded pages kept current by
 * the channel's events, with local echoes of unsent messages at the end. Observing `$messages` loads the
 * newest page and keeps the channel subscribed.
 */
export interface Feed {
  /** The message a thread answers; `null` for a channel's feed. */
  readonly parentId: string | null;
  /** Messages ascending by `seq`, then local echoes (`pending` / `failed`) in send order. */
  readonly $messages: ReadableAtom<LocalMessage[]>;
  /** Whether older messages exist above the window. */
  readonly $hasOlder: ReadableAtom<boolean>;
  /** Whether newer messages exist below the window (after `jumpTo`, or once the window was trimmed). */
  readonly $hasNewer: ReadableAtom<boolean>;
  /** A page is being loaded. */
  readonly $loading: ReadableAtom<boolean>;
  /** Loads the page before the window; resolves whether still older messages exist. */
  loadOlder(): Promise<boolean>;
  /** Loads the page after the window; resolves whether still newer messages exist. */
  loadNewer(): Promise<boolean>;
  /** Loads the newest page, replacing the window. */
  loadLatest(): Promise<void>;
  /** Loads the page that holds a message. */
  jumpTo(messageId: string): Promise<void>;
  /** Sends a message (a reply, in a thread), mentioning `mentions` (user ids) too; resolves with the stored message. */
  send(body: MessageBody, options?: { mentions?: string[] }): Promise<Message>;
}

/** One thread's replies, and the message they answer. */
export interface Thread extends Feed {
  readonly parentId: string;
  /** The message the thread answers: fetched when first observed, kept current (edits, deletes, `replyCount`). */
  readonly $parent: ReadableAtom<Message | undefined>;
}

/** What a feed needs from its channel. */
export interface FeedHost {
  /** False once the user signed out: the feed then does nothing more. */
  alive(): boolean;
  readonly channelId: string;
  readonly api: ChatApi;
  readonly outbox: Outbox;
  readonly windowSize: number;
  me(): User | null;
  /** Keeps the channel subscribed while a feed is observed. */
  retain(): void;
  release(): void;
  /** Keeps the channel subscribed without loading a page (it learns where the channel is); returns the stop. */
  follow(): () => void;
  /** A page was read at `seq`: where the channel's subscription starts if it has none yet. */
  noteHead(seq: number): void;
  /** The channel's events after `seq`, in order (from memory, or the log over REST). */
  eventsAfter(seq: number): Promise<EventFrame[] | 'resync'>;
}

type PageQuery = { before?: string; after?: string; around?: string; limit?: number };

/** What an action on a room from before a sign-out rejects with. */
export const signedOut = (): ConfabError =>
  new ConfabError(
    'unauthorized',
    'Signed out: this room belongs to an earlier session; get it again with channel(id).',
  );

function echo(entry: OutboxEntry, me: User | null): LocalMessage {
  return {
    id: `local:${entry.clientMessageId}`,
    channelId: entry.channelId,
    seq: Number.MAX_SAFE_INTEGER,
    clientMessageId: entry.clientMessageId,
    author: me ?? { id: '', username: '', displayName: '' },
    body: entry.body,
    parentId: entry.parentId,
    replyCount: 0,
    lastReplyAt: null,
    reactions: [],
    createdAt: entry.createdAt,
    editedAt: null,
    deletedAt: null,
    ...(entry.failed
      ? { failed: new ConfabError(entry.failed.code, entry.failed.detail, entry.failed.status) }
      : { pending: true }),
  };
}

/** A channel's feed or a thread (see {@link Feed}); what the room applies its events to. */
export class PagedFeed implements Feed {
  readonly #window = atom<MessageWindow>(emptyWindow);
  readonly #loading = atom(false);
  readonly #parent = atom<Message | undefined>(undefined);
  readonly $messages: ReadableAtom<LocalMessage[]>;
  readonly $parent: ReadableAtom<Message | undefined> = this.#parent;
  readonly $hasOlder = computed(this.#window, (w) => w.hasOlder);
  readonly $hasNewer = computed(this.#window, (w) => w.hasNewer);
  readonly $loading: ReadableAtom<boolean> = this.#loading;
  #older: { cursor: string; firstId: string } | undefined;
  #newer: { cursor: string; lastId: string } | undefined;
  #loaded = false;
  #observed = false;
  #busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: FeedHost,
    readonly parentId: string | null,
  ) {
    this.$messages = computed([this.#window, host.outbox.$entries], (window, entries) => {
      if (!host.alive()) return window.items;
      const stored = new Set(window.items.map((m) => m.clientMessageId));
      const echoes = entries
        .filter((e) => e.channelId === host.channelId && e.parentId === parentId && !stored.has(e.clientMessageId))
        .map((e) => echo(e, host.me()));
      return echoes.length ? [...window.items, ...echoes] : window.items;
    });
    onMount(this.$messages, () => {
      this.#observed = true;
      host.retain();
      this.loadIfUnloaded();
      return () => {
        this.#observed = false;
        host.release();
      };
    });
    onMount(this.#parent, () => {
      const stop = host.follow();
      if (parentId && !this.#parent.get() && host.alive())
        void unwrap(host.api.GET('/api/v1/messages/{messageId}', { params: { path: { messageId: parentId } } }))
          .then((message) => {
            if (!this.#parent.get() && host.alive()) this.#parent.set(message);
          })
          .catch(() => {});
      return stop;
    });
  }

  /**
   * Loads the newest page when the feed is observed and has none (its first load failed, came before
   * sign-in, or a `resync` voided it); a failure worth retrying is retried with backoff, and on each reconnect.
   */
  loadIfUnloaded(attempt = 0): void {
    if (!this.#observed || this.#loaded || !this.host.alive()) return;
    void this.loadLatest().catch((error: unknown) => {
      if ((error as ConfabError).retryable && attempt < 6)
        setTimeout(() => this.loadIfUnloaded(attempt + 1), 250 * 2 ** attempt);
    });
  }

  /** After a `resync` the window may miss events: it takes no live ones until the newest page is read again. */
  resync(): void {
    this.#loaded = false;
    this.loadIfUnloaded();
  }

  /** Empties the feed for good (the user signed out). */
  dispose(): void {
    this.#window.set(emptyWindow);
    this.#parent.set(undefined);
  }

  /** Loads the newest page, replacing the window (also after a `resync`). */
  loadLatest(): Promise<void> {
    return this.#exclusive(async () => {
      const page = await this.#page({ limit: this.#pageSize });
      this.#adopt(page, { hasOlder: page.prevCursor !== null, hasNewer: false });
      this.host.noteHead(page.headSeq);
      await this.#catchUp(page.headSeq);
    });
  }

  /** Loads the page before the window; resolves whether still older messages exist. */
  loadOlder(): Promise<boolean> {
    return this.#exclusive(async () => {
      const { items, hasOlder } = this.#window.get();
      const first = items[0];
      if (!hasOlder || !first) return false;
      const page =
        this.#older?.firstId === first.id
          ? await this.#page({ before: this.#older.cursor, limit: this.#pageSize })
          : await this.#beside(first, 'older');
      return (await this.#merge(page, 'oldest')).hasOlder;
    });
  }

  /** Loads the page after the window; resolves whether still newer messages exist. */
  loadNewer(): Promise<boolean> {
    return this.#exclusive(async () => {
      const { items, hasNewer } = this.#window.get();
      const last = items.at(-1);
      if (!hasNewer || !last) return false;
      const page =
        this.#newer?.lastId === last.id
          ? await this.#page({ after: this.#newer.cursor, limit: this.#pageSize })
          : await this.#beside(last, 'newer');
      return (await this.#merge(page, 'newest')).hasNewer;
    });
  }

  /**
   * Merges a page into the window as it is now (live events may have changed it during the request),
   * keeps the window bounded, then re-applies the events newer than the page.
   */
  async #merge(page: MessagePage, keep: 'oldest' | 'newest'): Promise<MessageWindow> {
    const current = this.#window.get();
    const edge = keep === 'oldest' ? { hasOlder: page.prevCursor !== null } : { hasNewer: page.nextCursor !== null };
    const window = bound({ ...current, items: upsert(current.items, page.items), ...edge }, this.host.windowSize, keep);
    this.#setWindow(
      window,
      keep === 'oldest' ? page.prevCursor : undefined,
      keep === 'newest' ? page.nextCursor : undefined,
    );
    await this.#catchUp(page.headSeq);
    return this.#window.get();
  }

  /** Loads the page that holds a message (a thread loads its newest page). */
  jumpTo(messageId: string): Promise<void> {
    return this.#exclusive(async () => {
      const page = await this.#page({ around: messageId, limit: this.#pageSize });
      this.show(page);
      if (page.nextCursor === null) await this.#catchUp(page.headSeq);
    });
  }

  /** Takes a page as the window (a page around a message, or one that fixtures hand in). */
  show(page: MessagePage): void {
    this.#adopt(page, { hasOlder: page.prevCursor !== null, hasNewer: page.nextCursor !== null });
    this.host.noteHead(page.headSeq);
  }

  /** Sends a message (a reply, in a thread); resolves with the stored message. */
  send(body: MessageBody, { mentions }: { mentions?: string[] } = {}): Promise<Message> {
    if (!this.host.alive()) return Promise.reject(signedOut());
    return this.host.outbox.send({
      clientMessageId: crypto.randomUUID(),
      channelId: this.host.channelId,
      parentId: this.parentId,
      body,
      ...(mentions && { mentions }),
      createdAt: new Date().toISOString(),
    });
  }

  /** Applies a message change from the channel's events or a reply. */
  apply(message: Message, created: boolean): void {
    if (message.id === this.parentId) this.#parent.set(message);
    if ((message.parentId ?? null) !== this.parentId || !this.#loaded || !this.host.alive()) return;
    const window = this.#window.get();
    const next = created ? bound(append(window, message), this.host.windowSize, 'newest') : replace(window, message);
    if (next !== window) this.#window.set(next);
  }

  get #pageSize(): number {
    return Math.min(50, this.host.windowSize);
  }

  async #page(query: PageQuery): Promise<MessagePage> {
    const { api, channelId } = this.host;
    if (!this.host.alive()) throw signedOut();
    if (this.parentId === null) {
      return unwrap(api.GET('/api/v1/channels/{channelId}/messages', { params: { path: { channelId }, query } }));
    }
    const { around: _, ...rest } = query;
    return unwrap(
      api.GET('/api/v1/messages/{messageId}/replies', { params: { path: { messageId: this.parentId }, query: rest } }),
    );
  }

  /**
   * The page just before or after a message when the window's edge moved since its cursor was handed
   * out (the window was trimmed): a page around the message, cut to the wanted side.
   */
  async #beside(message: Message, side: 'older' | 'newer'): Promise<MessagePage> {
    if (this.parentId !== null) return this.#page({ limit: this.#pageSize }); // threads page from the newest end
    const page = await this.#page({ around: message.id, limit: this.#pageSize * 2 - 1 });
    const items = page.items.filter((m) => (side === 'older' ? m.seq < message.seq : m.seq > message.seq));
    return side === 'older' ? { ...page, items, nextCursor: null } : { ...page, items, prevCursor: null };
  }

  #adopt(page: MessagePage, edges: { hasOlder: boolean; hasNewer: boolean }): void {
    this.#loaded = true;
    this.#setWindow({ items: page.items, ...edges }, page.prevCursor, page.nextCursor);
  }

  #setWindow(
    window: MessageWindow,
    prevCursor: string | null | undefined,
    nextCursor: string | null | undefined,
  ): void {
    if (!this.host.alive()) return;
    const first = window.items[0];
    const last = window.items.at(-1);
    if (prevCursor && first) this.#older = { cursor: prevCursor, firstId: first.id };
    if (nextCursor && last) this.#newer = { cursor: nextCursor, lastId: last.id };
    this.#window.set(window);
  }

  /** Applies what happened since the page was read (events that raced the request). */
  async #catchUp(headSeq: number): Promise<void> {
    const events = await this.host.eventsAfter(headSeq);
    if (events === 'resync') return;
    for (const event of events) {
      if ('message' in event.data) this.apply(event.data.message, event.kind === 'message:created');
    }
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#busy.then(() => {
      this.#loading.set(true);
      return task().finally(() => this.#loading.set(false));
    });
    this.#busy = run.catch(() => {});
    return run;
  }
}
