import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Message } from '../src/index.js';
import { assertContiguous } from './support/compare.js';
import { useHarness } from './support/harness.js';
import { createChannel, fullHistory, postMany, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '1000' });
const url = h.server.url;

type Command =
  | { kind: 'aliceSends' }
  | { kind: 'bobPosts'; count: number }
  | { kind: 'toggleConnection' }
  | { kind: 'restartServer' }
  | { kind: 'loadOlder' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'aliceSends' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('bobPosts' as const), count: fc.integer({ min: 1, max: 4 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'toggleConnection' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'loadOlder' as const }) },
);

/** A REST post that outlives a server restart (same `clientMessageId`, so never twice). */
async function postSurely(user: RestUser, channelId: string, text: string): Promise<Message> {
  const clientMessageId = crypto.randomUUID();
  let stored: Message | undefined;
  await waitFor(
    async () => {
      stored = await postMessage(url, user, channelId, text, { clientMessageId });
      return true;
    },
    20_000,
    `bob's post "${text}"`,
  );
  return stored!;
}

test('whatever happens, the loaded window converges on the server: contiguous, newest last, no echoes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), async (commands) => {
      const alice = await registerUser(url, 'alice');
      const bob = await registerUser(url, 'bob');
      const channelId = (await createChannel(url, alice, [bob])).id;
      await postMany(url, bob, channelId, 60, 'seed');
      const client = await h.signIn(alice);
      const room = client.channel(channelId);
      const stopWatching = h.observe(room.$messages);
      try {
        await until(room.$messages, (m) => m.length > 0, 10_000, 'the first page');
        let connected = true;
        const sends: Promise<Message>[] = [];
        let n = 0;
        for (const step of commands) {
          n++;
          switch (step.kind) {
            case 'aliceSends':
              sends.push(room.send({ type: 'text', text: `alice ${n}` }));
              break;
            case 'bobPosts':
              for (let i = 0; i < step.count; i++) await postSurely(bob, channelId, `bob ${n}.${i}`);
              break;
            case 'toggleConnection':
              if (connected) client.disconnect();
              else await client.connect();
              connected = !connected;
              break;
            case 'restartServer':
              await h.server.restart('SIGTERM');
              break;
            case 'loadOlder':
              await room.loadOlder();
              break;
          }
        }
        if (!connected) await client.connect();
        const stored = await Promise.all(sends);

        let history: Message[] = [];
        await waitFor(
          async () => {
            history = await fullHistory(url, alice, channelId);
            const window = room.$messages.get();
            const start = assertContiguous(window, history);
            assert.equal(start + window.length, history.length, 'the window reaches the newest message');
            assert.equal(room.$hasOlder.get(), start > 0, '$hasOlder says whether older messages exist');
            assert.equal(room.$hasNewer.get(), false);
            return true;
          },
          20_000,
          `convergence after ${JSON.stringify(commands)}`,
        );
        for (const m of stored) assert.equal(history.filter((x) => x.clientMessageId === m.clientMessageId).length, 1);
        const seqs = room.$messages.get().map((m) => m.seq);
        assert.deepEqual(
          seqs,
          [...seqs].sort((a, b) => a - b),
        );
      } finally {
        stopWatching();
        client.disconnect();
      }
    }),
    { numRuns: 10, endOnFailure: true },
  );
});
