import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatClient, ChatClientOptions, LocalMessage, Message } from '../src/index.js';
import { keys } from './support/compare.js';
import { SocketFaults } from './support/faulty-socket.js';
import { type Harness, useHarness } from './support/harness.js';
import { startPosting } from './support/poster.js';
import { createChannel, fullHistory, postMany, type RestUser, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '1000' });
const narrow = await useHarness({ CONFAB_SEND_RATE: '1000', CONFAB_REPLAY_WINDOW: '5' });
const quick = await useHarness({ CONFAB_SEND_RATE: '1000', CONFAB_HEARTBEAT_MS: '1000' });

/** Alice (a client) and Bob (REST) in a fresh channel with a few messages; Alice watches it live. */
async function scene(harness: Harness, options: Partial<ChatClientOptions> = {}) {
  const url = harness.server.url;
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channelId = (await createChannel(url, alice, [bob])).id;
  await postMany(url, bob, channelId, 5, 'before');
  const client = await harness.signIn(alice, options);
  const room = client.channel(channelId);
  harness.observe(room.$messages);
  await until(room.$messages, (m) => m.length === 5, 10_000, 'the first page');
  await online(client, channelId, alice);
  return { url, alice, bob, channelId, client, room };
}

/** Waits until the client is subscribed to the channel (the server lists it online there). */
const online = (client: ChatClient, channelId: string, user: RestUser) =>
  until(client.$presence, (p) => p[channelId]?.includes(user.user.id) === true, 20_000, 'the subscription');

/** Waits until the room shows exactly the server's history: same messages, same order, nothing local. */
async function converged(
  room: { $messages: { get(): LocalMessage[] } },
  url: string,
  user: RestUser,
  channelId: string,
) {
  let history: Message[] = [];
  await waitFor(
    async () => {
      history = await fullHistory(url, user, channelId);
      assert.deepEqual(keys(room.$messages.get()), keys(history));
      return true;
    },
    30_000,
    "the room to equal the server's history",
  );
  assert.deepEqual(room.$messages.get(), history);
  return history;
}

const copiesOf = (messages: readonly Message[], clientMessageId: string) =>
  messages.filter((m) => m.clientMessageId === clientMessageId).length;

describe('server restarts', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`${signal}: messages posted meanwhile and a send made offline arrive, each once`, async () => {
      const { url, alice, bob, channelId, client, room } = await scene(h);
      const poster = startPosting(url, bob, channelId, 'during');
      await waitFor(() => poster.posted.length >= 3, 10_000, 'bob posting');

      await h.server.stop(signal);
      await until(client.$connection, (s) => s !== 'open', 10_000, 'the client to notice');
      const offline = room.send({ type: 'text', text: `sent while the server was down (${signal})` });
      const echo = room.$messages.get().at(-1);
      assert.equal(echo?.pending, true, 'an optimistic echo is shown');
      await waitFor(() => poster.failures > 0, 10_000, "one of bob's posts to fail");

      await h.server.start();
      const stored = await offline;
      const before = poster.posted.length;
      await waitFor(() => poster.posted.length >= before + 3, 10_000, 'bob posting after the restart');
      await poster.stop();

      const history = await converged(room, url, alice, channelId);
      assert.equal(copiesOf(history, stored.clientMessageId), 1);
      assert.equal(copiesOf(room.$messages.get(), stored.clientMessageId), 1);
      assert.equal(echo?.clientMessageId, stored.clientMessageId);
      for (const m of poster.posted) assert.equal(copiesOf(history, m.clientMessageId), 1);
      assert.equal(client.$connection.get(), 'open');
    });
  }
});

