import { isDeepStrictEqual } from 'node:util';
import type { ChannelRoom, ChatClient, LocalMessage, Message } from '../../../core/src/index.js';
import type { SendRecord } from './chaos-bot.js';

/** A channel as the database holds it. */
export interface ChannelTruth {
  channelId: string;
  /** Every top-level message, ascending by `seq`. */
  messages: Message[];
  headSeq: number;
}

/** Reads every page of a channel over REST, newest first, and returns it ascending. */
export async function readTruth(client: ChatClient, channelId: string): Promise<ChannelTruth> {
  const pages: Message[][] = [];
  let before: string | undefined;
  let headSeq: number | undefined;
  do {
    const query = { limit: 100, ...(before ? { before } : {}) };
    const { data, error } = await client.api.GET('/api/v1/channels/{channelId}/messages', {
      params: { path: { channelId }, query },
    });
    if (!data) throw new Error(`reading ${channelId}: ${JSON.stringify(error)}`);
    headSeq ??= data.headSeq;
    pages.unshift(data.items);
    before = data.prevCursor ?? undefined;
  } while (before);
  return { channelId, messages: pages.flat(), headSeq: headSeq ?? 0 };
}

/**
 * Where the stored messages skip a `seq` or run out of order. Only messages are posted during a run (everyone
 * joined before it), so from the first message to the channel's head every `seq` is a message.
 */
export function gapsIn(truth: ChannelTruth): string[] {
  const gaps: string[] = [];
  const seqs = truth.messages.map((m) => m.seq);
  for (let i = 1; i < seqs.length; i++)
    if (seqs[i] !== seqs[i - 1]! + 1) gaps.push(`${truth.channelId}: seq ${seqs[i - 1]} is followed by ${seqs[i]}`);
  const last = seqs.at(-1);
  if (last !== undefined && last !== truth.headSeq)
    gaps.push(`${truth.channelId}: the last message has seq ${last}, the head is ${truth.headSeq}`);
  return gaps;
}

const key = (m: Message) => `${m.seq}:${m.clientMessageId}`;

/** The last verdict per room, kept while neither the copy nor the truth changed (comparisons are not cheap). */
const verdicts = new WeakMap<
  ChannelRoom,
  { copy: unknown; truth: ChannelTruth; hasOlder: boolean; verdict?: string }
>();

/**
 * How a bot's copy differs from the database, or undefined when it is equal: no local echoes, and the same
 * messages in the same order with the same content. A copy that starts later (after a `resync` the client shows
 * the newest page and loads older ones on demand) must equal the database's newest messages and say that
 * older ones exist; a full copy must say that none do.
 */
export function differenceOf(room: ChannelRoom, truth: ChannelTruth): string | undefined {
  const copy = room.$messages.get();
  const hasOlder = room.$hasOlder.get();
  const known = verdicts.get(room);
  if (known && known.copy === copy && known.truth === truth && known.hasOlder === hasOlder) return known.verdict;
  const verdict = compare(copy, hasOlder, truth.messages);
  verdicts.set(room, { copy, truth, hasOlder, ...(verdict ? { verdict } : {}) });
  return verdict;
}

function compare(copy: readonly LocalMessage[], hasOlder: boolean, stored: readonly Message[]): string | undefined {
  const local = copy.filter((m) => m.pending || m.failed).length;
  if (local) return `${local} local echoes left`;
  const partial = copy.length < stored.length;
  if (hasOlder !== partial)
    return `${copy.length} of ${stored.length} messages loaded, yet it says older ones ${hasOlder ? 'exist' : 'do not'}`;
  const tail = stored.slice(stored.length - copy.length);
  if (isDeepStrictEqual(copy, tail)) return undefined;
  const mine = copy.map(key);
  const theirs = tail.map(key);
  const at = mine.findIndex((k, i) => k !== theirs[i]);
  if (at < 0 && mine.length === theirs.length) return 'same messages, different content';
  const where = at < 0 ? Math.min(mine.length, theirs.length) : at;
  return `${mine.length} messages vs the newest ${theirs.length} stored; first difference at #${where}: ${mine[where] ?? '(none)'} vs ${theirs[where] ?? '(none)'}`;
}

/** Whether a copy holds only the newest part of the channel (it resynced and older pages were not loaded). */
export const isPartial = (room: ChannelRoom): boolean => room.$hasOlder.get();

/** What became of the sends, counted against the database. */
export interface SendTally {
  sent: number;
  acknowledged: number;
  /** Sends the client gave up on (its promise rejected). */
  refused: number;
  /** Sends neither confirmed nor given up on. */
  unsettled: number;
  /** Acknowledged sends not in the database. */
  lost: number;
  /** The first few of them: text, `clientMessageId`, and the stored message the client was given. */
  lostExamples: string[];
  /** Extra copies in the database of a message (by `clientMessageId`). */
  doubled: number;
  /** Stored messages no bot sent, or stored under another text or channel than sent. */
  strangers: number;
}

/**
 * What went wrong with the sends, as lines: messages stored after every send was answered (`final` read
 * again after `truths`), and sends unanswered, refused, lost, doubled or stored by nobody.
 */
export function sendProblems(
  sends: SendTally,
  truths: readonly ChannelTruth[],
  final: readonly ChannelTruth[],
): string[] {
  const problems: string[] = [];
  const later = final.reduce((n, t) => n + t.messages.length, 0) - truths.reduce((n, t) => n + t.messages.length, 0);
  if (later) problems.push(`${later} message(s) were stored after every send had been answered`);
  if (sends.unsettled) problems.push(`${sends.unsettled} send(s) never answered`);
  if (sends.refused) problems.push(`${sends.refused} send(s) refused`);
  if (sends.lost) problems.push(`${sends.lost} acknowledged send(s) lost`, ...sends.lostExamples);
  if (sends.doubled) problems.push(`${sends.doubled} message(s) stored twice`);
  if (sends.strangers) problems.push(`${sends.strangers} stored message(s) nobody sent that way`);
  return problems;
}

export function tally(sends: readonly SendRecord[], truths: readonly ChannelTruth[]): SendTally {
  const stored = new Map<string, Message[]>();
  for (const truth of truths)
    for (const message of truth.messages) {
      const same = stored.get(message.clientMessageId) ?? [];
      same.push(message);
      stored.set(message.clientMessageId, same);
    }
  const byId = new Map(sends.map((s) => [s.clientMessageId, s]));
  let doubled = 0;
  let strangers = 0;
  for (const [id, copies] of stored) {
    doubled += copies.length - 1;
    const send = byId.get(id);
    const message = copies[0]!;
    const text = message.body?.type === 'text' ? message.body.text : undefined;
    if (!send || send.channelId !== message.channelId || send.text !== text) strangers++;
  }
  const lost = sends.filter((s) => s.acked && !stored.has(s.clientMessageId));
  return {
    sent: sends.length,
    acknowledged: sends.filter((s) => s.acked).length,
    refused: sends.filter((s) => s.refused !== undefined).length,
    unsettled: sends.filter((s) => !s.acked && s.refused === undefined).length,
    lost: lost.length,
    lostExamples: lost
      .slice(0, 10)
      .map((s) => `"${s.text}" ${s.clientMessageId} (acknowledged as ${s.acked?.id} seq ${s.acked?.seq})`),
    doubled,
    strangers,
  };
}
