/**
 * `@confab/core/fixtures`: a real {@link ChatClient} whose stores hold fixture data instead of a server's, for
 * stories, screenshots and an app's own tests. It never opens a connection: what the server would send is fed
 * through the same code its frames take (`hello`, `added`, `event`, `ack`, `error`, `presence`, `typing`,
 * `mention`), uploads are faked (progress, a stall, a refusal), and a request the client makes on its own
 * (a reaction, an edit) stays unanswered, except what moderation, search and pins ask (members, bans, the audit
 * log, reports, blocks, pins, search hits) and the message pages of a `paged` channel: those come from the fixture.
 * @packageDocumentation
 */

// Types from the package's main entry by name, so that its `.d.ts` refers to them rather than copying them.
import type { ChatClient, ConnectionStatus } from '@confab/core';
import type { ErrorCode, EventFrame, EventKind, LinkPreview, Me, Message, Scope, User } from '@confab/protocol';
import { createChatClient } from './client.js';
import type { LocalMessage } from './feed.js';
import { type ChannelFixture, ChannelLog, channelOf, type MessageFixture, membersOf } from './fixtures/build.js';
import { type ClientSeam, seams } from './fixtures/seam.js';
import { FixtureServer, type SearchFixture } from './fixtures/server.js';
import { fakeUploads, type UploadsFixture } from './fixtures/uploads.js';
import { isMentioned } from './mentions.js';
import { memoryStore } from './outbox.js';
import type { SessionMemory } from './session.js';
import { linkReviver } from './urls.js';

export {
  type AuditFixture,
  type BanFixture,
  type ChannelFixture,
  type FailedSendFixture,
  FIXTURE_EPOCH,
  fixtureUser,
  type MessageFixture,
  type ReportFixture,
} from './fixtures/build.js';
export type { SearchFixture } from './fixtures/server.js';
export type { UploadsFixture } from './fixtures/uploads.js';

/** Everything a fixture client starts with. */
export interface ChatFixture {
  /** The signed-in user. */
  me: User;
  /** The joined channels, in any order: `$channels` sorts them by activity. */
  channels?: ChannelFixture[];
  /** The socket's state to show (default `open`). */
  connection?: Exclude<ConnectionStatus, 'idle'>;
  /** What the user may do (default both: `chat:read`, `chat:write`). */
  scopes?: Scope[];
  /** How fake uploads go (default: they succeed after a few ticks). */
  uploads?: UploadsFixture;
  /** The user administers the deployment (`Me.admin`): may moderate and manage every channel. */
  admin?: boolean;
  /** Users the signed-in user blocked (`client.$blocked`). */
  blocked?: User[];
  /** How searches are answered (default `results`, found in the fixture's messages with highlights). */
  search?: SearchFixture;
}

/** A fixture client, and what a server would do to it. */
export interface FixtureClient {
  /** The real client: give it to the elements (`.client`) or to your own code. */
  readonly client: ChatClient;
  /** A channel's id, from its name or id. */
  channelId(channel: string): string;
  /** Shows a connection state, as the socket would report it. */
  setConnection(status: Exclude<ConnectionStatus, 'idle'>): void;
  /**
   * Someone posts a message (a reply with `parentId`): the server's `message:created` event, and a `mention`
   * frame when it mentions the user (`mentions`, `mentionsChannel`).
   */
  receive(channel: string, message: MessageFixture, parentId?: string): Message;
  /** A message changes (edited, deleted): the server's `message:updated` event. */
  update(channel: string, message: Message): void;
  /** The server adds a link preview to a loaded message, or removes it (`null`): its `message:updated` event. */
  preview(channel: string, messageId: string, preview: LinkPreview | null): Message | undefined;
  /** Changes how the next fake uploads go. */
  setUploads(uploads: UploadsFixture): void;
  /** Changes how the next searches are answered. */
  setSearch(search: SearchFixture): void;
  /** Someone reacts to a message in a channel's feed: the server's `reaction:added` event. */
  react(channel: string, messageId: string, emoji: string, user: User): Message | undefined;
  /**
   * The server stores the user's oldest unacknowledged send in a channel: its `ack` and `message:created` (a
   * body by `uploadId` of a fake upload completed as the server would).
   */
  acknowledge(channel: string): Message | undefined;
  /** The server refuses the user's oldest unacknowledged send in a channel for good (an `error` frame). */
  refuse(channel: string, code?: ErrorCode, detail?: string): void;
  /** Someone types in a channel, for `forMs` (default an hour). */
  typing(channel: string, user: User, forMs?: number): void;
  /** People come online or go offline in a channel. */
  presence(channel: string, change: { joined?: User[]; left?: User[] }): void;
  /** Signs the client out, as `client.logout()` does: its rooms stop, timers included (end a test with it). */
  close(): Promise<void>;
}

