// A client that falls behind: the server closes its socket with 4008 once the backlog passes the limit,
// and the client reconnects and resumes by `afterSeq` like after any other disconnect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientFrame } from '@confab/protocol';
import WS from 'ws';
import { useHarness } from './support/harness.js';
import { createChannel, fullHistory, postMessage, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '10000', CONFAB_SOCKET_BACKLOG: String(256 * 1024) });

/** One socket the client opened: the frames it sent and the code it closed with. */
interface Watched {
  ws: WS;
  sent: ClientFrame[];
  closedWith?: number;
}

/** `ws` sockets the test can stop reading from (`ws.pause()`), watched. */
class Sockets {
  readonly all: Watched[] = [];
  /** Hand this to `createChatClient({ WebSocket })`. */
  readonly WebSocket: typeof WebSocket;

  constructor() {
    const all = this.all;
    class WatchedWebSocket extends WS {
      readonly watched: Watched = { ws: this, sent: [] };

      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        all.push(this.watched);
        this.once('close', (code: number) => {
          this.watched.closedWith = code;
        });
      }

      override send(data: unknown, ...rest: unknown[]): void {
        this.watched.sent.push(JSON.parse(String(data)) as ClientFrame);
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    this.WebSocket = WatchedWebSocket as unknown as typeof WebSocket;
  }
}

test('a client closed with 4008 for falling behind reconnects and resumes by afterSeq, missing nothing', async () => {
  const url = h.server.url;
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channelId = (await createChannel(url, alice, [bob])).id;
  await postMessage(url, bob, channelId, 'before');
  const sockets = new Sockets();
  const client = await h.signIn(alice, { WebSocket: sockets.WebSocket, windowSize: 2000 });
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(room.$messages, (m) => m.length === 1, 10_000, 'the first page');
  await until(client.$presence, (p) => p[channelId]?.includes(alice.user.id) === true, 10_000, 'the subscription');

  const first = sockets.all[0]!;
  first.ws.pause(); // alice's client stops reading; the server keeps writing until the backlog passes the limit
  const text = '€'.repeat(4000); // 12 kB on the wire
  for (let i = 0; i < 800; i++) await postMessage(url, bob, channelId, text);
  first.ws.resume();

  await waitFor(() => first.closedWith !== undefined, 30_000, 'the slow socket to close');
  assert.equal(first.closedWith, 4008, 'the slow socket is closed for its backlog');
  await waitFor(() => sockets.all.length > 1, 30_000, 'a new socket');
  const history = await fullHistory(url, alice, channelId);
  await until(room.$messages, (m) => m.length === history.length, 60_000, 'the room to catch up');
  assert.deepEqual(
    room.$messages.get().map((m) => m.id),
    history.map((m) => m.id),
    "the room equals the server's history",
  );
  const resumed = sockets.all[1]!.sent.find((f) => f.type === 'subscribe');
  const afterSeq =
    resumed?.type === 'subscribe' ? resumed.channels.find((c) => c.id === channelId)?.afterSeq : undefined;
  assert.ok(afterSeq !== undefined && afterSeq > 0, 'the new socket resumed the channel by afterSeq');
});
