import fc from 'fast-check';
import { FrameSocket, type FuzzFrame, frameArbitrary, frameVerdict } from './fuzz-frames.js';
import { contractOperations } from './fuzz-operations.js';
import { type FuzzRequest, roundOfRequests } from './fuzz-requests.js';
import { DatabaseSnapshots } from './fuzz-snapshot.js';
import { type FuzzReply, sendRequest, verdict } from './fuzz-verdict.js';
import { buildWorld, type FuzzWorld } from './fuzz-world.js';

/** What to fuzz, and for how long. */
export interface FuzzOptions {
  baseUrl: string;
  /** The server's data directory (its SQLite file is read, read-only, to prove refusals change nothing). */
  dataDir: string;
  seed: number;
  /** Stop after about this many requests (rounds are finished). */
  requests: number;
  /** Socket frames per round of all operations. */
  framesPerRound: number;
  /** Changed requests per operation and round. */
  changedPerRound: number;
  bodyLimit: number;
  frameLimit: number;
  /** Called after each round with the requests sent so far. */
  onRound?: (requests: number) => void;
}

/** One broken property, with what it takes to reproduce it. */
export interface FuzzFailure {
  what: string;
  request: string;
  why: string;
}

/** Per-operation tallies. */
export interface OperationTally {
  operationId: string;
  requests: number;
  /** Requests the contract says must be refused (invalid input, bad credentials). */
  mustRefuse: number;
  statuses: Map<number, number>;
}

/** The outcome of a run. */
export interface FuzzReport {
  seed: number;
  requests: number;
  operations: OperationTally[];
  frames: { tried: number; invalid: number; batches: number };
  /** Refused batches whose before/after database snapshots were compared. */
  snapshotsCompared: number;
  failures: FuzzFailure[];
}

/** Operations whose success removes part of the world, which is then built again. */
const DESTRUCTIVE = new Set(['deleteChannel', 'removeMember', 'deleteMessage']);
/** Operations whose success ends the fuzzing user's sessions: the world is built again with new users. */
const SESSION_ENDING = new Set(['logoutAll', 'changePassword']);
const KEPT_FAILURES = 50;

