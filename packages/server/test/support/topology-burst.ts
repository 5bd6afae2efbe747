import { type ChatClient, createChatClient } from '../../../core/src/index.js';
import { Bot, NodeWebSocket } from '../harness/chaos-bot.js';
import { Random } from '../harness/chaos-random.js';
import {
  type ChannelTruth,
  differenceOf,
  gapsIn,
  readTruth,
  type SendTally,
  sendProblems,
  tally,
} from '../harness/chaos-verify.js';
import type { Topology } from './topology.js';

/** A burst of chat on real `@confab/core` clients through nginx, with a fault in its middle. */
export interface BurstOptions {
  seed: number;
  bots: number;
  channels: number;
  /** Each bot sends once every `min`–`max` ms. */
  sendEveryMs: readonly [number, number];
  /** How long the bots chat before the fault, and after it returns. */
  beforeMs: number;
  afterMs: number;
  /** The fault; it resolves when it is over (e.g. the process is killed, or all three are restarted). */
  fault: (topology: Topology) => Promise<void>;
  /** How long the end (every send answered, every copy equal) may go without progress. */
  settleTimeoutMs: number;
  log: (line: string) => void;
}

/** What a burst came to. */
export interface BurstReport {
  sends: SendTally;
  /** Every time a bot's socket was down from the fault on: how long until it was open again (ms, ascending). */
  outagesMs: number[];
  /** From the start of the fault until every send was answered and every copy equalled the database. */
  convergedMs: number | undefined;
  /** The same, from the last send (the bots chat on for `afterMs` after the fault). */
  settledMs: number | undefined;
  /** Everything that went wrong: copies that differ, gaps, sends unanswered, refused or lost, crashes. */
  problems: string[];
}

/** Polls `check` until it holds; false once `progress` has not changed for `idleMs`. */
async function eventually(check: () => boolean, idleMs: number, progress: () => number): Promise<boolean> {
  let seen = progress();
  let deadline = Date.now() + idleMs;
  for (;;) {
    if (check()) return true;
    if (progress() !== seen) {
      seen = progress();
      deadline = Date.now() + idleMs;
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers the bots through nginx, has them chat, runs the fault in the middle, lets everything settle and
 * compares every bot's copy of every channel, and every acknowledged send, with the database (read over REST).
 * The clients are stopped before it returns; the topology belongs to the caller.
 */
export async function runBurst(topology: Topology, options: BurstOptions): Promise<BurstReport> {
  const baseUrl = topology.nginx.url;
  const random = new Random(options.seed);
  const bots: Bot[] = [];
  const auditor: ChatClient = createChatClient({ baseUrl, WebSocket: NodeWebSocket });
  try {
    await auditor.register({ username: 'auditor', password: 'auditor-password' });
    const channelIds: string[] = [];
    for (let i = 1; i <= options.channels; i++)
      channelIds.push((await auditor.createChannel({ name: `burst-${i}`, visibility: 'public' })).id);
    for (let i = 1; i <= options.bots; i++) {
      const bot = new Bot(`bot-${i}`, baseUrl, random.fork());
      bots.push(bot);
      await bot.register();
      for (const id of channelIds) await bot.client.joinChannel(id);
      for (const id of channelIds) bot.watch(id);
    }
    const open = (bot: Bot) => bot.client.$connection.get() === 'open';
    const sent = () => bots.reduce((n, b) => n + b.sends.length, 0);
    if (
      !(await eventually(
        () => bots.every(open),
        options.settleTimeoutMs,
        () => bots.filter(open).length,
      ))
    )
      throw new Error(`the bots did not connect: ${bots.map((b) => b.client.$connection.get()).join(', ')}`);

    for (const bot of bots) bot.startChatting(...options.sendEveryMs);
    await delay(options.beforeMs);

    const faultAt = Date.now();
    const outagesMs: number[] = [];
    const watching = bots.map((bot) => {
      let downSince: number | undefined;
      return bot.client.$connection.listen((status) => {
        if (status !== 'open') downSince ??= Date.now();
        else if (downSince !== undefined) {
          outagesMs.push(Date.now() - downSince);
          downSince = undefined;
        }
      });
    });
    await options.fault(topology);
    options.log(`fault over after ${Date.now() - faultAt} ms; ${sent()} sends so far`);
    await delay(options.afterMs);
    await Promise.all(bots.map((bot) => bot.stopChatting()));
    const lastSendAt = Date.now();

    const waiting = () => bots.reduce((n, b) => n + b.unsettled, 0);
    const answered = await eventually(() => waiting() === 0, options.settleTimeoutMs, waiting);
    const truths: ChannelTruth[] = await Promise.all(channelIds.map((id) => readTruth(auditor, id)));
    const differences = () =>
      bots.flatMap((bot) => [
        ...(open(bot) ? [] : [`${bot.name}: ${bot.client.$connection.get()}`]),
        ...truths.flatMap((truth) => {
          const difference = differenceOf(bot.room(truth.channelId), truth);
          return difference ? [`${bot.name} in ${truth.channelId}: ${difference}`] : [];
        }),
      ]);
    const loaded = () =>
      bots.reduce((n, b) => n + channelIds.reduce((m, id) => m + b.room(id).$messages.get().length, 0), 0);
    const equal = await eventually(() => differences().length === 0, options.settleTimeoutMs, loaded);
    const convergedAt = answered && equal ? Date.now() : undefined;
    for (const stop of watching) stop();

    const final = await Promise.all(channelIds.map((id) => readTruth(auditor, id)));
    const sends = tally(
      bots.flatMap((b) => b.sends),
      final,
    );
    const problems = [...differences(), ...final.flatMap(gapsIn), ...topology.crashes()];
    problems.push(...sendProblems(sends, truths, final));
    for (const bot of bots)
      for (const send of bot.sends) if (send.problem) problems.push(`${bot.name} "${send.text}": ${send.problem}`);
    return {
      sends,
      outagesMs: outagesMs.sort((a, b) => a - b),
      convergedMs: convergedAt && convergedAt - faultAt,
      settledMs: convergedAt && convergedAt - lastSendAt,
      problems,
    };
  } finally {
    for (const bot of bots) bot.stop();
    auditor.disconnect();
  }
}
