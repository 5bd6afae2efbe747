// The access-control matrix (issue 12): every rule of harness/access-matrix.ts against a real server, then
// what refused users must not learn — listings, socket events, presence, typing, unread counts, replies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Channel, ChannelPage, Problem, ServerFrame } from '@confab/protocol';
import { ACCESS_MATRIX, ACCOUNT_MATRIX, MUTATING, SESSION_ENDING, type Visibility } from './harness/access-matrix.js';
import { perform, performAccount } from './harness/access-run.js';
import { type AccessWorld, buildAccessWorld, MATRIX_ADMIN } from './harness/access-world.js';
import { generousLimits } from './harness/fuzz-server.js';
import { DatabaseSnapshots } from './harness/fuzz-snapshot.js';
import { startTestServer } from './support/test-server.js';

const VISIBILITIES: Visibility[] = ['public', 'private', 'direct'];
const server = await startTestServer({ ...generousLimits(), admins: [MATRIX_ADMIN] });
const shared = await buildAccessWorld(server.url, server.jwtSecret);
const snapshots = new DatabaseSnapshots(server.dataDir);
test.after(async () => {
  snapshots.close();
  await shared.closeSockets();
});

for (const rule of ACCESS_MATRIX) {
  const cells = VISIBILITIES.map((v) => `${v} ${rule[v]}`).join(', ');
  test(`${rule.action} by ${rule.role}: ${cells}`, async () => {
    for (const visibility of VISIBILITIES) {
      const expected = rule[visibility];
      const world =
        expected === 'ok' && MUTATING.has(rule.action) ? await buildAccessWorld(server.url, server.jwtSecret) : shared;
      const before = expected === 'ok' ? undefined : snapshots.take();
      const outcome = await perform(world, rule.action, rule.role, visibility);
      assert.equal(outcome, expected, `${rule.action} by ${rule.role} in the ${visibility} channel`);
      if (before) {
        const changed = DatabaseSnapshots.changed(before, snapshots.take());
        assert.deepEqual(changed, [], `the refused ${rule.action} by ${rule.role} (${visibility}) changed tables`);
      }
    }
  });
}

for (const rule of ACCOUNT_MATRIX) {
  const cells = `anonymous ${rule.anonymous}, readOnly ${rule.readOnly}, user ${rule.user}`;
  test(`${rule.action}: ${cells}`, async () => {
    for (const as of ['anonymous', 'readOnly', 'user'] as const) {
      const expected = rule[as];
      const fresh = expected === 'ok' && SESSION_ENDING.has(rule.action);
      const user = fresh ? await shared.kit.fixtures.user() : shared.member;
      const before = expected === 'ok' ? undefined : snapshots.take();
      const outcome = await performAccount(shared, rule.action, user, as, server.jwtSecret);
      assert.equal(outcome, expected, `${rule.action} as ${as}`);
      if (before)
        assert.deepEqual(DatabaseSnapshots.changed(before, snapshots.take()), [], `the refused ${rule.action}`);
    }
  });
}

const SECRET = 'SECRET-7f3a';
const hidden = (world: AccessWorld) => [world.channels.private.id, world.channels.direct.id];

/** Frames that name a hidden channel (other than the error refusing it) or carry the secret. */
const leaksIn = (frames: readonly ServerFrame[], world: AccessWorld) =>
  frames.filter(
    (f) =>
      (f.type !== 'error' && 'channelId' in f && hidden(world).includes(f.channelId)) ||
      (f.type === 'added' && hidden(world).includes(f.channel.id)) ||
      JSON.stringify(f).includes(SECRET),
  );

test('an outsider finds no private or direct channel in any listing, nor a read state in public ones', async () => {
  const { kit, nonMember, channels } = shared;
  for (const scope of ['joined', 'public']) {
    const page = await kit.http.get<ChannelPage>(`/api/v1/channels?scope=${scope}&limit=100`, nonMember.token);
    const listed = page.body.items.map((c) => c.id);
    assert.deepEqual(
      listed.filter((id) => hidden(shared).includes(id)),
      [],
      `scope=${scope}`,
    );
  }
  const open = (await kit.http.get<Channel>(`/api/v1/channels/${channels.public.id}`, nonMember.token)).body;
  assert.deepEqual([open.role, open.unreadCount, open.lastReadSeq], [null, undefined, undefined], 'a public channel');
});

