import type {
  AuthSession,
  Channel,
  ClientFrame,
  CreateChannelRequest,
  HelloFrame,
  Me,
  Message,
  Scope,
  SearchPage,
  ServerFrame,
  User,
} from '@confab/protocol';
import { atom, type ReadableAtom } from 'nanostores';
import { Blocks } from './blocks.js';
import type { ChannelRoom } from './channel-room.js';
import { ChannelList } from './channels.js';
import { Connection, type ConnectionStatus } from './connection.js';
import { directory } from './directory.js';
import { Drafts } from './drafts.js';
import { ConfabError } from './errors.js';
import { type ClientSeam, seams } from './fixtures/seam.js';
import { type ChatApi, createApi, createPublicApi, unwrap } from './http.js';
import { indexedDbStore, memoryStore, Outbox, type OutboxStore } from './outbox.js';
import { createRoom, type RoomControl } from './room.js';
import { type SearchOptions, searchMessages } from './search.js';
import { pageStorage, Session, type SessionMemory, type TokenSource } from './session.js';
import { createUploader } from './uploads.js';
import { linkReviver } from './urls.js';

/** Whether someone is signed in: always `signed-in` with a host-app token; `resuming` while `resume()` runs. */
export type AuthStatus = 'resuming' | 'signed-in' | 'signed-out';

/** How a client is made: where the server is, how the user signs in, and where things are kept. */
export interface ChatClientOptions {
  /** Where the server is, e.g. `http://localhost:8787`. */
  baseUrl: string;
  /** A host-app token, or a function returning a fresh one; omit it to use `login` / `register`. */
  token?: TokenSource;
  /** A WebSocket implementation for runtimes without one (Node 20: pass `ws`). */
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  /** How many messages a feed keeps loaded at most (default 300). */
  windowSize?: number;
  /** Where unsent messages survive a reload; IndexedDB in browsers by default. */
  outboxStore?: (key: string) => OutboxStore;
  /**
   * Where a built-in session is remembered across reloads (it holds the refresh token, so only where the page
   * is trusted); `resume()` then signs back in. `true` is the page's localStorage when it may use one (a
   * sandboxed frame may not: then nothing is kept). Nothing is kept without it.
   */
  remember?: true | SessionMemory;
  /** Where drafts are kept across reloads: the page's localStorage by default, memory where there is none. */
  draftStorage?: SessionMemory;
}

