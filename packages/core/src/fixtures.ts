/**
 * `@confab/core/fixtures`: a real {@link ChatClient} whose stores hold fixture data instead of a server's, for
 * stories, screenshots and an app's own tests. It never opens a connection: what the server would send is fed
 * through the same code its frames take (`hello`, `added`, `event`, `ack`, `error`, `presence`, `typing`), and
 * a request the client makes on its own (loading older messages, a reaction) stays unanswered.
 * @packageDocumentation
 */

// Types from the package's main entry by name, so that its `.d.ts` refers to them rather than copying them.
import type { ChatClient, ConnectionStatus } from '@confab/core';
import type { ErrorCode, EventFrame, EventKind, Message, Scope, User } from '@confab/protocol';
import { createChatClient } from './client.js';
import type { LocalMessage } from './feed.js';
import { type ChannelFixture, ChannelLog, channelOf, type MessageFixture } from './fixtures/build.js';
import { type ClientSeam, seams } from './fixtures/seam.js';
import { memoryStore } from './outbox.js';
import type { SessionMemory } from './session.js';

export {
  type ChannelFixture,
  type FailedSendFixture,
  FIXTURE_EPOCH,
  fixtureUser,
  type MessageFixture,
} from './fixtures/build.js';

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
}

/** A fixture client, and what a server would do to it. */
export interface FixtureClient {
  /** The real client: give it to the elements (`.client`) or to your own code. */
  readonly client: ChatClient;
  /** A channel's id, from its name or id. */
  channelId(channel: string): string;
  /** Shows a connection state, as the socket would report it. */
  setConnection(status: Exclude<ConnectionStatus, 'idle'>): void;
  /** Someone posts a message (a reply with `parentId`): the server's `message:created` event. */
  receive(channel: string, message: MessageFixture, parentId?: string): Message;
  /** A message changes (edited, deleted): the server's `message:updated` event. */
  update(channel: string, message: Message): void;
  /** Someone reacts to a message in a channel's feed: the server's `reaction:added` event. */
  react(channel: string, messageId: string, emoji: string, user: User): Message | undefined;
  /** The server stores the user's oldest unacknowledged send in a channel: its `ack` and `message:created`. */
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

/** A `fetch` for a client without a network: every request stays unanswered. */
const unanswered: typeof fetch = () => new Promise<Response>(() => {});

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
  const biggest = Math.max(0, ...channels.map((c) => c.messages?.length ?? 0));
  const client = createChatClient({
    baseUrl: 'https://fixture.invalid',
    token: 'fixture',
    fetch: unanswered,
    windowSize: Math.max(300, biggest),
    outboxStore: () => memoryStore(),
    draftStorage: memoryStorage(),
  });
  const seam = seams.get(client)!;
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
    seed(seam, channel, log);
  }

  const channelId = (channel: string) => ids.get(channel) ?? channel;
  const logOf = (channel: string) => {
    const id = channelId(channel);
    const log = logs.get(id) ?? new ChannelLog(id);
    logs.set(id, log);
    return log;
  };
  /** A channel event; one made with a new message carries the message's `seq`. */
  const event = (log: ChannelLog, kind: EventKind, data: EventFrame['data'], seq = ++log.seq) =>
    seam.frame({ type: 'event', channelId: log.channelId, seq, kind, at: new Date().toISOString(), data });
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
      const message = log.message(fixture, parentId ?? null);
      event(log, 'message:created', { message }, message.seq);
      const parent = parentId && stored(channel, parentId);
      if (parent) {
        const thread = { replyCount: parent.replyCount + 1, lastReplyAt: message.createdAt };
        event(log, 'message:updated', { message: { ...parent, ...thread } });
      }
      return message;
    },
    update: (channel, message) => event(logOf(channel), 'message:updated', { message }),
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
      const message: Message = { ...rest, id: `${log.channelId}-m${seq}`, seq };
      seam.frame({ type: 'ack', clientMessageId: message.clientMessageId, message });
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

/** Feeds one channel into the client through the frames and pages a server would hand it. */
function seed(seam: ClientSeam, fixture: ChannelFixture, log: ChannelLog): void {
  const { messages, threads } = log.history(fixture.messages ?? []);
  const channel = channelOf(fixture, log.channelId, log, messages);
  seam.frame({ type: 'added', channel });
  const control = seam.room(channel.id);
  if (fixture.messages) control.feed(null).show(log.page(messages, fixture.hasOlder));
  for (const [parent, replies] of threads) {
    control.feed(parent.id).show(log.page(replies));
    control.applyMessage(parent, false); // the thread's `$parent`
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
