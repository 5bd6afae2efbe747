import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { createFixtureClient, fixtureUser } from '@confab/core/fixtures';

const alice = fixtureUser('alice');
const bob = fixtureUser('bob');
/** Lets the client apply what it was handed (events are applied in order, a microtask later). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The fixture most tests use; signed out after the test, so its timers (typing lasts an hour) end with it. */
function general(t: TestContext) {
  const fixture = createFixtureClient({
    me: alice,
    connection: 'reconnecting',
    channels: [
      {
        name: 'general',
        unread: 1,
        online: [bob],
        typing: [bob],
        pending: ['on its way'],
        failed: [{ text: 'refused', code: 'payload_too_large', detail: 'Too long.' }],
        messages: [
          { author: alice, text: 'hi', reactions: { '👍': [bob] }, replies: [{ author: bob, text: 'a reply' }] },
          { author: bob, text: 'edited', edited: true },
          { author: bob, text: 'gone', deleted: true },
        ],
      },
      { name: 'quiet', messages: [] },
      { name: 'loading' },
    ],
  });
  t.after(() => fixture.close());
  return fixture;
}

test('a fixture client holds the fixture in its stores: channels, messages, threads, sends, presence, typing', (t) => {
  const { client } = general(t);
  assert.equal(client.$auth.get(), 'signed-in');
  assert.equal(client.$me.get()?.id, alice.id);
  assert.equal(client.$connection.get(), 'reconnecting');
  assert.deepEqual(client.$presence.get(), { 'channel-general': [bob.id] });
  assert.deepEqual(
    client.$channels.get().map((c) => [c.name, c.unreadCount]),
    [
      ['general', 1],
      ['quiet', 0],
      ['loading', 0],
    ],
  );
  const room = client.channel('channel-general');
  const messages = room.$messages.get();
  assert.deepEqual(
    messages.map((m) => [m.body?.type === 'text' ? m.body.text : null, !!m.editedAt, !!m.deletedAt]),
    [
      ['hi', false, false],
      ['edited', true, false],
      [null, false, true],
      ['on its way', false, false],
      ['refused', false, false],
    ],
  );
  assert.equal(messages[0]?.replyCount, 1);
  assert.deepEqual(messages[0]?.reactions, [{ emoji: '👍', count: 1, userIds: [bob.id] }]);
  assert.equal(messages[3]?.pending, true);
  assert.equal(messages[4]?.failed?.code, 'payload_too_large');
  assert.deepEqual(
    room.$typing.get().map((u) => u.id),
    [bob.id],
  );
  const thread = room.thread(messages[0]!.id);
  assert.deepEqual(
    thread.$messages.get().map((m) => m.author.id),
    [bob.id],
  );
  assert.equal(thread.$parent.get()?.id, messages[0]?.id);
});

test('what the server would send goes through the client: messages, replies, acks, refusals, reactions', async (t) => {
  const fixture = general(t);
  const { client } = fixture;
  const stopList = client.$channels.listen(() => {});
  const room = client.channel('channel-general');
  const stop = room.$messages.listen(() => {});
  const parent = room.$messages.get()[0]!;

  fixture.receive('general', { author: bob, text: 'new' });
  fixture.receive('general', { author: bob, text: 'another reply' }, parent.id);
  await settled();
  assert.equal(client.$channels.get()[0]?.unreadCount, 2, 'a message by someone else counts as unread');
  assert.equal(room.$messages.get()[0]?.replyCount, 2, 'the parent counts the reply');

  const stored = fixture.acknowledge('general');
  await settled();
  assert.equal(stored?.body?.type === 'text' && stored.body.text, 'on its way');
  assert.equal(
    room.$messages.get().some((m) => m.pending),
    false,
  );

  void room.send({ type: 'text', text: 'late' }).catch(() => {});
  fixture.refuse('general', 'forbidden', 'Not a member.');
  assert.equal(room.$messages.get().at(-1)?.failed?.code, 'forbidden');

  fixture.react('general', parent.id, '👍', alice);
  await settled();
  assert.deepEqual(room.$messages.get()[0]?.reactions, [{ emoji: '👍', count: 2, userIds: [bob.id, alice.id] }]);

  fixture.setConnection('offline');
  assert.equal(client.$connection.get(), 'offline');
  stop();
  stopList();
});

test('a fixture client never opens a connection: unseeded messages stay loading, actions stay unanswered', async (t) => {
  const opened: string[] = [];
  const realFetch = globalThis.fetch;
  const realSocket = globalThis.WebSocket;
  globalThis.fetch = async (input) => {
    opened.push(`fetch ${String(input)}`);
    throw new Error('no network in this test');
  };
  globalThis.WebSocket = class {
    constructor(url: string) {
      opened.push(`socket ${url}`);
    }
  } as unknown as typeof WebSocket;
  try {
    const fixture = general(t);
    const stopList = fixture.client.$channels.listen(() => {});
    const loading = fixture.client.channel('channel-loading');
    const stop = loading.$messages.listen(() => {});
    await settled();
    assert.equal(loading.$loading.get(), true);
    const room = fixture.client.channel('channel-general');
    void room.send({ type: 'text', text: 'hello' });
    void room.react(room.$messages.get()[0]!.id, '🎉');
    room.markRead();
    await new Promise((resolve) => setTimeout(resolve, 200)); // past the read marker's coalescing delay
    assert.deepEqual(opened, []);
    assert.equal(fixture.client.$connection.get(), 'reconnecting');
    stop();
    stopList();
  } finally {
    globalThis.fetch = realFetch;
    globalThis.WebSocket = realSocket;
  }
});
