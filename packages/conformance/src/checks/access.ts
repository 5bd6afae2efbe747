import type { Channel, ChannelPage, MessagePage, ReadState } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { type KitUser, newClientId } from '../fixtures.js';
import type { HttpRecorder } from '../http-recorder.js';
import { eventually, text } from './support.js';

/** Who may read, write and listen. */
export const accessChecks: Check[] = [
  {
    id: 'access.private-hidden',
    area: 'access',
    title: 'a non-member neither reads, writes nor hears anything of a private channel (404 everywhere)',
    required: true,
    contract: 'confab.yaml › GET /api/v1/channels/{channelId} — private channels only to members; NotFound',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const outsider = await fixtures.user();
      const secret = await fixtures.channel(alice, 'private');
      const lobby = await fixtures.channel(alice, 'public');
      const hidden = await fixtures.post(alice, secret.id, 'the secret');

      const base = `/api/v1/channels/${secret.id}`;
      const post = { clientMessageId: newClientId(), body: text('let me in') };
      const attempts: [string, string, unknown?][] = [
        ['GET', base],
        ['GET', `${base}/messages`],
        ['GET', `${base}/members`],
        ['GET', `${base}/events?afterSeq=0`],
        ['PUT', `${base}/members/me`],
        ['POST', `${base}/messages`, post],
        ['GET', `/api/v1/messages/${hidden.id}`],
        ['GET', `/api/v1/messages/${hidden.id}/replies`],
        ['PUT', `/api/v1/messages/${hidden.id}/reactions/%F0%9F%91%8D`],
        ['PATCH', `/api/v1/messages/${hidden.id}`, { body: post.body }],
        ['DELETE', `/api/v1/messages/${hidden.id}`],
      ];
      for (const [method, path, json] of attempts) {
        const reply = await http.request(method, path, { token: outsider.token, ...(json ? { json } : {}) });
        expectProblem(reply, 404, 'not_found', `an outsider: ${method} ${path.replace(secret.id, '{private}')}`);
      }
      const listing = expectStatus(
        await http.get<ChannelPage>('/api/v1/channels?scope=public&limit=100', outsider.token),
        200,
      );
      ensure(!listing.items.some((c) => c.id === secret.id), 'scope=public lists a private channel');

      const { socket } = await openSocket(outsider.token);
      socket.send({ type: 'subscribe', channels: [{ id: secret.id, afterSeq: 0 }, { id: lobby.id }] });
      const refused = await socket.waitFor('error', (f) => f.channelId === secret.id);
      sameJson([refused.code, refused.ref], ['not_found', 'subscribe'], 'subscribing to a private channel (code, ref)');
      await socket.waitFor('subscribed', (f) => f.channelId === lobby.id);
      socket.send({ type: 'send', clientMessageId: newClientId(), channelId: secret.id, body: post.body });
      socket.send({ type: 'typing', channelId: secret.id });
      await fixtures.post(alice, secret.id, 'still secret');
      const barrier = await fixtures.post(alice, lobby.id, 'public news');
      await socket.waitFor('event', (f) => f.channelId === lobby.id && f.seq === barrier.seq);
      const leaked = socket.frames.filter(
        (f) =>
          ('channelId' in f && f.channelId === secret.id && f.type !== 'error') || JSON.stringify(f).includes('secret'),
      );
      sameJson(leaked, [], 'frames about the private channel');
    },
  },
  {
    id: 'access.members-write',
    area: 'access',
    title: 'a public channel is readable by anyone but writable by members only (403 forbidden)',
    required: true,
    contract: 'confab.yaml › POST /api/v1/channels/{channelId}/messages → 403; PUT …/read → 403',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const visitor = await fixtures.user();
      const channel = await fixtures.channel(alice, 'public');
      await fixtures.post(alice, channel.id, 'welcome');
      const page = expectStatus(
        await http.get<MessagePage>(`/api/v1/channels/${channel.id}/messages`, visitor.token),
        200,
      );
      ensure(page.items.length === 1, `a visitor reads ${page.items.length} messages, not 1`);
      const post = { clientMessageId: newClientId(), body: text('hello?') };
      expectProblem(await http.post(`/api/v1/channels/${channel.id}/messages`, visitor.token, post), 403, 'forbidden');
      expectProblem(await http.put(`/api/v1/channels/${channel.id}/read`, visitor.token, { seq: 1 }), 403, 'forbidden');
    },
  },
  {
    id: 'access.socket-errors',
    area: 'access',
    title: 'socket sends and subscribes that are not allowed answer error frames (forbidden, not_found) with ref',
    required: true,
    contract: 'asyncapi.yaml › sendMessage → error with ref = clientMessageId; sendSubscribe → error with channelId',
    async run({ fixtures, openSocket }) {
      const alice = await fixtures.user();
      const visitor = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const { socket } = await openSocket(visitor.token);
      const denied = newClientId();
      socket.send({ type: 'send', clientMessageId: denied, channelId: channel.id, body: text('hi') });
      const forbidden = await socket.waitFor('error', (f) => f.ref === denied);
      ensure(forbidden.code === 'forbidden', `a non-member's send answered ${forbidden.code}, not forbidden`);
      const lost = newClientId();
      socket.send({ type: 'send', clientMessageId: lost, channelId: 'no-such-channel', body: text('hi') });
      const missing = await socket.waitFor('error', (f) => f.ref === lost);
      ensure(missing.code === 'not_found', `a send to no channel answered ${missing.code}, not not_found`);
      socket.send({ type: 'subscribe', channels: [{ id: 'no-such-channel' }] });
      const refused = await socket.waitFor('error', (f) => f.ref === 'subscribe');
      sameJson([refused.code, refused.channelId], ['not_found', 'no-such-channel'], 'subscribing to no channel');
    },
  },
];

