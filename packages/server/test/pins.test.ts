// Pins (issue 14) on SQLite and PostgreSQL: who may pin and unpin (per role, and members when the channel
// lets them), idempotence, tombstones, the channel's list with its cursor, the events a client recovers
// after a reconnect, and the audit log.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus, type KitUser } from '@confab/conformance';
import type { AuditPage, Channel, EventPage, Message, PinPage, Problem } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

async function pins(t: TestContext, server: TestServer): Promise<void> {
  const kit = kitFor(server.url, t);
  const { http, fixtures } = kit;
  const [owner, moderator, member, outsider] = (await fixtures.users(4)) as KitUser[];
  const open = await fixtures.channel(owner!, 'public', [moderator!.id, member!.id]);
  const closed = await fixtures.channel(owner!, 'private', [member!.id]);
  expectStatus(
    await http.patch(`/api/v1/channels/${open.id}/members/${moderator!.id}`, owner!.token, { role: 'moderator' }),
    200,
    'promoting a moderator',
  );
  const target = await fixtures.post(member!, open.id, 'pin me');
  const secret = await fixtures.post(owner!, closed.id, 'private pin');
  const pin = (user: KitUser | undefined, message: Message) =>
    http.put<Message & Problem>(`/api/v1/messages/${message.id}/pin`, user?.token);
  const unpin = (user: KitUser | undefined, message: Message) =>
    http.delete<Message & Problem>(`/api/v1/messages/${message.id}/pin`, user?.token);
  const list = (user: KitUser, channel: Channel, query = '') =>
    http.get<PinPage & Problem>(`/api/v1/channels/${channel.id}/pins${query}`, user.token);
  const head = (await http.get<Channel>(`/api/v1/channels/${open.id}`, owner!.token)).body.lastSeq;

  // who may: owners and moderators; members only when the channel allows it; outsiders never
  expectProblem(await pin(undefined, target), 401, 'unauthorized');
  expectProblem(await pin(member, target), 403, 'forbidden');
  expectProblem(await unpin(member, target), 403, 'forbidden');
  expectProblem(await pin(outsider, target), 403, 'forbidden');
  expectProblem(await pin(outsider, secret), 404, 'not_found');
  expectProblem(await list(outsider!, closed), 404, 'not_found');
  const pinned = expectStatus(await pin(owner, target), 200, 'the owner pins');
  assert.equal(pinned.pinnedBy, owner!.id);
  assert.ok(pinned.pinnedAt && !Number.isNaN(Date.parse(pinned.pinnedAt)));
  const again = expectStatus(await pin(moderator, target), 200, 'pinning again is harmless');
  assert.deepEqual([again.pinnedAt, again.pinnedBy], [pinned.pinnedAt, owner!.id], 'the first pin stands');
  const unpinned = expectStatus(await unpin(moderator, target), 200, 'a moderator unpins');
  assert.deepEqual([unpinned.pinnedAt, unpinned.pinnedBy], [null, null]);
  expectStatus(await unpin(moderator, target), 200, 'unpinning again is harmless');
  expectStatus(await pin(moderator, target), 200, 'a moderator pins');

  // the events: one per change (not for the harmless repeats), recovered from the log after a reconnect
  const events = expectStatus(
    await http.get<EventPage>(`/api/v1/channels/${open.id}/events?afterSeq=${head}`, outsider!.token),
    200,
  );
  assert.deepEqual(
    events.items.map((e) => e.kind),
    ['message:pinned', 'message:unpinned', 'message:pinned'],
  );
  const last = events.items.at(-1)!;
  assert.ok(
    'message' in last.data && last.data.message.id === target.id && last.data.message.pinnedBy === moderator!.id,
  );

  // members may pin once the channel lets them
  expectStatus(await http.patch(`/api/v1/channels/${open.id}`, owner!.token, { membersCanPin: true }), 200);
  const second = await fixtures.post(owner!, open.id, 'second pin');
  expectStatus(await pin(member, second), 200, 'a member pins when members may');
  expectProblem(await pin(outsider, second), 403, 'forbidden');
  const direct = expectStatus(
    await http.post<Channel>('/api/v1/channels', owner!.token, { visibility: 'direct', userId: outsider!.id }),
    201,
  );
  const note = await fixtures.post(outsider!, direct.id, 'a note between two');
  expectStatus(await pin(owner, note), 200, 'either person of a direct channel pins');

  // the list: readers of the channel, most recently pinned first, paged with a cursor
  const third = await fixtures.post(owner!, open.id, 'third pin');
  expectStatus(await pin(owner, third), 200);
  const all = expectStatus(await list(outsider!, open), 200, 'a reader of a public channel lists its pins');
  assert.deepEqual(
    all.items.map((m) => m.id),
    [third.id, second.id, target.id],
  );
  const first = expectStatus(await list(member!, open, '?limit=2'), 200);
  assert.deepEqual(
    first.items.map((m) => m.id),
    [third.id, second.id],
  );
  assert.ok(first.nextCursor);
  const rest = expectStatus(await list(member!, open, `?limit=2&cursor=${first.nextCursor}`), 200);
  assert.deepEqual([rest.items.map((m) => m.id), rest.nextCursor], [[target.id], null]);
  expectProblem(await list(member!, open, '?cursor=bogus'), 400, 'invalid_request');

  // a tombstone cannot be pinned; deleting a pinned message unpins it
  const deleted = expectStatus(await http.delete<Message>(`/api/v1/messages/${second.id}`, owner!.token), 200);
  assert.deepEqual([deleted.pinnedAt, deleted.pinnedBy], [null, null], 'the tombstone is not pinned');
  expectProblem(await pin(owner, second), 409, 'conflict');
  expectStatus(await unpin(owner, second), 200, 'unpinning a tombstone is harmless');
  assert.deepEqual(
    expectStatus(await list(owner!, open), 200).items.map((m) => m.id),
    [third.id, target.id],
  );
  expectProblem(await pin(owner, { ...target, id: '01900000-0000-7000-8000-000000000000' }), 404, 'not_found');

  // the audit log records each change, by whom
  const audit = expectStatus(await http.get<AuditPage>(`/api/v1/channels/${open.id}/audit`, owner!.token), 200);
  const pinEntries = audit.items.filter((e) => e.action === 'message.pinned' || e.action === 'message.unpinned');
  assert.deepEqual(pinEntries.map((e) => [e.action, e.actor.id, e.messageId]).reverse(), [
    ['message.pinned', owner!.id, target.id],
    ['message.unpinned', moderator!.id, target.id],
    ['message.pinned', moderator!.id, target.id],
    ['message.pinned', member!.id, second.id],
    ['message.pinned', owner!.id, third.id],
  ]);
}

