import { ensure } from './assert.js';
import { AREAS, type Area, type Check, type CheckContext, type CheckStatus, type RunInputs } from './check.js';
import { allChecks } from './checks/index.js';
import { Fixtures } from './fixtures.js';
import { HttpRecorder } from './http-recorder.js';
import { connectSocket, type OpenSocket, type SocketRecorder } from './socket-recorder.js';
import { type Exchange, Transcript } from './transcript.js';

/** How a run goes. */
export interface RunOptions extends RunInputs {
  /** Areas (`replay`) or check ids (`replay.after-seq`) to run; all when absent or empty. */
  only?: string[] | undefined;
  /** The checks to choose from; every check of the kit by default. */
  checks?: readonly Check[];
  /** How long one check may take, in milliseconds (60 s). */
  checkTimeoutMs?: number;
  /** How long a check waits for a socket frame, in milliseconds (5 s). */
  frameTimeoutMs?: number;
  /** How many of the last exchanges a failed check keeps for the report (8). */
  keepExchanges?: number;
  /** Called as each check ends, e.g. to print progress. */
  onResult?: (result: CheckResult) => void;
}

/** What one check found. */
export interface CheckResult {
  id: string;
  area: Area;
  title: string;
  required: boolean;
  contract: string;
  status: CheckStatus;
  durationMs: number;
  /** Why it failed, or why it was skipped. */
  error?: string;
  /** For a failure: the last exchanges before it, oldest first. */
  exchanges: Exchange[];
}

/** Passed, failed and skipped checks of one kind. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

/** The outcome of a run. */
export interface Report {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** True when every required check that ran passed. */
  ok: boolean;
  required: Tally;
  optional: Tally;
  results: CheckResult[];
}

/** A mistake in how the kit was called (an unknown area, a bad URL). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Picks the checks named by `only` (areas or ids); every check when `only` is empty. */
export function selectChecks(only: readonly string[] | undefined, checks: readonly Check[] = allChecks): Check[] {
  const wanted = (only ?? []).map((s) => s.trim()).filter(Boolean);
  if (!wanted.length) return [...checks];
  for (const name of wanted) {
    if (!(AREAS as readonly string[]).includes(name) && !checks.some((c) => c.id === name)) {
      throw new UsageError(`unknown area or check "${name}"; areas: ${AREAS.join(', ')}`);
    }
  }
  return checks.filter((c) => wanted.includes(c.area) || wanted.includes(c.id));
}

/** Normalises and checks the server's base URL. */
export function normaliseBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UsageError(`"${input}" is not a URL; give the server's base URL, e.g. http://localhost:8787`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${input}" is not an http(s) URL`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Fails fast when nothing answers at `baseUrl`. */
async function probe(baseUrl: string): Promise<void> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/me`, { signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`nothing answers at ${baseUrl} (${cause})`);
  }
}

function timeout(ms: number, id: string): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${id} did not finish within ${ms / 1000} s`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

const describeError = (error: unknown): string =>
  error instanceof Error
    ? error.name === 'CheckFailure'
      ? error.message
      : `${error.name}: ${error.message}`
    : String(error);

/**
 * What a check gets against `baseUrl`: recording clients, fixtures and a fresh transcript. `sockets` holds
 * every socket `openSocket` opened; the caller closes them (`close` fails on a frame that broke the contract).
 */
export function createCheckContext(
  baseUrl: string,
  options: Pick<RunOptions, 'jwtSecret' | 'frameTimeoutMs'> = {},
): { context: CheckContext; sockets: SocketRecorder[] } {
  const transcript = new Transcript();
  const http = new HttpRecorder(baseUrl, transcript);
  const fixtures = new Fixtures(http);
  const frameTimeoutMs = options.frameTimeoutMs ?? 5000;
  const sockets: SocketRecorder[] = [];
  const context: CheckContext = {
    baseUrl,
    http,
    fixtures,
    inputs: { jwtSecret: options.jwtSecret },
    transcript,
    frameTimeoutMs,
    async openSocket(token: string): Promise<OpenSocket> {
      const socket = await connectSocket(baseUrl, await fixtures.ticket(token), transcript, frameTimeoutMs);
      sockets.push(socket);
      const first = await socket.next();
      ensure(first.type === 'hello', `socket ${socket.number}: the first frame must be hello, got ${first.type}`);
      return { socket, hello: first };
    },
  };
  return { context, sockets };
}

async function runCheck(check: Check, baseUrl: string, options: RunOptions): Promise<CheckResult> {
  const base = {
    id: check.id,
    area: check.area,
    title: check.title,
    required: check.required,
    contract: check.contract,
  };
  if (check.needs && !options[check.needs]) {
    const flag = check.needs === 'jwtSecret' ? '--jwt-secret (or CONFAB_JWT_SECRET)' : check.needs;
    return { ...base, status: 'skip', durationMs: 0, error: `needs ${flag}`, exchanges: [] };
  }
  const { context, sockets } = createCheckContext(baseUrl, options);
  const started = performance.now();
  const limit = timeout(options.checkTimeoutMs ?? 60_000, check.id);
  let error: unknown;
  try {
    await Promise.race([check.run(context), limit.promise]);
    for (const socket of sockets) await socket.close();
  } catch (caught) {
    error = caught;
  } finally {
    limit.cancel();
    for (const socket of sockets) socket.terminate();
  }
  const durationMs = Math.round(performance.now() - started);
  if (error === undefined) return { ...base, status: 'pass', durationMs, exchanges: [] };
  const exchanges = context.transcript.tail(options.keepExchanges ?? 8);
  return { ...base, status: 'fail', durationMs, error: describeError(error), exchanges };
}

function tally(results: CheckResult[], required: boolean): Tally {
  const mine = results.filter((r) => r.required === required);
  const count = (status: CheckStatus) => mine.filter((r) => r.status === status).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/**
 * Runs the conformance checks against a live server, one after another, over real HTTP and WebSocket.
 * @example const report = await runConformance('http://localhost:8787'); console.log(formatReport(report));
 */
export async function runConformance(baseUrl: string, options: RunOptions = {}): Promise<Report> {
  const url = normaliseBaseUrl(baseUrl);
  const checks = selectChecks(options.only, options.checks);
  await probe(url);
  const startedAt = new Date();
  const started = performance.now();
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = await runCheck(check, url, options);
    results.push(result);
    options.onResult?.(result);
  }
  const required = tally(results, true);
  return {
    baseUrl: url,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    ok: required.failed === 0,
    required,
    optional: tally(results, false),
    results,
  };
}
