// A user's avatar, once set, is part of the user wherever the server shows them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectStatus } from '@confab/conformance';
import type { Channel, Me, MemberPage, UserList } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const server = await startTestServer();

test('an avatar set with PATCH /me shows on messages, members, direct channels, search and the socket hello', async (t) => {
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const bob = await fixtures.user();
  const avatarUrl = 'https://images.example.com/alice.webp';
  expectStatus(await http.patch<Me>('/api/v1/me', alice.token, { avatarUrl }), 200);

  const channel = await fixtures.channel(alice);
  await fixtures.join(bob, channel.id);
  const message = await fixtures.post(alice, channel.id, 'with a face');
  assert.equal(message.author.avatarUrl, avatarUrl, 'the author of a new message');
  const [stored] = await fixtures.history(bob, channel.id);
  assert.equal(stored?.author.avatarUrl, avatarUrl, 'the author in the history');

  const members = expectStatus(await http.get<MemberPage>(`/api/v1/channels/${channel.id}/members`, bob.token), 200);
  assert.deepEqual(
    members.items.map((m) => m.user.avatarUrl),
    [avatarUrl, undefined],
  );
  const direct = expectStatus(
    await http.post<Channel>('/api/v1/channels', bob.token, { visibility: 'direct', userId: alice.id }),
    201,
  );
  assert.equal(direct.directWith?.avatarUrl, avatarUrl, 'directWith');
  const found = expectStatus(await http.get<UserList>(`/api/v1/users?q=${alice.username}`, bob.token), 200);
  assert.equal(found.items[0]?.avatarUrl, avatarUrl, 'a user search');
  const { hello } = await openSocket(alice.token);
  assert.equal(hello.user.avatarUrl, avatarUrl, 'hello.user');
});
