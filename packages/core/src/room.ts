import type {
  Channel,
  EventFrame,
  Member,
  Message,
  MessageBody,
  Role,
  SearchPage,
  ServerFrame,
  UpdateChannelRequest,
  Upload,
  User,
} from '@confab/protocol';
import { computed, type ReadableAtom } from 'nanostores';
import { type ChannelInfo, ChannelInfoStore } from './channel-info.js';
import type { ChannelRoom, SendFilesOptions } from './channel-room.js';
import type { Draft } from './drafts.js';
import { type FeedHost, type LocalMessage, PagedFeed, signedOut, type Thread } from './feed.js';
import { allPages, type ChatApi, unwrap } from './http.js';
import { LiveList, memberChange, memberEventChange, pinChange, staffOnly } from './live-list.js';
import { Moderation } from './moderation.js';
import type { Outbox } from './outbox.js';
import { ReadMarker, type ReadState } from './read-marker.js';
import { searchMessages } from './search.js';
import { TypingUsers } from './typing.js';
import { type Uploader, type UploadOptions, uploadBody } from './uploads.js';

/** What a room needs from its client. */
export interface RoomHost {
  readonly api: ChatApi;
  readonly outbox: Outbox;
  readonly windowSize: number;
  /** Stores a file. */
  readonly upload: Uploader;
  me(): User | null;
  /** Subscribes the socket to the room (now, or on the next open socket). */
  subscribe(room: RoomControl): void;
  unsubscribe(room: RoomControl): void;
  /** Sends a socket frame if the socket is open. */
  sendFrame(frame: { type: 'typing' | 'read'; channelId: string; seq?: number }): boolean;
  /** Lets the channel list see each applied event. */
  onEvent(event: EventFrame): void;
  /** The channel as `$channels` lists it, if it does. */
  listed(channelId: string): Channel | undefined;
  /** Shows the channel read up to `seq` in `$channels`. */
  showRead(channelId: string, seq: number): void;
  join(channelId: string): Promise<Channel>;
  /** The channel changed as the user sees it (a settings update, their role or mute): `$channels` shows it. */
  patchListed(channelId: string, fields: Partial<Channel>): void;
  draft(channelId: string, parentId: string | undefined, alive: () => boolean): Draft;
}

/** What only the client may do to a room: feed it frames, hold it subscribed, end it. */
export interface RoomControl {
  readonly room: ChannelRoom;
  /** The last `seq` applied; undefined until a page or the subscription says where the channel is. */
  lastSeq(): number | undefined;
  /** Socket frames for this channel. */
  handle(frame: ServerFrame): void;
  /** Applies a message the server returned (an ack). */
  applyMessage(message: Message, created: boolean): void;
  retain(): void;
  release(): void;
  /** Where a page or the channel list says the channel was; subscribing starts from there. */
  noteHead(seq: number): void;
  /** Whether the channel counts as read as messages arrive (`keepRead`). */
  keptRead(): boolean;
  /** `$channels` changed. */
  listChanged(): void;
  /** A socket opened, or the user signed in: what waited for it goes out (a feed observed but never loaded loads). */
  ready(): void;
  /** The user signed out: the room becomes inert. */
  dispose(): void;
  /** The channel's feed (`null`), or a thread's. */
  feed(parentId: string | null): PagedFeed;
}

const RING_SIZE = 500;
const TYPING_THROTTLE_MS = 2000;
const MEMBERS_TTL_MS = 60_000;

/** Lower case without diacritics, for prefix matching. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Makes a room; the control stays with the client. */
export function createRoom(id: string, host: RoomHost): RoomControl {
  let control: RoomControl | undefined;
  new Room(id, host, (c) => {
    control = c;
  });
  return control!;
}

class Room implements ChannelRoom {
  readonly #host: RoomHost;
  readonly #feed: PagedFeed;
  readonly #threads = new Map<string, PagedFeed>();
  readonly #drafts = new Map<string, Draft>();
  readonly #typing = new TypingUsers();
  readonly #info: ChannelInfoStore;
  readonly #read: ReadMarker;
  readonly #control: RoomControl;
  #lastSeq: number | undefined;
  #ring: EventFrame[] = [];
  #retained = 0;
  #queue: Promise<void> = Promise.resolve();
  #lastTyping = 0;
  #disposed = false;
  /** The members, loaded for `searchMembers` at `at`; dropped when someone joins or leaves. */
  #members: { at: number; users: Promise<User[]> } | undefined;
  readonly #memberList: LiveList<Member>;
  readonly #staffList: LiveList<Member>;
  readonly #pinList: LiveList<Message>;
  readonly #moderation: Moderation;

