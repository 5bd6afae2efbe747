// @mentions: `@username` tokens resolved to members, explicit `mentions` checked against membership,
// `@channel`, the joined channels' `unreadMentionCount`, and the `mention` frame to every socket of a
// mentioned user, subscribed or not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectProblem, expectStatus, type KitUser, newClientId } from '@confab/conformance';
import type { Channel, ChannelPage, Message, MessagePage } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const server = await startTestServer({ sendRate: 1000, writeRate: 1000 });

const text = (value: string) => ({ type: 'text' as const, text: value });

test('@username tokens name members, ignoring case; strangers, the author and e-mail addresses do not count', async (t) => {
  const { fixtures } = kitFor(server.url, t);
  const [alice, bob, carol, outsider] = await fixtures.users(4);
  const channel = await fixtures.channel(alice!, 'public', [bob!.id, carol!.id]);
  const plain = await fixtures.post(alice!, channel.id, 'no one here');
  assert.deepEqual([plain.mentions, plain.mentionsChannel, plain.preview], [[], false, null], 'a plain message');

  const sent = await fixtures.post(
    alice!,
    channel.id,
    `hi @${bob!.username.toUpperCase()}, @${carol!.username}. me: @${alice!.username}; ` +
      `mail x@${outsider!.username} and @${outsider!.username}; again @${bob!.username}`,
  );
  assert.deepEqual(sent.mentions, [bob!.id, carol!.id], 'members named, each once, in order');
  assert.equal(sent.mentionsChannel, false);
  const [read] = (await fixtures.history(alice!, channel.id)).slice(-1);
  assert.deepEqual([read?.mentions, read?.mentionsChannel], [[bob!.id, carol!.id], false], 'as read back');
});

test('explicit mentions are merged in; a non-member among them is refused with nothing stored (REST and socket)', async (t) => {
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const [alice, bob, carol, outsider] = await fixtures.users(4);
  const channel = await fixtures.channel(alice!, 'private', [bob!.id, carol!.id]);
  const path = `/api/v1/channels/${channel.id}/messages`;

  const merged = await http.post<Message>(path, alice!.token, {
    clientMessageId: newClientId(),
    body: text(`ping @${carol!.username}`),
    mentions: [bob!.id, alice!.id],
  });
  assert.deepEqual(expectStatus(merged, 201).mentions, [carol!.id, bob!.id]);

  const refused = await http.post(path, alice!.token, {
    clientMessageId: newClientId(),
    body: text('sneaky'),
    mentions: [outsider!.id],
  });
  expectProblem(refused, 400, 'invalid_request');

  const { socket } = await openSocket(alice!.token);
  const clientMessageId = newClientId();
  socket.send({ type: 'send', clientMessageId, channelId: channel.id, body: text('sneaky'), mentions: [outsider!.id] });
  const error = await socket.waitFor('error', (f) => f.ref === clientMessageId);
  assert.equal(error.code, 'invalid_request');
  const ok = newClientId();
  socket.send({ type: 'send', clientMessageId: ok, channelId: channel.id, body: text('fine'), mentions: [bob!.id] });
  const ack = await socket.waitFor('ack', (f) => f.clientMessageId === ok);
  assert.deepEqual(ack.message.mentions, [bob!.id]);

  const texts = (await fixtures.history(alice!, channel.id)).map((m) => (m.body?.type === 'text' ? m.body.text : ''));
  assert.ok(!texts.includes('sneaky'), 'a refused send stored nothing');
});

const joined = async (http: ReturnType<typeof kitFor>['http'], user: KitUser, channelId: string) => {
  const page = expectStatus(await http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', user.token), 200);
  const channel = page.items.find((c) => c.id === channelId);
  assert.ok(channel, 'the channel is listed as joined');
  return channel;
};

/** Makes members moderators of the channel (the owner asks). */
const promote = async (
  http: ReturnType<typeof kitFor>['http'],
  owner: KitUser,
  channelId: string,
  users: KitUser[],
) => {
  for (const user of users) {
    const path = `/api/v1/channels/${channelId}/members/${user.id}`;
    expectStatus(await http.patch(path, owner.token, { role: 'moderator' }), 200);
  }
};

test('unreadMentionCount: mentions and @channel by others after the read marker, not deleted ones', async (t) => {
  const { http, fixtures } = kitFor(server.url, t);
  const [alice, bob, carol] = await fixtures.users(3);
  const channel = await fixtures.channel(alice!, 'public', [bob!.id, carol!.id]);
  const count = async (user: KitUser) => (await joined(http, user, channel.id)).unreadMentionCount;
  assert.equal(await count(bob!), 0);
  await promote(http, alice!, channel.id, [bob!, carol!]); // `@channel` is for owners and moderators

  await fixtures.post(alice!, channel.id, `@${bob!.username} look`);
  const everyone = await fixtures.post(carol!, channel.id, `@channel and @${bob!.username} too`);
  assert.equal(everyone.mentionsChannel, true);
  await fixtures.post(alice!, channel.id, 'nothing for bob');
  const gone = await fixtures.post(alice!, channel.id, `@${bob!.username} soon deleted`);
  expectStatus(await http.delete(`/api/v1/messages/${gone.id}`, alice!.token), 200);
  await fixtures.post(bob!, channel.id, '@channel from bob himself');
  assert.equal(await count(bob!), 2, "bob: alice's mention and carol's @channel (counted once)");
  assert.equal(await count(alice!), 2, "alice: carol's and bob's @channel");
  const viaGet = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, bob!.token), 200);
  assert.equal(viaGet.unreadMentionCount, 2, 'GET /channels/{id} says the same');

  expectStatus(await http.put(`/api/v1/channels/${channel.id}/read`, bob!.token, { seq: everyone.seq }), 200);
  assert.equal(await count(bob!), 0, 'after reading up to the @channel message');
  await fixtures.post(alice!, channel.id, `again @${bob!.username}`);
  assert.equal(await count(bob!), 1, 'a mention after the marker');
});

