// Area 2, memory per idle socket: the server's RSS after GC with N idle sockets (authenticated and
// subscribed, for Confab) minus its RSS before them, divided by N, at 1,000 and 5,000 sockets. Confab's
// users, memberships and socket tickets are made first and the process restarted on that data, so the
// set-up's garbage is not in the reading: the restarted process only boots, then takes the sockets. Run alone: npm run bench -- memory
import { queryMemory } from './lib/processes.mjs';
import { bareWs, confab, socketIo } from './lib/targets.mjs';

const ROOM = 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Socket counts measured (each count adds sockets to the ones already open). */
export const memoryCounts = (quick) => (quick ? [1000] : [1000, 5000]);

/** Memory after GC, read until two readings agree within 2 % (at most six). */
async function settled(child) {
  let last = await queryMemory(child);
  for (let i = 0; i < 5; i++) {
    await sleep(300);
    const now = await queryMemory(child);
    const steady = Math.abs(now.rss - last.rss) <= last.rss * 0.02;
    last = now;
    if (steady) break;
  }
  return last;
}

const layoutFor = (n) => ({
  rooms: Array.from({ length: Math.ceil(n / ROOM) }, () => ({ members: ROOM })),
  sendersPerRoom: 0,
});

async function measureTarget(target, counts, progress) {
  const server = await target.start();
  const rows = [];
  const sockets = [];
  try {
    const largest = layoutFor(counts.at(-1));
    let channelIds;
    let tokens;
    let tickets;
    if (server.join) {
      channelIds = await server.channels(largest);
      tokens = await server.join(largest, channelIds);
      tickets = await server.tickets(tokens); // kept in the database: valid after the restart
      await server.restart();
    }
    const before = await settled(server.child);
    let open = 0;
    for (const count of counts) {
      const part = (list) => list?.slice(open, count);
      const { sockets: added } = await server.connect(
        layoutFor(count - open),
        () => {},
        channelIds?.slice(open / ROOM),
        part(tokens),
        part(tickets),
      );
      sockets.push(...added);
      open = count;
      const after = await settled(server.child);
      const row = {
        target: target.key,
        name: target.name,
        sockets: count,
        rssBefore: before.rss,
        rss: after.rss,
        perSocket: (after.rss - before.rss) / count,
        heapPerSocket: (after.heap - before.heap) / count,
      };
      rows.push(row);
      progress(
        `  ${target.key}: ${count} idle sockets, ${(row.perSocket / 1024).toFixed(1)} kB RSS each (${(row.heapPerSocket / 1024).toFixed(1)} kB JS heap)`,
      );
    }
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop();
  }
  return rows;
}

/** Measures every server at every count. */
export async function runMemory({ quick, progress }) {
  const rows = [];
  for (const target of [bareWs, socketIo, confab])
    rows.push(...(await measureTarget(target, memoryCounts(quick), progress)));
  return rows;
}
