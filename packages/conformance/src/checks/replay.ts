import type { Channel, EventPage, Message } from '@confab/protocol';
import { ensure, expectConsecutive, expectStatus, sameJson, show } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import { eventsOf, messageOf, seqsOf, subscribe, text, withoutNotices } from './support.js';

const area = 'replay';

/** Recovery: replay after `afterSeq`, `resync`, reconnects and the REST event log. */
export const replayChecks: Check[] = [
  {
    id: 'replay.after-seq',
    area,
    title: 'subscribe with afterSeq replays exactly the missed events in order, then subscribed, then live',
    required: true,
    contract:
      'asyncapi.yaml › Recovery — replay every event after afterSeq, in order, then subscribed; no gap, no duplicate',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const before = await openSocket(alice.token);
      const seen = await subscribe(before.socket, channel.id);
      await before.socket.close();

      const missed: Message[] = [];
      for (let i = 0; i < 3; i++) missed.push(await fixtures.post(alice, channel.id, `missed ${i}`));
      expectStatus(await http.patch(`/api/v1/messages/${missed[0]!.id}`, alice.token, { body: text('edited') }), 200);
      const reply = await fixtures.post(alice, channel.id, 'in a thread', missed[1]!.id);

      const { socket } = await openSocket(alice.token);
      socket.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: seen }] });
      const frames = withoutNotices(await socket.collectUntil((f) => f.type === 'subscribed'));
      const subscribed = frames.pop();
      const events = eventsOf(frames, channel.id);
      ensure(
        events.length === frames.length,
        `only events may come before subscribed, got ${show(frames.map((f) => f.type))}`,
      );
      expectConsecutive(seqsOf(events), seen + 1, 6, 'the replayed events');
      sameJson(
        events.map((e) => [e.kind, messageOf(e).id]),
        [
          ['message:created', missed[0]!.id],
          ['message:created', missed[1]!.id],
          ['message:created', missed[2]!.id],
          ['message:updated', missed[0]!.id],
          ['message:created', reply.id],
          ['message:updated', missed[1]!.id],
        ],
        'the replayed events (kind, message id); a reply is followed by message:updated of its parent',
      );
      ensure(messageOf(events[5]!).replyCount === 1, "the parent's message:updated does not count the reply");
      sameJson(subscribed, { type: 'subscribed', channelId: channel.id, seq: seen + 6 }, 'the subscribed frame');

      const live = await fixtures.post(alice, channel.id, 'live again');
      const next = await socket.waitFor('event', (f) => f.channelId === channel.id);
      sameJson([next.seq, messageOf(next).id], [seen + 7, live.id], 'the first live event after the replay');

      socket.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: seen + 7 }] });
      const upToDate = await socket.collectUntil((f) => f.type === 'subscribed');
      sameJson(eventsOf(upToDate, channel.id), [], 'events replayed to a socket that missed nothing');
    },
  },
  {
    id: 'replay.resync',
    area,
    title: 'an afterSeq beyond the head answers resync at the head, then subscribed, then live events',
    required: true,
    contract: 'asyncapi.yaml › Recovery — afterSeq unknown (or past the replay window) → resync; ResyncFrame',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      for (let i = 0; i < 3; i++) await fixtures.post(alice, channel.id, `m${i}`);
      const head = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, alice.token), 200).lastSeq;
      const { socket } = await openSocket(alice.token);
      socket.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: head + 10 }] });
      const frames = withoutNotices(await socket.collectUntil((f) => f.type === 'subscribed'));
      sameJson(
        frames,
        [
          { type: 'resync', channelId: channel.id, seq: head },
          { type: 'subscribed', channelId: channel.id, seq: head },
        ],
        `subscribing with afterSeq ${head + 10} when the head is ${head}`,
      );
      const live = await fixtures.post(alice, channel.id, 'after resync');
      const event = await socket.waitFor('event', (f) => f.channelId === channel.id);
      sameJson([event.seq, messageOf(event).id], [head + 1, live.id], 'the first live event after resync');
    },
  },
  {
    id: 'replay.reconnect',
    area,
    title: 'a socket that drops while others send and resumes with afterSeq ends with every event exactly once',
    required: true,
    contract:
      'DESIGN › Ordering and recovery; asyncapi.yaml › Recovery — no gap and no duplicate between replay and live',
    async run({ fixtures, openSocket }) {
      const [alice, bob] = await fixtures.users(2);
      const channel = await fixtures.channel(alice!);
      await fixtures.join(bob!, channel.id);
      const first = (await openSocket(alice!.token)).socket;
      const start = await subscribe(first, channel.id);
      const total = 30;
      const sends: Promise<Message>[] = [];
      const sendSome = (from: number, to: number) => {
        for (let i = from; i < to; i++) sends.push(fixtures.post(bob!, channel.id, `n${i}`));
      };
      sendSome(0, 10);
      await first.waitFor('event', (f) => f.channelId === channel.id && f.seq >= start + 5);
      await first.close();
      const before = eventsOf(first.frames, channel.id);
      const lastSeen = before.at(-1)!.seq;
      sendSome(10, 20);
      const second = (await openSocket(alice!.token)).socket;
      second.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: lastSeen }] });
      sendSome(20, total);
      await Promise.all(sends);
      await second.collectUntil(
        (f) => f.type === 'event' && f.channelId === channel.id && f.seq >= start + total,
        10_000,
      );
      const after = eventsOf(second.frames, channel.id);
      expectConsecutive(seqsOf(before), start + 1, before.length, 'events before the drop');
      expectConsecutive(seqsOf(after), lastSeen + 1, start + total - lastSeen, 'events after resuming');
      const history = (await fixtures.history(alice!, channel.id)).filter((m) => m.seq > start);
      sameJson(
        [...before, ...after].map((e) => messageOf(e).id),
        history.map((m) => m.id),
        'the events seen across the drop, against the REST history',
      );
    },
  },
  {
    id: 'replay.rest-events',
    area,
    title: 'GET …/events?afterSeq= answers the missed events in order, as the socket sends them, limit honoured',
    required: true,
    contract:
      'confab.yaml › GET /api/v1/channels/{channelId}/events (listEvents) → EventPage; asyncapi.yaml › Ordering (the live events it is held against)',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const { socket } = await openSocket(alice.token);
      const start = await subscribe(socket, channel.id);
      const posted: Message[] = [];
      for (let i = 0; i < 6; i++) posted.push(await fixtures.post(alice, channel.id, `e${i}`));
      expectStatus(await http.put(`/api/v1/messages/${posted[2]!.id}/reactions/:ok:`, alice.token), 200);
      const live = eventsOf(
        await socket.collectUntil((f) => f.type === 'event' && f.kind === 'reaction:added'),
        channel.id,
      );
      expectConsecutive(seqsOf(live), start + 1, 7, 'the live events');
      const path = `/api/v1/channels/${channel.id}/events`;
      const all = expectStatus(await http.get<EventPage>(`${path}?afterSeq=${start}`, alice.token), 200);
      ensure(all.resync === false, 'a short gap answered resync: true');
      ensure(all.headSeq === start + 7, `headSeq is ${all.headSeq}, the newest event is ${start + 7}`);
      expectConsecutive(seqsOf(all.items), start + 1, 7, 'the events over REST');
      sameJson(all.items, live, 'the events over REST against the live events on the socket');
      const limited = expectStatus(
        await http.get<EventPage>(`${path}?afterSeq=${start + 2}&limit=3`, alice.token),
        200,
      );
      sameJson(seqsOf(limited.items), [start + 3, start + 4, start + 5], 'afterSeq with limit=3');
      const none = expectStatus(await http.get<EventPage>(`${path}?afterSeq=${start + 7}`, alice.token), 200);
      sameJson([none.items, none.resync], [[], false], 'afterSeq at the head');
    },
  },
];

