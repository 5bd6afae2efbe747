import type { ChaosProxy, LinkFault } from './chaos-proxy.js';
import type { Random } from './chaos-random.js';
import type { ServerProcess, StopSignal } from './chaos-server.js';

/** How often, how long and how many faults a run injects. */
export interface FaultPlan {
  /** How long the faults go on. */
  seconds: number;
  /** Server restarts of each kind (SIGTERM and SIGKILL) spread over the run. */
  restartsPerKind: number;
  /** A connection fault is injected every `min`–`max` ms. */
  faultEveryMs: readonly [number, number];
  /** How long a stall holds a connection, `min`–`max` ms. */
  stallMs: readonly [number, number];
  /** How long the server stays down during a restart, `min`–`max` ms. */
  downMs: readonly [number, number];
}

/** What was injected, and when the last fault ended. */
export interface FaultCounts {
  /** Connections hit, by fault. */
  faults: Record<LinkFault, number>;
  /** Server restarts, by signal. */
  restarts: Record<StopSignal, number>;
  lastFaultAt: number;
}

const LINK_FAULTS: readonly LinkFault[] = ['drop', 'stall', 'reset'];
const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The restarts' moments and kinds, one in each of equal slots of the run, in a shuffled order of kinds. */
function planRestarts(random: Random, plan: FaultPlan): Array<{ atMs: number; signal: StopSignal }> {
  const signals: StopSignal[] = [];
  for (let i = 0; i < plan.restartsPerKind; i++) signals.push('SIGTERM', 'SIGKILL');
  for (let i = signals.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [signals[i], signals[j]] = [signals[j]!, signals[i]!];
  }
  const slot = (plan.seconds * 1000) / (signals.length + 1);
  return signals.map((signal, i) => ({ atMs: slot * (i + 0.5 + random.next()), signal }));
}

/**
 * Breaks connections through the proxy and restarts the server for `plan.seconds` (a restart that runs late
 * still happens); resolves once every fault is over and the server is up.
 */
export async function injectFaults(
  proxy: ChaosProxy,
  server: ServerProcess,
  random: Random,
  plan: FaultPlan,
  log: (line: string) => void,
): Promise<FaultCounts> {
  const started = Date.now();
  const end = started + plan.seconds * 1000;
  const counts: FaultCounts = {
    faults: { drop: 0, stall: 0, reset: 0 },
    restarts: { SIGTERM: 0, SIGKILL: 0 },
    lastFaultAt: started,
  };
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const linkRandom = random.fork();
  const restartRandom = random.fork();
  const stalls = new Set<Promise<void>>();

  const linkFaults = async () => {
    while (Date.now() < end) {
      await tick(linkRandom.between(...plan.faultEveryMs));
      const fault = linkRandom.pick(LINK_FAULTS);
      const count = linkRandom.int(1, Math.max(1, Math.ceil(proxy.linkCount / 5)));
      const stallMs = linkRandom.between(...plan.stallMs);
      const choice = linkRandom.fork();
      const injected = proxy
        .inject(fault, count, (n) => choice.int(0, n - 1), stallMs)
        .then((hit) => {
          counts.faults[fault] += hit;
          if (hit) counts.lastFaultAt = Date.now();
        });
      stalls.add(injected);
      void injected.finally(() => stalls.delete(injected));
    }
  };

  const restarts = async () => {
    for (const { atMs, signal } of planRestarts(restartRandom, plan)) {
      await tick(Math.max(0, started + atMs - Date.now()));
      log(`  ${elapsed()}: restart (${signal})`);
      await server.stop(signal);
      await tick(restartRandom.between(...plan.downMs));
      await server.start();
      log(`  ${elapsed()}: the server is back`);
      counts.restarts[signal]++;
      counts.lastFaultAt = Date.now();
    }
  };

  await Promise.all([linkFaults(), restarts()]);
  await Promise.all(stalls);
  return counts;
}