test('a hidden channel or message answers exactly as one that does not exist', async () => {
  const { kit, nonMember, channels, targets } = shared;
  const nothing = '0190d6f2-7a1e-7cc3-8e3f-000000000000';
  const shapes = (channelId: string, messageId: string): [string, string, unknown?][] => [
    ['GET', `/api/v1/channels/${channelId}`],
    ['GET', `/api/v1/channels/${channelId}/messages`],
    ['GET', `/api/v1/channels/${channelId}/events?afterSeq=0`],
    ['PUT', `/api/v1/channels/${channelId}/members/me`],
    [
      'POST',
      `/api/v1/channels/${channelId}/messages`,
      { clientMessageId: 'leak-check', body: { type: 'text', text: 'x' } },
    ],
    ['GET', `/api/v1/messages/${messageId}`],
    ['PUT', `/api/v1/messages/${messageId}/reactions/%F0%9F%91%8D`],
    ['DELETE', `/api/v1/messages/${messageId}/preview`],
    ['POST', `/api/v1/messages/${messageId}/reports`, { reason: 'leak check' }],
    ['GET', `/api/v1/channels/${channelId}/reports`],
  ];
  const answer = async ([method, path, json]: [string, string, unknown?]) => {
    const reply = await kit.http.request<Problem>(method, path, { token: nonMember.token, ...(json ? { json } : {}) });
    const { status, code, title, detail } = reply.body;
    return { status, code, title, detail };
  };
  for (const visibility of ['private', 'direct'] as const) {
    const real = shapes(channels[visibility].id, targets[visibility].id);
    const fake = shapes(nothing, nothing);
    for (const [i, request] of real.entries()) {
      assert.deepEqual(await answer(request), await answer(fake[i]!), `${request[0]} ${request[1]} (${visibility})`);
    }
  }
});

test('an outsider hears nothing of private and direct channels: events, typing, presence, added', async (t) => {
  const world = await buildAccessWorld(server.url, server.jwtSecret);
  t.after(() => world.closeSockets());
  const { kit, owner, member, author, nonMember, invitee, channels, targets } = world;
  const all = VISIBILITIES.map((v) => ({ id: channels[v].id, afterSeq: 0 }));
  const outsider = (await kit.openSocket(nonMember.token)).socket;
  outsider.send({ type: 'subscribe', channels: all });
  await outsider.waitFor('subscribed', (f) => f.channelId === channels.public.id);
  await outsider.roundTrip();
  const errors = outsider.frames.filter((f) => f.type === 'error').map((f) => [f.code, f.channelId]);
  assert.deepEqual(
    errors,
    [
      ['not_found', channels.private.id],
      ['not_found', channels.direct.id],
    ],
    'refusals',
  );
  const insider = (await kit.openSocket(owner.token)).socket;
  insider.send({ type: 'subscribe', channels: all });
  await insider.waitFor('subscribed', (f) => f.channelId === channels.direct.id);
  for (const visibility of ['private', 'direct'] as const) {
    const channelId = channels[visibility].id;
    insider.send({ type: 'typing', channelId });
    await kit.fixtures.post(owner, channelId, `${SECRET} in ${visibility}`);
    await kit.http.put(`/api/v1/messages/${targets[visibility].id}/reactions/%F0%9F%91%8D`, member.token);
    await kit.http.put(`/api/v1/channels/${channelId}/read`, member.token, { seq: 2 });
  }
  await kit.http.patch(`/api/v1/channels/${channels.private.id}`, owner.token, { topic: SECRET });
  await kit.http.put(`/api/v1/channels/${channels.private.id}/members/${invitee.id}`, author.token);
  const barrier = await kit.fixtures.post(owner, channels.public.id, 'barrier');
  await outsider.waitFor('event', (f) => f.channelId === channels.public.id && f.seq === barrier.seq);
  await outsider.roundTrip();
  assert.deepEqual(leaksIn(outsider.frames, world), [], 'frames about hidden channels');
  const presence = outsider.frames.filter((f) => f.type === 'presence');
  assert.ok(presence.length > 0, 'the outsider hears presence in the public channel');
});

