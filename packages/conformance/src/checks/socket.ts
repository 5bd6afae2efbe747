import type { Message } from '@confab/protocol';
import { ensure, expectConsecutive, expectStatus, sameJson, show } from '../assert.js';
import type { Check } from '../check.js';
import { connectSocket, refusedStatus } from '../socket-recorder.js';
import { eventsOf, messageOf, profileOf, seqsOf, subscribe, text } from './support.js';

/** Socket tickets and the `hello` frame. */
export const ticketChecks: Check[] = [
  {
    id: 'tickets.single-use',
    area: 'tickets',
    title: 'a ticket opens one socket only; a reused, forged, empty or missing ticket is refused with 401',
    required: true,
    contract: 'asyncapi.yaml › Connecting; confab.yaml › POST /api/v1/auth/ws-ticket (createWsTicket) — single use',
    async run({ baseUrl, http, fixtures, transcript, frameTimeoutMs }) {
      const alice = await fixtures.user();
      const ticket = await fixtures.ticket(alice.token);
      const socket = await connectSocket(baseUrl, ticket, transcript, frameTimeoutMs);
      try {
        const first = await socket.next();
        ensure(first.type === 'hello', `the first frame is ${first.type}, not hello`);
        ensure(
          (await refusedStatus(baseUrl, ticket, transcript, frameTimeoutMs)) === 401,
          'a spent ticket was not refused with 401',
        );
        const forged = await refusedStatus(baseUrl, 'forged-ticket-value', transcript, frameTimeoutMs);
        ensure(forged === 401, `a forged ticket was refused with ${forged}, not 401`);
        const empty = await refusedStatus(baseUrl, '', transcript, frameTimeoutMs);
        ensure(empty === 401, `an empty ticket was refused with ${empty}, not 401`);
        const missing = await http.request('GET', '/api/v1/ws', { offContract: true });
        expectStatus(missing, 401, 'the upgrade path without a ticket');
      } finally {
        await socket.close();
      }
    },
  },
  {
    id: 'tickets.hello',
    area: 'tickets',
    title: "the first frame is hello: a session id, the ticket's user and scopes, the heartbeat",
    required: true,
    contract: 'asyncapi.yaml › receiveHello (HelloFrame)',
    async run({ fixtures, openSocket }) {
      const alice = await fixtures.user();
      const { hello } = await openSocket(alice.token);
      ensure(hello.sessionId.length > 0, 'hello.sessionId is empty');
      sameJson(hello.user, profileOf(alice), 'hello.user');
      sameJson([...hello.scopes].sort(), ['chat:read', 'chat:write'], 'hello.scopes');
      ensure(hello.heartbeatMs > 0, `hello.heartbeatMs is ${hello.heartbeatMs}`);
    },
  },
];

const area = 'socket';