test('a mention frame reaches every socket of the mentioned user, subscribed or not, and no one else', async (t) => {
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const [alice, bob, carol] = await fixtures.users(3);
  const channel = await fixtures.channel(alice!, 'private', [bob!.id, carol!.id]);
  await promote(http, alice!, channel.id, [carol!]); // `@channel` is for owners and moderators
  const bobPhone = (await openSocket(bob!.token)).socket;
  const bobLaptop = (await openSocket(bob!.token)).socket;
  const carolSocket = (await openSocket(carol!.token)).socket;
  const aliceSocket = (await openSocket(alice!.token)).socket;
  bobLaptop.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  await bobLaptop.waitFor('subscribed', (f) => f.channelId === channel.id);

  const sent = await fixtures.post(alice!, channel.id, `@${bob!.username} are you there?`);
  for (const socket of [bobPhone, bobLaptop]) {
    const frame = await socket.waitFor('mention', (f) => f.message.id === sent.id);
    assert.equal(frame.channelId, channel.id);
    assert.deepEqual(frame.message.mentions, [bob!.id]);
  }
  const barrier = await fixtures.post(alice!, channel.id, `@${carol!.username} barrier`);
  const carolFrames = await carolSocket.collectUntil((f) => f.type === 'mention' && f.message.id === barrier.id);
  assert.deepEqual(
    carolFrames.filter((f) => f.type === 'mention').map((f) => f.type === 'mention' && f.message.id),
    [barrier.id],
    'carol hears only her own mention',
  );
  await aliceSocket.roundTrip();
  assert.ok(!aliceSocket.frames.some((f) => f.type === 'mention'), 'the author hears no mention');

  const all = await fixtures.post(carol!, channel.id, 'hello @channel');
  await aliceSocket.waitFor('mention', (f) => f.message.id === all.id);
  await bobPhone.waitFor('mention', (f) => f.message.id === all.id);
  await carolSocket.roundTrip();
  assert.ok(
    !carolSocket.frames.some((f) => f.type === 'mention' && f.message.id === all.id),
    "@channel's author hears no mention",
  );
});

test('an edit resolves the mentions of its new text, sends no mention frame, and moves the unread count', async (t) => {
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const [alice, bob, carol] = await fixtures.users(3);
  const channel = await fixtures.channel(alice!, 'public', [bob!.id, carol!.id]);
  const carolSocket = (await openSocket(carol!.token)).socket;
  const sent = await fixtures.post(alice!, channel.id, `@${bob!.username} hi`);
  assert.equal((await joined(http, bob!, channel.id)).unreadMentionCount, 1);

  const edited = expectStatus(
    await http.patch<Message>(`/api/v1/messages/${sent.id}`, alice!.token, { body: text(`@${carol!.username} hi`) }),
    200,
  );
  assert.deepEqual(edited.mentions, [carol!.id]);
  assert.equal((await joined(http, bob!, channel.id)).unreadMentionCount, 0, 'bob is no longer mentioned');
  assert.equal((await joined(http, carol!, channel.id)).unreadMentionCount, 1, 'carol is');
  const barrier = await fixtures.post(alice!, channel.id, `@${carol!.username} barrier`);
  const frames = await carolSocket.collectUntil((f) => f.type === 'mention' && f.message.id === barrier.id);
  assert.equal(frames.filter((f) => f.type === 'mention').length, 1, 'the edit sent carol no mention frame');

  const page = expectStatus(await http.get<MessagePage>(`/api/v1/channels/${channel.id}/messages`, alice!.token), 200);
  assert.deepEqual(page.items.find((m) => m.id === sent.id)?.mentions, [carol!.id]);
});