test('a removed member stops hearing the private channel and loses its read state', async (t) => {
  const world = await buildAccessWorld(server.url, server.jwtSecret);
  t.after(() => world.closeSockets());
  const { kit, owner, bystander, channels } = world;
  const socket = (await kit.openSocket(bystander.token)).socket;
  socket.send({ type: 'subscribe', channels: [{ id: channels.private.id }, { id: channels.public.id }] });
  await socket.waitFor('subscribed', (f) => f.channelId === channels.public.id);
  await kit.http.delete(`/api/v1/channels/${channels.private.id}/members/${bystander.id}`, owner.token);
  await socket.waitFor('unsubscribed', (f) => f.channelId === channels.private.id && f.reason === 'removed');
  const removedAt = socket.frames.length;
  await kit.fixtures.post(owner, channels.private.id, `${SECRET} after the removal`);
  const barrier = await kit.fixtures.post(owner, channels.public.id, 'barrier');
  await socket.waitFor('event', (f) => f.channelId === channels.public.id && f.seq === barrier.seq);
  const after = socket.frames.slice(removedAt);
  assert.deepEqual(
    after.filter((f) => 'channelId' in f && f.channelId === channels.private.id),
    [],
    'frames after',
  );
  const joined = await kit.http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', bystander.token);
  assert.ok(!joined.body.items.some((c) => c.id === channels.private.id), 'the channel is still listed as joined');
});

test('typing from a read-only token or an outsider reaches nobody', async (t) => {
  const world = await buildAccessWorld(server.url, server.jwtSecret);
  t.after(() => world.closeSockets());
  const { kit, owner, nonMember, readOnlyToken, channels } = world;
  const listener = (await kit.openSocket(owner.token)).socket;
  listener.send({ type: 'subscribe', channels: VISIBILITIES.map((v) => ({ id: channels[v].id })) });
  await listener.waitFor('subscribed', (f) => f.channelId === channels.direct.id);
  const readOnly = (await kit.openSocket(readOnlyToken)).socket;
  const outsider = (await kit.openSocket(nonMember.token)).socket;
  for (const visibility of VISIBILITIES) {
    readOnly.send({ type: 'typing', channelId: channels[visibility].id });
    assert.equal((await readOnly.waitFor('error')).code, 'insufficient_scope', `read-only typing (${visibility})`);
    outsider.send({ type: 'typing', channelId: channels[visibility].id });
    const refused = await outsider.waitFor('error');
    assert.equal(refused.code, visibility === 'public' ? 'forbidden' : 'not_found', `outsider typing (${visibility})`);
  }
  await listener.roundTrip();
  assert.deepEqual(
    listener.frames.filter((f) => f.type === 'typing'),
    [],
    'typing frames the owner received',
  );
});

test('a member who left a direct channel opens it again (and hears it) instead of getting 404', async (t) => {
  const world = await buildAccessWorld(server.url, server.jwtSecret);
  t.after(() => world.closeSockets());
  const { kit, owner, member, channels } = world;
  const direct = channels.direct.id;
  await kit.http.delete(`/api/v1/channels/${direct}/members/me`, owner.token);
  const socket = (await kit.openSocket(owner.token)).socket;
  const again = await kit.http.post<Channel>('/api/v1/channels', owner.token, {
    visibility: 'direct',
    userId: member.id,
  });
  assert.deepEqual([again.status, again.body.id, again.body.role], [200, direct, 'member'], 'opening it again');
  await socket.waitFor('added', (f) => f.channel.id === direct);
  const sent = await kit.fixtures.post(member, direct, 'welcome back');
  const page = await kit.http.get<{ items: { id: string }[] }>(`/api/v1/channels/${direct}/messages`, owner.token);
  assert.ok(
    page.body.items.some((m) => m.id === sent.id),
    'the returning member reads the channel',
  );
});
