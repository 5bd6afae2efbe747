// Blocks: PUT/DELETE/GET /me/blocks; a blocked user cannot open a direct channel with the blocker nor post
// or type in one (REST and socket: `blocked`), and their mentions of the blocker are dropped (no mention on the
// message, no `mention` frame, no unread mention), while an unblocked mention still arrives; unblocking
// restores all of it. On SQLite and, where it is reachable (always in CI), on PostgreSQL.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus, type KitUser, newClientId } from '@confab/conformance';
import type { Channel, ChannelPage, Message, UserList } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const limits = { writeRate: 1000, sendRate: 1000 };
const NOTHING = '0190d6f2-7a1e-7cc3-8e3f-000000000000';
const text = (value: string) => ({ type: 'text' as const, text: value });

type Kit = ReturnType<typeof kitFor>;

const block = (kit: Kit, user: KitUser, userId: string) => kit.http.put(`/api/v1/me/blocks/${userId}`, user.token);
const unblock = (kit: Kit, user: KitUser, userId: string) => kit.http.delete(`/api/v1/me/blocks/${userId}`, user.token);
const blocked = async (kit: Kit, user: KitUser) =>
  expectStatus(await kit.http.get<UserList>('/api/v1/me/blocks', user.token), 200).items.map((u) => u.id);
const openDirect = (kit: Kit, user: KitUser, userId: string) =>
  kit.http.post<Channel>('/api/v1/channels', user.token, { visibility: 'direct', userId });
const send = (kit: Kit, user: KitUser, channelId: string, value: string, mentions?: string[]) =>
  kit.http.post<Message>(`/api/v1/channels/${channelId}/messages`, user.token, {
    clientMessageId: newClientId(),
    body: text(value),
    ...(mentions ? { mentions } : {}),
  });
const mentionCount = async (kit: Kit, user: KitUser, channelId: string) =>
  expectStatus(await kit.http.get<Channel>(`/api/v1/channels/${channelId}`, user.token), 200).unreadMentionCount;

