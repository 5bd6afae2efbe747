// The socket's error frames for refused sends: the client matches them to its pending sends by `ref`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newClientId } from '@confab/conformance';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const server = await startTestServer();

test('a send that breaks its schema answers an error whose ref is its clientMessageId', async (t) => {
  const { fixtures, openSocket } = kitFor(server.url, t);
  const user = await fixtures.user();
  const channel = await fixtures.channel(user);
  const { socket } = await openSocket(user.token);
  const refused = [
    { why: 'text over 4,000 characters', body: { type: 'text', text: 'x'.repeat(4001) }, channelId: channel.id },
    { why: 'an empty text', body: { type: 'text', text: '' }, channelId: channel.id },
    { why: 'a malformed channel id', body: { type: 'text', text: 'hi' }, channelId: 'not a channel id' },
  ];
  for (const { why, body, channelId } of refused) {
    const clientMessageId = newClientId();
    socket.send({ type: 'send', clientMessageId, channelId, body });
    const error = await socket.waitFor('error');
    assert.equal(error.code, 'invalid_frame', why);
    assert.equal(error.ref, clientMessageId, why);
  }
  socket.send({ type: 'send', clientMessageId: 5, channelId: channel.id, body: { type: 'text', text: 'hi' } });
  assert.equal((await socket.waitFor('error')).ref, 'send', 'a send without a string clientMessageId');
  assert.deepEqual(await fixtures.history(user, channel.id), [], 'a refused send stored something');
});
