// Cross-process fan-out behind nginx: three confab-server processes on one PostgreSQL database and one Redis,
// hundreds of bare sockets spread over them by nginx, several users sending at once over REST (through nginx,
// so each message is stored by whichever process nginx picks). Every socket must receive every event exactly
// once, in seq order. Prints the deliveries per second it saw (measured, not asserted).
// 300 sockets per process always; CONFAB_SCALE_FULL=1 sends five times as many messages from twice the senders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kitFor } from './support/kit.js';
import { startTopology, topologyUnavailable } from './support/topology.js';
import { fullScale, liftedLimits } from './support/topology-limits.js';
import { waitUntil } from './support/topology-ports.js';
import { ListeningSocket } from './support/topology-socket.js';

const unavailable = await topologyUnavailable();
const size = fullScale
  ? { socketsPerProcess: 300, listeners: 30, senders: 24, messagesPerSender: 25 }
  : { socketsPerProcess: 300, listeners: 30, senders: 12, messagesPerSender: 10 };

/** Runs `work` on every item, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

test(`3 processes × ${size.socketsPerProcess} sockets behind nginx: every socket gets every event once, in seq order`, {
  skip: unavailable,
  timeout: 600_000,
}, async (t) => {
  const topology = await startTopology(t, { env: { ...liftedLimits, CONFAB_METRICS: 'public' } });
  const { fixtures } = kitFor(topology.nginx.url, t);
  const owner = await fixtures.user();
  const channel = await fixtures.channel(owner);
  const listeners = await fixtures.users(size.listeners);
  const senders = await fixtures.users(size.senders);
  for (const user of [...listeners, ...senders]) await fixtures.join(user, channel.id);

  const sockets = Array.from(
    { length: size.socketsPerProcess * topology.servers.length },
    (_, i) => new ListeningSocket(`socket-${i + 1}`, channel.id),
  );
  t.after(() => {
    for (const socket of sockets) socket.close();
  });
  await inBatches(sockets, 20, async (socket) => {
    const user = listeners[sockets.indexOf(socket) % listeners.length]!;
    await socket.open(topology.nginx.url, await fixtures.ticket(user.token));
  });
  const held = await Promise.all(topology.servers.map((s) => s.openSockets()));
  t.diagnostic(`sockets per process (nginx least_conn): ${held.join(', ')}`);
  for (const [i, count] of held.entries()) assert.ok(count > 0, `${topology.servers[i]!.name} holds no socket`);

  const started = performance.now();
  const posted = await Promise.all(
    senders.map(async (sender, s) => {
      const seqs: number[] = [];
      for (let m = 1; m <= size.messagesPerSender; m++)
        seqs.push((await fixtures.post(sender, channel.id, `sender ${s + 1} #${m}`)).seq);
      return seqs;
    }),
  );
  const sentMs = performance.now() - started;
  const head = Math.max(...posted.flat());
  const behind = () => sockets.filter((s) => s.record.lastSeq < head).length;
  let last = behind();
  let lastChange = Date.now();
  await waitUntil(
    () => {
      const now = behind();
      if (now !== last) [last, lastChange] = [now, Date.now()];
      if (Date.now() - lastChange > 20_000) throw new Error(`${now} sockets stopped short of seq ${head}`);
      return now === 0;
    },
    'every socket reaching the head',
    600_000,
    5,
  );
  const deliveredMs = performance.now() - started;

  const messages = size.senders * size.messagesPerSender;
  const problems = sockets.flatMap((s) => s.record.problems);
  assert.deepEqual(problems, [], 'no duplicate, gap or reordering on any socket');
  for (const socket of sockets) {
    const { startSeq, lastSeq, received } = socket.record;
    assert.equal(
      received,
      lastSeq - startSeq,
      `${socket.name} received ${received} events for seqs ${startSeq}–${lastSeq}`,
    );
  }
  const truth = await fixtures.history(owner, channel.id);
  assert.equal(truth.at(-1)?.seq, head, 'the newest stored message is the newest delivered');
  assert.equal(truth.filter((m) => m.seq > sockets[0]!.record.startSeq).length, messages, 'every send was stored once');
  assert.deepEqual(topology.crashes(), []);

  const deliveries = messages * sockets.length;
  t.diagnostic(
    `${messages} messages from ${size.senders} concurrent REST senders to ${sockets.length} sockets on 3 processes: ` +
      `stored in ${(sentMs / 1000).toFixed(2)} s (${Math.round(messages / (sentMs / 1000))} messages/s), ` +
      `all ${deliveries} deliveries done in ${(deliveredMs / 1000).toFixed(2)} s: ` +
      `${Math.round(deliveries / (deliveredMs / 1000))} deliveries/s`,
  );
});
