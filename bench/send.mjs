// Area 1b, sending: 50 sockets (50 users) send into one channel as fast as Confab acknowledges, each with
// a window of sends in flight; every ack means the message is committed. Messages stored per second, ack
// latency, server CPU per message, and a check that the channel's seq has no gap or duplicate.
// Run alone: npm run bench -- send
import { api, connectMember, hostToken } from './lib/confab-setup.mjs';
import { Histogram } from './lib/histogram.mjs';
import { cpuSeconds } from './lib/processes.mjs';
import { availableTargets, bareWs, socketIo } from './lib/targets.mjs';

const SENDERS = 50;
const IN_FLIGHT = 8;
const ACK_PREFIX = Buffer.from('{"type":"ack"');
const ERROR_PREFIX = Buffer.from('{"type":"error"');
const startsWith = (payload, prefix) => payload.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

/** Sends for `seconds` to Confab on SQLite (and PostgreSQL, when it answers); `progress` gets a line each. */
export async function runSend({ quick, progress }) {
  const rows = [];
  const peers = [bareWs, socketIo];
  for (const target of (await availableTargets()).filter((t) => !peers.includes(t)))
    rows.push(await sendTo(target, quick ? 3 : 8, progress));
  return rows;
}

async function sendTo(target, seconds, progress) {
  const server = await target.start();
  try {
    const [channelId] = await server.channels({ rooms: [{ members: SENDERS }] });
    const tokens = await server.join({ rooms: [{ members: SENDERS }] }, [channelId]);
    const text = 'x'.repeat(130);
    const histogram = new Histogram();
    let acked = 0;
    let errors = 0;
    let sending = true;
    let n = 0;
    const sendersUp = await Promise.all(
      tokens.map(async (token) => {
        const sentAt = new Map();
        let socket;
        const sendOne = () => {
          const id = `s${(n++).toString(36)}`;
          sentAt.set(id, performance.now());
          socket.send(
            `{"type":"send","clientMessageId":"${id}","channelId":"${channelId}","body":{"type":"text","text":"${text}"}}`,
          );
        };
        socket = await connectMember({
          baseUrl: server.baseUrl,
          port: server.port,
          token,
          channelIds: [],
          onMessage(payload) {
            if (startsWith(payload, ERROR_PREFIX)) errors++;
            if (!startsWith(payload, ACK_PREFIX)) return;
            const { clientMessageId } = JSON.parse(payload.toString());
            histogram.record(performance.now() - sentAt.get(clientMessageId));
            sentAt.delete(clientMessageId);
            acked++;
            if (sending) sendOne();
          },
        });
        return { socket, start: () => Array.from({ length: IN_FLIGHT }, sendOne) };
      }),
    );
    const cpuStart = cpuSeconds(server.child.pid);
    const start = performance.now();
    for (const sender of sendersUp) sender.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const ackedInTime = acked;
    const elapsed = (performance.now() - start) / 1000;
    const cpu = cpuSeconds(server.child.pid) - cpuStart;
    sending = false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const owner = hostToken(server.secret, 'bench-owner');
    const seqs = [];
    let before;
    do {
      const page = await api(
        server.baseUrl,
        owner,
        'GET',
        `/channels/${channelId}/messages?limit=100${before ? `&before=${before}` : ''}`,
      );
      seqs.unshift(...page.items.map((m) => m.seq));
      before = page.prevCursor;
    } while (before);
    // Every message got its own seq, in one unbroken range (the joins' events come before it).
    const ordered = seqs.every((seq, i) => i === 0 || seq === seqs[i - 1] + 1);
    for (const sender of sendersUp) sender.socket.close();
    const row = {
      target: target.key,
      name: target.name,
      senders: SENDERS,
      inFlight: IN_FLIGHT,
      seconds: elapsed,
      perSecond: ackedInTime / elapsed,
      p50: histogram.percentile(0.5),
      p99: histogram.percentile(0.99),
      cpuMicrosPerMessage: (cpu * 1e6) / Math.max(1, ackedInTime),
      stored: seqs.length,
      acked,
      ordered,
      errors,
    };
    progress(
      `  ${target.key}: ${row.perSecond.toFixed(0)} messages/s stored and acknowledged (ack p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms), ` +
        `${row.stored} stored for ${row.acked} acks, ${ordered ? 'seqs unbroken' : 'SEQS BROKEN'}, ${errors} errors`,
    );
    return row;
  } finally {
    await server.stop();
  }
}
