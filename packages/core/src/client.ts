import type {
  AuthSession,
  Channel,
  ClientFrame,
  CreateChannelRequest,
  HelloFrame,
  Message,
  Scope,
  ServerFrame,
  User,
} from '@confab/protocol';
import { atom, map, type ReadableAtom } from 'nanostores';
import { ChannelList } from './channels.js';
import { Connection, type ConnectionStatus } from './connection.js';
import { directory } from './directory.js';
import { ConfabError } from './errors.js';
import { type ChatApi, createApi, createPublicApi, unwrap } from './http.js';
import { indexedDbStore, memoryStore, Outbox, type OutboxStore } from './outbox.js';
import { ChannelRoom } from './room.js';
import { Session, type SessionMemory, type TokenSource } from './session.js';

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
   * Where a built-in session is remembered across reloads, e.g. `localStorage` (it holds the refresh
   * token, so only where the page is trusted); `resume()` then signs back in. Nothing is kept without it.
   */
  remember?: SessionMemory;
}

/** A connection to one Confab server for one user. Everything hangs off it; two clients share nothing. */
export interface ChatClient {
  /** The typed REST client (openapi-fetch), for anything the helpers do not cover. */
  readonly api: ChatApi;
  readonly $connection: ReadableAtom<ConnectionStatus>;
  readonly $me: ReadableAtom<User | null>;
  /** Joined channels, most recent activity first, with `unreadCount`; channels the user is added to appear live. */
  readonly $channels: ReadableAtom<Channel[]>;
  /** Who is online, by channel id. */
  readonly $presence: ReadableAtom<Record<string, string[]>>;
  register(input: { username: string; password: string; displayName?: string }): Promise<User>;
  login(input: { username: string; password: string }): Promise<User>;
  /** Signs back in with the session kept in `remember`; resolves with the user, or null when there is none. */
  resume(): Promise<User | null>;
  logout(): Promise<void>;
  /** Opens the socket; resolves once the server said hello. */
  connect(): Promise<void>;
  disconnect(): void;
  /** One channel's state and actions (the same object for the same id). */
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
  /** Opens (or finds) the direct channel with another user. */
  openDirect(userId: string): Promise<Channel>;
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
  const $me = atom<User | null>(null);
  const $presence = map<Record<string, string[]>>({});
  const $scopes = atom<Scope[]>([]);
  const session = new Session(
    options.token,
    (refreshToken) => unwrap(publicApi.POST('/api/v1/auth/refresh', { body: { refreshToken } })).catch(() => undefined),
    (user) => $me.set(user),
    options.remember ? { store: options.remember, key: `confab:session:${baseUrl}` } : undefined,
  );
  const api = createApi(baseUrl, session, options.fetch);
  const publicApi = createPublicApi(baseUrl, options.fetch);
  const rooms = new Map<string, ChannelRoom>();
  const subscribed = new Set<ChannelRoom>();
  const storeFor = options.outboxStore ?? ((key) => (globalThis.indexedDB ? indexedDbStore(key) : memoryStore()));
  let outboxUser: string | undefined;

  const send = (frame: ClientFrame) => connection.send(frame);
  /** Opens the socket on first need; after `disconnect()` or `logout()` only `connect()` reopens it. */
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

  const subscribeFrame = (list: ChannelRoom[]) =>
    send({
      type: 'subscribe',
      channels: list.map((r) => ({ id: r.id, ...(r.lastSeq !== undefined ? { afterSeq: r.lastSeq } : {}) })),
    });

  let everOpen = false;
  const onOpen = (hello: HelloFrame) => {
    if (everOpen) channels.reloadIfObserved(); // `added` frames are not replayed
    everOpen = true;
    $me.set(hello.user);
    $scopes.set(hello.scopes);
    useOutboxOf(hello.user);
    const all = [...subscribed];
    for (let i = 0; i < all.length; i += 100) subscribeFrame(all.slice(i, i + 100));
    outbox.flush();
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'ack':
        outbox.settle(frame.message);
        rooms.get(frame.message.channelId)?.applyMessage(frame.message, true);
        break;
      case 'error':
        if (frame.ref && frame.ref !== frame.code)
          outbox.refuse(frame.ref, new ConfabError(frame.code, frame.detail, undefined, frame.retryAfter));
        break;
      case 'presence':
        $presence.setKey(frame.channelId, frame.online);
        break;
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
  });

  const room = (id: string): ChannelRoom => {
    let found = rooms.get(id);
    if (!found) {
      found = new ChannelRoom(id, {
        api,
        outbox,
        windowSize: options.windowSize ?? 300,
        me: () => $me.get(),
        subscribe(r) {
          subscribed.add(r);
          if (connection.$status.get() === 'idle') connection.open();
          else subscribeFrame([r]);
        },
        unsubscribe(r) {
          subscribed.delete(r);
          send({ type: 'unsubscribe', channels: [r.id] });
        },
        sendFrame: (frame) => {
          if (frame.type === 'read' && frame.seq !== undefined) channels.markRead(frame.channelId, frame.seq);
          return send(frame as ClientFrame);
        },
        onEvent: (event) => channels.onEvent(event),
      });
      rooms.set(id, found);
    }
    return found;
  };
  const channels = new ChannelList(api, room, () => $me.get(), openIfIdle);

  const signIn = async (session$: Promise<AuthSession>): Promise<User> => {
    const result = await session$;
    session.adopt(result);
    useOutboxOf(result.user);
    channels.reloadIfObserved();
    return result.user;
  };

  return {
    api,
    $connection: connection.$status,
    $me,
    $channels: channels.$channels,
    $presence,
    register: (input) => signIn(unwrap(publicApi.POST('/api/v1/auth/register', { body: input }))),
    login: (input) => signIn(unwrap(publicApi.POST('/api/v1/auth/login', { body: input }))),
    async resume() {
      if (!(await session.resume())) return null;
      const user = $me.get();
      if (user) useOutboxOf(user);
      channels.reloadIfObserved();
      return user;
    },
    async logout() {
      connection.close();
      $scopes.set([]);
      const refreshToken = session.clear();
      if (refreshToken) await publicApi.POST('/api/v1/auth/logout', { body: { refreshToken } });
    },
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
    channel: room,
    refreshChannels: () => channels.refresh(),
    $scopes,
    ...directory(api, channels),
  };
}