test('pins on SQLite', async (t) => {
  await pins(t, await startTestServer({}, t));
});

const pgReachable = await postgresReachable();

test('pins on PostgreSQL', { skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}` }, async (t) => {
  const database = await testDatabase(t);
  await pins(t, await database.start());
});

test('a pin reaches subscribers live, and a reconnecting client replays it', async (t) => {
  const server = await startTestServer({}, t);
  const kit = kitFor(server.url, t);
  const [owner, reader] = await kit.fixtures.users(2);
  const channel = await kit.fixtures.channel(owner!, 'public', [reader!.id]);
  const message = await kit.fixtures.post(owner!, channel.id, 'watch this');
  const { socket } = await kit.openSocket(reader!.token);
  socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  await socket.waitFor('subscribed');
  expectStatus(await kit.http.put(`/api/v1/messages/${message.id}/pin`, owner!.token), 200);
  const live = await socket.waitFor('event', (f) => f.kind === 'message:pinned');
  assert.ok('message' in live.data && live.data.message.pinnedBy === owner!.id);
  await socket.close();
  expectStatus(await kit.http.delete(`/api/v1/messages/${message.id}/pin`, owner!.token), 200);
  const { socket: again } = await kit.openSocket(reader!.token);
  again.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: live.seq }] });
  const replayed = await again.waitFor('event', (f) => f.kind === 'message:unpinned');
  assert.equal(replayed.seq, live.seq + 1);
  assert.ok('message' in replayed.data && replayed.data.message.pinnedAt === null);
});