const joinedState = async (http: HttpRecorder, user: KitUser, channelId: string) =>
  expectStatus(await http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', user.token), 200).items.find(
    (c) => c.id === channelId,
  );

/** Read markers and unread counts. */
export const readStateChecks: Check[] = [
  {
    id: 'read-state.marker',
    area: 'read-state',
    title: "the read marker moves forward only, and unreadCount counts others' messages after it",
    required: true,
    contract: 'confab.yaml › PUT /api/v1/channels/{channelId}/read (markRead); Channel.unreadCount, lastReadSeq',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const channel = await fixtures.channel(alice);
      await fixtures.join(bob, channel.id);
      const sent = [];
      for (const words of ['one', 'two', 'three']) sent.push(await fixtures.post(bob, channel.id, words));
      await fixtures.post(alice, channel.id, 'my own message is never unread');

      const before = await joinedState(http, alice, channel.id);
      ensure(before?.unreadCount === 3, `unreadCount is ${before?.unreadCount} after 3 messages by others`);
      const mark = async (seq: number) =>
        expectStatus(await http.put<ReadState>(`/api/v1/channels/${channel.id}/read`, alice.token, { seq }), 200);
      const middle = await mark(sent[1]!.seq);
      sameJson([middle.lastReadSeq, middle.unreadCount], [sent[1]!.seq, 1], 'read up to the 2nd (lastReadSeq, unread)');
      const backwards = await mark(sent[0]!.seq);
      sameJson(
        [backwards.lastReadSeq, backwards.unreadCount],
        [sent[1]!.seq, 1],
        'marking an older seq (the marker must not move back)',
      );
      const head = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, alice.token), 200).lastSeq;
      const all = await mark(head);
      sameJson([all.lastReadSeq, all.unreadCount], [head, 0], 'read up to the head');
      const listed = await joinedState(http, alice, channel.id);
      sameJson([listed?.lastReadSeq, listed?.unreadCount], [head, 0], 'scope=joined after reading');
      const bobs = await joinedState(http, bob, channel.id);
      ensure(bobs?.unreadCount === 1, `the other member's unreadCount is ${bobs?.unreadCount}, not 1`);
    },
  },
  {
    id: 'read-state.socket',
    area: 'read-state',
    title: 'a read frame moves the read marker like PUT …/read',
    required: true,
    contract: 'asyncapi.yaml › sendRead (ReadFrame)',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const channel = await fixtures.channel(alice);
      await fixtures.join(bob, channel.id);
      const last = await fixtures.post(alice, channel.id, 'read me');
      const { socket } = await openSocket(bob.token);
      socket.send({ type: 'read', channelId: channel.id, seq: last.seq });
      await socket.roundTrip();
      const state = await eventually(
        () => joinedState(http, bob, channel.id),
        (s) => s?.lastReadSeq === last.seq,
      );
      sameJson([state?.lastReadSeq, state?.unreadCount], [last.seq, 0], 'scope=joined after a read frame');
    },
  },
];