const HOUR = 3_600_000;

/** A Web Storage stand-in kept in memory, so that drafts never leak between fixture clients. */
function memoryStorage(): SessionMemory {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** Fixture links are relative to this, as a server's are to its URL. */
const BASE_URL = 'https://fixture.invalid';

/** A value as the client would read it off the wire (content links made absolute). */
const revive = <T>(value: T): T => JSON.parse(JSON.stringify(value), linkReviver(`${BASE_URL}/`));

/**
 * Creates a signed-in client holding `fixture`: channels with unread counts, messages (edited, deleted, with
 * reactions and threads), sends pending or failed, who is online and typing, and a connection state.
 * @example
 * const alice = fixtureUser('alice');
 * const bob = fixtureUser('bob');
 * const fixture = createFixtureClient({
 *   me: alice,
 *   channels: [{ name: 'general', unread: 1, messages: [{ author: alice, text: 'Hi' }, { author: bob, text: 'Hello!' }] }],
 * });
 * document.querySelector('chat-room').client = fixture.client;
 * fixture.receive('general', { author: bob, text: 'Anyone there?' });
 */
export function createFixtureClient(fixture: ChatFixture): FixtureClient {
  const channels = fixture.channels ?? [];
  const biggest = Math.max(0, ...channels.map((c) => (c.paged ? 0 : (c.messages?.length ?? 0))));
  const me: Me = {
    ...fixture.me,
    scopes: fixture.scopes ?? ['chat:read', 'chat:write'],
    ...(fixture.admin ? { admin: true } : {}),
  };
  const server = new FixtureServer({
    me: () => me,
    emit: (log, kind, data) => event(log, kind, data),
  });
  server.blocked = [...(fixture.blocked ?? [])];
  server.search = fixture.search ?? 'results';
  const client = createChatClient({
    baseUrl: BASE_URL,
    token: 'fixture',
    fetch: server.fetch,
    windowSize: Math.max(300, biggest),
    outboxStore: () => memoryStore(),
    draftStorage: memoryStorage(),
  });
  const seam = seams.get(client)!;
  let uploadSettings = fixture.uploads ?? {};
  const uploads = fakeUploads(() => uploadSettings, revive);
  seam.upload = uploads.upload;
  /** The seam, with every frame read as if off the wire. */
  const wire: ClientSeam = { ...seam, frame: (frame) => seam.frame(revive(frame)) };
  seam.hello({
    type: 'hello',
    sessionId: 'fixture',
    user: fixture.me,
    scopes: fixture.scopes ?? ['chat:read', 'chat:write'],
    heartbeatMs: HOUR,
  });
  seam.connection.reset(fixture.connection ?? 'open');

  const logs = new Map<string, ChannelLog>();
  const ids = new Map<string, string>();
  for (const channel of channels) {
    const id = channel.id ?? `channel-${channel.name}`;
    const log = new ChannelLog(id);
    logs.set(id, log);
    ids.set(channel.name, id);
    seed(wire, channel, log, fixture.me, server);
  }

  const channelId = (channel: string) => ids.get(channel) ?? channel;
  const logOf = (channel: string) => {
    const id = channelId(channel);
    const log = logs.get(id) ?? new ChannelLog(id);
    logs.set(id, log);
    return log;
  };
  /** A channel event; one made with a new message carries the message's `seq`. */
  function event(log: ChannelLog, kind: EventKind, data: EventFrame['data'], seq = ++log.seq): void {
    if ('message' in data) server.store(data.message);
    wire.frame({ type: 'event', channelId: log.channelId, seq, kind, at: new Date().toISOString(), data });
  }
  /** A message as the server has it (a loaded one, without its local marks). */
  const stored = (channel: string, messageId: string): Message | undefined => {
    const found = client
      .channel(channelId(channel))
      .$messages.get()
      .find((m) => m.id === messageId);
    if (!found) return undefined;
    const { pending: _, failed: __, ...message } = found;
    return message;
  };
  /** The user's oldest send in a channel that the server has not answered. */
  const unsent = (id: string): LocalMessage | undefined =>
    client
      .channel(id)
      .$messages.get()
      .find((m) => m.pending);

  return {
    client,
    channelId,
    setConnection: (status) => seam.connection.reset(status),
    receive(channel, fixture, parentId) {
      const log = logOf(channel);
      const message = revive(log.message(fixture, parentId ?? null));
      event(log, 'message:created', { message }, message.seq);
      if (isMentioned(message, client.$me.get())) wire.frame({ type: 'mention', channelId: log.channelId, message });
      const parent = parentId && stored(channel, parentId);
      if (parent) {
        const thread = { replyCount: parent.replyCount + 1, lastReplyAt: message.createdAt };
        event(log, 'message:updated', { message: { ...parent, ...thread } });
      }
      return message;
    },
    update: (channel, message) => event(logOf(channel), 'message:updated', { message }),
    preview(channel, messageId, preview) {
      const message = stored(channel, messageId);
      if (!message) return undefined;
      const updated = { ...message, preview };
      event(logOf(channel), 'message:updated', { message: updated });
      return updated;
    },
    setUploads(settings) {
      uploadSettings = settings;
    },
    setSearch(search) {
      server.search = search;
    },
    react(channel, messageId, emoji, user) {
      const message = stored(channel, messageId);
      if (!message) return undefined;
      const known = message.reactions.find((r) => r.emoji === emoji);
      const reactions = known
        ? message.reactions.map((r) =>
            r === known ? { emoji, count: r.count + 1, userIds: [...r.userIds, user.id] } : r,
          )
        : [...message.reactions, { emoji, count: 1, userIds: [user.id] }];
      const updated = { ...message, reactions };
      event(logOf(channel), 'reaction:added', { message: updated, emoji, userId: user.id });
      return updated;
    },
    acknowledge(channel) {
      const log = logOf(channel);
      const local = unsent(log.channelId);
      if (!local) return undefined;
      const { pending: _, failed: __, ...rest } = local;
      const seq = ++log.seq;
      const message: Message = { ...rest, body: uploads.fill(rest.body), id: `${log.channelId}-m${seq}`, seq };
      wire.frame({ type: 'ack', clientMessageId: message.clientMessageId, message });
      event(log, 'message:created', { message }, seq);
      return message;
    },
    refuse(channel, code = 'invalid_request', detail = 'The server refused this message.') {
      const local = unsent(channelId(channel));
      if (local) seam.frame({ type: 'error', code, detail, ref: local.clientMessageId });
    },
    typing(channel, user, forMs = HOUR) {
      const id = channelId(channel);
      seam.room(id);
      seam.frame({ type: 'typing', channelId: id, user, expiresInMs: forMs });
    },
    close: () => client.logout(),
    presence(channel, { joined = [], left = [] }) {
      seam.frame({
        type: 'presence',
        channelId: channelId(channel),
        joined: joined.map((u) => u.id),
        left: left.map((u) => u.id),
      });
    },
  };
}

/**
 * Feeds one channel into the client through the frames and pages a server would hand it, and gives the
 * fixture's server what it answers requests with (members, bans, audit log, reports, pins, messages).
 */
function seed(seam: ClientSeam, fixture: ChannelFixture, log: ChannelLog, me: User, server: FixtureServer): void {
  const { messages, threads } = log.history(fixture.messages ?? []);
  const channel = channelOf(fixture, log.channelId, log, messages, me);
  const replies = [...threads.values()].flat();
  server.add(fixture, log, channel, membersOf(fixture, messages, me), revive([...messages, ...replies]));
  seam.frame({ type: 'added', channel });
  const control = seam.room(channel.id);
  const state = server.channels.get(channel.id)!;
  if (fixture.messages) control.feed(null).show(server.newestPage(state, fixture.hasOlder));
  for (const [parent, replies] of threads) {
    control.feed(parent.id).show(revive(log.page(replies)));
    control.applyMessage(revive(parent), false); // the thread's `$parent`
  }
  if (fixture.online) seam.frame({ type: 'presence', channelId: channel.id, online: fixture.online.map((u) => u.id) });
  for (const user of fixture.typing ?? [])
    seam.frame({ type: 'typing', channelId: channel.id, user, expiresInMs: HOUR });
  const room = control.room;
  for (const text of fixture.pending ?? []) void room.send({ type: 'text', text }).catch(() => {});
  for (const failed of fixture.failed ?? []) {
    void room.send({ type: 'text', text: failed.text }).catch(() => {});
    const local = room.$messages.get().at(-1)!;
    seam.frame({
      type: 'error',
      code: failed.code ?? 'invalid_request',
      detail: failed.detail ?? 'The server refused this message.',
      ref: local.clientMessageId,
    });
  }
}
