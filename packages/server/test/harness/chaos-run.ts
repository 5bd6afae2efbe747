import { type ChatClient, createChatClient } from '../../../core/src/index.js';
import { Bot, NodeWebSocket, type WireCounts } from './chaos-bot.js';
import { type FaultCounts, type FaultPlan, injectFaults } from './chaos-faults.js';
import { ChaosProxy } from './chaos-proxy.js';
import { Random } from './chaos-random.js';
import { ServerProcess } from './chaos-server.js';
import {
  type ChannelTruth,
  differenceOf,
  gapsIn,
  isPartial,
  readTruth,
  type SendTally,
  sendProblems,
  tally,
} from './chaos-verify.js';

/** How big and how rough a run is. */
export interface ChaosOptions extends FaultPlan {
  /** Plans the run: which bot sends where and when, which faults hit when, when the server restarts. */
  seed: number;
  bots: number;
  channels: number;
  /** Each bot sends once every `min`–`max` ms. */
  sendEveryMs: readonly [number, number];
  /** How many missed events the server replays on `subscribe` before it answers `resync` instead. */
  replayWindow: number;
  /** The server's heartbeat: a stall longer than two periods is noticed as a dead link. */
  heartbeatMs: number;
  /** How long the end (every send answered, every copy equal) may go without progress before the run fails. */
  settleTimeoutMs: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** The figures of a run. */
export interface ChaosReport extends Omit<FaultCounts, 'lastFaultAt'> {
  seed: number;
  bots: number;
  channels: number;
  /** How long the faults went on, in ms. */
  chaosMs: number;
  sends: SendTally;
  /** What went over the bots' sockets. */
  wire: WireCounts;
  /** From the end of the last fault until every send was answered and every copy equalled the database. */
  convergedMs: number | undefined;
  /**
   * Copies compared (bots × channels), how many equalled the database, and how many of those hold only its
   * newest part (the bot resynced; older pages load on demand).
   */
  copies: { compared: number; equal: number; partial: number };
  /** Everything that went wrong: differences, gaps, sends left unanswered, server crashes. */
  problems: string[];
}

/**
 * Polls `check` (at least once) until it returns true; gives up (false) once `progress` has not changed for
 * `idleMs`, so a large backlog may take as long as it needs while a stuck one fails.
 */
async function eventually(check: () => boolean, idleMs: number, progress: () => number = () => 0): Promise<boolean> {
  let seen = progress();
  let deadline = Date.now() + idleMs;
  for (;;) {
    if (check()) return true;
    const now = progress();
    if (now !== seen) {
      seen = now;
      deadline = Date.now() + idleMs;
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How each bot's copy of each channel differs from the database (an empty map: all equal, all connected). */
function differences(bots: readonly Bot[], truths: readonly ChannelTruth[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const bot of bots) {
    if (bot.client.$connection.get() !== 'open') found.set(bot.name, 'not connected');
    for (const truth of truths) {
      const difference = differenceOf(bot.room(truth.channelId), truth);
      if (difference) found.set(`${bot.name} in channel ${truth.channelId}`, difference);
    }
  }
  return found;
}

function sumWire(bots: readonly Bot[]): WireCounts {
  const sum: WireCounts = { sendFrames: 0, resyncs: 0, errors: {}, closes: {} };
  for (const { wire } of bots) {
    sum.sendFrames += wire.sendFrames;
    sum.resyncs += wire.resyncs;
    for (const [code, n] of Object.entries(wire.errors)) sum.errors[code] = (sum.errors[code] ?? 0) + n;
    for (const [code, n] of Object.entries(wire.closes)) sum.closes[code] = (sum.closes[code] ?? 0) + n;
  }
  return sum;
}

/**
 * Runs bots on `@confab/core` against a server behind a faulty proxy, restarts the server, then lets everything
 * settle and compares every bot's copy of every channel, and every acknowledged send, with the database.
 * Everything it starts is stopped before it returns or throws.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const random = new Random(options.seed);
  const server = await ServerProcess.start({
    LOG_LEVEL: 'error',
    CONFAB_PASSWORD_COST: '4',
    CONFAB_SEND_RATE: '10000',
    CONFAB_FRAME_RATE: '10000',
    CONFAB_USER_FRAME_RATE: '10000',
    CONFAB_AUTH_RATE: '10000',
    CONFAB_HEARTBEAT_MS: String(options.heartbeatMs),
    CONFAB_REPLAY_WINDOW: String(options.replayWindow),
  });
  const proxy = new ChaosProxy(server.port);
  const bots: Bot[] = [];
  const auditors: ChatClient[] = [];
  let phase = 'setting up';
  const progress = setInterval(() => {
    const sent = bots.reduce((n, b) => n + b.sends.length, 0);
    const waiting = bots.reduce((n, b) => n + b.unsettled, 0);
    log(`  (${phase}: ${sent} sent, ${waiting} waiting for an ack)`);
  }, 10_000);
  try {
    await proxy.start();
    const auditor = createChatClient({ baseUrl: server.url, WebSocket: NodeWebSocket });
    auditors.push(auditor);
    const auditorLogin = { username: 'auditor', password: 'auditor-password' };
    await auditor.register(auditorLogin);
    const channelIds: string[] = [];
    for (let i = 1; i <= options.channels; i++)
      channelIds.push((await auditor.createChannel({ name: `chaos-${i}`, visibility: 'public' })).id);
    for (let i = 1; i <= options.bots; i++) {
      const bot = new Bot(`bot-${i}`, proxy.url, random.fork());
      bots.push(bot);
      await bot.register();
      for (const id of channelIds) await bot.client.joinChannel(id);
    }
    for (const bot of bots) for (const id of channelIds) bot.watch(id);
    const online = () => bots.every((b) => b.client.$connection.get() === 'open');
    if (!(await eventually(online, options.settleTimeoutMs)))
      throw new Error(`the bots did not connect: ${bots.map((b) => b.client.$connection.get()).join(', ')}`);
    log(`seed ${options.seed}: ${options.bots} bots in ${options.channels} channels, ${options.seconds} s of chaos`);

    phase = 'chaos';
    const started = Date.now();
    for (const bot of bots) bot.startChatting(...options.sendEveryMs);
    const counts = await injectFaults(proxy, server, random.fork(), options, log);
    for (const bot of bots) await bot.stopChatting();
    const chaosMs = Date.now() - started;
    const problems: string[] = [];
    if (server.crashes) problems.push(`the server exited by itself ${server.crashes} time(s)`);
    if (!server.running) await server.start();
    const sinceLastFault = () => `${((Date.now() - counts.lastFaultAt) / 1000).toFixed(1)} s after the last fault`;
    log(`faults over after ${(chaosMs / 1000).toFixed(1)} s; settling`);

    phase = 'settling';
    const waiting = () => bots.reduce((n, b) => n + b.unsettled, 0);
    const answered = await eventually(() => waiting() === 0, options.settleTimeoutMs, waiting);
    log(answered ? `every send answered ${sinceLastFault()}` : 'some sends were never answered');
    const reader = createChatClient({ baseUrl: server.url, WebSocket: NodeWebSocket });
    auditors.push(reader);
    await reader.login(auditorLogin);
    const truths: ChannelTruth[] = [];
    for (const id of channelIds) truths.push(await readTruth(reader, id));
    let left = differences(bots, truths);
    const loaded = () =>
      left.size +
      bots.reduce((n, b) => n + b.channelIds.reduce((m, id) => m + b.room(id).$messages.get().length, 0), 0);
    const equal = await eventually(
      () => {
        left = differences(bots, truths);
        phase = `settling, ${left.size} copies differ`;
        return left.size === 0;
      },
      options.settleTimeoutMs,
      loaded,
    );
    const convergedMs = answered && equal ? Date.now() - counts.lastFaultAt : undefined;
    log(equal ? `every copy equals the database ${sinceLastFault()}` : `${left.size} copies differ`);

    // What the database holds now (sends answered after the first reading count too).
    const final: ChannelTruth[] = [];
    for (const id of channelIds) final.push(await readTruth(reader, id));
    const sends = tally(
      bots.flatMap((b) => b.sends),
      final,
    );
    const compared = bots.length * truths.length;
    const unequal = [...left.values()].filter((d) => d !== 'not connected').length;
    const partial = bots.reduce((n, b) => n + b.channelIds.filter((id) => isPartial(b.room(id))).length, 0);
    for (const [who, what] of left) problems.push(`${who}: ${what}`);
    for (const truth of final) problems.push(...gapsIn(truth));
    problems.push(...sendProblems(sends, truths, final));
    for (const bot of bots)
      for (const send of bot.sends) {
        if (send.refused) problems.push(`${bot.name} "${send.text}" refused: ${send.refused}`);
        if (send.problem) problems.push(`${bot.name} "${send.text}": ${send.problem}`);
      }
    return {
      seed: options.seed,
      bots: options.bots,
      channels: options.channels,
      chaosMs,
      faults: counts.faults,
      restarts: counts.restarts,
      sends,
      wire: sumWire(bots),
      convergedMs,
      copies: { compared, equal: compared - unequal, partial },
      problems,
    };
  } finally {
    clearInterval(progress);
    for (const bot of bots) bot.stop();
    for (const client of auditors) client.disconnect();
    await proxy.close();
    await server.dispose();
  }
}
