import type { Fixtures } from './fixtures.js';
import type { HttpRecorder } from './http-recorder.js';
import type { OpenSocket } from './socket-recorder.js';
import type { Transcript } from './transcript.js';

/** The areas of the contract, in the order the report lists them. */
export const AREAS = [
  'auth',
  'tickets',
  'socket',
  'channels',
  'access',
  'messages',
  'pagination',
  'threads',
  'reactions',
  'read-state',
  'replay',
  'ordering',
  'errors',
  'limits',
  'frames',
  'host-tokens',
  'typing',
  'presence',
  'uploads',
  'mentions',
  'moderation',
  'search',
  'pins',
  'reports',
  'ops',
] as const;

/** One area of the contract, e.g. `replay`. */
export type Area = (typeof AREAS)[number];

/** What a check may need beyond a base URL; a check whose needs are not met is skipped. */
export interface RunInputs {
  /** The deployment's HS256 secret, for host-app tokens (`host-tokens` checks need it). */
  jwtSecret?: string | undefined;
}

/** Everything a running check gets: recording clients, fixtures and the inputs of the run. */
export interface CheckContext {
  /** The server under test, without a trailing slash. */
  readonly baseUrl: string;
  readonly http: HttpRecorder;
  readonly fixtures: Fixtures;
  readonly inputs: RunInputs;
  /** Every request, reply and frame of this check, in order. */
  readonly transcript: Transcript;
  /** How long a socket wait lasts before the check fails, in milliseconds. */
  readonly frameTimeoutMs: number;
  /** Gets a ticket with `token`, opens the socket and reads `hello`; the runner closes it after the check. */
  openSocket(token: string): Promise<OpenSocket>;
}

/** One rule of the contract, checked over real HTTP and WebSocket. */
export interface Check {
  /** Stable id, `<area>.<name>`, e.g. `replay.after-seq`. */
  id: string;
  area: Area;
  /** What must hold, as a sentence. */
  title: string;
  /** Required checks are the core contract; optional ones are features a backend may leave out. */
  required: boolean;
  /** The section of the contract the check enforces, e.g. `asyncapi.yaml › Recovery`. */
  contract: string;
  /** An input the check cannot run without. */
  needs?: keyof RunInputs;
  run(context: CheckContext): Promise<void>;
}

/** How a check ended: passed, failed, or skipped (an input it needs was not given). */
export type CheckStatus = 'pass' | 'fail' | 'skip';
