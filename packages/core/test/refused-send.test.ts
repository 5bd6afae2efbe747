import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfabError } from '../src/index.js';
import { useHarness } from './support/harness.js';
import { createChannel, fullHistory, registerUser } from './support/rest.js';
import { until } from './support/wait-for.js';

const h = await useHarness();
const url = h.server.url;

test('a send over the 4,000-character limit ends as a failed echo over the socket, and discard removes it', async () => {
  const alice = await registerUser(url, 'alice');
  const channelId = (await createChannel(url, alice)).id;
  const client = await h.signIn(alice);
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(client.$presence, (p) => p[channelId]?.includes(alice.user.id) === true, 10_000, 'the subscription');

  const settled = room.send({ type: 'text', text: 'x'.repeat(4001) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  await until(room.$messages, (m) => m[0]?.failed !== undefined, 10_000, 'the echo to fail, not stay pending');
  const error = await settled;
  assert.ok(error instanceof ConfabError, `got ${String(error)}`);
  assert.equal(error.code, 'invalid_frame');
  assert.equal(error.retryable, false);
  const [failed] = room.$messages.get();
  assert.equal(failed?.failed?.code, 'invalid_frame', 'the echo stays, marked failed');
  assert.equal(failed?.pending, undefined, 'not pending');

  room.discard(failed!.clientMessageId);
  assert.deepEqual(room.$messages.get(), []);
  const ok = await room.send({ type: 'text', text: 'x'.repeat(4000) });
  assert.deepEqual(await fullHistory(url, alice, channelId), [ok], 'the limit itself is fine; nothing else stored');
});