async function blocksOn(t: TestContext, server: TestServer): Promise<void> {
  await t.test('blocking: idempotent, most recent first, not yourself, not a stranger to the server', async (t) => {
    const kit = kitFor(server.url, t);
    const [me, first, second] = await kit.fixtures.users(3);
    assert.deepEqual(await blocked(kit, me!), []);
    expectStatus(await block(kit, me!, first!.id), 204);
    expectStatus(await block(kit, me!, second!.id), 204);
    expectStatus(await block(kit, me!, first!.id), 204, 'blocking twice');
    assert.deepEqual(await blocked(kit, me!), [second!.id, first!.id], 'most recently blocked first');
    expectProblem(await block(kit, me!, me!.id), 400, 'invalid_request', 'blocking yourself');
    expectProblem(await block(kit, me!, NOTHING), 404, 'not_found', 'an unknown user');
    expectStatus(await unblock(kit, me!, second!.id), 204);
    expectStatus(await unblock(kit, me!, second!.id), 204, 'unblocking twice');
    assert.deepEqual(await blocked(kit, me!), [first!.id]);
    assert.deepEqual(await blocked(kit, first!), [], "the blocked user's own list says nothing");
  });

  await t.test('a blocked user cannot open a direct channel with the blocker, nor post or type in it', async (t) => {
    const kit = kitFor(server.url, t);
    const [blocker, pest] = await kit.fixtures.users(2);
    const direct = expectStatus(await openDirect(kit, pest!, blocker!.id), 201);
    expectStatus(await send(kit, pest!, direct.id, 'hi before'), 201);
    const pestSocket = (await kit.openSocket(pest!.token)).socket;

    const framesBefore = pestSocket.frames.length;
    expectStatus(await block(kit, blocker!, pest!.id), 204);
    await pestSocket.roundTrip();
    assert.deepEqual(
      pestSocket.frames.slice(framesBefore).filter((f) => f.type !== 'pong'),
      [],
      'the blocked user is told nothing',
    );
    expectProblem(await openDirect(kit, pest!, blocker!.id), 403, 'blocked', 'opening it again');
    expectProblem(await send(kit, pest!, direct.id, 'hi after (REST)'), 403, 'blocked', 'posting over REST');
    const ref = newClientId();
    pestSocket.send({ type: 'send', clientMessageId: ref, channelId: direct.id, body: text('hi after (socket)') });
    const refused = await pestSocket.waitFor('error', (f) => f.ref === ref);
    assert.equal(refused.code, 'blocked', 'posting over the socket');
    pestSocket.send({ type: 'typing', channelId: direct.id });
    assert.equal(
      (await pestSocket.waitFor('error', (f) => f.ref === 'typing')).code,
      'blocked',
      'typing to the blocker',
    );
    const texts = (await kit.fixtures.history(blocker!, direct.id)).map((m) => m.body?.type === 'text' && m.body.text);
    assert.deepEqual(texts, ['hi before'], 'nothing stored after the block');

    const other = await kit.fixtures.user();
    expectStatus(await openDirect(kit, pest!, other.id), 201, 'a direct channel with someone else');
    const back = expectStatus(await openDirect(kit, blocker!, pest!.id), 200, 'the blocker still opens it');
    assert.equal(back.id, direct.id);
    expectStatus(await send(kit, blocker!, direct.id, 'the blocker still posts'), 201);

    expectStatus(await unblock(kit, blocker!, pest!.id), 204);
    expectStatus(await openDirect(kit, pest!, blocker!.id), 200, 'after unblocking');
    expectStatus(await send(kit, pest!, direct.id, 'hi again'), 201, 'posting after unblocking');
  });

  await t.test("a blocked user's mentions of the blocker are dropped; others' still arrive", async (t) => {
    const kit = kitFor(server.url, t);
    const [blocker, pest, friend] = await kit.fixtures.users(3);
    // The pest owns the channel: @channel is for owners and moderators.
    const channel = await kit.fixtures.channel(pest!, 'public', [blocker!.id, friend!.id]);
    expectStatus(await block(kit, blocker!, pest!.id), 204);
    const blockerSocket = (await kit.openSocket(blocker!.token)).socket;
    const friendSocket = (await kit.openSocket(friend!.token)).socket;

    const named = expectStatus(
      await send(kit, pest!, channel.id, `@${blocker!.username} and @${friend!.username}, look`),
      201,
    );
    assert.deepEqual(named.mentions, [friend!.id], '@username of the blocker dropped, of the friend kept');
    await friendSocket.waitFor('mention', (f) => f.message.id === named.id);
    const explicit = expectStatus(await send(kit, pest!, channel.id, 'psst', [blocker!.id]), 201);
    assert.deepEqual(explicit.mentions, [], 'an explicit mention of the blocker dropped, without an error');
    const everyone = expectStatus(await send(kit, pest!, channel.id, '@channel listen'), 201);
    assert.equal(everyone.mentionsChannel, true);
    await friendSocket.waitFor('mention', (f) => f.message.id === everyone.id);

    // The positive control: an unblocked mention reaches the same socket after all of the above.
    const control = expectStatus(await send(kit, friend!, channel.id, `@${blocker!.username} hello`), 201);
    assert.deepEqual(control.mentions, [blocker!.id]);
    await blockerSocket.waitFor('mention', (f) => f.message.id === control.id);
    assert.deepEqual(
      blockerSocket.frames.filter((f) => f.type === 'mention').map((f) => f.type === 'mention' && f.message.id),
      [control.id],
      'the blocker heard only the unblocked mention',
    );
    assert.equal(await mentionCount(kit, blocker!, channel.id), 1, "the blocker's unread mentions: the friend's only");
    const joined = expectStatus(
      await kit.http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', blocker!.token),
      200,
    );
    assert.equal(joined.items.find((c) => c.id === channel.id)?.unreadMentionCount, 1, 'the joined list agrees');
    assert.equal(await mentionCount(kit, friend!, channel.id), 2, "the friend's: the @username and @channel");
    const history = (await kit.fixtures.history(blocker!, channel.id)).map((m) => m.id);
    assert.ok(history.includes(named.id), "the blocker still reads the blocked user's messages");

    expectStatus(await unblock(kit, blocker!, pest!.id), 204);
    assert.equal(await mentionCount(kit, blocker!, channel.id), 2, 'after unblocking, the earlier @channel counts');
    const restored = expectStatus(await send(kit, pest!, channel.id, `@${blocker!.username} friends again?`), 201);
    assert.deepEqual(restored.mentions, [blocker!.id], 'after unblocking, the mention stands');
    await blockerSocket.waitFor('mention', (f) => f.message.id === restored.id);
    assert.equal(await mentionCount(kit, blocker!, channel.id), 3);
  });
}

test('blocks on SQLite', async (t) => {
  await blocksOn(t, await startTestServer(limits, t));
});

const pgReachable = await postgresReachable();

test('blocks on PostgreSQL', { skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}` }, async (t) => {
  const database = await testDatabase(t);
  await blocksOn(t, await database.start(limits));
});