describe('acks and events racing', () => {
  test('the event arrives before the ack: one message, and the ack changes nothing', async () => {
    const faults = new SocketFaults();
    const { url, alice, channelId, room } = await scene(h, { WebSocket: faults.WebSocket });
    faults.fate = (frame) => (frame.type === 'ack' ? 'hold' : 'pass');

    const sent = await room.send({ type: 'text', text: 'ack held back' });
    await waitFor(() => faults.heldCount === 1, 10_000, 'the ack to arrive (and be held back)');
    assert.equal(copiesOf(room.$messages.get(), sent.clientMessageId), 1, 'the event alone settled the send');
    assert.ok(!room.$messages.get().some((m) => m.pending));

    faults.fate = () => 'pass';
    faults.release();
    const history = await converged(room, url, alice, channelId);
    assert.equal(copiesOf(history, sent.clientMessageId), 1);
  });

  test('the ack and the event are lost, the connection drops, the send is retried: one message', async () => {
    const faults = new SocketFaults();
    const { url, alice, channelId, room } = await scene(h, { WebSocket: faults.WebSocket });
    faults.fate = (frame) =>
      frame.type === 'ack' || (frame.type === 'event' && frame.kind === 'message:created') ? 'drop' : 'pass';

    let settled = false;
    const sending = room.send({ type: 'text', text: 'ack lost' }).finally(() => {
      settled = true;
    });
    const echo = room.$messages.get().at(-1)!;
    await waitFor(
      async () => copiesOf(await fullHistory(url, alice, channelId), echo.clientMessageId) === 1,
      10_000,
      'the server to store it',
    );
    assert.equal(settled, false, 'nothing told the client yet');
    assert.equal(room.$messages.get().at(-1)?.pending, true);

    faults.fate = () => 'pass';
    faults.cut();
    const stored = await sending;
    assert.equal(stored.clientMessageId, echo.clientMessageId);
    const history = await converged(room, url, alice, channelId);
    assert.equal(copiesOf(history, stored.clientMessageId), 1);
  });

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`the server goes down (${signal}) right after a send, before its ack: one message`, async () => {
      const { url, alice, channelId, room } = await scene(h);
      const sends: Promise<Message>[] = [];
      for (let round = 1; round <= 3; round++) {
        sends.push(room.send({ type: 'text', text: `in flight ${round}` }));
        await h.server.restart(signal);
      }
      const stored = await Promise.all(sends);
      const history = await converged(room, url, alice, channelId);
      for (const m of stored) {
        assert.equal(copiesOf(history, m.clientMessageId), 1);
        assert.equal(copiesOf(room.$messages.get(), m.clientMessageId), 1);
      }
    });
  }

  test('a gap on the live stream is filled from the event log', async () => {
    const faults = new SocketFaults();
    const { url, alice, bob, channelId, room } = await scene(h, { WebSocket: faults.WebSocket });
    let dropped = 0;
    faults.fate = (frame) => (frame.type === 'event' && dropped++ < 3 ? 'drop' : 'pass');
    await postMany(url, bob, channelId, 3, 'lost on the wire');
    await waitFor(() => dropped >= 3, 10_000, 'three events dropped');
    await postMany(url, bob, channelId, 2, 'after the gap');
    await converged(room, url, alice, channelId);
  });
});

describe('beyond the replay window', () => {
  test('a client that missed more than the window resyncs and equals the server', async () => {
    const faults = new SocketFaults();
    const seen: string[] = [];
    const { url, alice, bob, channelId, client, room } = await scene(narrow, { WebSocket: faults.WebSocket });
    faults.fate = (frame) => {
      seen.push(frame.type);
      return 'pass';
    };
    client.disconnect();
    await postMany(url, bob, channelId, 12, 'missed');
    await client.connect();
    await waitFor(() => seen.includes('resync'), 10_000, 'a resync frame');
    await converged(room, url, alice, channelId);
  });

  test('a resync whose reload fails leaves no hole: the room takes no live event past the gap and reloads', async () => {
    let toFail = 0;
    let failed = 0;
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (toFail > 0 && request.method === 'GET' && new URL(request.url).pathname.endsWith('/messages')) {
        toFail--;
        failed++;
        throw new TypeError('fetch failed (the connection dropped)');
      }
      return fetch(request);
    };
    const { url, alice, bob, channelId, client, room } = await scene(narrow, { fetch: flaky });
    client.disconnect();
    await postMany(url, bob, channelId, 12, 'missed'); // past the window: the server answers resync
    toFail = 2; // the reload the resync asks for fails, and so does the first retry
    await client.connect();
    await waitFor(() => failed === 2, 10_000, 'two failed reloads');
    await postMany(url, bob, channelId, 2, 'after the resync');
    await converged(room, url, alice, channelId);
  });

  test('a restart while more than the window is posted: the client resyncs and equals the server', async () => {
    const { url, alice, bob, channelId, client, room } = await scene(narrow);
    await narrow.server.stop('SIGKILL');
    await narrow.server.start();
    await postMany(url, bob, channelId, 12, 'missed');
    const offline = room.send({ type: 'text', text: 'sent around the restart' });
    await until(client.$connection, (s) => s === 'open', 20_000, 'the reconnect');
    const stored = await offline;
    const history = await converged(room, url, alice, channelId);
    assert.equal(copiesOf(history, stored.clientMessageId), 1);
  });
});

describe('a dead link', () => {
  test('a frozen server is noticed by the heartbeat; once it thaws the client catches up', async () => {
    const { url, alice, bob, channelId, client, room } = await scene(quick);
    quick.server.freeze(true);
    try {
      await until(client.$connection, (s) => s === 'reconnecting', 10_000, 'the heartbeat to notice');
      const offline = room.send({ type: 'text', text: 'sent to a frozen server' });
      quick.server.freeze(false);
      await postMany(url, bob, channelId, 3, 'after the thaw');
      const stored = await offline;
      const history = await converged(room, url, alice, channelId);
      assert.equal(copiesOf(history, stored.clientMessageId), 1);
    } finally {
      quick.server.freeze(false);
    }
  });
});
