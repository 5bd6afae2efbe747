import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness } from './support/harness.js';
import { createChannel, editMessage, postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

test('$info: loading, then the channel; join() and leaveChannel() keep it and $channels current', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const plaza = await createChannel(url, alice);
  const b = await h.signIn(bob);
  h.observe(b.$channels);
  const room = b.channel(plaza.id);
  assert.deepEqual(room.$info.get(), { status: 'loading' });
  h.observe(room.$info);
  const seen = await until(room.$info, (i) => i.status === 'ready', 10_000, 'the channel');
  assert.equal(seen.status === 'ready' && seen.channel.role, null, 'not a member yet');

  const joined = await room.join();
  assert.equal(joined.role, 'member');
  await until(room.$info, (i) => i.status === 'ready' && i.channel.role === 'member', 10_000, 'a member');
  await until(b.$channels, (c) => c.some((x) => x.id === plaza.id), 10_000, 'listed once joined');

  await postMessage(url, alice, plaza.id, 'welcome');
  await until(room.$readState, (r) => r.unreadCount === 1, 10_000, 'one unread, from $channels');

  await b.leaveChannel(plaza.id);
  assert.equal(
    b.$channels.get().some((x) => x.id === plaza.id),
    false,
    'left channels leave $channels',
  );
  await until(room.$info, (i) => i.status === 'ready' && i.channel.role === null, 10_000, 'no longer a member');
});

test("$info is not_found for a private channel that is not the user's, and for one that does not exist", async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const a = await h.signIn(alice);
  const secret = await a.createChannel({ name: `secret-${Date.now().toString(36)}`, visibility: 'private' });
  const b = await h.signIn(bob);
  for (const id of [secret.id, crypto.randomUUID()]) {
    const room = b.channel(id);
    h.observe(room.$info);
    await until(room.$info, (i) => i.status === 'not_found', 10_000, `not_found for ${id}`);
  }
});

test('thread $parent: fetched when observed, kept current by edits, replies and deletes', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channelId = (await createChannel(url, alice, [bob])).id;
  const parent = await postMessage(url, alice, channelId, 'what do you think?');
  const b = await h.signIn(bob);
  const thread = b.channel(channelId).thread(parent.id);
  assert.equal(thread.$parent.get(), undefined);
  h.observe(thread.$parent);
  await until(thread.$parent, (p) => p?.id === parent.id, 10_000, 'the parent');
  await until(b.$presence, (p) => p[channelId]?.includes(bob.user.id) === true, 10_000, 'the subscription');

  await editMessage(url, alice, parent.id, 'what do you all think?');
  await until(
    thread.$parent,
    (p) => p?.body?.type === 'text' && p.body.text === 'what do you all think?',
    10_000,
    'the edit',
  );
  const reply = await postMessage(url, alice, channelId, 'me first', { parentId: parent.id });
  const counted = await until(thread.$parent, (p) => p?.replyCount === 1, 10_000, 'the reply counted');
  assert.equal(counted?.lastReplyAt, reply.createdAt);
  await b.channel(channelId).thread(parent.id).send({ type: 'text', text: 'and me' });
  await until(thread.$parent, (p) => p?.replyCount === 2, 10_000, 'my reply counted');
  const a = await h.signIn(alice);
  await a.channel(channelId).delete(parent.id);
  await until(thread.$parent, (p) => p?.deletedAt != null, 10_000, 'the tombstone');
});
