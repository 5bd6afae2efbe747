import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChannelRoom, ChatClient } from '../src/index.js';
import { useHarness } from './support/harness.js';
import { createChannel, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

/** Observes a room and waits until the socket is subscribed to it (the server lists `user` online there). */
async function live(client: ChatClient, channelId: string, user: RestUser): Promise<ChannelRoom> {
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(client.$presence, (p) => p[channelId]?.includes(user.user.id) === true, 10_000, 'the subscription');
  return room;
}

/** Another user posts; the room must show it live, and a send from the room must be acknowledged. */
async function chats(room: ChannelRoom, other: RestUser, text: string): Promise<void> {
  const posted = await postMessage(url, other, room.id, `${text} from ${other.username}`);
  await until(room.$messages, (m) => m.some((x) => x.id === posted.id), 10_000, `"${text}" to arrive live`);
  const sent = await room.send({ type: 'text', text: `${text}: answer` });
  await until(
    room.$messages,
    (m) => m.some((x) => x.id === sent.id) && !m.some((x) => x.pending),
    10_000,
    'the answer stored, no echo pending',
  );
}

test('sign out and in again, as the same user and as another: live again, nothing of the previous user', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const carol = await registerUser(url, 'carol');
  const shared = await createChannel(url, alice, [bob]);
  const carols = await createChannel(url, carol, [bob]);
  const client = h.client();
  h.observe(client.$channels);

  await client.login({ username: alice.username, password: alice.password });
  await until(client.$channels, (c) => c.some((x) => x.id === shared.id), 10_000, "alice's channels");
  const first = await live(client, shared.id, alice);
  await chats(first, bob, 'hello');

  await client.logout();
  assert.equal(client.$me.get(), null);
  assert.deepEqual(client.$channels.get(), [], 'no channels listed once signed out');
  assert.deepEqual(client.$presence.get(), {}, 'no presence once signed out');
  assert.deepEqual(client.$scopes.get(), []);
  assert.notEqual(client.channel(shared.id), first, 'a fresh room after sign-out');

  await client.login({ username: alice.username, password: alice.password });
  await until(client.$channels, (c) => c.some((x) => x.id === shared.id), 10_000, "alice's channels again");
  const again = await live(client, shared.id, alice);
  await chats(again, bob, 'back again');

  await client.logout();
  await client.login({ username: carol.username, password: carol.password });
  await until(client.$channels, (c) => c.some((x) => x.id === carols.id), 10_000, "carol's channels");
  assert.deepEqual(
    client.$channels.get().map((c) => c.id),
    [carols.id],
    'carol sees her channels only',
  );
  assert.equal(client.$me.get()?.id, carol.user.id);
  const hers = await live(client, carols.id, carol);
  assert.equal(hers.$messages.get().length, 0);
  await chats(hers, bob, 'hi carol');
  assert.equal(Object.keys(client.$presence.get()).includes(shared.id), false, "no presence of alice's channel");
});

test('a room from before a sign-out is inert: letting it go keeps the new session live, its actions reject', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channel = await createChannel(url, alice, [bob]);
  await postMessage(url, bob, channel.id, 'before');
  const client = await h.signIn(alice);
  const old = client.channel(channel.id);
  const stopOld = h.observe(old.$messages);
  h.observe(old.$info);
  await until(old.$messages, (m) => m.length === 1, 10_000, 'the first page');
  const draft = old.draft();
  draft.set('half a thought');

  await client.logout();
  assert.deepEqual(old.$messages.get(), [], 'nothing of the session is left in the old room');
  assert.deepEqual(old.$info.get(), { status: 'loading' });
  assert.equal(draft.$text.get(), '');

  await client.login({ username: alice.username, password: alice.password });
  const room = await live(client, channel.id, alice);
  assert.notEqual(room, old);
  assert.equal(room.draft().$text.get(), '', 'signing out cleared the draft');
  stopOld(); // an element that still held the old room lets it go now
  old.draft().set('typed into the old room');
  await chats(room, bob, 'still live');

  await assert.rejects(old.send({ type: 'text', text: 'from the old room' }), { code: 'unauthorized' });
  await assert.rejects(old.edit(room.$messages.get()[0]!.id, { type: 'text', text: 'x' }), { code: 'unauthorized' });
  assert.deepEqual(old.$messages.get(), []);
  assert.equal(room.draft().$text.get(), '', 'the old room cannot write into the new session');
});

test('$auth: signed-out until a sign-in, resuming while resume() runs, signed-out again after logout', async () => {
  const alice = await registerUser(url, 'alice');
  const items = new Map<string, string>();
  const remember = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  const client = h.client({ remember });
  const seen: string[] = [];
  const stop = client.$auth.subscribe((status) => seen.push(status));
  await client.login({ username: alice.username, password: alice.password });
  await client.logout();
  assert.deepEqual(seen, ['signed-out', 'signed-in', 'signed-out']);
  stop();

  const empty = h.client({ remember });
  const resumes: string[] = [];
  empty.$auth.subscribe((status) => resumes.push(status));
  assert.equal(await empty.resume(), null);
  assert.deepEqual(resumes, ['signed-out', 'resuming', 'signed-out']);

  await h.client({ remember }).login({ username: alice.username, password: alice.password });
  const next = h.client({ remember });
  const resumed: string[] = [];
  next.$auth.subscribe((status) => resumed.push(status));
  assert.equal((await next.resume())?.id, alice.user.id);
  assert.deepEqual(resumed, ['signed-out', 'resuming', 'signed-in']);

  const hosted = h.client({ token: await h.server.token(`host-${alice.username}`) });
  assert.equal(hosted.$auth.get(), 'signed-in', 'a host-app token is signed in from the start');
  await hosted.connect();
  assert.equal(hosted.$connection.get(), 'open');
});

test('signing in as someone else without signing out first also starts clean', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const carol = await registerUser(url, 'carol');
  const alices = await createChannel(url, alice, [bob]);
  const carols = await createChannel(url, carol, [bob]);
  const client = await h.signIn(alice);
  h.observe(client.$channels);
  const old = await live(client, alices.id, alice);

  await client.login({ username: carol.username, password: carol.password });
  await until(client.$channels, (c) => c.some((x) => x.id === carols.id), 10_000, "carol's channels");
  assert.deepEqual(
    client.$channels.get().map((c) => c.id),
    [carols.id],
  );
  assert.deepEqual(old.$messages.get(), []);
  assert.notEqual(client.channel(alices.id), old);
  await chats(await live(client, carols.id, carol), bob, 'switched');
});

test('a room observed before signing in loads and goes live once the user signs in', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const shared = await createChannel(url, alice, [bob]);
  const earlier = await postMessage(url, bob, shared.id, 'before alice signed in');
  const client = h.client();
  const room = client.channel(shared.id);
  h.observe(room.$messages);

  await client.login({ username: alice.username, password: alice.password });
  await until(room.$messages, (m) => m.some((x) => x.id === earlier.id), 10_000, 'the newest page after sign-in');
  await until(client.$presence, (p) => p[shared.id]?.includes(alice.user.id) === true, 10_000, 'the subscription');
  await chats(room, bob, 'live');
});
