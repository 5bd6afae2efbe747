import { expect } from '@open-wc/testing';
import { type ChatClient, createChatClient, indexedDbStore, type LocalMessage } from '../../src/index.js';
import { uniqueName } from '../support/rest.js';
import { until, waitFor } from '../support/wait-for.js';
import { afterEach, describe, it } from './support/globals.js';

const baseUrl = window.CONFAB_SERVER;
const password = 'correct-horse-battery';
const started: ChatClient[] = [];
const observers: Array<() => void> = [];

/** A client on the native WebSocket, disconnected after each test. */
function client(): ChatClient {
  const made = createChatClient({ baseUrl });
  started.push(made);
  return made;
}

/** Registers a user on a new client. */
async function registered(prefix: string) {
  const made = client();
  const username = uniqueName(prefix);
  const user = await made.register({ username, password });
  return { client: made, user, username };
}

/** A channel of `owner`'s that `others` joined. */
async function channelOf(owner: ChatClient, others: ChatClient[]): Promise<string> {
  const { data } = await owner.api.POST('/api/v1/channels', {
    body: { name: uniqueName('room'), visibility: 'public' },
  });
  if (!data) throw new Error('no channel');
  for (const other of others) {
    const joined = await other.api.PUT('/api/v1/channels/{channelId}/members/{memberId}', {
      params: { path: { channelId: data.id, memberId: 'me' } },
    });
    expect(joined.response.ok).to.equal(true);
  }
  return data.id;
}

/** Observes a room's messages until the test ends. */
function watch(room: ReturnType<ChatClient['channel']>) {
  observers.push(room.$messages.listen(() => {}));
  return room;
}

/** Alice and Bob in one channel, both watching it and both online. */
async function twoOnline() {
  const alice = await registered('alice');
  const bob = await registered('bob');
  const channelId = await channelOf(alice.client, [bob.client]);
  const roomA = watch(alice.client.channel(channelId));
  const roomB = watch(bob.client.channel(channelId));
  await until(bob.client.$presence, (p) => (p[channelId]?.length ?? 0) === 2, 10_000, 'both online');
  return { alice, bob, channelId, roomA, roomB };
}

/** The server's copies of a message, by its client id. */
async function copiesOnServer(reader: ChatClient, channelId: string, clientMessageId: string): Promise<number> {
  const { data } = await reader.api.GET('/api/v1/channels/{channelId}/messages', {
    params: { path: { channelId }, query: { limit: 100 } },
  });
  return (data?.items ?? []).filter((m) => m.clientMessageId === clientMessageId).length;
}

const count = (messages: LocalMessage[], clientMessageId: string) =>
  messages.filter((m) => m.clientMessageId === clientMessageId).length;

afterEach(() => {
  for (const stop of observers.splice(0)) stop();
  for (const made of started.splice(0)) made.disconnect();
});

describe('@confab/core in Chromium', () => {
  it('two clients on the native WebSocket exchange a message live', async () => {
    const { alice, roomA, roomB } = await twoOnline();

    const sent = await roomA.send({ type: 'text', text: 'hello from chromium' });
    await until(roomB.$messages, (m) => m.some((x) => x.id === sent.id), 10_000, 'the message at bob');
    expect(roomB.$messages.get().find((m) => m.id === sent.id)).to.deep.equal(sent);
    expect(count(roomA.$messages.get(), sent.clientMessageId)).to.equal(1);
    expect(alice.client.$connection.get()).to.equal('open');
  });

  it('a message sent while disconnected is delivered once after connect()', async () => {
    const { alice, bob, channelId, roomA, roomB } = await twoOnline();

    alice.client.disconnect();
    const sending = roomA.send({ type: 'text', text: 'written offline' });
    const echo = roomA.$messages.get().at(-1);
    expect(echo?.pending).to.equal(true);
    await alice.client.connect();
    const stored = await sending;

    expect(stored.clientMessageId).to.equal(echo?.clientMessageId);
    await until(roomB.$messages, (m) => count(m, stored.clientMessageId) === 1, 10_000, 'the message at bob');
    await until(roomA.$messages, (m) => !m.some((x) => x.pending), 10_000, 'no echo left');
    expect(count(roomA.$messages.get(), stored.clientMessageId)).to.equal(1);
    expect(await copiesOnServer(bob.client, channelId, stored.clientMessageId)).to.equal(1);
  });

  it('an unsent message kept in IndexedDB is delivered once by the next client of the same user', async () => {
    const alice = await registered('alice');
    const channelId = await channelOf(alice.client, []);
    await alice.client.connect();
    alice.client.disconnect();
    void alice.client.channel(channelId).send({ type: 'text', text: 'left in the outbox' });
    const echo = alice.client.channel(channelId).$messages.get().at(-1);
    expect(echo?.pending).to.equal(true);
    const clientMessageId = echo!.clientMessageId;
    const outbox = indexedDbStore(`${baseUrl}|${alice.user.id}`);
    await waitFor(
      async () => (await outbox.load()).some((e) => e.clientMessageId === clientMessageId),
      5_000,
      'the pending send in IndexedDB',
    );

    const again = client();
    await again.login({ username: alice.username, password });
    await waitFor(
      async () => (await copiesOnServer(again, channelId, clientMessageId)) === 1,
      10_000,
      'the second client to deliver it',
    );
    await waitFor(async () => (await outbox.load()).length === 0, 5_000, 'the outbox in IndexedDB to empty');
    const room = watch(again.channel(channelId));
    await until(room.$messages, (m) => count(m, clientMessageId) === 1 && !m.some((x) => x.pending), 10_000);
    expect(await copiesOnServer(again, channelId, clientMessageId)).to.equal(1);
  });
});
