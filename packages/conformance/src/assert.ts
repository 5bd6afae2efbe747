import type { ErrorCode, Problem } from '@confab/protocol';
import type { Reply } from './http-recorder.js';

/** A broken rule, said so that the report reads well without a stack trace. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** Fails the check with `message`. */
export function fail(message: string): never {
  throw new CheckFailure(message);
}

/** Fails the check with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** A short JSON rendering for messages. */
export function show(value: unknown, max = 300): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The JSON pointers where two values differ, each with both sides. */
export function jsonDiff(actual: unknown, expected: unknown, max = 6, at = ''): string[] {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return [];
  const bothObjects = isObject(actual) && isObject(expected);
  const bothArrays = Array.isArray(actual) && Array.isArray(expected) && actual.length === expected.length;
  if (!bothObjects && !bothArrays) return [`${at || '/'}: got ${show(actual, 160)}, expected ${show(expected, 160)}`];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const found: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(e)])) {
    if (found.length >= max) break;
    found.push(...jsonDiff(a[key], e[key], max - found.length, `${at}/${key}`));
  }
  return found;
}

/** Fails unless `actual` and `expected` are the same JSON; the message lists where they differ. */
export function sameJson(actual: unknown, expected: unknown, what: string): void {
  const diff = jsonDiff(actual, expected);
  if (diff.length) fail(`${what}: ${diff.join('; ')}`);
}

const describeReply = (reply: Reply): string => `${reply.status} ${show(reply.body)}`;

/** Asserts the status of a reply (one of `status` when given several) and returns its body. */
export function expectStatus<T>(reply: Reply<T>, status: number | number[], what = reply.label): T {
  const allowed = Array.isArray(status) ? status : [status];
  ensure(allowed.includes(reply.status), `${what}: expected ${allowed.join(' or ')}, got ${describeReply(reply)}`);
  return reply.body;
}

/** Asserts an `application/problem+json` reply with `status` and `code`, and returns the problem. */
export function expectProblem(reply: Reply, status: number, code: ErrorCode, what = reply.label): Problem {
  ensure(reply.status === status, `${what}: expected ${status} ${code}, got ${describeReply(reply)}`);
  ensure(
    /^application\/problem\+json/.test(reply.contentType ?? ''),
    `${what}: expected application/problem+json, got ${reply.contentType ?? 'no content type'}`,
  );
  const problem = reply.body as Problem;
  ensure(problem.code === code, `${what}: expected code "${code}", got ${describeReply(reply)}`);
  ensure(problem.status === status, `${what}: the problem's status is ${problem.status}, the reply's ${status}`);
  return problem;
}

/**
 * Asserts that `seqs` are exactly `first, first + 1, …, first + count - 1`, naming the first event that
 * was lost, doubled or out of order.
 */
export function expectConsecutive(seqs: number[], first: number, count: number, what: string): void {
  let expected = first;
  for (const [index, seq] of seqs.entries()) {
    if (seq === expected) {
      expected += 1;
      continue;
    }
    const around = `seqs ${show(seqs.slice(Math.max(0, index - 3), index + 3))}`;
    if (seq < expected && seqs.slice(0, index).includes(seq)) fail(`${what}: seq ${seq} arrived twice (${around})`);
    if (seq < expected) fail(`${what}: seq ${seq} arrived after seq ${expected - 1}, out of order (${around})`);
    if (seqs.slice(index + 1).includes(expected)) {
      fail(`${what}: seq ${seq} arrived before seq ${expected}, out of order (${around})`);
    }
    fail(`${what}: seq ${expected} is missing, the events went from ${expected - 1} to ${seq} (${around})`);
  }
  const last = first + count - 1;
  ensure(expected > last, `${what}: got seqs up to ${expected - 1}, expected up to ${last} (${count} events)`);
}
