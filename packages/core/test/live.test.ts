import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ChatClient, ConfabError, type LocalMessage } from '../src/index.js';
import { useHarness } from './support/harness.js';
import {
  createChannel,
  fullHistory,
  joinChannel,
  joinedChannels,
  postMessage,
  registerUser,
  threadReplies,
} from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

/** Two signed-in users in a fresh channel. */
async function pair() {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channel = await createChannel(url, alice, [bob]);
  return { alice, bob, channelId: channel.id, a: await h.signIn(alice), b: await h.signIn(bob) };
}

/** Observes a room and waits until its first page is in and the socket is subscribed (both online). */
async function watchRoom(client: ChatClient, channelId: string) {
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(client.$connection, (s) => s === 'open', 10_000, 'an open socket');
  return room;
}

const byId = (messages: LocalMessage[], id: string) => messages.find((m) => m.id === id);

test('a message sent by one client appears once in the other', async () => {
  const { alice, a, b, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  await until(a.$presence, (p) => (p[channelId]?.length ?? 0) === 2, 10_000, 'both online');

  const sent = await roomA.send({ type: 'text', text: 'hello bob' });
  assert.equal(sent.author.id, alice.user.id);
  assert.deepEqual(sent.body, { type: 'text', text: 'hello bob' });

  await until(roomB.$messages, (m) => byId(m, sent.id) !== undefined, 10_000, 'the message at bob');
  assert.deepEqual(byId(roomB.$messages.get(), sent.id), sent);
  await until(roomA.$messages, (m) => m.filter((x) => x.clientMessageId === sent.clientMessageId).length === 1);
  assert.deepEqual(roomA.$messages.get(), [sent], 'alice sees her message once, no echo left');
  assert.deepEqual(roomB.$messages.get(), await fullHistory(url, alice, channelId));
});

test('edits, reactions and deletes reach the other client live', async () => {
  const { a, b, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  await until(a.$presence, (p) => (p[channelId]?.length ?? 0) === 2, 10_000, 'both online');
  const sent = await roomA.send({ type: 'text', text: 'first draft' });
  await until(roomB.$messages, (m) => byId(m, sent.id) !== undefined);

  const edited = await roomA.edit(sent.id, { type: 'text', text: 'final words' });
  assert.deepEqual(edited.body, { type: 'text', text: 'final words' });
  await until(roomB.$messages, (m) => byId(m, sent.id)?.editedAt != null, 10_000, 'the edit at bob');
  assert.deepEqual(byId(roomB.$messages.get(), sent.id)?.body, { type: 'text', text: 'final words' });
  assert.deepEqual(byId(roomA.$messages.get(), sent.id)?.body, { type: 'text', text: 'final words' });

  await roomB.react(sent.id, '👍');
  await until(
    roomA.$messages,
    (m) => byId(m, sent.id)?.reactions.some((r) => r.emoji === '👍') === true,
    10_000,
    'the reaction at alice',
  );
  await roomB.unreact(sent.id, '👍');
  await until(roomA.$messages, (m) => byId(m, sent.id)?.reactions.length === 0, 10_000, 'the reaction gone');

  await roomA.delete(sent.id);
  const tombstone = await until(
    roomB.$messages,
    (m) => byId(m, sent.id)?.deletedAt != null,
    10_000,
    'the tombstone at bob',
  );
  const gone = byId(tombstone, sent.id)!;
  assert.equal(gone.body, null, 'a tombstone keeps no content');
  assert.equal(tombstone.length, 1, 'the tombstone keeps its place');
  assert.deepEqual(roomB.$messages.get(), roomA.$messages.get());
});

test('thread replies reach the thread feed, and the parent counts them', async () => {
  const { alice, a, b, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  await until(a.$presence, (p) => (p[channelId]?.length ?? 0) === 2, 10_000, 'both online');
  const parent = await roomA.send({ type: 'text', text: 'a thread starts' });
  const early = await postMessage(url, alice, channelId, 'first reply', { parentId: parent.id });

  const threadB = roomB.thread(parent.id);
  h.observe(threadB.$messages);
  await until(threadB.$messages, (m) => m.length === 1, 10_000, "bob's thread page");

  const viaRoom = await roomA.send({ type: 'text', text: 'second reply' }, { parentId: parent.id });
  const viaThread = await roomA.thread(parent.id).send({ type: 'text', text: 'third reply' });
  assert.equal(viaRoom.parentId, parent.id);
  assert.equal(viaThread.parentId, parent.id);

  await until(threadB.$messages, (m) => m.length === 3, 10_000, 'three replies at bob');
  assert.deepEqual(
    threadB.$messages.get().map((m) => m.id),
    [early.id, viaRoom.id, viaThread.id],
  );
  assert.deepEqual(threadB.$messages.get(), await threadReplies(url, alice, parent.id));
  await until(roomB.$messages, (m) => byId(m, parent.id)?.replyCount === 3, 10_000, 'replyCount 3 at bob');
  assert.equal(roomB.$messages.get().length, 1, 'replies stay out of the channel feed');
  await until(roomA.$messages, (m) => byId(m, parent.id)?.replyCount === 3, 10_000, 'replyCount 3 at alice');
});

test('typing shows at the other client and clears, by expiry and by the message', async () => {
  const { alice, a, b, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  await until(b.$presence, (p) => (p[channelId]?.length ?? 0) === 2, 10_000, 'both online');

  roomA.typing();
  await until(roomB.$typing, (t) => t.some((u) => u.id === alice.user.id), 5_000, 'alice typing at bob');
  assert.deepEqual(roomA.$typing.get(), [], 'nobody sees their own typing');
  await until(roomB.$typing, (t) => t.length === 0, 8_000, 'typing to lapse');

  roomA.typing();
  await until(roomB.$typing, (t) => t.length === 1, 5_000, 'alice typing again');
  await roomA.send({ type: 'text', text: 'done typing' });
  await until(roomB.$typing, (t) => t.length === 0, 2_000, 'typing cleared by her message');
});

test('presence lists both users and drops one who leaves', async () => {
  const { alice, bob, a, b, channelId } = await pair();
  await watchRoom(a, channelId);
  await watchRoom(b, channelId);
  const both = [alice.user.id, bob.user.id].sort();
  await until(a.$presence, (p) => p[channelId]?.slice().sort().join() === both.join(), 10_000, 'both at alice');
  await until(b.$presence, (p) => p[channelId]?.slice().sort().join() === both.join(), 10_000, 'both at bob');
  b.disconnect();
  await until(a.$presence, (p) => p[channelId]?.join() === alice.user.id, 10_000, 'only alice left');
});

test('$channels: unread counts rise with the other user’s messages, activity orders them, markRead clears', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const older = await createChannel(url, alice, [bob]);
  const newer = await createChannel(url, alice, [bob]);
  const b = await h.signIn(bob);
  h.observe(b.$channels);
  await until(b.$channels, (c) => c.length === 2, 10_000, "bob's channels");
  assert.deepEqual(
    b.$channels.get().map((c) => c.id),
    [newer.id, older.id],
  );
  await until(b.$connection, (s) => s === 'open');
  const a = await h.signIn(alice);
  const roomA = await watchRoom(a, older.id);
  await until(a.$presence, (p) => p[older.id]?.includes(bob.user.id) === true, 10_000, 'bob online in the room');

  for (const text of ['one', 'two', 'three']) await roomA.send({ type: 'text', text });
  await postMessage(url, bob, older.id, 'my own message does not count');
  const listed = await until(
    b.$channels,
    (c) => c[0]?.id === older.id && c[0]?.unreadCount === 3,
    10_000,
    'three unread, most recent first',
  );
  assert.equal(listed[1]?.unreadCount ?? 0, 0);

  b.channel(older.id).markRead();
  await until(b.$channels, (c) => c.find((x) => x.id === older.id)?.unreadCount === 0, 2_000, 'read locally');
  await waitFor(
    async () => (await joinedChannels(url, bob)).find((c) => c.id === older.id)?.unreadCount === 0,
    10_000,
    'the server to agree it was read',
  );
});

test('a refused send becomes a failed echo; retrying after joining delivers it once', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channelId = (await createChannel(url, alice)).id;
  const b = await h.signIn(bob);
  const room = await watchRoom(b, channelId);

  const error = await room.send({ type: 'text', text: 'not a member yet' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ConfabError, `got ${String(error)}`);
  assert.equal(error.code, 'forbidden');
  const failed = room.$messages.get().at(-1);
  assert.equal(failed?.failed?.code, 'forbidden', 'the echo stays, marked failed');
  assert.equal(failed?.pending, undefined);

  await joinChannel(url, bob, channelId);
  const stored = await room.retry(failed!.clientMessageId);
  assert.equal(stored.clientMessageId, failed!.clientMessageId);
  await until(room.$messages, (m) => !m.some((x) => x.failed || x.pending), 10_000, 'the failed echo gone');
  assert.deepEqual(room.$messages.get(), await fullHistory(url, alice, channelId));
  assert.equal(room.$messages.get().length, 1);
});
