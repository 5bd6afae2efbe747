// Hostile sockets against a real server: each attack is bounded, and the bound is asserted (bytes, frames,
// memory), never a duration. Figures go to the console (`# figure …`) for the README's "Guarantees".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type KitUser, newClientId } from '@confab/conformance';
import type { ServerFrame } from '@confab/protocol';
import WebSocket from 'ws';
import { kitFor } from './support/kit.js';
import { startTestServer, type TestServer } from './support/test-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The server runs in this process: its heap and buffers are ours to measure. */
const memory = () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};
const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(2)} MiB`;
const figure = (text: string) => console.log(`# figure ${text}`);
const socketUrl = (baseUrl: string, ticket: string) =>
  `${baseUrl.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;

/** A 4,000-character text that is 12 kB on the wire. */
const bigText = '€'.repeat(4000);

/**
 * A bare socket that counts what it receives, for attacks the kit's recorder would slow down. It keeps
 * frames without their messages: the client's memory is this process's too, and must not blur the server's.
 */
class RawSocket {
  readonly frames: ServerFrame[] = [];
  bytes = 0;
  readonly closed: Promise<number>;
  #wake: (() => void) | undefined;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.bytes += data.length;
      const { data: _, message: __, ...frame } = JSON.parse(data.toString());
      this.frames.push(frame as ServerFrame);
      this.#wake?.();
    });
    ws.on('error', () => {});
    this.closed = new Promise((resolve) =>
      ws.on('close', (code) => {
        this.#wake?.();
        resolve(code);
      }),
    );
  }

  static async open(server: TestServer, ticket: string): Promise<RawSocket> {
    const ws = new WebSocket(socketUrl(server.url, ticket));
    const socket = new RawSocket(ws);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade ${response.statusCode}`)));
    });
    await socket.until(() => socket.frames.some((f) => f.type === 'hello'), 'hello');
    return socket;
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Waits until `done` holds, woken by each frame; fails after 60 s, or if the socket closes first unless `closing`. */
  async until(done: () => boolean, what: string, closing = false): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!done()) {
      if (!closing && this.ws.readyState === WebSocket.CLOSED)
        assert.fail(`the socket closed while waiting for ${what}`);
      if (Date.now() > deadline) assert.fail(`no ${what} within 60 s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  count(type: ServerFrame['type']): number {
    return this.frames.filter((f) => f.type === type).length;
  }
}

/** Fills a channel with `count` messages through one socket, `batch` sends at a time; calls `between` after each batch. */
async function post(socket: RawSocket, channelId: string, count: number, text: string, between = () => {}) {
  for (let sent = 0; sent < count; ) {
    const batch = Math.min(50, count - sent);
    const acked = socket.count('ack') + batch;
    for (let i = 0; i < batch; i++)
      socket.send({ type: 'send', clientMessageId: newClientId(), channelId, body: { type: 'text', text } });
    await socket.until(() => socket.count('ack') >= acked, `${acked} acks`);
    assert.equal(socket.count('error'), 0, 'a send was refused');
    sent += batch;
    between();
  }
}

async function subscribed(socket: RawSocket, channelId: string, afterSeq?: number): Promise<void> {
  const before = socket.count('subscribed');
  socket.send({ type: 'subscribe', channels: [{ id: channelId, ...(afterSeq === undefined ? {} : { afterSeq }) }] });
  await socket.until(() => socket.count('subscribed') > before, 'subscribed');
}

const unlimited = { sendRate: 100_000, frameRate: 100_000, userFrameRate: 100_000 };

test('slow readers: a socket that pings but never reads is closed with 4008 once its backlog passes the limit', async (t) => {
  const socketBacklog = MiB; // above one batch of sends (50 × 12 kB), which a reading socket takes in its stride
  const server = await startTestServer({ ...unlimited, socketBacklog }, t);
  const { fixtures } = kitFor(server.url, t);
  const [alice, mallory] = (await fixtures.users(2)) as [KitUser, KitUser];
  const channel = await fixtures.channel(alice);
  const poster = await RawSocket.open(server, await fixtures.ticket(alice.token));
  const healthy = await RawSocket.open(server, await fixtures.ticket(alice.token));
  t.after(() => {
    poster.ws.terminate();
    healthy.ws.terminate();
  });
  await subscribed(healthy, channel.id);
  const readers: RawSocket[] = [];
  for (let i = 0; i < 10; i++) {
    const reader = await RawSocket.open(server, await fixtures.ticket(mallory.token));
    t.after(() => reader.ws.terminate());
    await subscribed(reader, channel.id);
    await reader.until(() => reader.count('presence') > 0, 'the presence list');
    reader.ws.pause();
    readers.push(reader);
  }
  const baseline = memory();
  let peak = 0;
  const messages = 700;
  await post(poster, channel.id, messages, bigText, () => {
    for (const reader of readers) if (reader.ws.readyState === WebSocket.OPEN) reader.send({ type: 'ping' });
    peak = Math.max(peak, memory() - baseline);
  });
  const posted = messages * Buffer.byteLength(JSON.stringify({ text: bigText }));

  for (const reader of readers) reader.ws.resume();
  const codes = await Promise.all(
    readers.map(async (r) => {
      await r.until(() => r.ws.readyState === WebSocket.CLOSED || r.count('event') >= messages, 'the close', true);
      return r.ws.readyState === WebSocket.CLOSED ? await r.closed : 'still open';
    }),
  );
  assert.deepEqual(new Set(codes), new Set([4008]), 'every slow reader is closed with 4008');
  const received = Math.max(...readers.map((r) => r.bytes));
  assert.ok(received < posted, `a slow reader got everything (${received} of ${posted} bytes)`);
  assert.ok(
    peak < readers.length * socketBacklog + 8 * MiB,
    `server memory grew by ${mib(peak)} with ${readers.length} slow readers of ${mib(socketBacklog)}`,
  );

  await healthy.until(() => healthy.count('event') >= messages, `${messages} events on the healthy socket`);
  const seqs = healthy.frames.filter((f) => f.type === 'event').map((f) => f.seq);
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => seqs[0]! + i),
    'the healthy socket got every event once, in order',
  );
  figure(
    `slow readers: ${readers.length} paused sockets, ${mib(posted)} posted to each, limit ${mib(socketBacklog)}; ` +
      `all closed with 4008; most any of them received ${mib(received)} (kernel buffers included); ` +
      `server heap+external peak growth ${mib(peak)}`,
  );
});

test('replay amplification: one frame replays each channel once, within the replay window and the frame budget', async (t) => {
  const replayWindow = 800; // 9.6 MB of events: more than the kernel buffers a paused socket (≈7 MB here)
  const replayBudget = 900;
  const socketBacklog = MiB;
  const server = await startTestServer({ ...unlimited, replayWindow, replayBudget, socketBacklog }, t);
  const { fixtures } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const channels = [await fixtures.channel(alice), await fixtures.channel(alice), await fixtures.channel(alice)];
  const poster = await RawSocket.open(server, await fixtures.ticket(alice.token));
  t.after(() => poster.ws.terminate());
  const missed = [replayWindow, 150, 150];
  for (const [i, channel] of channels.entries()) await post(poster, channel.id, missed[i]!, bigText);
  const heads = await Promise.all(channels.map(async (c) => (await fixtures.history(alice, c.id)).at(-1)!.seq));
  const head = heads[0]!;

  // the same channel 100 times, into a socket that does not read
  const paused = await RawSocket.open(server, await fixtures.ticket(alice.token));
  t.after(() => paused.ws.terminate());
  const baseline = memory();
  paused.ws.pause();
  const entry = { id: channels[0]!.id, afterSeq: head - replayWindow };
  paused.send({ type: 'subscribe', channels: Array.from({ length: 100 }, () => entry) });
  let peak = Number.NEGATIVE_INFINITY;
  for (let sample = 0; sample < 20; sample++) {
    await new Promise((resolve) => setTimeout(resolve, 50)); // a window to measure in: nothing to wait for
    peak = Math.max(peak, memory() - baseline);
  }
  assert.equal(paused.ws.readyState, WebSocket.OPEN, 'the replay waited for the socket instead of overflowing it');
  paused.ws.resume();
  await paused.until(() => paused.count('subscribed') === 1, 'subscribed');
  const replayed = paused.count('event');
  assert.equal(replayed, replayWindow, 'the channel listed 100 times is replayed once');
  const replayBytes = paused.bytes;
  assert.ok(peak < socketBacklog + 4 * MiB, `server memory grew by ${mib(peak)} replaying into a paused socket`);

  // 800 + 150 + 150 missed events, with a budget of 900 for the frame
  const socket = await RawSocket.open(server, await fixtures.ticket(alice.token));
  t.after(() => socket.ws.terminate());
  socket.send({
    type: 'subscribe',
    channels: channels.map((c, i) => ({ id: c.id, afterSeq: heads[i]! - missed[i]! })),
  });
  await socket.until(() => socket.count('subscribed') === 3, 'three subscribed');
  const budgeted = socket.count('event');
  assert.ok(budgeted <= replayBudget, `one frame replayed ${budgeted} events`);
  assert.equal(budgeted, replayWindow, 'the first channel replays, the others are past the budget');
  assert.equal(socket.count('resync'), 2, 'the channels past the budget are answered with resync');

  // more than 100 channels: refused whole
  const greedy = await RawSocket.open(server, await fixtures.ticket(alice.token));
  t.after(() => greedy.ws.terminate());
  greedy.send({ type: 'subscribe', channels: Array.from({ length: 101 }, () => ({ id: channels[1]!.id })) });
  await greedy.until(() => greedy.count('error') === 1, 'an error');
  const error = greedy.frames.find((f) => f.type === 'error');
  assert.equal(error?.type === 'error' && error.code, 'invalid_frame');
  await post(poster, channels[1]!.id, 1, 'after the refused subscribe');
  greedy.send({ type: 'ping', id: 'fence' });
  await greedy.until(() => greedy.count('pong') === 1, 'pong');
  assert.equal(greedy.count('subscribed') + greedy.count('event'), 0, 'a refused subscribe subscribed something');

  figure(
    `replay amplification: 100 × the same channel with afterSeq = head − ${replayWindow} → ${replayed} events ` +
      `(${mib(replayBytes)}), was ${100 * replayWindow}; server heap+external peak growth while replaying into a ` +
      `paused socket ${mib(peak)} (limit ${mib(socketBacklog)}, the socket stayed open); ${missed.join(' + ')} missed with a budget of ${replayBudget} → ` +
      `${budgeted} events + 2 resync; 101 channels → invalid_frame, nothing subscribed`,
  );
});

test('presence amplification: N subscribers cost O(N) presence frames, and a re-subscribe tells no one', async (t) => {
  const server = await startTestServer({}, t);
  const { fixtures } = kitFor(server.url, t);
  const n = 80;
  const users = await fixtures.users(n + 2);
  const newcomer = users.pop()!;
  const fence = users.pop()!;
  const channel = await fixtures.channel(users[0]!);
  const sockets = await Promise.all(
    users.map(async (u) => {
      const socket = await RawSocket.open(server, await fixtures.ticket(u.token));
      t.after(() => socket.ws.terminate());
      return socket;
    }),
  );
  const views = sockets.map(() => new Set<string>());
  const seen = sockets.map(() => 0);
  /** Applies to each socket's list what it received since the last look. */
  const apply = () => {
    sockets.forEach((socket, i) => {
      for (const f of socket.frames.slice(seen[i])) {
        if (f.type !== 'presence' || f.channelId !== channel.id) continue;
        if (f.online) views[i] = new Set(f.online);
        for (const id of f.joined ?? []) views[i]!.add(id);
        for (const id of f.left ?? []) views[i]!.delete(id);
      }
      seen[i] = socket.frames.length;
    });
  };
  const presenceFrames = () => sockets.flatMap((s) => s.frames.filter((f) => f.type === 'presence'));
  const everyoneSees = async (expected: string[], what: string) => {
    for (const [i, socket] of sockets.entries())
      await socket.until(() => {
        apply();
        return [...views[i]!].sort().join() === [...expected].sort().join();
      }, what);
  };

  for (const socket of sockets) socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  const ids = users.map((u) => u.id);
  await everyoneSees(ids, 'everyone online');
  // changes go out in order: once everyone has heard of the fence, every earlier change has reached them too
  const fenceSocket = await RawSocket.open(server, await fixtures.ticket(fence.token));
  t.after(() => fenceSocket.ws.terminate());
  await subscribed(fenceSocket, channel.id);
  ids.push(fence.id);
  await everyoneSees(ids, 'the fence online');
  const counted = presenceFrames().length;
  const bytes = presenceFrames().reduce((sum, f) => sum + JSON.stringify(f).length, 0);
  // n whole lists, one change frame per socket per tick the joins spread over (a few), n for the fence; n²/2 before
  assert.ok(counted <= 5 * n, `${n} subscribes (and the fence) cost ${counted} presence frames`);

  // everyone re-subscribes, then a newcomer subscribes: the only change anyone hears is the newcomer
  const before = sockets.map((s) => s.frames.length);
  for (const socket of sockets) socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  const late = await RawSocket.open(server, await fixtures.ticket(newcomer.token));
  t.after(() => late.ws.terminate());
  await subscribed(late, channel.id);
  await everyoneSees([...ids, newcomer.id], 'the newcomer online');
  const resubscribeFrames = sockets.flatMap((s, i) => s.frames.slice(before[i]).filter((f) => f.type === 'presence'));
  const changes = resubscribeFrames.filter((f) => f.type === 'presence' && !f.online);
  for (const change of changes) {
    assert.deepEqual(change.type === 'presence' && change.joined, [newcomer.id], 'a change names someone else');
    assert.equal(change.type === 'presence' && change.left, undefined, 'a re-subscribe told others someone left');
  }
  assert.equal(resubscribeFrames.length - changes.length, n, 'each re-subscribe gets its own whole list, once');

  // half of them go away
  const leaving = sockets.splice(0, n / 2);
  views.splice(0, n / 2);
  seen.splice(0, n / 2);
  const closedFrom = sockets.map((s) => s.count('presence'));
  for (const socket of leaving) socket.ws.close();
  await everyoneSees([...ids.slice(n / 2), newcomer.id], 'the rest online');
  const leaveFrames = sockets.reduce((sum, s, i) => sum + s.count('presence') - closedFrom[i]!, 0);
  assert.ok(leaveFrames <= 4 * sockets.length, `${n / 2} sockets closing cost ${leaveFrames} presence frames`);

  figure(
    `presence amplification: ${n} sockets subscribing (+ 1) → ${counted} presence frames (${mib(bytes)}), ` +
      `was ${(n * (n + 1)) / 2}; ${n} re-subscribes + 1 newcomer → ${changes.length} change frames, all naming ` +
      `the newcomer; ${n / 2} closing → ${leaveFrames} frames to the ${sockets.length} left`,
  );
});

test('socket cap: the upgrade past maxSocketsPerUser is refused with 429 problem+json, even in a burst', async (t) => {
  const server = await startTestServer({ maxSocketsPerUser: 3 }, t);
  const { fixtures } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const tickets = await Promise.all(Array.from({ length: 12 }, () => fixtures.ticket(alice.token)));
  const attempts = await Promise.allSettled(tickets.map((ticket) => RawSocket.open(server, ticket)));
  const open = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
  t.after(() => {
    for (const socket of open) socket.ws.terminate();
  });
  assert.equal(open.length, 3, `${open.length} of 12 simultaneous upgrades opened`);
  for (const a of attempts) if (a.status === 'rejected') assert.match(String(a.reason), /upgrade 429/);

  const refused = await refusal(server, await fixtures.ticket(alice.token));
  assert.equal(refused.status, 429);
  assert.match(refused.contentType, /^application\/problem\+json/);
  assert.equal(JSON.parse(refused.body).code, 'rate_limited');

  const closing = open.pop()!;
  closing.ws.close();
  await closing.closed;
  open.push(await retry(async () => RawSocket.open(server, await fixtures.ticket(alice.token))));
  figure(
    'socket cap: 12 simultaneous upgrades with a cap of 3 → 3 open, 9 refused with 429; a closed one frees a slot',
  );
});

test("frame flood: a user's sockets together are held to the per-user frame rate", async (t) => {
  const userFrameRate = 20;
  const server = await startTestServer({ frameRate: 1000, userFrameRate }, t);
  const { fixtures } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const sockets = await Promise.all(
    Array.from({ length: 5 }, async () => RawSocket.open(server, await fixtures.ticket(alice.token))),
  );
  t.after(() => {
    for (const socket of sockets) socket.ws.terminate();
  });
  const perSocket = 200;
  const started = Date.now();
  for (const socket of sockets) for (let i = 0; i < perSocket; i++) socket.send({ type: 'ping' });
  for (const socket of sockets)
    await socket.until(() => socket.count('pong') + socket.count('error') === perSocket, 'an answer to every ping');
  const seconds = (Date.now() - started) / 1000;
  const pongs = sockets.reduce((sum, s) => sum + s.count('pong'), 0);
  const allowed = userFrameRate * 10 + Math.ceil(userFrameRate * seconds);
  assert.ok(pongs <= allowed, `${pongs} pings answered, the user's bucket allows ${allowed}`);
  for (const socket of sockets)
    for (const f of socket.frames)
      if (f.type === 'error') {
        assert.equal(f.code, 'rate_limited');
        assert.ok((f.retryAfter ?? 0) >= 1);
      }
  figure(
    `frame flood: 5 sockets × ${perSocket} pings of one user (per socket burst 10,000) → ${pongs} answered, ` +
      `${sockets.length * perSocket - pongs} rate_limited (user rate ${userFrameRate}/s, burst ${userFrameRate * 10})`,
  );
});

/** The HTTP answer to an upgrade the server refuses. */
function refusal(server: TestServer, ticket: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(server.url, ticket));
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
    ws.once('error', () => {});
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => {
        ws.terminate();
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), body });
      });
    });
  });
}

/** Tries `open` until it succeeds: a closing socket frees its slot once the server has seen it close. */
async function retry<T>(open: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
