import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChatClient, ConfabError, Member, Message } from '../src/index.js';
import { SocketFaults } from './support/faulty-socket.js';
import { type Harness, useHarness } from './support/harness.js';
import { createChannel, postMany, postMessage, type RestUser, registerUser, uniqueName } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '1000' });
const narrow = await useHarness({ CONFAB_SEND_RATE: '1000', CONFAB_REPLAY_WINDOW: '5' });

/** A REST call as `user`; the reply's JSON (nothing for a 204). */
async function rest<T = unknown>(
  url: string,
  user: RestUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${user.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The members as the server lists them, as `[user id, role, mutedUntil]` sorted by id. */
/** The members as the server lists them; with `staff`, the owners and moderators alone. */
async function serverMembers(url: string, user: RestUser, channelId: string, staff = false) {
  const query = staff ? 'limit=100&minRole=moderator' : 'limit=100';
  const { items } = await rest<{ items: Member[] }>(url, user, 'GET', `/channels/${channelId}/members?${query}`);
  return shape(items);
}
const shape = (members: Member[]) =>
  members.map((m) => [m.user.id, m.role, m.mutedUntil ?? null] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const pinIds = (url: string, user: RestUser, channelId: string) =>
  rest<{ items: Message[] }>(url, user, 'GET', `/channels/${channelId}/pins?limit=100`).then((p) =>
    p.items.map((m) => m.id),
  );

/** Alice owns a channel Bob and Carol joined; her client (through `faults`) watches members, pins and messages. */
async function scene(harness: Harness, faults = new SocketFaults()) {
  const url = harness.server.url;
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const carol = await registerUser(url, 'carol');
  const channelId = (await createChannel(url, alice, [bob, carol])).id;
  const posted = await postMany(url, bob, channelId, 3, 'before');
  const client = await harness.signIn(alice, { WebSocket: faults.WebSocket });
  const room = client.channel(channelId);
  harness.observe(room.$messages);
  harness.observe(room.$members);
  harness.observe(room.$staff);
  harness.observe(room.$pins);
  await until(room.$members, (m) => m.length === 3, 10_000, 'the members');
  await until(client.$presence, (p) => p[channelId]?.includes(alice.user.id) === true, 20_000, 'the subscription');
  return { url, alice, bob, carol, channelId, client, room, posted, faults };
}

/** Waits until the room's members and pins are the server's. */
async function converged(s: Awaited<ReturnType<typeof scene>>) {
  await waitFor(
    async () => {
      assert.deepEqual(shape(s.room.$members.get()), await serverMembers(s.url, s.alice, s.channelId));
      assert.deepEqual(shape(s.room.$staff.get()), await serverMembers(s.url, s.alice, s.channelId, true));
      assert.deepEqual(
        s.room.$pins.get().map((m) => m.id),
        await pinIds(s.url, s.alice, s.channelId),
      );
      return true;
    },
    20_000,
    "the room's members and pins to equal the server's",
  );
}

describe('members and pins follow the channel', () => {
  test('role changes, mutes, removals and pins are applied live and in order', async () => {
    const s = await scene(h);
    const { url, alice, bob, carol, channelId, room, posted } = s;
    const until2099 = '2099-01-01T00:00:00.000Z';
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${bob.user.id}`, { role: 'moderator' });
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${bob.user.id}`, { role: 'member' });
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${bob.user.id}`, { role: 'moderator' });
    await rest(url, bob, 'PATCH', `/channels/${channelId}/members/${carol.user.id}`, { mutedUntil: until2099 });
    await rest(url, bob, 'PUT', `/messages/${posted[0]!.id}/pin`);
    await rest(url, bob, 'PUT', `/messages/${posted[2]!.id}/pin`);
    await converged(s);
    assert.deepEqual(
      room.$members.get().find((m) => m.user.id === bob.user.id)?.role,
      'moderator',
      'the last of three role changes',
    );
    assert.deepEqual(
      room.$staff.get().map((m) => [m.user.id, m.role]),
      [
        [alice.user.id, 'owner'],
        [bob.user.id, 'moderator'],
      ],
      'the staff: the owner, and Bob promoted, demoted and promoted again',
    );
    assert.equal(
      Date.parse(room.$members.get().find((m) => m.user.id === carol.user.id)!.mutedUntil!),
      Date.parse(until2099),
    );
    assert.deepEqual(
      room.$pins.get().map((m) => m.id),
      [posted[2]!.id, posted[0]!.id],
      'the most recently pinned first',
    );
    assert.ok(room.$messages.get().find((m) => m.id === posted[2]!.id)?.pinnedAt, 'the feed shows it pinned too');

    await rest(url, bob, 'DELETE', `/messages/${posted[2]!.id}/pin`);
    await rest(url, alice, 'DELETE', `/messages/${posted[0]!.id}`);
    await rest(url, alice, 'DELETE', `/channels/${channelId}/members/${carol.user.id}`);
    await converged(s);
    assert.deepEqual(room.$pins.get(), [], 'unpinned, and a deleted message leaves the pins');
    assert.equal(room.$members.get().length, 2);
  });

  test('events missed on the socket are fetched before the next one is applied', async () => {
    const s = await scene(h);
    const { url, alice, bob, carol, channelId, room, posted, faults } = s;
    let dropped = 0;
    faults.fate = (frame) => (frame.type === 'event' && dropped++ < 2 ? 'drop' : 'pass');
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${bob.user.id}`, { role: 'moderator' });
    await rest(url, alice, 'PUT', `/messages/${posted[1]!.id}/pin`);
    await waitFor(() => dropped >= 2, 10_000, 'two events dropped');
    assert.equal(room.$pins.get().length, 0, 'nothing yet: both events were lost');
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${carol.user.id}`, {
      mutedUntil: '2099-01-01T00:00:00.000Z',
    });
    await converged(s);
    assert.deepEqual(
      room.$pins.get().map((m) => m.id),
      [posted[1]!.id],
    );
  });

  test('after a resync the lists are read again', async () => {
    const s = await scene(narrow);
    const { url, alice, bob, carol, channelId, room, posted, faults } = s;
    let seenResync = false;
    faults.fate = (frame) => (frame.type === 'event' && !seenResync ? 'drop' : 'pass');
    await rest(url, alice, 'PATCH', `/channels/${channelId}/members/${bob.user.id}`, { role: 'moderator' });
    await rest(url, alice, 'PUT', `/messages/${posted[0]!.id}/pin`);
    await rest(url, alice, 'PUT', `/channels/${channelId}/bans/${carol.user.id}`, { reason: 'testing' });
    await postMany(url, bob, channelId, 6, 'missed'); // past the replay window of 5
    seenResync = true;
    await postMessage(url, bob, channelId, 'the one that shows the gap');
    await converged(s);
    assert.equal(room.$members.get().length, 2, 'the banned member is gone');
    assert.deepEqual(
      room.$pins.get().map((m) => m.id),
      [posted[0]!.id],
    );
  });

  test('a ban of the signed-in user takes the channel out of their list', async () => {
    const { url, alice, bob, channelId } = await scene(h);
    const client = await h.signIn(bob);
    h.observe(client.$channels);
    await until(client.$channels, (list) => list.some((c) => c.id === channelId), 10_000, 'the channel listed');
    await until(client.$presence, (p) => p[channelId]?.includes(bob.user.id) === true, 20_000, 'bob subscribed');
    await rest(url, alice, 'PUT', `/channels/${channelId}/bans/${bob.user.id}`, {});
    await until(client.$channels, (list) => !list.some((c) => c.id === channelId), 10_000, 'the channel gone');
  });
});

describe('actions', () => {
  test('a moderator mutes, bans and lifts it through the room; the member list follows at once', async () => {
    const { url, alice, bob, carol, channelId, room } = await scene(h);
    const muted = await room.mute(carol.user.id, '2099-01-01T00:00:00.000Z');
    assert.equal(Date.parse(muted.mutedUntil!), Date.parse('2099-01-01T00:00:00.000Z'));
    const ban = await room.ban(bob.user.id, { reason: 'spam' });
    assert.equal(ban.reason, 'spam');
    assert.ok(!room.$members.get().some((m) => m.user.id === bob.user.id), 'gone from the list at once');
    assert.deepEqual(
      (await room.bans()).items.map((b) => b.user.id),
      [bob.user.id],
    );
    await room.unban(bob.user.id);
    assert.deepEqual((await room.bans()).items, []);
    const audit = (await room.auditLog()).items.map((e) => e.action);
    assert.deepEqual(audit.slice(0, 3), ['member.unbanned', 'member.banned', 'member.muted']);
    const settings = await room.update({ readOnly: true });
    assert.equal(settings.readOnly, true);
    await waitFor(
      () =>
        room.$info.get().status === 'ready' &&
        (room.$info.get() as { channel: { readOnly?: boolean } }).channel.readOnly === true,
    );
    assert.equal((await rest<{ readOnly?: boolean }>(url, alice, 'GET', `/channels/${channelId}`)).readOnly, true);
  });
});

describe('blocks', () => {
  test('block and unblock show at once and roll back when the server refuses', async () => {
    const name = uniqueName('blocker');
    const url = h.server.url;
    const bob = await registerUser(url, 'bob');
    const carol = await registerUser(url, 'carol');
    const writer = h.client({ token: await h.server.token(name) });
    await writer.connect();
    await writer.block(bob.user.id);
    assert.deepEqual(writer.$blocked.get(), [bob.user.id]);

    const reader: ChatClient = h.client({ token: await h.server.token(name, undefined, 'chat:read') });
    await reader.connect();
    await until(reader.$blocked, (ids) => ids.length === 1, 10_000, 'the blocks loaded at sign-in');
    const unblocking = reader.unblock(bob.user.id);
    assert.deepEqual(reader.$blocked.get(), [], 'unblocked at once');
    await assert.rejects(unblocking, (error: ConfabError) => error.status === 403);
    assert.deepEqual(reader.$blocked.get(), [bob.user.id], 'rolled back');
    const blocking = reader.block(carol.user.id);
    assert.deepEqual(reader.$blocked.get(), [carol.user.id, bob.user.id], 'blocked at once');
    await assert.rejects(blocking);
    assert.deepEqual(reader.$blocked.get(), [bob.user.id], 'rolled back');

    await writer.unblock(bob.user.id);
    assert.deepEqual(writer.$blocked.get(), []);
    await writer.logout();
    assert.deepEqual(writer.$blocked.get(), [], 'emptied at sign-out');
  });
});

describe('search', () => {
  test('pages of hits, newest first, follow the cursor to the end; a room searches only its channel', async () => {
    const url = h.server.url;
    const alice = await registerUser(url, 'alice');
    const channelId = (await createChannel(url, alice)).id;
    const other = (await createChannel(url, alice)).id;
    const word = `kumquat${Date.now().toString(36)}`;
    const here = await postMany(url, alice, channelId, 5, `${word} here`);
    const there = await postMessage(url, alice, other, `${word} there`);
    await postMessage(url, alice, channelId, 'unrelated words');
    const client = await h.signIn(alice);

    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await client.search(word, { limit: 2, ...(before ? { before } : {}) });
      assert.ok(page.items.length <= 2);
      for (const hit of page.items) {
        const marked = hit.highlights.map((r) => hit.snippet.slice(r.start, r.end).toLowerCase());
        assert.ok(marked.includes(word), `"${hit.snippet}" highlights the word`);
      }
      seen.push(...page.items.map((hit) => hit.message.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    assert.deepEqual(seen, [there.id, ...[...here].reverse().map((m) => m.id)], 'every hit once, newest first');

    const inRoom = await client.channel(channelId).search(word, { limit: 10 });
    assert.deepEqual(
      inRoom.items.map((hit) => hit.message.id),
      [...here].reverse().map((m) => m.id),
    );
    assert.ok(inRoom.items.every((hit) => hit.channel.id === channelId));
  });
});