/** A connection to one Confab server for one user. Everything hangs off it; two clients share nothing. */
export interface ChatClient {
  /** The typed REST client (openapi-fetch), for anything the helpers do not cover. */
  readonly api: ChatApi;
  /** The socket's state. */
  readonly $connection: ReadableAtom<ConnectionStatus>;
  /** Whether someone is signed in (see {@link AuthStatus}): what decides between a sign-in form and the chat. */
  readonly $auth: ReadableAtom<AuthStatus>;
  /**
   * The signed-in user, once known (a host-app token's user is known after the socket's `hello`), with what
   * their token allows (`scopes`) and, once `GET /me` answered, whether they administer the deployment (`admin`).
   */
  readonly $me: ReadableAtom<Me | null>;
  /** Ids of the users the signed-in user blocked: loaded at sign-in, emptied at sign-out. */
  readonly $blocked: ReadableAtom<string[]>;
  /** Joined channels, most recent activity first, with `unreadCount`; channels the user is added to appear live. */
  readonly $channels: ReadableAtom<Channel[]>;
  /** Who is online, by channel id. */
  readonly $presence: ReadableAtom<Record<string, string[]>>;
  /** Creates a built-in account and signs in (reopening what `logout()` closed). */
  register(input: { username: string; password: string; displayName?: string }): Promise<User>;
  /** Signs in with a built-in account (reopening what `logout()` closed). */
  login(input: { username: string; password: string }): Promise<User>;
  /** Signs back in with the session kept in `remember`; resolves with the user, or null when there is none. */
  resume(): Promise<User | null>;
  /**
   * Signs out: closes the socket and forgets everything of the user (rooms, `$channels`, `$presence`,
   * `$scopes`, `$me`, typing, drafts, the outbox binding) so that whoever signs in next starts clean.
   */
  logout(): Promise<void>;
  /**
   * Signs a built-in account out on every device (`POST /auth/logout-all`): every session and access token
   * ends; then forgets everything here as `logout()` does. Rejects with a {@link ConfabError} (and keeps
   * the user signed in) when the server refuses, e.g. 403 `forbidden` for a host-app user.
   */
  logoutEverywhere(): Promise<void>;
  /**
   * Changes a built-in account's password (`POST /me/password`): every other session ends, this client
   * carries on with the fresh session it gets. A wrong `currentPassword` rejects with 403 `forbidden`.
   * @example await client.changePassword({ currentPassword, newPassword });
   */
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<void>;
  /** Opens the socket; resolves once the server said hello. */
  connect(): Promise<void>;
  /** Closes the socket until `connect()`. */
  disconnect(): void;
  /** One channel's state and actions (the same object for the same id until `logout()`). */
  channel(id: string): ChannelRoom;
  /** Reloads the joined channels. */
  refreshChannels(): Promise<Channel[]>;
  /** What the user's token allows (`chat:read`, `chat:write`), as the socket's `hello` said; empty before. */
  readonly $scopes: ReadableAtom<Scope[]>;
  /** One channel as the user sees it (`role` null when not a member). */
  getChannel(channelId: string): Promise<Channel>;
  /** One message. */
  getMessage(messageId: string): Promise<Message>;
  /** Public channels, to browse and join. */
  publicChannels(): Promise<Channel[]>;
  /** Users whose username starts with `q`. */
  searchUsers(q: string, limit?: number): Promise<User[]>;
  /** Creates a channel (the user owns it) and adds it to `$channels`. */
  createChannel(input: CreateChannelRequest): Promise<Channel>;
  /** Joins a public channel and adds it to `$channels`. */
  joinChannel(channelId: string): Promise<Channel>;
  /** Leaves a channel and drops it from `$channels`. */
  leaveChannel(channelId: string): Promise<void>;
  /** Opens (or finds) the direct channel with another user. */
  openDirect(userId: string): Promise<Channel>;
  /**
   * Calls `listener` once for each new message that mentions the user (a `mention` frame; a channel kept
   * read counts no mention, but its messages still come here): for notifications. Returns the stop.
   * @example client.onMention((m) => new Notification(`${m.author.displayName} mentioned you`));
   */
  onMention(listener: (message: Message) => void): () => void;
  /** Blocks a user (`PUT /me/blocks/{userId}`): in `$blocked` at once, taken out again if the server refuses. */
  block(userId: string): Promise<void>;
  /** Unblocks a user: out of `$blocked` at once, back in if the server refuses. */
  unblock(userId: string): Promise<void>;
  /**
   * Searches the messages of every channel the user may read, or of one (`channelId`): hits newest first,
   * each with its channel and a plain-text `snippet` whose `highlights` are the matches; `nextCursor` is the
   * next page's `before`. Words, `"phrases"` and `prefix*` as the server understands them.
   * @example const { items, nextCursor } = await client.search('release notes');
   */
  search(q: string, options?: SearchOptions): Promise<SearchPage>;
}

