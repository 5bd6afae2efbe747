import assert from 'node:assert/strict';
import { test } from 'node:test';
import WS from 'ws';
import { useHarness } from './support/harness.js';
import { createChannel, fullHistory, registerUser } from './support/rest.js';
import { waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '10' }); // a burst of 100 messages, then 10 a second

/** `ws`, counting the `send` frames written. */
function countingSends(): { WebSocket: typeof WebSocket; readonly sent: number } {
  let sent = 0;
  class Counting extends WS {
    constructor(...args: ConstructorParameters<typeof WS>) {
      super(...args);
      const send = this.send.bind(this) as (data: unknown) => void;
      this.send = ((data: unknown) => {
        if (typeof data === 'string' && data.startsWith('{"type":"send"')) sent++;
        send(data);
      }) as WS['send'];
    }
  }
  return {
    WebSocket: Counting as unknown as typeof WebSocket,
    get sent() {
      return sent;
    },
  };
}

test('sends queued past the rate limit are retried in step with it, not once per refusal', async () => {
  const queued = 150;
  const alice = await registerUser(h.server.url, 'alice');
  const channelId = (await createChannel(h.server.url, alice)).id;
  const wire = countingSends();
  const client = await h.signIn(alice, { WebSocket: wire.WebSocket });
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await client.connect();
  client.disconnect();
  const sends = Array.from({ length: queued }, (_, i) => room.send({ type: 'text', text: `queued ${i + 1}` }));

  await client.connect();
  const stored = await Promise.all(sends);
  await waitFor(
    async () => (await fullHistory(h.server.url, alice, channelId)).length === queued,
    10_000,
    'all stored',
  );
  assert.equal(new Set(stored.map((m) => m.id)).size, queued);
  // Each retry re-sends what is left; one retry per refused message would send thousands of frames.
  assert.ok(wire.sent <= 5 * queued, `${wire.sent} send frames for ${queued} messages`);
});