  readonly $messages: ReadableAtom<LocalMessage[]>;
  readonly $hasOlder: ReadableAtom<boolean>;
  readonly $hasNewer: ReadableAtom<boolean>;
  readonly $loading: ReadableAtom<boolean>;
  readonly $typing: ReadableAtom<User[]> = this.#typing.$users;
  readonly $info: ReadableAtom<ChannelInfo>;
  readonly $readState: ReadableAtom<ReadState>;
  readonly $members: ReadableAtom<Member[]>;
  readonly $staff: ReadableAtom<Member[]>;
  readonly $pins: ReadableAtom<Message[]>;

  constructor(
    readonly id: string,
    host: RoomHost,
    expose: (control: RoomControl) => void,
  ) {
    this.#host = host;
    const alive = this.#alive;
    const { api } = host;
    this.#info = new ChannelInfoStore({
      channelId: id,
      api,
      alive,
      listed: () => host.listed(id),
      found: (channel) => this.#noteHead(channel.lastSeq),
    });
    this.#read = new ReadMarker({
      channelId: id,
      api,
      alive,
      head: () => {
        const info = this.#info.$info.get();
        return (
          this.#lastSeq ?? host.listed(id)?.lastSeq ?? (info.status === 'ready' ? info.channel.lastSeq : undefined)
        );
      },
      sendFrame: (frame) => host.sendFrame(frame),
      showRead: (seq) => {
        host.showRead(id, seq);
        this.#info.patch({ unreadCount: 0, unreadMentionCount: 0, lastReadSeq: seq });
      },
    });
    this.#feed = new PagedFeed(this.#feedHost, null);
    this.$messages = this.#feed.$messages;
    this.$hasOlder = this.#feed.$hasOlder;
    this.$hasNewer = this.#feed.$hasNewer;
    this.$loading = this.#feed.$loading;
    this.$info = this.#info.$info;
    this.$readState = computed(this.$info, (info) =>
      info.status === 'ready'
        ? { lastReadSeq: info.channel.lastReadSeq ?? 0, unreadCount: info.channel.unreadCount ?? 0 }
        : { lastReadSeq: 0, unreadCount: 0 },
    );
    const follow = () => this.#follow();
    this.#memberList = new LiveList({ alive, follow, load: () => this.#loadMemberList() });
    this.#staffList = new LiveList({ alive, follow, load: () => this.#loadMemberList('moderator') });
    this.#pinList = new LiveList({
      alive,
      follow,
      load: () =>
        allPages((cursor) =>
          unwrap(
            api.GET('/api/v1/channels/{channelId}/pins', {
              params: { path: { channelId: id }, query: { limit: 100, cursor } },
            }),
          ),
        ),
    });
    this.$members = this.#memberList.$items;
    this.$staff = this.#staffList.$items;
    this.$pins = this.#pinList.$items;
    this.#moderation = new Moderation({
      api,
      channelId: id,
      check: () => {
        if (this.#disposed) throw signedOut();
      },
      channel: (channel) => this.#showChannel(channel),
      member: (userId, member) => this.#showMember(userId, member),
      message: (message) => {
        this.#applyMessage(message, false);
        this.#pinList.change(pinChange(message));
      },
    });
    this.#control = {
      room: this,
      lastSeq: () => this.#lastSeq,
      handle: (frame) => this.#handle(frame),
      applyMessage: (message, created) => this.#applyMessage(message, created),
      retain: () => this.#retain(),
      release: () => this.#release(),
      noteHead: (seq) => this.#noteHead(seq),
      keptRead: () => this.#read.kept,
      listChanged: () => this.#info.sync(),
      ready: () => {
        this.#info.sync();
        void this.#read.flush();
        for (const feed of this.#feeds()) feed.loadIfUnloaded();
        this.#memberList.loadIfUnloaded();
        this.#staffList.loadIfUnloaded();
        this.#pinList.loadIfUnloaded();
      },
      dispose: () => this.#dispose(),
      feed: (parentId) => (parentId ? this.#thread(parentId) : this.#feed),
    };
    expose(this.#control);
  }

  loadOlder = (): Promise<boolean> => this.#feed.loadOlder();
  loadNewer = (): Promise<boolean> => this.#feed.loadNewer();
  loadLatest = (): Promise<void> => this.#feed.loadLatest();
  jumpTo = (messageId: string): Promise<void> => this.#feed.jumpTo(messageId);

  send(body: MessageBody, options: { parentId?: string; mentions?: string[] } = {}): Promise<Message> {
    return (options.parentId ? this.thread(options.parentId) : this.#feed).send(body, options);
  }

  upload(file: Blob, options?: UploadOptions): Promise<Upload> {
    return this.#disposed ? Promise.reject(signedOut()) : this.#host.upload(file, options);
  }

  async sendFiles(
    files: Iterable<Blob>,
    { text, onProgress, signal, ...options }: SendFilesOptions = {},
  ): Promise<Message[]> {
    const list = [...files];
    const total = list.reduce((sum, file) => sum + file.size, 0);
    const uploads: Upload[] = [];
    let done = 0;
    for (const file of list) {
      const progress = (loaded: number) => onProgress?.(done + loaded, total);
      uploads.push(await this.upload(file, { signal, onProgress: progress }));
      done += file.size;
    }
    const sends = text ? [this.send({ type: 'text', text }, options)] : [];
    for (const upload of uploads) sends.push(this.send(uploadBody(upload), { parentId: options.parentId }));
    return Promise.all(sends);
  }

  async searchMembers(prefix: string, limit = 8): Promise<User[]> {
    if (this.#disposed) throw signedOut();
    if (!this.#members || Date.now() - this.#members.at > MEMBERS_TTL_MS) {
      const members = { at: Date.now(), users: this.#loadMembers() };
      members.users.catch(() => {
        if (this.#members === members) this.#members = undefined;
      });
      this.#members = members;
    }
    const wanted = fold(prefix);
    const me = this.#host.me()?.id;
    return (await this.#members.users)
      .filter((u) => u.id !== me && (fold(u.username).startsWith(wanted) || fold(u.displayName).startsWith(wanted)))
      .slice(0, limit);
  }

  thread(parentId: string): Thread {
    return this.#thread(parentId);
  }

  edit(messageId: string, body: MessageBody): Promise<Message> {
    return this.#change(() =>
      this.#host.api.PATCH('/api/v1/messages/{messageId}', { params: { path: { messageId } }, body: { body } }),
    );
  }

  delete(messageId: string): Promise<Message> {
    return this.#change(() =>
      this.#host.api.DELETE('/api/v1/messages/{messageId}', { params: { path: { messageId } } }),
    );
  }

  react(messageId: string, emoji: string): Promise<Message> {
    const params = { path: { messageId, emoji } };
    return this.#change(() => this.#host.api.PUT('/api/v1/messages/{messageId}/reactions/{emoji}', { params }));
  }

  unreact(messageId: string, emoji: string): Promise<Message> {
    const params = { path: { messageId, emoji } };
    return this.#change(() => this.#host.api.DELETE('/api/v1/messages/{messageId}/reactions/{emoji}', { params }));
  }

  removePreview(messageId: string): Promise<Message> {
    const params = { path: { messageId } };
    return this.#change(() => this.#host.api.DELETE('/api/v1/messages/{messageId}/preview', { params }));
  }

  retry = (clientMessageId: string): Promise<Message> =>
    this.#disposed ? Promise.reject(signedOut()) : this.#host.outbox.retry(clientMessageId);

  discard = (clientMessageId: string): void => {
    if (!this.#disposed) this.#host.outbox.discard(clientMessageId);
  };

  markRead(): void {
    this.#read.mark();
  }

  keepRead = (): (() => void) => {
    if (this.#disposed) return () => {};
    const stopFollowing = this.#follow();
    const stop = this.#read.keep();
    return () => {
      stop();
      stopFollowing();
    };
  };

  typing(): void {
    if (this.#disposed || Date.now() - this.#lastTyping < TYPING_THROTTLE_MS) return;
    if (this.#host.sendFrame({ type: 'typing', channelId: this.id })) this.#lastTyping = Date.now();
  }

  async join(): Promise<Channel> {
    if (this.#disposed) throw signedOut();
    const channel = await this.#host.join(this.id);
    this.#info.set(channel);
    return channel;
  }

  draft(parentId?: string): Draft {
    const key = parentId ?? '';
    let draft = this.#drafts.get(key);
    if (!draft) {
      draft = this.#host.draft(this.id, parentId, this.#alive);
      this.#drafts.set(key, draft);
    }
    return draft;
  }

  update = (patch: UpdateChannelRequest): Promise<Channel> => this.#moderation.update(patch);
  setRole = (userId: string, role: Role): Promise<Member> => this.#moderation.updateMember(userId, { role });
  mute = (userId: string, until: string | null): Promise<Member> =>
    this.#moderation.updateMember(userId, { mutedUntil: until });
  removeMember = (userId: string): Promise<void> => this.#moderation.removeMember(userId);
  ban = (userId: string, options: { reason?: string; until?: string } = {}) => this.#moderation.ban(userId, options);
  unban = (userId: string): Promise<void> => this.#moderation.unban(userId);
  bans = (cursor?: string) => this.#moderation.bans(cursor);
  auditLog = (cursor?: string) => this.#moderation.auditLog(cursor);
  reports = (options?: { status?: 'open' | 'resolved'; cursor?: string }) => this.#moderation.reports(options);
  resolveReport = (reportId: string, resolution: 'dismissed' | 'actioned') =>
    this.#moderation.resolveReport(reportId, resolution);
  report = (messageId: string, reason: string) => this.#moderation.report(messageId, reason);
  pin = (messageId: string): Promise<Message> => this.#moderation.pin(messageId, true);
  unpin = (messageId: string): Promise<Message> => this.#moderation.pin(messageId, false);

  async search(q: string, options: { before?: string; limit?: number } = {}): Promise<SearchPage> {
    if (this.#disposed) throw signedOut();
    return searchMessages(this.#host.api, q, { ...options, channelId: this.id });
  }

  /** The channel as an update returned it: in `$info` and `$channels` at once. */
  #showChannel(channel: Channel): void {
    const { name, topic, readOnly, archived, membersCanPin } = channel;
    const fields = { name, topic, readOnly, archived, membersCanPin };
    this.#info.patch(fields);
    this.#host.patchListed(this.id, fields);
  }

  /** A member as a reply returned them; the user's own role and mute go to `$info` and `$channels` too. */
  #showMember(userId: string, member: Member | null): void {
    this.#changeMembers(memberChange(userId, member));
    this.#members = undefined;
    if (member && userId === this.#host.me()?.id) {
      const fields = { role: member.role, mutedUntil: member.mutedUntil ?? null };
      this.#info.patch(fields);
      this.#host.patchListed(this.id, fields);
    }
  }

  #thread(parentId: string): PagedFeed & Thread {
    const feed = this.#threads.get(parentId) ?? new PagedFeed(this.#feedHost, parentId);
    this.#threads.set(parentId, feed);
    return feed as PagedFeed & Thread;
  }

  #handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'event':
        this.#serially(() => this.#onEvent(frame));
        break;
      case 'resync':
        this.#serially(async () => {
          this.#ring = [];
          this.#lastSeq = frame.seq;
          for (const feed of this.#feeds()) feed.resync();
          this.#memberList.reload();
          this.#staffList.reload();
          this.#pinList.reload();
          this.#read.moved();
        });
        break;
      case 'subscribed':
        this.#serially(async () => {
          this.#lastSeq ??= frame.seq;
          this.#read.moved();
        });
        break;
      case 'typing':
        if (frame.user.id !== this.#host.me()?.id) this.#typing.show(frame.user, frame.expiresInMs);
        break;
    }
  }

  /** Keeps the room subscribed without a page: `$info` tells it where the channel is. */
  #follow(): () => void {
    const stopInfo = this.$info.listen(() => {});
    this.#retain();
    return () => {
      this.#release();
      stopInfo();
    };
  }

  #retain(): void {
    if (this.#disposed) return;
    if (this.#retained++ === 0 && this.#lastSeq !== undefined) this.#host.subscribe(this.#control);
  }

  #noteHead(seq: number): void {
    if (this.#lastSeq !== undefined || this.#disposed) return;
    this.#lastSeq = seq;
    if (this.#retained > 0) this.#host.subscribe(this.#control);
    this.#read.moved();
  }

  #release(): void {
    if (this.#disposed) return;
    if (--this.#retained === 0) this.#host.unsubscribe(this.#control);
  }

  #applyMessage(message: Message, created: boolean): void {
    if (this.#disposed) return;
    const parent = message.parentId;
    if (parent === null) {
      this.#feed.apply(message, created);
      this.#threads.get(message.id)?.apply(message, created);
    } else this.#threads.get(parent)?.apply(message, created);
  }

  #dispose(): void {
    this.#disposed = true;
    this.#typing.clear();
    this.#read.dispose();
    this.#info.dispose();
    this.#memberList.dispose();
    this.#staffList.dispose();
    this.#pinList.dispose();
    for (const feed of this.#feeds()) feed.dispose();
  }

  /** False once the user signed out. */
  #alive = (): boolean => !this.#disposed;

  /** The channel's feed and its threads'. */
  #feeds(): PagedFeed[] {
    return [this.#feed, ...this.#threads.values()];
  }

  get #feedHost(): FeedHost {
    return {
      alive: this.#alive,
      channelId: this.id,
      api: this.#host.api,
      outbox: this.#host.outbox,
      windowSize: this.#host.windowSize,
      me: () => this.#host.me(),
      retain: () => this.#retain(),
      release: () => this.#release(),
      follow: () => this.#follow(),
      eventsAfter: (seq) => this.#eventsAfter(seq),
      noteHead: (seq) => this.#noteHead(seq),
    };
  }

  async #onEvent(event: EventFrame): Promise<void> {
    const last = this.#lastSeq;
    if (last !== undefined && event.seq <= last) return;
    if (last !== undefined && event.seq > last + 1) {
      const missing = await this.#fetchEvents(last, event.seq - 1);
      if (missing === 'resync') return this.#handle({ type: 'resync', channelId: this.id, seq: event.seq });
      for (const e of missing) this.#apply(e);
    }
    this.#apply(event);
  }

  #apply(event: EventFrame): void {
    if (this.#disposed || (this.#lastSeq !== undefined && event.seq <= this.#lastSeq)) return;
    this.#lastSeq = event.seq;
    this.#ring.push(event);
    if (this.#ring.length > RING_SIZE) this.#ring.shift();
    if ('message' in event.data) {
      const { message } = event.data;
      if (event.kind === 'message:created') this.#host.outbox.settle(message);
      this.#applyMessage(message, event.kind === 'message:created');
      this.#pinList.change(pinChange(message));
      if (event.kind === 'message:created') this.#typing.stop(message.author.id);
    }
    if (event.kind === 'channel:updated' && 'channel' in event.data) {
      const { name, topic, readOnly, archived, membersCanPin } = event.data.channel;
      this.#info.patch({ name, topic, readOnly, archived, membersCanPin });
    }
    if (event.kind.startsWith('member:')) {
      this.#members = undefined;
      const change = memberEventChange(event);
      if (change) this.#changeMembers(change);
      if (event.kind === 'member:updated' && 'user' in event.data && event.data.user.id === this.#host.me()?.id)
        this.#info.patch({ role: event.data.role, mutedUntil: event.data.mutedUntil ?? null });
    }
    this.#host.onEvent(event);
    this.#read.moved();
  }

  async #eventsAfter(seq: number): Promise<EventFrame[] | 'resync'> {
    const first = this.#ring[0];
    if (this.#lastSeq === undefined || seq >= this.#lastSeq) return [];
    if (first && first.seq <= seq + 1) return this.#ring.filter((e) => e.seq > seq);
    return this.#fetchEvents(seq, this.#lastSeq);
  }

  /** The log over REST, `after < seq <= upto`. */
  async #fetchEvents(after: number, upto: number): Promise<EventFrame[] | 'resync'> {
    const events: EventFrame[] = [];
    while (after < upto) {
      const page = await unwrap(
        this.#host.api.GET('/api/v1/channels/{channelId}/events', {
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

  async #change(call: () => Parameters<typeof unwrap<Message>>[0]): Promise<Message> {
    if (this.#disposed) throw signedOut();
    const message = await unwrap(call());
    this.#applyMessage(message, false);
    return message;
  }

  /** Every member of the channel (for `searchMembers`). */
  async #loadMembers(): Promise<User[]> {
    return (await this.#loadMemberList()).map((member) => member.user);
  }

  /** Every member of the channel, with roles and mutes; with `minRole`, those of that role or a higher one. */
  #loadMemberList(minRole?: Role): Promise<Member[]> {
    const path = { channelId: this.id };
    const query = { limit: 100, ...(minRole ? { minRole } : {}) };
    return allPages((cursor) =>
      unwrap(
        this.#host.api.GET('/api/v1/channels/{channelId}/members', { params: { path, query: { ...query, cursor } } }),
      ),
    );
  }

  /** Applies a change to the member list and, as far as it concerns them, to the owners and moderators. */
  #changeMembers(change: (list: Member[]) => Member[]): void {
    this.#memberList.change(change);
    this.#staffList.change(staffOnly(change));
  }

  #serially(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch(() => {});
  }
}