const describe = (request: FuzzRequest): string => {
  const body =
    request.body === undefined
      ? ''
      : ` ${typeof request.body === 'string' ? request.body.slice(0, 300) : `<${request.body.byteLength} bytes>`}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization' || request.kind === 'unauthenticated')
    .map(([name, value]) => `${name}: ${value.slice(0, 60)}`)
    .join(', ');
  return `${request.method} ${request.path.slice(0, 300)} [${headers}]${body}`;
};

/**
 * Fuzzes a running server: rounds of generated requests for every contract operation (valid, edge,
 * invalid, unauthenticated) and random socket frames, until `requests` have been sent. Refused batches
 * are bracketed by database snapshots. Failures are collected, not thrown, so a run reports them all.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const operations = contractOperations();
  const tallies = new Map(
    operations.map((o) => [
      o.operationId,
      { operationId: o.operationId, requests: 0, mustRefuse: 0, statuses: new Map() },
    ]),
  );
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    operations: [...tallies.values()],
    frames: { tried: 0, invalid: 0, batches: 0 },
    snapshotsCompared: 0,
    failures: [],
  };
  let failureCount = 0;
  const fail = (failure: FuzzFailure) => {
    failureCount++;
    if (report.failures.length < KEPT_FAILURES) report.failures.push(failure);
  };
  let world: FuzzWorld = await buildWorld(options.baseUrl);
  const snapshots = new DatabaseSnapshots(options.dataDir);
  let socket = await FrameSocket.open(options.baseUrl, world.me.token);

  const send = async (request: FuzzRequest): Promise<FuzzReply> => {
    const reply = await sendRequest(options.baseUrl, request);
    const tally = tallies.get(request.operation.operationId)!;
    tally.requests++;
    if (request.kind === 'invalid' || request.kind === 'unauthenticated') tally.mustRefuse++;
    tally.statuses.set(reply.status, (tally.statuses.get(reply.status) ?? 0) + 1);
    report.requests++;
    const why = verdict(request, reply);
    if (why) fail({ what: `${request.operation.operationId}: ${request.label}`, request: describe(request), why });
    return reply;
  };

  try {
    for (let round = 0; report.requests < options.requests; round++) {
      for (const [index, operation] of operations.entries()) {
        const seed = options.seed + round * 1009 + index;
        const requests = roundOfRequests(operation, world, {
          seed,
          changed: options.changedPerRound,
          bodyLimit: options.bodyLimit,
        });
        const refused = requests.filter((r) => r.kind === 'invalid' || r.kind === 'unauthenticated');
        const before = snapshots.take();
        for (const request of refused) await send(request);
        const changed = DatabaseSnapshots.changed(before, snapshots.take());
        report.snapshotsCompared++;
        if (changed.length) {
          fail({
            what: `${operation.operationId}: refused requests changed data`,
            request: refused.map(describe).join('\n'),
            why: `tables changed: ${changed.join(', ')}`,
          });
        }
        for (const request of requests.filter((r) => !refused.includes(r))) {
          const reply = await send(request);
          const { operationId, secured } = operation;
          if ((SESSION_ENDING.has(operationId) && reply.status < 300) || (secured && reply.status === 401)) {
            if (!SESSION_ENDING.has(operationId)) {
              fail({ what: `${operationId}: the token stopped working`, request: describe(request), why: '401' });
            }
            world = await buildWorld(options.baseUrl);
            socket.close();
            socket = await FrameSocket.open(options.baseUrl, world.me.token);
          } else if (DESTRUCTIVE.has(operationId) && reply.status < 300) {
            world = await buildWorld(options.baseUrl, { me: world.me, other: world.other });
          }
        }
      }
      socket = await fuzzFrames(options, world, socket, options.seed + round, report, fail, snapshots);
      options.onRound?.(report.requests);
    }
  } finally {
    socket.close();
    snapshots.close();
  }
  if (failureCount > report.failures.length) {
    report.failures.push({ what: `…and ${failureCount - report.failures.length} more`, request: '', why: '' });
  }
  return report;
}

/** One round of socket frames: a batch of bad frames (bracketed by snapshots) and a mixed batch. */
async function fuzzFrames(
  options: FuzzOptions,
  world: FuzzWorld,
  socket: FrameSocket,
  seed: number,
  report: FuzzReport,
  fail: (failure: FuzzFailure) => void,
  snapshots: DatabaseSnapshots,
): Promise<FrameSocket> {
  const frames = fc.sample(frameArbitrary(world, options.frameLimit), { seed, numRuns: options.framesPerRound * 2 });
  const bad = frames.filter((f) => f.invalid).slice(0, options.framesPerRound);
  const mixed = frames.slice(0, options.framesPerRound);
  let current = socket;
  for (const [which, batch] of [
    ['bad', bad],
    ['mixed', mixed],
  ] as const) {
    if (!batch.length) continue;
    const before = which === 'bad' ? snapshots.take() : undefined;
    const shown = (b: FuzzFrame[]) =>
      b.map((f) => (typeof f.data === 'string' ? f.data.slice(0, 120) : '<binary>')).join('\n');
    try {
      const answers = await current.exchange(
        batch.map((f) => f.data),
        `fuzz-${seed}-${which}`,
      );
      const why = frameVerdict(batch, answers);
      if (why) fail({ what: `socket: a ${which} batch (seed ${seed})`, request: shown(batch), why });
    } catch (error) {
      fail({ what: `socket: a ${which} batch (seed ${seed})`, request: shown(batch), why: String(error) });
      current.close();
      current = await FrameSocket.open(options.baseUrl, world.me.token);
    }
    if (before) {
      report.snapshotsCompared++;
      const changed = DatabaseSnapshots.changed(before, snapshots.take());
      if (changed.length)
        fail({ what: 'socket: bad frames changed data', request: shown(batch), why: changed.join(', ') });
    }
    report.frames.batches++;
    report.frames.tried += batch.length;
    report.frames.invalid += batch.filter((f) => f.invalid).length;
  }
  return current;
}

/** The report as a markdown table per operation, then frames and failures. */
export function formatFuzzReport(report: FuzzReport): string {
  const lines = [
    `Fuzz run, seed ${report.seed}: ${report.requests} requests, ${report.frames.tried} frames, ${report.failures.length ? 'FAILURES' : 'no failures'}.`,
    '',
    '| operation | requests | must refuse | statuses seen |',
    '| --- | ---: | ---: | --- |',
    ...report.operations.map((o) => {
      const statuses = [...o.statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ');
      return `| ${o.operationId} | ${o.requests} | ${o.mustRefuse} | ${statuses} |`;
    }),
    '',
    `Socket: ${report.frames.tried} frames in ${report.frames.batches} batches, ${report.frames.invalid} of them invalid.`,
    `Database snapshots compared around refused batches: ${report.snapshotsCompared}.`,
    '',
    `Failures: ${report.failures.length}`,
    ...report.failures.map((f) => `- ${f.what}: ${f.why}\n  ${f.request.replace(/\n/g, '\n  ')}`),
  ];
  return lines.join('\n');
}
