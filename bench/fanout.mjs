// Area 1, fan-out: one raw-TCP load generator drives a bare `ws` broadcast, a Socket.IO room and Confab,
// first 1 → 1,000 (one room, 50 senders), then 500 rooms × 10 members; sweeps the delivery rate until
// p99 passes 100 ms (at or past 100k/s) or deliveries fall behind. Run alone: npm run bench -- fanout [--quick]
import { createMeter, runStep } from './lib/load.mjs';
import { availableTargets, bareWs, confab, socketIo } from './lib/targets.mjs';

const P99_LIMIT_MS = 100;
const REPORTED_UP_TO = 100_000;
const MESSAGE_BYTES = 130;
const stepSeconds = (quick) => (quick ? 1.5 : 4);

/** The scenarios and the rates each sweeps (deliveries per second). */
export function fanoutPlan(quick) {
  return [
    {
      key: 'one-room',
      title: '1 → 1,000 (one channel, 1,000 sockets, 50 senders)',
      layout: { rooms: [{ members: 1000 }], sendersPerRoom: 50 },
      rates: quick ? [50_000, 100_000] : [25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 300_000, 400_000],
    },
    {
      key: 'many-rooms',
      title: quick ? '100 channels × 10 members (1 sender each)' : '500 channels × 10 members (1 sender each)',
      layout: { rooms: Array.from({ length: quick ? 100 : 500 }, () => ({ members: 10 })), sendersPerRoom: 1 },
      rates: quick ? [20_000] : [25_000, 50_000, 100_000, 150_000],
    },
  ];
}

/** Sweeps one server through one scenario; `progress` gets a line per step. */
async function sweep(target, scenario, { quick, progress }) {
  const server = await target.start();
  try {
    const meter = createMeter(server.isDelivery);
    const connectStart = performance.now();
    const connected = await server.connect(scenario.layout, meter.onMessage);
    const { sockets, senders } = connected;
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const subscribeSeconds = connected.subscribeSeconds ?? connectSeconds;
    progress(
      `  ${target.key}: ${sockets.length} sockets ready in ${connectSeconds.toFixed(1)} s (open + subscribe alone: ${subscribeSeconds.toFixed(1)} s)`,
    );
    const fanout = scenario.layout.rooms[0].members;
    const steps = [];
    for (const rate of scenario.rates) {
      const step = await runStep({
        meter,
        senders,
        fanout,
        messagesPerSecond: rate / fanout,
        warmupMs: quick ? 500 : 1000,
        measureMs: stepSeconds(quick) * 1000,
        drainMs: 3000,
        pid: server.child.pid,
        bytes: MESSAGE_BYTES,
      });
      steps.push({ rate, ...step });
      progress(
        `  ${target.key} @ ${rate / 1000}k/s: p50 ${step.p50.toFixed(1)} ms, p99 ${step.p99.toFixed(1)} ms, ` +
          `${step.cpuMicrosPerDelivery.toFixed(1)} µs CPU/delivery, ${((100 * step.delivered) / Math.max(1, step.expected)).toFixed(1)} % delivered`,
      );
      // Past 100 ms p99 the sweep ends, but not before the rates the summary table reports (up to
      // 100k/s), unless the server is saturated: deliveries did not arrive before the drain ended.
      if (!step.complete || (step.p99 > P99_LIMIT_MS && rate >= REPORTED_UP_TO)) break;
    }
    for (const socket of sockets) socket.close();
    return { target: target.key, name: target.name, connectSeconds, subscribeSeconds, sockets: sockets.length, steps };
  } finally {
    await server.stop();
  }
}

/** Runs every scenario against every server. */
export async function runFanout({ quick, progress }) {
  const results = [];
  const everyServer = await availableTargets();
  for (const scenario of fanoutPlan(quick)) {
    progress(`fan-out: ${scenario.title}`);
    const runs = [];
    // PostgreSQL + Redis (when they answer) in the one-room scenario only, to keep the whole bench under 10 minutes.
    const servers = scenario.key === 'one-room' ? everyServer : [bareWs, socketIo, confab];
    for (const target of servers) runs.push(await sweep(target, scenario, { quick, progress }));
    results.push({ ...scenario, stepSeconds: stepSeconds(quick), runs });
  }
  return results;
}
