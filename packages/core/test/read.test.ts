import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness } from './support/harness.js';
import { createChannel, joinedChannels, postMany, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

/** A real `fetch` that fails like a browser without a network while `offline` is set, counting what it refused. */
function switchableFetch() {
  const state = { offline: false, refused: 0 };
  const fetchOrFail = (input: RequestInfo | URL, init?: RequestInit) => {
    if (!state.offline) return fetch(input, init);
    state.refused++;
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  return { fetch: fetchOrFail as typeof fetch, state };
}

/** Lets every settled promise's handlers run, and Node report any rejection nobody handled. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

test('marking read while offline rejects nothing unhandled, and the read marker reaches the server once back', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channelId = (await createChannel(url, alice, [bob])).id;
  await postMany(url, alice, channelId, 3, 'unread');
  const network = switchableFetch();
  const client = await h.signIn(bob, { fetch: network.fetch });
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(room.$messages, (m) => m.length === 3, 10_000, 'the first page');
  await until(client.$presence, (p) => p[channelId]?.includes(bob.user.id) === true, 10_000, 'the subscription');

  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', record);
  try {
    client.disconnect();
    network.state.offline = true;
    room.markRead();
    await waitFor(() => network.state.refused > 0, 5_000, 'the read request to fail');
    await settle();
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
    assert.equal((await joinedChannels(url, bob)).find((c) => c.id === channelId)?.unreadCount, 3);

    network.state.offline = false;
    await client.connect();
    await waitFor(
      async () => (await joinedChannels(url, bob)).find((c) => c.id === channelId)?.unreadCount === 0,
      10_000,
      'the read marker on the server once back online',
    );
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', record);
  }
});

test('keepRead: the kept channel never shows unread while the other user posts; the server agrees; stopping counts again', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const open = await createChannel(url, alice, [bob]);
  const other = await createChannel(url, alice, [bob]);
  await postMany(url, alice, open.id, 2, 'before');
  const b = await h.signIn(bob);
  const unreadSeen: number[] = [];
  h.observe(b.$channels);
  const stopRecording = b.$channels.subscribe((list) => {
    const count = list.find((c) => c.id === open.id)?.unreadCount;
    if (count) unreadSeen.push(count);
  });
  await until(b.$channels, (c) => c.length === 2, 10_000, "bob's channels");
  unreadSeen.length = 0; // the two messages from before were unread: keepRead is what reads them

  const room = b.channel(open.id);
  h.observe(room.$messages);
  const stop = room.keepRead();
  assert.equal(b.$channels.get().find((c) => c.id === open.id)?.unreadCount, 0, 'read at once');
  assert.deepEqual(room.$readState.get().unreadCount, 0);
  await until(b.$presence, (p) => p[open.id]?.includes(bob.user.id) === true, 10_000, 'the subscription');

  await postMany(url, alice, open.id, 5, 'while open');
  await postMany(url, alice, other.id, 2, 'elsewhere');
  await until(b.$channels, (c) => c.find((x) => x.id === other.id)?.unreadCount === 2, 10_000, 'the other counted');
  await until(room.$messages, (m) => m.length === 7, 10_000, 'the messages shown');
  assert.deepEqual(unreadSeen, [], 'no $channels emission showed the kept channel unread');
  await waitFor(
    async () => (await joinedChannels(url, bob)).find((c) => c.id === open.id)?.unreadCount === 0,
    10_000,
    'the server to agree',
  );
  assert.equal(room.$readState.get().lastReadSeq, b.$channels.get().find((c) => c.id === open.id)?.lastSeq);

  stop();
  await postMany(url, alice, open.id, 1, 'after');
  await until(b.$channels, (c) => c.find((x) => x.id === open.id)?.unreadCount === 1, 10_000, 'counted again');
  stopRecording();
});