/**
 * Creates a client.
 * @example
 * const client = createChatClient({ baseUrl: 'http://localhost:8787', token: await myBackend.chatToken() });
 * const room = client.channel(channelId);
 * room.$messages.subscribe((messages) => render(messages));
 * await room.send({ type: 'text', text: 'Hello' });
 */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const reviver = linkReviver(`${baseUrl}/`);
  const $me = atom<Me | null>(null);
  const $auth = atom<AuthStatus>(options.token ? 'signed-in' : 'signed-out');
  const $presence = atom<Record<string, string[]>>({});
  const $scopes = atom<Scope[]>([]);
  const drafts = new Drafts(options.draftStorage ?? pageStorage(), (userId) => `confab:drafts:${baseUrl}|${userId}`);
  const remember = options.remember === true ? pageStorage() : options.remember;
  /** Takes the user as the server names them; a new user's `Me` (admin) and blocks are fetched. */
  const setMe = (user: User | null, scopes?: Scope[]) => {
    const known = $me.get();
    const same = known !== null && user !== null && known.id === user.id;
    $me.set(
      user && {
        ...(same ? known : {}),
        ...user,
        scopes: scopes ?? (same ? known.scopes : $scopes.get()),
      },
    );
    drafts.follow(user?.id);
    if (!user) blocks.clear();
    else if (!same) {
      void blocks.load();
      void unwrap(api.GET('/api/v1/me'))
        .then((me) => {
          if ($me.get()?.id === me.id) $me.set({ ...$me.get()!, ...me });
        })
        .catch(() => {});
    }
  };
  /** Set by a sign-out: the next sign-in makes the socket openable again. */
  let signedOut = false;
  const session = new Session(
    options.token,
    (refreshToken) => unwrap(publicApi.POST('/api/v1/auth/refresh', { body: { refreshToken } })).catch(() => undefined),
    (user) => {
      if (!user) return forget();
      setMe(user);
      $auth.set('signed-in');
      if (signedOut) connection.reset();
      signedOut = false;
      for (const room of rooms.values()) room.ready();
    },
    remember ? { store: remember, key: `confab:session:${baseUrl}` } : undefined,
  );
  const api = createApi(baseUrl, session, reviver, options.fetch);
  const blocks = new Blocks(api);
  const publicApi = createPublicApi(baseUrl, options.fetch);
  const rooms = new Map<string, RoomControl>();
  /** Messages whose `mention` frame was handled, and who hears of them. */
  const mentioned = new Set<string>();
  const mentionListeners = new Set<(message: Message) => void>();
  const subscribed = new Set<RoomControl>();
  const storeFor = options.outboxStore ?? ((key) => (globalThis.indexedDB ? indexedDbStore(key) : memoryStore()));
  let outboxUser: string | undefined;

  const send = (frame: ClientFrame) => connection.send(frame);
  /** Opens the socket on first need; after `disconnect()` only `connect()` reopens it, after `logout()` a sign-in. */
  const openIfIdle = () => {
    if (connection.$status.get() === 'idle') connection.open();
  };
  const outbox = new Outbox((entry) => {
    openIfIdle();
    const { failed: _, createdAt: __, parentId, ...rest } = entry;
    return send({ type: 'send', ...rest, ...(parentId ? { parentId } : {}) });
  });

  const useOutboxOf = (user: User) => {
    if (outboxUser === user.id) return;
    outboxUser = user.id;
    void outbox.use(storeFor(`${baseUrl}|${user.id}`));
  };

  const subscribeFrame = (list: RoomControl[]) =>
    send({
      type: 'subscribe',
      channels: list.map((r) => {
        const afterSeq = r.lastSeq();
        return { id: r.room.id, ...(afterSeq !== undefined ? { afterSeq } : {}) };
      }),
    });

  let everOpen = false;
  const onOpen = (hello: HelloFrame) => {
    if (everOpen) channels.reloadIfObserved(); // `added` frames are not replayed
    everOpen = true;
    $scopes.set(hello.scopes);
    setMe(hello.user, hello.scopes);
    useOutboxOf(hello.user);
    const all = [...subscribed];
    for (let i = 0; i < all.length; i += 100) subscribeFrame(all.slice(i, i + 100));
    outbox.flush();
    for (const room of rooms.values()) room.ready();
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'ack':
        outbox.settle(frame.message);
        rooms.get(frame.message.channelId)?.applyMessage(frame.message, true);
        break;
      case 'mention': {
        const { message } = frame;
        if (mentioned.has(message.id)) break;
        mentioned.add(message.id);
        channels.mention(message);
        for (const listener of mentionListeners) listener(message);
        break;
      }
      case 'error':
        if (frame.ref && frame.ref !== frame.code)
          outbox.refuse(frame.ref, new ConfabError(frame.code, frame.detail, undefined, frame.retryAfter));
        break;
      case 'presence': {
        // the whole list answers a subscribe; after that come changes (`joined`, `left`) to apply to it
        const known = frame.online ?? $presence.get()[frame.channelId] ?? [];
        const left = new Set(frame.left);
        const online = [...new Set([...known, ...(frame.joined ?? [])])].filter((id) => !left.has(id));
        $presence.set({ ...$presence.get(), [frame.channelId]: online });
        break;
      }
      case 'unsubscribed':
        if (frame.reason !== 'requested') channels.remove(frame.channelId);
        break;
      case 'added':
        channels.add(frame.channel);
        break;
      case 'event':
      case 'resync':
      case 'subscribed':
      case 'typing':
        rooms.get(frame.channelId)?.handle(frame);
        break;
    }
  };

  const connection = new Connection({
    url: async () => {
      const { ticket } = await unwrap(api.POST('/api/v1/auth/ws-ticket'));
      return `${baseUrl.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;
    },
    WebSocket: options.WebSocket,
    onFrame,
    onOpen,
    reviver,
  });

  const control = (id: string): RoomControl => {
    let found = rooms.get(id);
    if (!found) {
      found = createRoom(id, {
        api,
        outbox,
        windowSize: options.windowSize ?? 300,
        upload: (file, uploadOptions) => seam.upload(file, uploadOptions),
        me: () => $me.get(),
        subscribe(r) {
          subscribed.add(r);
          if (connection.$status.get() === 'idle') connection.open();
          else subscribeFrame([r]);
        },
        unsubscribe(r) {
          subscribed.delete(r);
          send({ type: 'unsubscribe', channels: [r.room.id] });
        },
        sendFrame: (frame) => send(frame as ClientFrame),
        onEvent: (event) => channels.onEvent(event),
        listed: (channelId) => channels.$channels.get().find((c) => c.id === channelId),
        showRead: (channelId, seq) => channels.markRead(channelId, seq),
        join: (channelId) => actions.joinChannel(channelId),
        patchListed: (channelId, fields) => channels.patch(channelId, fields),
        draft: (channelId, parentId, alive) => drafts.draft(channelId, parentId, alive),
      });
      rooms.set(id, found);
    }
    return found;
  };
  const channels = new ChannelList({
    api,
    room: control,
    me: () => $me.get(),
    goLive: openIfIdle,
    keptRead: (channelId) => rooms.get(channelId)?.keptRead() ?? false,
    changed() {
      for (const room of rooms.values()) room.listChanged();
    },
  });
  const actions = directory(api, channels);

  /** Ends the user's session here: the socket, their rooms, lists and outbox (a sign-out, or a session that lapsed). */
  function forget(): void {
    connection.close();
    for (const room of rooms.values()) room.dispose();
    rooms.clear();
    subscribed.clear();
    mentioned.clear();
    channels.reset();
    $presence.set({});
    $scopes.set([]);
    outbox.detach();
    outboxUser = undefined;
    everOpen = false;
    setMe(null);
    if (options.token)
      connection.reset(); // a host-app token stays: the next need opens the socket again
    else {
      signedOut = true;
      $auth.set('signed-out');
    }
  }

  const signIn = async (session$: Promise<AuthSession>): Promise<User> => {
    const result = await session$;
    if (outboxUser && outboxUser !== result.user.id) forget(); // someone else was signed in
    session.adopt(result);
    useOutboxOf(result.user);
    channels.reloadIfObserved();
    return result.user;
  };

  const client: ChatClient = {
    api,
    $connection: connection.$status,
    $auth,
    $me,
    $blocked: blocks.$blocked,
    $channels: channels.$channels,
    $presence,
    register: (input) => signIn(unwrap(publicApi.POST('/api/v1/auth/register', { body: input }))),
    login: (input) => signIn(unwrap(publicApi.POST('/api/v1/auth/login', { body: input }))),
    async resume() {
      if ($auth.get() === 'signed-out') $auth.set('resuming');
      try {
        if (!(await session.resume())) return null;
      } finally {
        if ($auth.get() === 'resuming') $auth.set('signed-out');
      }
      const user = $me.get();
      if (user) useOutboxOf(user);
      channels.reloadIfObserved();
      return user;
    },
    async logout() {
      drafts.clear();
      const refreshToken = session.clear();
      if (refreshToken) await publicApi.POST('/api/v1/auth/logout', { body: { refreshToken } });
    },
    async logoutEverywhere() {
      await unwrap(api.POST('/api/v1/auth/logout-all'));
      drafts.clear();
      session.clear();
    },
    changePassword: async (body) => session.adopt(await unwrap(api.POST('/api/v1/me/password', { body }))),
    connect() {
      connection.open();
      return new Promise((resolve) => {
        const stop = connection.$status.subscribe((status) => {
          if (status !== 'open') return;
          queueMicrotask(() => stop());
          resolve();
        });
      });
    },
    disconnect: () => connection.close(),
    channel: (id) => control(id).room,
    refreshChannels: () => channels.refresh(),
    $scopes,
    ...actions,
    onMention(listener) {
      mentionListeners.add(listener);
      return () => void mentionListeners.delete(listener);
    },
    block: (userId) => blocks.block(userId),
    unblock: (userId) => blocks.unblock(userId),
    search: (q, searchOptions) => searchMessages(api, q, searchOptions),
  };
  const seam: ClientSeam = {
    hello: onOpen,
    frame: onFrame,
    connection,
    room: control,
    upload: createUploader(baseUrl, session, reviver, options.fetch),
  };
  seams.set(client, seam);
  return client;
}
