import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfabError } from '../src/index.js';
import { useHarness } from './support/harness.js';
import { postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

test('create, browse, join and open direct channels through the client; $channels follows', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const a = await h.signIn(alice);
  const b = await h.signIn(bob);
  h.observe(a.$channels);
  h.observe(b.$channels);

  const name = `plaza-${Date.now().toString(36)}`;
  const created = await a.createChannel({ name, visibility: 'public' });
  assert.equal(created.role, 'owner');
  await until(a.$channels, (list) => list.some((c) => c.id === created.id), 5000, 'the new channel in $channels');

  assert.ok((await b.publicChannels()).some((c) => c.id === created.id));
  assert.equal((await b.getChannel(created.id)).role, null);
  const joined = await b.joinChannel(created.id);
  assert.equal(joined.role, 'member');
  await until(b.$channels, (list) => list.some((c) => c.id === created.id), 5000, 'the joined channel in $channels');

  const found = await a.searchUsers(bob.username.slice(0, 6));
  assert.ok(found.some((u) => u.id === bob.user.id));
  const direct = await a.openDirect(bob.user.id);
  assert.equal(direct.visibility, 'direct');
  assert.equal((await a.openDirect(bob.user.id)).id, direct.id);
  await until(a.$channels, (list) => list.some((c) => c.id === direct.id), 5000, 'the direct channel in $channels');

  const posted = await postMessage(url, alice, created.id, 'hello');
  assert.equal((await b.getMessage(posted.id)).id, posted.id);
});

test('channels the user is added to appear in $channels live, and their messages count as unread', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const a = await h.signIn(alice);
  const b = await h.signIn(bob);
  h.observe(b.$channels);
  await until(b.$connection, (status) => status === 'open', 10_000, 'the socket of a user with no channels');

  const direct = await a.openDirect(bob.user.id);
  const listed = await until(b.$channels, (list) => list.some((c) => c.id === direct.id), 10_000, 'the direct channel');
  assert.equal(listed.find((c) => c.id === direct.id)?.directWith?.id, alice.user.id);

  const team = await a.createChannel({ name: 'team', visibility: 'private' });
  await a.api.PUT('/api/v1/channels/{channelId}/members/{memberId}', {
    params: { path: { channelId: team.id, memberId: bob.user.id } },
  });
  await until(
    b.$channels,
    (list) => list.some((c) => c.id === team.id),
    10_000,
    'the private channel bob was added to',
  );

  await postMessage(url, alice, direct.id, 'are you there?');
  await until(
    b.$channels,
    (list) => list[0]?.id === direct.id && list[0].unreadCount === 1,
    10_000,
    'the direct channel first, with one unread',
  );
  assert.equal(b.$channels.get().filter((c) => c.id === direct.id).length, 1);
});

test('a channel the user may not see is a ConfabError not_found', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const a = await h.signIn(alice);
  const hidden = await a.createChannel({ name: 'hidden', visibility: 'private' });
  const b = await h.signIn(bob);
  await assert.rejects(
    b.getChannel(hidden.id),
    (error: unknown) => error instanceof ConfabError && error.code === 'not_found',
  );
  await assert.rejects(
    b.joinChannel(hidden.id),
    (error: unknown) => error instanceof ConfabError && error.status === 404,
  );
});

test('$scopes comes from the socket hello: a read-only host token has chat:read only', async () => {
  const token = await h.server.token('reader', undefined, 'chat:read');
  const client = h.client({ token });
  await client.connect();
  assert.deepEqual(client.$scopes.get(), ['chat:read']);
});