/** The socket: ping, subscriptions, live events and their kinds. */
export const socketChecks: Check[] = [
  {
    id: 'socket.ping',
    area,
    title: 'ping answers pong with the same id',
    required: true,
    contract: 'asyncapi.yaml › sendPing → pong (PingFrame, PongFrame)',
    async run({ fixtures, openSocket }) {
      const { socket } = await openSocket((await fixtures.user()).token);
      socket.send({ type: 'ping', id: 'abc-123' });
      sameJson(await socket.waitFor('pong'), { type: 'pong', id: 'abc-123' }, 'the pong');
      socket.send({ type: 'ping' });
      await socket.waitFor('pong');
    },
  },
  {
    id: 'socket.live-events',
    area,
    title: 'subscribe answers subscribed with the head seq, then every change as an event, in seq order',
    required: true,
    contract: 'asyncapi.yaml › sendSubscribe → subscribed; Ordering — each event one seq higher, sent after commit',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const first = await fixtures.post(alice, channel.id, 'before subscribing');
      const { socket } = await openSocket(alice.token);
      const head = await subscribe(socket, channel.id);
      ensure(head === first.seq, `subscribed.seq is ${head}; the newest event is ${first.seq}`);

      const posted: Message[] = [];
      for (let i = 0; i < 5; i++) posted.push(await fixtures.post(alice, channel.id, `live ${i}`));
      expectStatus(await http.patch(`/api/v1/messages/${posted[0]!.id}`, alice.token, { body: text('edited') }), 200);
      expectStatus(await http.put(`/api/v1/messages/${posted[1]!.id}/reactions/:ok:`, alice.token), 200);
      expectStatus(await http.delete(`/api/v1/messages/${posted[2]!.id}`, alice.token), 200);
      const frames = await socket.collectUntil((f) => f.type === 'event' && f.kind === 'message:deleted');
      const events = eventsOf(frames, channel.id);
      expectConsecutive(seqsOf(events), head + 1, 8, 'live events');
      sameJson(
        events.map((e) => e.kind),
        [...Array(5).fill('message:created'), 'message:updated', 'reaction:added', 'message:deleted'],
        'the kinds of the events',
      );
      sameJson(
        events.slice(0, 5).map((e) => messageOf(e).id),
        posted.map((m) => m.id),
        'the messages of message:created',
      );
      ensure(messageOf(events[7]!).body === null, 'message:deleted does not carry the tombstone (body null)');
    },
  },
  {
    id: 'socket.event-kinds',
    area,
    title: 'joins, renames, reaction removals and leaves are events with consecutive seqs and their data',
    required: true,
    contract: 'confab.yaml › EventKind, MemberEventData, ChannelEventData, ReactionEventData',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const message = await fixtures.post(alice, channel.id, 'react and leave');
      expectStatus(await http.put(`/api/v1/messages/${message.id}/reactions/:ok:`, alice.token), 200);
      const { socket } = await openSocket(alice.token);
      const head = await subscribe(socket, channel.id);

      await fixtures.join(bob, channel.id);
      const rename = { name: `${channel.name}-renamed`, topic: 'events' };
      expectStatus(await http.patch(`/api/v1/channels/${channel.id}`, alice.token, rename), 200);
      expectStatus(await http.delete(`/api/v1/messages/${message.id}/reactions/:ok:`, alice.token), 200);
      expectStatus(await http.delete(`/api/v1/channels/${channel.id}/members/me`, bob.token), 204);
      const frames = await socket.collectUntil((f) => f.type === 'event' && f.kind === 'member:left');
      const events = eventsOf(frames, channel.id);
      expectConsecutive(seqsOf(events), head + 1, 4, 'the events');
      sameJson(
        events.map((e) => e.kind),
        ['member:joined', 'channel:updated', 'reaction:removed', 'member:left'],
        'the kinds of the events',
      );
      const [joined, updated, unreacted, left] = events.map((e) => e.data as Record<string, unknown>);
      sameJson(joined, { user: profileOf(bob), role: 'member' }, 'member:joined data');
      const renamed = (updated as { channel: Record<string, unknown> }).channel;
      sameJson(
        [renamed.id, renamed.name, renamed.topic, renamed.role],
        [channel.id, rename.name, 'events', null],
        'channel:updated data (id, name, topic, role as a non-member sees it)',
      );
      ensure(!('unreadCount' in renamed) && !('lastReadSeq' in renamed), 'channel:updated carries read state');
      sameJson([unreacted?.emoji, unreacted?.userId], [':ok:', alice.id], 'reaction:removed data (emoji, userId)');
      sameJson((unreacted as { message: Message }).message.reactions, [], 'reaction:removed message.reactions');
      ensure((left as { user: { id: string } }).user.id === bob.id, `member:left names ${show(left)}`);
    },
  },
  {
    id: 'socket.unsubscribe',
    area,
    title: 'unsubscribe answers unsubscribed (requested) and stops the events of that channel only',
    required: true,
    contract: 'asyncapi.yaml › sendUnsubscribe → unsubscribed',
    async run({ fixtures, openSocket }) {
      const alice = await fixtures.user();
      const quiet = await fixtures.channel(alice);
      const loud = await fixtures.channel(alice);
      const { socket } = await openSocket(alice.token);
      await subscribe(socket, quiet.id);
      await subscribe(socket, loud.id);
      socket.send({ type: 'unsubscribe', channels: [quiet.id] });
      const done = await socket.waitFor('unsubscribed');
      sameJson(done, { type: 'unsubscribed', channelId: quiet.id, reason: 'requested' }, 'the unsubscribed frame');
      const index = socket.frames.indexOf(done);
      await fixtures.post(alice, quiet.id, 'nobody listens');
      const barrier = await fixtures.post(alice, loud.id, 'still listening');
      await socket.waitFor('event', (f) => f.channelId === loud.id && f.seq === barrier.seq);
      sameJson(eventsOf(socket.frames.slice(index), quiet.id), [], 'events of the unsubscribed channel');
    },
  },
  {
    id: 'socket.subscription-ends',
    area,
    title: 'removal from a private channel or deleting a channel ends the subscription (unsubscribed)',
    required: true,
    contract: 'asyncapi.yaml › receiveUnsubscribed — reason removed | deleted',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const secret = await fixtures.channel(alice, 'private', [bob.id]);
      const doomed = await fixtures.channel(alice);
      const lobby = await fixtures.channel(alice);
      const { socket } = await openSocket(bob.token);
      for (const channel of [secret, doomed, lobby]) await subscribe(socket, channel.id);

      expectStatus(await http.delete(`/api/v1/channels/${secret.id}/members/${bob.id}`, alice.token), 204);
      const removed = await socket.waitFor('unsubscribed', (f) => f.channelId === secret.id);
      ensure(removed.reason === 'removed', `a removed member got reason "${removed.reason}"`);
      const index = socket.frames.indexOf(removed);
      await fixtures.post(alice, secret.id, 'bob is gone');

      expectStatus(await http.delete(`/api/v1/channels/${doomed.id}`, alice.token), 204);
      const deleted = await socket.waitFor('unsubscribed', (f) => f.channelId === doomed.id);
      ensure(deleted.reason === 'deleted', `a deleted channel gave reason "${deleted.reason}"`);

      const barrier = await fixtures.post(alice, lobby.id, 'barrier');
      await socket.waitFor('event', (f) => f.channelId === lobby.id && f.seq === barrier.seq);
      sameJson(eventsOf(socket.frames.slice(index), secret.id), [], 'events of the private channel after removal');
    },
  },
];