/** Per-channel `seq` order under concurrent senders. */
export const orderingChecks: Check[] = [
  {
    id: 'ordering.concurrent-senders',
    area: 'ordering',
    title: 'concurrent senders (REST and socket): every subscriber sees consecutive seqs in the order of the history',
    required: true,
    contract: 'asyncapi.yaml › Ordering — per-channel seq, one higher each event, sent in seq order after commit',
    async run({ fixtures, openSocket }) {
      const users = await fixtures.users(4);
      const [alice, bob, carol, dave] = users as [
        (typeof users)[0],
        (typeof users)[0],
        (typeof users)[0],
        (typeof users)[0],
      ];
      const channel = await fixtures.channel(alice);
      for (const user of [bob, carol, dave]) await fixtures.join(user, channel.id);
      const sockets = await Promise.all(users.map(async (u) => (await openSocket(u.token)).socket));
      const heads = await Promise.all(sockets.map((s) => subscribe(s, channel.id)));
      const start = heads[0]!;
      ensure(
        heads.every((h) => h === start),
        `subscribers got different heads: ${show(heads)}`,
      );

      const perUser = 10;
      const total = perUser * users.length;
      const socketSenders = [sockets[2]!, sockets[3]!];
      for (const socket of socketSenders) {
        for (let i = 0; i < perUser; i++) {
          socket.send({ type: 'send', clientMessageId: newClientId(), channelId: channel.id, body: text(`s${i}`) });
        }
      }
      await Promise.all(
        [alice, bob].flatMap((u) => Array.from({ length: perUser }, (_, i) => fixtures.post(u, channel.id, `r${i}`))),
      );
      for (const socket of socketSenders) {
        const answers = () => socket.frames.filter((f) => f.type === 'ack' || f.type === 'error');
        await socket.until(() => answers().length >= perUser, `answers to ${perUser} sends`, 15_000);
        const refused = answers().find((f) => f.type === 'error');
        ensure(!refused, `socket ${socket.number}: a send answered ${show(refused)}`);
      }
      const history = (await fixtures.history(alice, channel.id)).filter((m) => m.seq > start);
      ensure(history.length === total, `${history.length} messages stored, ${total} sent`);
      for (const [index, socket] of sockets.entries()) {
        const reached = () => eventsOf(socket.frames, channel.id).some((e) => e.seq >= start + total);
        await socket.until(reached, `the event with seq ${start + total}`, 15_000);
        const events = eventsOf(socket.frames, channel.id);
        expectConsecutive(seqsOf(events), start + 1, total, `subscriber ${index + 1}`);
        sameJson(
          events.map((e) => messageOf(e).id),
          history.map((m) => m.id),
          `subscriber ${index + 1}: the event order against the REST history`,
        );
      }
      for (const socket of socketSenders) {
        const acks = socket.frames.filter((f) => f.type === 'ack');
        ensure(acks.length === perUser, `socket ${socket.number} got ${acks.length} acks for ${perUser} sends`);
        const ids = new Set(acks.map((a) => (a.type === 'ack' ? a.message.id : '')));
        ensure(ids.size === perUser, `socket ${socket.number}: ${perUser} sends were acked with ${ids.size} messages`);
      }
    },
  },
  {
    id: 'ordering.per-channel',
    area: 'ordering',
    title: 'each channel has its own seq: one socket on two busy channels sees each one consecutive',
    required: true,
    contract: 'DESIGN › Ordering and recovery — every event in a channel gets the next per-channel seq',
    async run({ fixtures, openSocket }) {
      const [alice, bob] = await fixtures.users(2);
      const red = await fixtures.channel(alice!);
      const blue = await fixtures.channel(bob!);
      const { socket } = await openSocket(alice!.token);
      const heads = [await subscribe(socket, red.id), await subscribe(socket, blue.id)];
      const count = 12;
      await Promise.all([
        ...Array.from({ length: count }, (_, i) => fixtures.post(alice!, red.id, `red ${i}`)),
        ...Array.from({ length: count }, (_, i) => fixtures.post(bob!, blue.id, `blue ${i}`)),
      ]);
      for (const [index, channel] of [red, blue].entries()) {
        const head = heads[index]!;
        const last = head + count;
        const name = `channel ${index === 0 ? 'red' : 'blue'}`;
        const reached = () => eventsOf(socket.frames, channel.id).some((e) => e.seq >= last);
        await socket.until(reached, `the event with seq ${last} of ${name}`);
        expectConsecutive(seqsOf(eventsOf(socket.frames, channel.id)), head + 1, count, name);
      }
    },
  },
];
